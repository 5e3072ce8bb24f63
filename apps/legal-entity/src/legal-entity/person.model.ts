import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/**
 * A reference to a person by citizen ID. The population library owns Person; this subgraph only
 * knows the key, so it declares the type unresolvable here.
 */
@ObjectType()
@Directive('@key(fields: "idNumber", resolvable: false)')
export class Person {
  @Field(() => ID, { description: '公民身份号码 (GB 11643)' })
  idNumber: string;
}
