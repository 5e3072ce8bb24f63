import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsDay } from '@hub/subgraph';
import { IN_CATALOG_SCHEMA } from '../catalog.graphql-scope.js';
import { IsResourceCode } from '../catalog/is-resource-code.js';
import { SharingApplicationSide, SharingApplicationStatus, SharingGrantStatus } from './sharing.model.js';

@InputType({ ...IN_CATALOG_SCHEMA })
export class ApplyForSharingInput {
  @Field()
  @IsResourceCode()
  resourceCode: string;

  @Field(() => [Int], { description: 'Item numbers of the resource' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  @Min(1, { each: true })
  items: number[];

  @Field({ description: 'Why the data is needed (用途)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  purpose: string;

  @Field({ description: 'The law or regulation the use rests on (依据)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  legalBasis: string;

  @Field()
  @IsDay()
  requestedFrom: string;

  @Field()
  @IsDay()
  requestedTo: string;

  @Field({ defaultValue: false, description: 'Ask for unmasked values of sensitive items' })
  @IsBoolean()
  fullValues: boolean;

  @Field({
    nullable: true,
    description:
      "The applying system: required when a department steward applies on behalf of one of its department's systems; a system applies for itself",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  systemCode?: string;
}

@InputType({ ...IN_CATALOG_SCHEMA })
export class ApproveSharingInput {
  @Field(() => ID)
  @IsUUID()
  applicationId: string;

  @Field(() => [Int], {
    nullable: true,
    description: 'The items approved; default all asked for. Fewer = a partial approval, which needs a reason',
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @IsInt({ each: true })
  items?: number[];

  @Field({ nullable: true, description: 'Grant unmasked values (only if asked for); default as asked' })
  @IsOptional()
  @IsBoolean()
  fullValues?: boolean;

  @Field({ nullable: true, description: 'Shorten the period; default as asked' })
  @IsOptional()
  @IsDay()
  validTo?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

@InputType({ ...IN_CATALOG_SCHEMA })
export class RejectSharingInput {
  @Field(() => ID)
  @IsUUID()
  applicationId: string;

  @Field({ description: 'Required: the applicant is owed the reason (拒绝须说明理由)' })
  @IsString()
  @MaxLength(2000)
  reason: string;
}

@InputType({ ...IN_CATALOG_SCHEMA })
export class RevokeGrantInput {
  @Field(() => ID)
  @IsUUID()
  grantId: string;

  @Field()
  @IsString()
  @MaxLength(2000)
  reason: string;
}

@InputType({ ...IN_CATALOG_SCHEMA })
export class SharingApplicationFilter {
  @Field(() => SharingApplicationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SharingApplicationStatus)
  status?: SharingApplicationStatus;

  @Field({ nullable: true })
  @IsOptional()
  @IsResourceCode()
  resourceCode?: string;

  @Field(() => SharingApplicationSide, {
    nullable: true,
    description:
      "For a department steward: PROVIDER (default), the applications it decides; CONSUMER, those its department's systems made. Ignored for others",
  })
  @IsOptional()
  @IsEnum(SharingApplicationSide)
  side?: SharingApplicationSide;

  // What an admin looks at after entering a notice: which deadlines it moved (or made official).
  @Field(() => Int, {
    nullable: true,
    description:
      'Only the applications whose deadline a working-day notice of this year counted again (see deadlineChanges)',
  })
  @IsOptional()
  @IsInt()
  @Min(2008)
  @Max(2100)
  movedByNoticeYear?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'With movedByNoticeYear: only that version of the notice (absent: any version)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  movedByNoticeVersion?: number;
}

@InputType({ ...IN_CATALOG_SCHEMA })
export class SharingGrantFilter {
  @Field({ nullable: true, description: 'The consumer system holding the grant' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  systemCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsResourceCode()
  resourceCode?: string;

  @Field(() => SharingGrantStatus, {
    nullable: true,
    description: 'The status as of today (China Standard Time), as SharingGrant.status tells it',
  })
  @IsOptional()
  @IsEnum(SharingGrantStatus)
  status?: SharingGrantStatus;
}
