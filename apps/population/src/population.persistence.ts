import type { PersistenceOptions } from '@hub/persistence';
import { PersonChangeRow, PersonRow } from './person/person.entity.js';
import { POPULATION_MIGRATIONS } from './migrations/index.js';
import { POPULATION_SCHEMA } from './population.schema.js';

export const POPULATION_PERSISTENCE: PersistenceOptions = {
  schema: POPULATION_SCHEMA,
  entities: [PersonRow, PersonChangeRow],
  migrations: POPULATION_MIGRATIONS,
};
