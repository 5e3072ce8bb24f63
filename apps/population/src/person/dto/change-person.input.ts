import { Field, InputType, IntersectionType, PartialType, PickType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { PersonStatus } from '../person-enums.js';
import { PERSON_REGISTER, PERSON_STATUS_PROPERTIES } from '../person.register.js';
import { PersonRecordInput } from './person-record.input.js';
import { IN_POPULATION_SCHEMA } from '../../population.graphql-scope.js';

const SOURCE = ['idNumber', 'sourceDepartment', 'sourceSystem', 'sourceRecordId', 'version'] as const;

/** Everything but the status, which changes through changePersonStatus (its own event). */
export const CHANGEABLE_PERSON_FIELDS = PERSON_REGISTER.businessFields.filter(
  (f): f is Exclude<keyof PersonRecordInput, (typeof PERSON_STATUS_PROPERTIES)[number] | (typeof SOURCE)[number]> =>
    !(PERSON_STATUS_PROPERTIES as readonly string[]).includes(f),
);

/** A new version of a person with only the fields that changed; `null` clears an optional field. */
@InputType('ChangePersonInput', { ...IN_POPULATION_SCHEMA, ...IN_POPULATION_SCHEMA })
export class ChangePersonInput extends IntersectionType(
  PickType(PersonRecordInput, SOURCE, InputType),
  PartialType(PickType(PersonRecordInput, CHANGEABLE_PERSON_FIELDS, InputType), InputType),
  InputType,
) {}

/** A new version of a person whose status changed: a death (with its date) or a move. */
@InputType('ChangePersonStatusInput', { ...IN_POPULATION_SCHEMA, ...IN_POPULATION_SCHEMA })
export class ChangePersonStatusInput extends IntersectionType(
  PickType(PersonRecordInput, SOURCE, InputType),
  PickType(PersonRecordInput, ['statusEffectiveOn', 'statusReason'] as const, InputType),
  InputType,
) {
  @Field(() => PersonStatus)
  @IsEnum(PersonStatus)
  status: PersonStatus;
}
