import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScratchDatabase, dataSourceOptions, migrateSchema, pendingSchemaChanges } from '@hub/persistence';
import { LIBRARY_SCHEMAS } from '../scripts/library-schemas.js';

describe.each(Object.entries(LIBRARY_SCHEMAS))('migrations of the %s library', (_app, options) => {
  let database: ScratchDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await ScratchDatabase.create();
    dataSource = await new DataSource(
      dataSourceOptions(options, { url: database.url, poolSize: 1, embedded: database.embedded }),
    ).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('bring an empty database to exactly what the entities describe (no missing migration)', async () => {
    const applied = await migrateSchema(dataSource, options.schema);
    expect(applied.length).toBeGreaterThan(0);
    // And without running two queries at once on one pg client (pg 8 warns once, pg 9 throws).
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      expect(await pendingSchemaChanges(dataSource)).toEqual({ up: [], down: [] });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((w) => w.includes('client.query()'))).toEqual([]);
  });

  it('apply only once: a second run finds nothing to do', async () => {
    expect(await migrateSchema(dataSource, options.schema)).toEqual([]);
  });

  it('can be reverted, down to an empty schema', async () => {
    while ((await dataSource.query(`SELECT count(*)::int AS n FROM "${options.schema}".migrations`))[0].n > 0) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    const tables = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations'`,
      [options.schema],
    );
    expect(tables).toEqual([]);
  });
});
