import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '@hub/register';
import { LegalEntity } from './legal-entity.model.js';
import { IN_LEGAL_ENTITY_SCHEMA } from '../legal-entity.graphql-scope.js';

@ObjectType({ ...IN_LEGAL_ENTITY_SCHEMA, ...IN_LEGAL_ENTITY_SCHEMA })
export class LegalEntityEdge {
  @Field()
  cursor: string;

  @Field(() => LegalEntity)
  node: LegalEntity;
}

@ObjectType({ ...IN_LEGAL_ENTITY_SCHEMA, description: 'A page of legal entities, ordered by USCC' })
export class LegalEntityConnection {
  @Field(() => [LegalEntityEdge])
  edges: LegalEntityEdge[];

  @Field(() => [LegalEntity])
  nodes: LegalEntity[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
