import type { PersistenceOptions } from '@hub/persistence';
import { LegalEntityChangeRow } from './legal-entity/legal-entity-change.entity.js';
import { LegalEntityRow } from './legal-entity/legal-entity.entity.js';
import { LegalRepresentativeStatusRow } from './representative/legal-representative-status.entity.js';
import { LEGAL_ENTITY_MIGRATIONS } from './migrations/index.js';
import { LEGAL_ENTITY_SCHEMA } from './legal-entity.schema.js';

export const LEGAL_ENTITY_PERSISTENCE: PersistenceOptions = {
  schema: LEGAL_ENTITY_SCHEMA,
  entities: [LegalEntityRow, LegalEntityChangeRow, LegalRepresentativeStatusRow],
  migrations: LEGAL_ENTITY_MIGRATIONS,
};
