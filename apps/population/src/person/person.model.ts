import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { Provenance } from '@hub/register';
import { Gender, PersonStatus } from './person-enums.js';
import { IN_POPULATION_SCHEMA } from '../population.graphql-scope.js';

@ObjectType({ ...IN_POPULATION_SCHEMA, description: 'A value from a national code table, with its name' })
export class CodedValue {
  @Field()
  code: string;

  @Field({ nullable: true })
  name?: string;
}

@ObjectType({ ...IN_POPULATION_SCHEMA, description: 'An address with its GB/T 2260 division' })
export class PersonAddress {
  @Field()
  text: string;

  @Field({ nullable: true })
  divisionCode?: string;

  @Field({ nullable: true, description: 'Name of the division with its ancestors' })
  divisionName?: string;
}

@ObjectType({
  ...IN_POPULATION_SCHEMA,
  description: 'A person (自然人) in the population base library, keyed by citizen ID',
})
@Directive('@key(fields: "idNumber")')
export class Person {
  @Field(() => ID, { description: '公民身份号码 (GB 11643)' })
  idNumber: string;

  @Field()
  name: string;

  @Field(() => Gender)
  gender: Gender;

  @Field({ description: 'YYYY-MM-DD' })
  birthDate: string;

  @Field(() => CodedValue, { description: 'Ethnicity (民族, GB 3304)' })
  ethnicity: CodedValue;

  @Field(() => PersonAddress, { description: 'Household-registration address (户籍地址)' })
  householdAddress: PersonAddress;

  @Field(() => PersonAddress, { nullable: true, description: 'Residence address (居住地址)' })
  residenceAddress?: PersonAddress;

  @Field({ nullable: true, description: 'Sensitive personal information' })
  phone?: string;

  @Field(() => CodedValue, { nullable: true, description: 'Marital status (婚姻状况, GB/T 2261.2)' })
  maritalStatus?: CodedValue;

  @Field(() => PersonStatus)
  status: PersonStatus;

  @Field({ nullable: true, description: 'Date the status took effect; for DECEASED the date of death' })
  statusEffectiveOn?: string;

  @Field({ nullable: true })
  statusReason?: string;

  @Field({ nullable: true, description: 'Household number (户号)' })
  householdNumber?: string;

  @Field(() => CodedValue, { nullable: true, description: 'Relation to the head of the household (GB/T 4761)' })
  relationToHead?: CodedValue;

  @Field(() => Provenance)
  provenance: Provenance;

  @Field()
  registeredAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType({ ...IN_POPULATION_SCHEMA, description: 'A member of a household and their relation to its head' })
export class HouseholdMember {
  @Field(() => Person)
  person: Person;

  @Field(() => CodedValue, { nullable: true })
  relationToHead?: CodedValue;
}

@ObjectType({ ...IN_POPULATION_SCHEMA, description: 'A household (户) of the household register' })
export class Household {
  @Field(() => ID)
  number: string;

  @Field(() => Person, { nullable: true, description: 'The head of the household (户主)' })
  head?: Person;

  @Field(() => [HouseholdMember], { description: 'Every member, the head first' })
  members: HouseholdMember[];
}

@ObjectType({ ...IN_POPULATION_SCHEMA, ...IN_POPULATION_SCHEMA })
export class PersonEdge {
  @Field()
  cursor: string;

  @Field(() => Person)
  node: Person;
}
