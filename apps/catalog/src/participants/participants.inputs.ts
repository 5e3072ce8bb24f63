import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Role } from '@hub/auth';
import { IsDay, IsDivisionCode, IsUscc } from '@hub/subgraph';
import { IN_CATALOG_SCHEMA } from '../catalog.graphql-scope.js';
import { ApiKeyStatus } from './participants.model.js';

export const SYSTEM_CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

@InputType({ ...IN_CATALOG_SCHEMA })
export class RegisterDepartmentInput {
  @Field()
  @IsUscc()
  uscc: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field()
  @IsDivisionCode()
  divisionCode: string;
}

@InputType({ ...IN_CATALOG_SCHEMA })
export class RegisterSystemInput {
  @Field({ description: 'Unique across the hub: lower-case letters, digits and dashes, e.g. "fs-hrss-social"' })
  @IsString()
  @MaxLength(64)
  @Matches(SYSTEM_CODE, { message: 'lower-case letters, digits and single dashes, e.g. fs-hrss-social' })
  code: string;

  @Field()
  @IsUscc()
  departmentUscc: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

@InputType({ ...IN_CATALOG_SCHEMA })
export class SetSystemRateLimitInput {
  @Field()
  @IsString()
  @MaxLength(64)
  @Matches(SYSTEM_CODE, { message: 'lower-case letters, digits and single dashes, e.g. fs-hrss-social' })
  systemCode: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Requests per minute for all the system's keys together (1 to 1,000,000); null: back to the hub's default",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  requestsPerMinute?: number | null;

  @Field({ description: 'Why (kept with the change)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

@InputType({ ...IN_CATALOG_SCHEMA })
export class IssueApiKeyInput {
  @Field(() => [Role])
  @ArrayNotEmpty()
  @ArrayMaxSize(3)
  @IsEnum(Role, { each: true })
  roles: Role[];

  @Field({ nullable: true, description: 'Required with the SYSTEM role: the system the key is for' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  systemCode?: string;

  @Field({
    nullable: true,
    description: 'For a STEWARD: the department stewarded; absent = hub-wide. An ADMIN key has none',
  })
  @IsOptional()
  @IsUscc()
  departmentUscc?: string;

  @Field({ description: 'Who holds the key: a system name or a person' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  holderName: string;

  @Field({
    nullable: true,
    description: 'Last day the key works (YYYY-MM-DD, at most 3 years ahead); default one year',
  })
  @IsOptional()
  @IsDay()
  expiresOn?: string;
}

@InputType({ ...IN_CATALOG_SCHEMA })
export class RevokeApiKeyInput {
  @Field()
  @IsString()
  @MaxLength(12)
  id: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

@InputType({ ...IN_CATALOG_SCHEMA })
export class ApiKeyFilter {
  @Field({
    nullable: true,
    description:
      "The department of the system or steward holding the key (a department steward sees its own department's only)",
  })
  @IsOptional()
  @IsUscc()
  departmentUscc?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  systemCode?: string;

  @Field(() => ApiKeyStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ApiKeyStatus)
  status?: ApiKeyStatus;
}
