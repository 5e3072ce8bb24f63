import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { MAX_CURSOR_LENGTH } from '@hub/register';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsDivisionCode } from '@hub/subgraph';
import { LegalEntityStatus } from '../legal-entity-status.js';
import { IN_LEGAL_ENTITY_SCHEMA } from '../../legal-entity.graphql-scope.js';

@InputType('LegalEntitySearchFilter', { ...IN_LEGAL_ENTITY_SCHEMA, ...IN_LEGAL_ENTITY_SCHEMA })
export class LegalEntitySearchFilter {
  @Field({ nullable: true, description: 'Part of the registered name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  nameContains?: string;

  @Field(() => LegalEntityStatus, { nullable: true })
  @IsOptional()
  @IsEnum(LegalEntityStatus)
  status?: LegalEntityStatus;

  @Field({ nullable: true, description: 'A province, prefecture or county division code: entities registered anywhere within it' })
  @IsOptional()
  @IsDivisionCode()
  divisionCode?: string;
}

@ArgsType({ ...IN_LEGAL_ENTITY_SCHEMA })
export class SearchLegalEntitiesArgs {
  @Field(() => LegalEntitySearchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LegalEntitySearchFilter)
  filter?: LegalEntitySearchFilter;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1–100' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field({ nullable: true, description: 'The endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CURSOR_LENGTH)
  after?: string;
}
