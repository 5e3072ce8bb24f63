import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { CursorField } from '@hub/register';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DEFAULT_PAGE_SIZE, IsDivisionCode, PageSizeField } from '@hub/subgraph';
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

  @Field({
    nullable: true,
    description: 'A province, prefecture or county division code: entities registered anywhere within it',
  })
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

  @PageSizeField()
  first: number = DEFAULT_PAGE_SIZE;

  @CursorField()
  after?: string;
}
