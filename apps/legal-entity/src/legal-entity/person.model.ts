import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { IN_LEGAL_ENTITY_SCHEMA } from '../legal-entity.graphql-scope.js';

/**
 * A reference to a person by citizen ID. The population library owns Person; this subgraph only
 * knows the key, so it declares the type unresolvable here.
 */
@ObjectType({ ...IN_LEGAL_ENTITY_SCHEMA, ...IN_LEGAL_ENTITY_SCHEMA })
@Directive('@key(fields: "idNumber", resolvable: false)')
export class Person {
  @Field(() => ID, { description: '公民身份号码 (GB 11643)' })
  idNumber: string;
}
