import { Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from './json-object.scalar.js';

/** Shared by every library's subgraph (hence @shareable): where a record came from. */
@ObjectType({
  description: 'Where a record came from: its source department, system and record, and when the hub received it',
})
@Directive('@shareable')
export class Provenance {
  @Field({ description: 'USCC of the source department (数源部门)' })
  sourceDepartment: string;

  @Field()
  sourceSystem: string;

  @Field()
  sourceRecordId: string;

  @Field(() => Int, { description: 'Version of the record in its source system' })
  version: number;

  @Field({ description: 'When the hub received this version' })
  receivedAt: Date;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'The values as received of the fields the hub normalised on the way in (addresses: line breaks, full-width and repeated spaces — docs/geospatial.md), by field name; null when nothing was changed',
  })
  originals?: Record<string, unknown>;
}
