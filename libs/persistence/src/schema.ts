import type { DataSource } from 'typeorm';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Checks that a library's schema name is a plain identifier (it is interpolated into SQL). */
export function assertSchemaName(schema: string): string {
  if (!IDENTIFIER.test(schema)) throw new Error(`Invalid schema name ${JSON.stringify(schema)}`);
  return schema;
}

/**
 * Brings a library's schema up to date: creates the schema (the migrations table lives in it) and
 * runs pending migrations, each in its own transaction. Never `synchronize`.
 */
export async function migrateSchema(dataSource: DataSource, schema: string): Promise<string[]> {
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${assertSchemaName(schema)}"`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}

/**
 * The SQL that would bring the database in line with the entities, beyond what the migrations
 * did. Empty when migrations and entities agree — the check behind `migration:generate` and the
 * test that fails when an entity changes without a migration.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((q) => q.query),
    down: log.downQueries.map((q) => q.query),
  };
}
