import { Directive, Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Where a page of a cursor-paginated list ends' })
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field({ nullable: true })
  endCursor?: string;
}
