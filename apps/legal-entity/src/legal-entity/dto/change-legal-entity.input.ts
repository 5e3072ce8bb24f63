import { Field, InputType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { ChangeRecordInputType, ChangeStatusInputType, changeableFields } from '@hub/register';
import { LegalEntityStatus } from '../legal-entity-status.js';
import { LegalEntityRecordInput } from './legal-entity-record.input.js';
import { LEGAL_ENTITY_REGISTER } from '../legal-entity.register.js';
import { IN_LEGAL_ENTITY_SCHEMA } from '../../legal-entity.graphql-scope.js';

/** Everything but the status, which changes through changeLegalEntityStatus (its own event). */
export const CHANGEABLE_FIELDS = changeableFields<LegalEntityRecordInput>(LEGAL_ENTITY_REGISTER);

/** A new version of a legal entity with only the fields that changed; `null` clears an optional field. */
@InputType('ChangeLegalEntityInput', IN_LEGAL_ENTITY_SCHEMA)
export class ChangeLegalEntityInput extends ChangeRecordInputType(
  LegalEntityRecordInput,
  'uscc',
  LEGAL_ENTITY_REGISTER,
) {}

/** A new version of a legal entity whose status changed (e.g. 吊销 revoked, 注销 deregistered). */
@InputType('ChangeLegalEntityStatusInput', IN_LEGAL_ENTITY_SCHEMA)
export class ChangeLegalEntityStatusInput extends ChangeStatusInputType(LegalEntityRecordInput, 'uscc', [
  'statusEffectiveOn',
  'statusReason',
]) {
  @Field(() => LegalEntityStatus)
  @IsEnum(LegalEntityStatus)
  status: LegalEntityStatus;
}
