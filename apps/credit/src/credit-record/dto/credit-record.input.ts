import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { RegisterRecordInput } from '@hub/register';
import { IsCalendarDate, IsNotBlank, IsUscc } from '@hub/subgraph';
import { IN_CREDIT_SCHEMA } from '../../credit.graphql-scope.js';
import { CreditRecordKind, CreditRecordStatus, PenaltyType, SubjectType } from '../credit-enums.js';

/**
 * One credit record as the deciding authority's system sends it (the same flat shape for the
 * mutation and for bulk extracts). Which fields are required depends on the kind: see
 * toCreditRecord. The record is identified by kind + authority + decision number.
 */
@InputType('CreditRecordInput', { ...IN_CREDIT_SCHEMA, description: 'A credit record from its deciding authority' })
export class CreditRecordInput extends RegisterRecordInput {
  @Field(() => CreditRecordKind)
  @IsEnum(CreditRecordKind)
  kind: CreditRecordKind;

  @Field(() => SubjectType)
  @IsEnum(SubjectType)
  subjectType: SubjectType;

  @Field({ description: 'USCC of a legal entity, or citizen ID of a person' })
  @IsString()
  @MaxLength(18)
  subjectId: string;

  @Field({ nullable: true, description: "The subject's name as the decision gives it" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subjectName?: string;

  @Field({ nullable: true, description: 'Decision document number (决定文书号); required for every kind' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  decisionNumber?: string;

  @Field({ description: 'Licence name, penalty name, list name or commitment title' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  title: string;

  @Field({ description: 'The deciding authority (决定机关)' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  authorityName: string;

  @Field({ description: 'USCC of the deciding authority' })
  @IsUscc()
  authorityUscc: string;

  @Field({ description: 'Date of the decision (or of listing, or of the commitment), YYYY-MM-DD' })
  @IsCalendarDate()
  decidedOn: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string;

  @Field({
    nullable: true,
    description: 'End of validity (licence) or of publication (penalty, list entry); open when absent',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'INVALID_DATE: YYYY-MM-DD' })
  validTo?: string;

  @Field({
    nullable: true,
    description: 'Licence content, facts of the violation, reason for listing, or the commitment',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  content?: string;

  @Field({ nullable: true, description: 'Legal basis (依据); required for licences and penalties' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  legalBasis?: string;

  @Field(() => PenaltyType, { nullable: true, description: 'Required for penalties' })
  @IsOptional()
  @IsEnum(PenaltyType)
  penaltyType?: PenaltyType;

  @Field({ nullable: true, description: 'Fine in yuan, e.g. "50000" or "12.50"' })
  @IsOptional()
  @Matches(/^\d{1,16}(\.\d{1,2})?$/, { message: 'INVALID_AMOUNT: a non-negative amount with at most 2 decimals' })
  fineAmount?: string;

  @Field(() => CreditRecordStatus, { nullable: true, description: 'Defaults to ACTIVE' })
  @IsOptional()
  @IsEnum(CreditRecordStatus)
  status?: CreditRecordStatus;

  @Field({ nullable: true, description: 'When the status took effect (removed from the list, revoked, repaired…)' })
  @IsOptional()
  @IsCalendarDate()
  statusEffectiveOn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  statusReason?: string;
}
