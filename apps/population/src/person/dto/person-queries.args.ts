import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { MAX_CURSOR_LENGTH } from '@hub/register';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsDivisionCode } from '@hub/subgraph';
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
