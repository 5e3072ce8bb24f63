import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsString, MaxLength } from 'class-validator';
import { IN_CATALOG_SCHEMA } from '../catalog.graphql-scope.js';

@ObjectType({
  ...IN_CATALOG_SCHEMA,
  description: 'A review-result type and the departments that accept it instead of checking again (审查结果互认)',
})
export class RecognitionRule {
  @Field()
  resultType: string;

  @Field()
  name: string;

  @Field({ description: 'PERSON or LEGAL_ENTITY' })
  subjectType: string;

  @Field(() => Int, { description: 'A result of this type is valid at most this many days' })
  maxValidityDays: number;

  @Field(() => [String], { description: 'The departments (USCC) that accept a result of this type' })
  acceptedBy: string[];

  @Field({ nullable: true })
  description?: string;

  @Field(() => Int)
  version: number;

  @Field()
  updatedAt: Date;
}

@InputType({ ...IN_CATALOG_SCHEMA })
export class SetRecognitionInput {
  @Field({ description: 'The result type' })
  @IsString()
  @MaxLength(64)
  resultType: string;

  @Field({ description: 'The department (USCC) that starts or stops accepting it' })
  @IsString()
  @MaxLength(18)
  department: string;

  @Field({ description: 'true: accepts results of this type; false: checks again itself' })
  @IsBoolean()
  accepts: boolean;

  @Field({ description: 'Why (kept in the event and the audit trail)' })
  @IsString()
  @MaxLength(1000)
  reason: string;
}
