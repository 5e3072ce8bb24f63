import { Field, InputType, IntersectionType, PartialType, PickType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '@hub/subgraph';
import { LegalEntityStatus } from '../legal-entity-status.js';
import { LegalEntityRecordInput } from './legal-entity-record.input.js';

const SOURCE = ['uscc', 'sourceDepartment', 'sourceSystem', 'sourceRecordId', 'version'] as const;
export const CHANGEABLE_FIELDS = [
  'name',
  'kind',
  'establishedOn',
  'registeredCapitalAmount',
  'registeredCapitalCurrency',
  'registrationAuthorityName',
  'registrationAuthorityUscc',
  'registeredAddress',
  'registeredAddressDivisionCode',
  'businessScope',
  'legalRepresentativeIdNumber',
] as const;

/** A new version of a legal entity with only the fields that changed; `null` clears an optional field. */
@InputType('ChangeLegalEntityInput')
export class ChangeLegalEntityInput extends IntersectionType(
  PickType(LegalEntityRecordInput, SOURCE, InputType),
  PartialType(PickType(LegalEntityRecordInput, CHANGEABLE_FIELDS, InputType), InputType),
  InputType,
) {}

/** A new version of a legal entity whose status changed (e.g. 吊销 revoked, 注销 deregistered). */
@InputType('ChangeLegalEntityStatusInput')
export class ChangeLegalEntityStatusInput extends PickType(LegalEntityRecordInput, SOURCE, InputType) {
  @Field(() => LegalEntityStatus)
  @IsEnum(LegalEntityStatus)
  status: LegalEntityStatus;

  @Field({ nullable: true, description: 'Date the status took effect, YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate()
  statusEffectiveOn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  statusReason?: string;
}
