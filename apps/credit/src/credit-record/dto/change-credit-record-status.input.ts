import { Field, ID, InputType, PickType } from '@nestjs/graphql';
import { IsEnum, IsString, MaxLength } from 'class-validator';
import { IN_CREDIT_SCHEMA } from '../../credit.graphql-scope.js';
import { CreditRecordStatus } from '../credit-enums.js';
import { CreditRecordInput } from './credit-record.input.js';

/** A new version of a credit record whose status changed: revoked, removed from a list, repaired… */
@InputType('ChangeCreditRecordStatusInput', { ...IN_CREDIT_SCHEMA })
export class ChangeCreditRecordStatusInput extends PickType(
  CreditRecordInput,
  ['statusEffectiveOn', 'statusReason', 'sourceDepartment', 'sourceSystem', 'sourceRecordId', 'version'] as const,
  InputType,
) {
  @Field(() => ID)
  @IsString()
  @MaxLength(160)
  recordId: string;

  @Field(() => CreditRecordStatus)
  @IsEnum(CreditRecordStatus)
  status: CreditRecordStatus;
}
