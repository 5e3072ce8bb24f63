import type { PersistenceOptions } from '@hub/persistence';
import { LEGAL_ENTITY_PERSISTENCE } from '../apps/legal-entity/src/legal-entity.persistence.js';
import { CREDIT_PERSISTENCE } from '../apps/credit/src/credit.persistence.js';
import { CATALOG_PERSISTENCE } from '../apps/catalog/src/catalog.persistence.js';
import { GEOSPATIAL_PERSISTENCE } from '../apps/geospatial/src/geospatial.persistence.js';
import { ONCE_ONLY_PERSISTENCE } from '../apps/once-only/src/once-only.persistence.js';
import { POPULATION_PERSISTENCE } from '../apps/population/src/population.persistence.js';

/** Every app that owns a database schema, by app name (as in `apps/<name>`), for the database tools. */
export const LIBRARY_SCHEMAS: Record<string, PersistenceOptions> = {
  'legal-entity': LEGAL_ENTITY_PERSISTENCE,
  population: POPULATION_PERSISTENCE,
  credit: CREDIT_PERSISTENCE,
  geospatial: GEOSPATIAL_PERSISTENCE,
  catalog: CATALOG_PERSISTENCE,
  'once-only': ONCE_ONLY_PERSISTENCE,
};
