import { Field, InputType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { ChangeRecordInputType, ChangeStatusInputType, changeableFields } from '@hub/register';
import { PersonStatus } from '../person-enums.js';
import { PERSON_REGISTER } from '../person.register.js';
import { PersonRecordInput } from './person-record.input.js';
import { IN_POPULATION_SCHEMA } from '../../population.graphql-scope.js';

/** Everything but the status, which changes through changePersonStatus (its own event). */
export const CHANGEABLE_PERSON_FIELDS = changeableFields<PersonRecordInput>(PERSON_REGISTER);

/** A new version of a person with only the fields that changed; `null` clears an optional field. */
@InputType('ChangePersonInput', IN_POPULATION_SCHEMA)
export class ChangePersonInput extends ChangeRecordInputType(PersonRecordInput, 'idNumber', PERSON_REGISTER) {}

/** A new version of a person whose status changed: a death (with its date) or a move. */
@InputType('ChangePersonStatusInput', IN_POPULATION_SCHEMA)
export class ChangePersonStatusInput extends ChangeStatusInputType(PersonRecordInput, 'idNumber', [
  'statusEffectiveOn',
  'statusReason',
]) {
  @Field(() => PersonStatus)
  @IsEnum(PersonStatus)
  status: PersonStatus;
}
