import { Field, ObjectType } from '@nestjs/graphql';
import { LegalEntity } from './legal-entity.model.js';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field({ nullable: true })
  endCursor?: string;
}

@ObjectType()
export class LegalEntityEdge {
  @Field()
  cursor: string;

  @Field(() => LegalEntity)
  node: LegalEntity;
}

@ObjectType({ description: 'A page of legal entities, ordered by USCC' })
export class LegalEntityConnection {
  @Field(() => [LegalEntityEdge])
  edges: LegalEntityEdge[];

  @Field(() => [LegalEntity])
  nodes: LegalEntity[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
