import { Field, InputType, IntersectionType, PartialType, PickType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { LegalEntityStatus } from '../legal-entity-status.js';
import { LegalEntityRecordInput } from './legal-entity-record.input.js';
import { LEGAL_ENTITY_REGISTER, STATUS_PROPERTIES } from '../legal-entity.register.js';
import { IN_LEGAL_ENTITY_SCHEMA } from '../../legal-entity.graphql-scope.js';

const SOURCE = ['uscc', 'sourceDepartment', 'sourceSystem', 'sourceRecordId', 'version'] as const;
/** Everything but the status, which changes through changeLegalEntityStatus (its own event). */
export const CHANGEABLE_FIELDS = LEGAL_ENTITY_REGISTER.businessFields.filter(
  (f): f is Exclude<keyof LegalEntityRecordInput, (typeof STATUS_PROPERTIES)[number] | (typeof SOURCE)[number]> => !(STATUS_PROPERTIES as readonly string[]).includes(f),
);

/** A new version of a legal entity with only the fields that changed; `null` clears an optional field. */
@InputType('ChangeLegalEntityInput', { ...IN_LEGAL_ENTITY_SCHEMA, ...IN_LEGAL_ENTITY_SCHEMA })
export class ChangeLegalEntityInput extends IntersectionType(
  PickType(LegalEntityRecordInput, SOURCE, InputType),
  PartialType(PickType(LegalEntityRecordInput, CHANGEABLE_FIELDS, InputType), InputType),
  InputType,
) {}

/** A new version of a legal entity whose status changed (e.g. 吊销 revoked, 注销 deregistered). */
@InputType('ChangeLegalEntityStatusInput', { ...IN_LEGAL_ENTITY_SCHEMA, ...IN_LEGAL_ENTITY_SCHEMA })
export class ChangeLegalEntityStatusInput extends IntersectionType(
  PickType(LegalEntityRecordInput, SOURCE, InputType),
  PickType(LegalEntityRecordInput, ['statusEffectiveOn', 'statusReason'] as const, InputType),
  InputType,
) {
  @Field(() => LegalEntityStatus)
  @IsEnum(LegalEntityStatus)
  status: LegalEntityStatus;
}
