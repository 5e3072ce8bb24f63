import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IN_ONCE_ONLY_SCHEMA } from '../once-only.graphql-scope.js';

@InputType({ ...IN_ONCE_ONLY_SCHEMA })
export class ReportDataCorrectionInput {
  @Field({ description: 'Whose record: a citizen ID or a USCC' })
  @IsString()
  @MaxLength(40)
  subject: string;

  @Field({
    description:
      'The graph field believed wrong: Person.<field> for a citizen, LegalEntity.<field> for a company (only fields the library corrects by its change event)',
  })
  @IsString()
  @MaxLength(100)
  field: string;

  @Field({ nullable: true, description: 'The value served, as the reporter saw it' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reportedValue?: string;

  @Field({ nullable: true, description: 'The value the reporter believes right, if it knows it' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  proposedValue?: string;

  @Field({ description: 'Why the value is believed wrong (required)' })
  @IsString()
  @MaxLength(1000)
  reason: string;

  @Field(() => [ID], { nullable: true, description: "Materials of the subject's archive that support the report" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  evidence?: string[];
}

@InputType({ ...IN_ONCE_ONLY_SCHEMA })
export class RejectDataCorrectionInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ description: 'Required: the reporter is owed the reason (拒绝须说明理由)' })
  @IsString()
  @MaxLength(1000)
  reason: string;
}

@InputType({ ...IN_ONCE_ONLY_SCHEMA })
export class AcceptDataCorrectionInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ nullable: true, description: 'A note to the reporter, e.g. when the record will be corrected' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
