import type { PersistenceOptions } from '@hub/persistence';
import { LEGAL_ENTITY_PERSISTENCE } from '../apps/legal-entity/src/legal-entity.persistence.js';
import { CREDIT_PERSISTENCE } from '../apps/credit/src/credit.persistence.js';
import { CATALOG_PERSISTENCE } from '../apps/catalog/src/catalog.persistence.js';
import { GEOSPATIAL_PERSISTENCE } from '../apps/geospatial/src/geospatial.persistence.js';
import { ONCE_ONLY_PERSISTENCE } from '../apps/once-only/src/once-only.persistence.js';
import { POPULATION_PERSISTENCE } from '../apps/population/src/population.persistence.js';
import { SCHEMA_OWNERS, type SchemaOwnerName } from '@hub/config';

/** The entities and migrations of each app the registry says owns a schema: one missing here fails the typecheck. */
const PERSISTENCE: Record<SchemaOwnerName, PersistenceOptions> = {
  'legal-entity': LEGAL_ENTITY_PERSISTENCE,
  population: POPULATION_PERSISTENCE,
  credit: CREDIT_PERSISTENCE,
  geospatial: GEOSPATIAL_PERSISTENCE,
  catalog: CATALOG_PERSISTENCE,
  'once-only': ONCE_ONLY_PERSISTENCE,
};

/** Every app that owns a database schema, by app name (as in `apps/<name>`), in the registry's order, for the database tools. */
export const LIBRARY_SCHEMAS: Record<string, PersistenceOptions> = Object.fromEntries(
  SCHEMA_OWNERS.map((app) => [app.name, PERSISTENCE[app.name]]),
);
