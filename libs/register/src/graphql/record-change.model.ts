import { Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from './json-object.scalar.js';
import { Provenance } from './provenance.model.js';

@ObjectType({ description: 'One change in the history of a record of a base library' })
@Directive('@shareable')
export class RecordChange {
  @Field(() => Int)
  version: number;

  @Field({ description: 'registered, changed or status-changed' })
  changeType: string;

  @Field(() => GraphQLJSONObject, { description: 'For a registration the record; otherwise { field: { from, to } }' })
  changes: Record<string, unknown>;

  @Field(() => Provenance)
  provenance: Provenance;

  @Field({ description: 'The id of the event this change emitted' })
  eventId: string;
}
