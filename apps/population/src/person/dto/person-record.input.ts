import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { RegisterRecordInput, StatusEffectiveOnField, StatusReasonField } from '@hub/register';
import { IsCalendarDate, IsCitizenId, IsDivisionCode, IsNotBlank } from '@hub/subgraph';
import { Gender, PersonStatus } from '../person-enums.js';
import { IN_POPULATION_SCHEMA } from '../../population.graphql-scope.js';

/**
 * One person record as the source department (public security, 户籍) sends it — the same flat
 * shape for the GraphQL mutation and every row of a bulk extract. Gender and birth date must agree
 * with the citizen ID; codes are the national ones (GB 3304 ethnicity, GB/T 2261.2 marital status,
 * GB/T 4761 relation to the head of the household).
 */
@InputType('PersonRecordInput', { ...IN_POPULATION_SCHEMA, description: 'A person record from its source department' })
export class PersonRecordInput extends RegisterRecordInput {
  @Field(() => ID, { description: '公民身份号码 (GB 11643); a 15-digit number is converted' })
  @IsCitizenId()
  idNumber: string;

  @Field({ description: 'Name (姓名), at most 50 characters' })
  @IsString()
  @IsNotBlank()
  @MaxLength(50)
  name: string;

  @Field(() => Gender, { description: 'Must agree with the citizen ID' })
  @IsEnum(Gender)
  gender: Gender;

  @Field({ description: 'YYYY-MM-DD; must agree with the citizen ID' })
  @IsCalendarDate()
  birthDate: string;

  @Field({ description: 'GB 3304 ethnicity code (民族), e.g. "01" 汉族' })
  @Matches(/^\d{2}$/, { message: 'ETHNICITY_UNKNOWN: a two-digit GB 3304 code' })
  ethnicityCode: string;

  @Field({ description: 'Household-registration address (户籍地址)' })
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  householdAddress: string;

  @Field({ description: 'GB/T 2260 division of the household-registration address' })
  @IsDivisionCode()
  householdDivisionCode: string;

  @Field({ nullable: true, description: 'Where the person actually lives (居住地址)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  residenceAddress?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsDivisionCode()
  residenceDivisionCode?: string;

  @Field({ nullable: true, description: 'Phone number (sensitive personal information)' })
  @IsOptional()
  @Matches(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, {
    message: 'INVALID_PHONE: a mainland mobile (11 digits) or landline number',
  })
  phone?: string;

  @Field({ nullable: true, description: 'GB/T 2261.2 marital status code (婚姻状况)' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'MARITAL_STATUS_UNKNOWN: a two-digit GB/T 2261.2 code' })
  maritalStatusCode?: string;

  @Field(() => PersonStatus, { nullable: true, description: 'Defaults to LIVING' })
  @IsOptional()
  @IsEnum(PersonStatus)
  status?: PersonStatus;

  @StatusEffectiveOnField('Date the status took effect (the date of death for DECEASED), YYYY-MM-DD')
  statusEffectiveOn?: string;

  @StatusReasonField()
  statusReason?: string;

  @Field({ nullable: true, description: 'Household number (户号)' })
  @IsOptional()
  @Matches(/^[0-9A-Z]{6,20}$/, { message: 'INVALID_FORMAT: 6–20 digits or capital letters' })
  householdNumber?: string;

  @Field({ nullable: true, description: 'GB/T 4761 relation to the head of the household, e.g. "02" 户主, "10" 配偶' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'RELATION_UNKNOWN: a two-digit GB/T 4761 code' })
  relationToHeadCode?: string;
}
