import { Field, ObjectType } from '@nestjs/graphql';
import { WriteResultOutcome } from '@hub/register';
import { LegalEntity } from './legal-entity.model.js';
import { IN_LEGAL_ENTITY_SCHEMA } from '../legal-entity.graphql-scope.js';

@ObjectType({ ...IN_LEGAL_ENTITY_SCHEMA, ...IN_LEGAL_ENTITY_SCHEMA })
export class LegalEntityWriteResult {
  @Field(() => WriteResultOutcome)
  outcome: WriteResultOutcome;

  @Field(() => LegalEntity)
  legalEntity: LegalEntity;
}
