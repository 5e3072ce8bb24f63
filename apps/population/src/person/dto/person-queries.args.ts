import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { CursorField } from '@hub/register';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DEFAULT_PAGE_SIZE, IsDivisionCode, PageSizeField } from '@hub/subgraph';
import { PersonStatus } from '../person-enums.js';
import { IN_POPULATION_SCHEMA } from '../../population.graphql-scope.js';

@InputType('PersonSearchFilter', { ...IN_POPULATION_SCHEMA, ...IN_POPULATION_SCHEMA })
export class PersonSearchFilter {
  @Field({ nullable: true, description: 'The exact name' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  name?: string;

  @Field({ nullable: true, description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  nameContains?: string;

  @Field({ nullable: true, description: 'Household registered anywhere within this province, prefecture or county' })
  @IsOptional()
  @IsDivisionCode()
  divisionCode?: string;

  @Field(() => PersonStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PersonStatus)
  status?: PersonStatus;
}

@ArgsType({ ...IN_POPULATION_SCHEMA })
export class SearchPersonsArgs {
  @Field(() => PersonSearchFilter)
  @ValidateNested()
  @Type(() => PersonSearchFilter)
  filter: PersonSearchFilter;

  @PageSizeField()
  first: number = DEFAULT_PAGE_SIZE;

  @CursorField()
  after?: string;
}
