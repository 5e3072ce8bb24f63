import { registerEnumType } from '@nestjs/graphql';
import { IN_POPULATION_SCHEMA } from '../population.graphql-scope.js';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

/** A person's status in the population register. Death is final; a person who moved out may move back. */
export enum PersonStatus {
  LIVING = 'LIVING',
  DECEASED = 'DECEASED',
  MOVED_OUT = 'MOVED_OUT',
}

registerEnumType(Gender, {
  ...IN_POPULATION_SCHEMA,
  name: 'Gender',
  description: 'Gender as the citizen ID encodes it (odd sequence: male)',
});
registerEnumType(PersonStatus, {
  ...IN_POPULATION_SCHEMA,
  name: 'PersonStatus',
  valuesMap: {
    LIVING: { description: '在册 living and registered here' },
    DECEASED: { description: '死亡 deceased (statusEffectiveOn is the date of death); final' },
    MOVED_OUT: { description: '迁出 household registration moved elsewhere' },
  },
});
