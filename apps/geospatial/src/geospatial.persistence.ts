import type { PersistenceOptions } from '@hub/persistence';
import { StandardAddressChangeRow, StandardAddressRow } from './address/standard-address.entity.js';
import { AdminDivisionRow, DivisionSourceRow } from './division/admin-division.entity.js';
import { GEOSPATIAL_MIGRATIONS } from './migrations/index.js';
import { EntityLocationRow } from './location/entity-location.entity.js';
import { GEOSPATIAL_SCHEMA } from './geospatial.schema.js';

export const GEOSPATIAL_PERSISTENCE: PersistenceOptions = {
  schema: GEOSPATIAL_SCHEMA,
  entities: [AdminDivisionRow, DivisionSourceRow, StandardAddressRow, StandardAddressChangeRow, EntityLocationRow],
  migrations: GEOSPATIAL_MIGRATIONS,
};
