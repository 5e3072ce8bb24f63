import './pg-types.js';
export { DatabaseConfig } from './database.config.js';
export { resolveDatabase, stopEmbeddedDatabase, type DatabaseLocation } from './database-location.js';
export { EmbeddedDatabase } from './embedded/embedded-database.js';
export {
  PersistenceModule,
  DATABASE_LOCATION,
  dataSourceOptions,
  type PersistenceOptions,
} from './persistence.module.js';
export { migrateSchema, pendingSchemaChanges, assertSchemaName } from './schema.js';
export { StatementCountingLogger } from './statement-counter.js';
export { ScratchDatabase } from './scratch-database.js';
export { Repository, type InTransaction } from './repository.js';
