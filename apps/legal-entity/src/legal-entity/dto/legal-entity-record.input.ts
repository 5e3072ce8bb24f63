import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { RegisterRecordInput, StatusEffectiveOnField, StatusReasonField } from '@hub/register';
import { LegalEntityKind } from '../legal-entity-kind.js';
import { IsCalendarDate, IsCitizenId, IsDivisionCode, IsNotBlank, IsUscc } from '@hub/subgraph';
import { LegalEntityStatus } from '../legal-entity-status.js';
import { IN_LEGAL_ENTITY_SCHEMA } from '../../legal-entity.graphql-scope.js';

/**
 * One legal-entity record as a source department sends it — the same flat shape for the GraphQL
 * mutation and for every row of a bulk extract (NDJSON keys, CSV headers), so both paths share
 * one set of rules. The source fields (RegisterRecordInput) identify the record in its source
 * system; `version` is that record's version there.
 */
@InputType('LegalEntityRecordInput', {
  ...IN_LEGAL_ENTITY_SCHEMA,
  description: 'A legal-entity record from its source department',
})
export class LegalEntityRecordInput extends RegisterRecordInput {
  @Field(() => ID, { description: '统一社会信用代码 (GB 32100), 18 characters' })
  @IsUscc()
  uscc: string;

  @Field({ description: 'Registered name (名称), at most 200 characters' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  name: string;

  @Field(() => LegalEntityKind, {
    nullable: true,
    description: 'Only needed when the USCC does not decode to a kind (category "other")',
  })
  @IsOptional()
  @IsEnum(LegalEntityKind)
  kind?: LegalEntityKind;

  @Field(() => LegalEntityStatus, { nullable: true, description: 'Defaults to ACTIVE' })
  @IsOptional()
  @IsEnum(LegalEntityStatus)
  status?: LegalEntityStatus;

  @StatusEffectiveOnField()
  statusEffectiveOn?: string;

  @StatusReasonField()
  statusReason?: string;

  @Field({ nullable: true, description: 'Date of establishment (成立日期), YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate()
  establishedOn?: string;

  @Field({
    nullable: true,
    description: 'Registered capital in units of the currency (yuan for CNY), e.g. "5000000" or "12.50"',
  })
  @IsOptional()
  @Matches(/^\d{1,18}(\.\d{1,2})?$/, {
    message: 'INVALID_AMOUNT: must be a non-negative amount with at most 2 decimals',
  })
  registeredCapitalAmount?: string;

  @Field({ nullable: true, description: 'ISO 4217 currency code; defaults to CNY when an amount is given' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'INVALID_CURRENCY: must be an ISO 4217 code such as CNY' })
  registeredCapitalCurrency?: string;

  @Field({ nullable: true, description: 'Registration authority (登记机关)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  registrationAuthorityName?: string;

  @Field({ nullable: true, description: 'USCC of the registration authority' })
  @IsOptional()
  @IsUscc()
  registrationAuthorityUscc?: string;

  @Field({ description: 'Registered address (住所), at most 500 characters' })
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  registeredAddress: string;

  @Field({ description: 'GB/T 2260 division code of the registered address (6 digits)' })
  @IsDivisionCode()
  registeredAddressDivisionCode: string;

  @Field({ nullable: true, description: 'Business scope (经营范围), at most 4000 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  businessScope?: string;

  @Field({ nullable: true, description: 'Citizen ID of the legal representative (法定代表人)' })
  @IsOptional()
  @IsCitizenId()
  legalRepresentativeIdNumber?: string;
}
