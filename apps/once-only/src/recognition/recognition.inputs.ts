import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsDay } from '@hub/subgraph';
import { IN_ONCE_ONLY_SCHEMA } from '../once-only.graphql-scope.js';
import { ReviewOutcome } from './recognition.model.js';

/** A case number as the gateway takes it (apps/gateway/src/access/access-purpose.ts). */
export const CASE_NUMBER = /^[\p{L}\p{N}\-_/.:()（）〔〕[\]]+$/u;

@InputType({ ...IN_ONCE_ONLY_SCHEMA })
export class RecordReviewResultInput {
  @Field({ description: 'Whose: a citizen ID or a USCC' })
  @IsString()
  @MaxLength(40)
  subject: string;

  @Field({ description: 'A result type of the recognition rules (recognitionRules), for this kind of subject' })
  @IsString()
  @MaxLength(64)
  resultType: string;

  @Field({ description: 'The service item the check was made for (serviceItems)' })
  @IsString()
  @MaxLength(64)
  serviceItemCode: string;

  @Field({ description: 'The case (办件编号): 1–64 letters, digits and - _ / . : ( ) [ ] （ ） 〔 〕' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(CASE_NUMBER, { message: 'a case number is letters, digits and - _ / . : ( ) [ ] （ ） 〔 〕' })
  caseNumber: string;

  @Field(() => ReviewOutcome)
  @IsEnum(ReviewOutcome)
  outcome: ReviewOutcome;

  @Field({ description: 'Who checked (name or staff number), 1–100 characters' })
  @IsString()
  @Matches(/\S/, { message: 'the reviewer is named' })
  @MaxLength(100)
  reviewer: string;

  @Field({
    nullable: true,
    description: 'When it was checked, an ISO 8601 instant with its offset (default: now); not in the future',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  reviewedAt?: string;

  @Field({
    description:
      "The last day it may be relied on (YYYY-MM-DD, China time): from the review's day to at most the rule's maxValidityDays after it",
  })
  @IsDay()
  validUntil: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'The materials and e-licences of the subject the check relied on (ids in the archive, each VALID)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'INVALID_FORMAT: a material id is a UUID' })
  evidence?: string[];
}
