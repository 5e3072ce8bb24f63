import type { PersistenceOptions } from '@hub/persistence';
import { LegalEntityChangeRow } from './legal-entity/legal-entity-change.entity.js';
import { LegalEntityRow } from './legal-entity/legal-entity.entity.js';
import { LEGAL_ENTITY_MIGRATIONS } from './migrations/index.js';

/** The legal-entity library owns the Postgres schema `legal_entity` and nothing else. */
export const LEGAL_ENTITY_SCHEMA = 'legal_entity';

export const LEGAL_ENTITY_PERSISTENCE: PersistenceOptions = {
  schema: LEGAL_ENTITY_SCHEMA,
  entities: [LegalEntityRow, LegalEntityChangeRow],
  migrations: LEGAL_ENTITY_MIGRATIONS,
};
