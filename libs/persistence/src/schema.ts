import type { DataSource, QueryRunner } from 'typeorm';

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
  // TypeORM's schema builder reads the tables' columns with Promise.all on its one query runner,
  // i.e. several queries at once on one pg client: pg 8 warns ("client.query() when the client is
  // already executing a query"), pg 9 throws. Its runner here takes its queries one at a time.
  const createQueryRunner = dataSource.createQueryRunner;
  dataSource.createQueryRunner = (mode) => oneQueryAtATime(createQueryRunner.call(dataSource, mode));
  let log: Awaited<ReturnType<ReturnType<DataSource['driver']['createSchemaBuilder']>['log']>>;
  try {
    log = await dataSource.driver.createSchemaBuilder().log();
  } finally {
    dataSource.createQueryRunner = createQueryRunner;
  }
  return {
    up: log.upQueries.map((q) => q.query),
    down: log.downQueries.map((q) => q.query),
  };
}

/** Makes a query runner queue its queries: each starts when the one before has settled. */
function oneQueryAtATime(runner: QueryRunner): QueryRunner {
  const query = runner.query.bind(runner);
  let previous: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: Parameters<QueryRunner['query']>) => {
    const next = previous.then(() => query(...args));
    previous = next.catch(() => undefined);
    return next;
  }) as QueryRunner['query'];
  return runner;
}
