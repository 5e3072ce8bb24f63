import { Field, ObjectType } from '@nestjs/graphql';
import { WriteResultOutcome } from '@hub/register';
import { LegalEntity } from './legal-entity.model.js';

@ObjectType()
export class LegalEntityWriteResult {
  @Field(() => WriteResultOutcome)
  outcome: WriteResultOutcome;

  @Field(() => LegalEntity)
  legalEntity: LegalEntity;
}
