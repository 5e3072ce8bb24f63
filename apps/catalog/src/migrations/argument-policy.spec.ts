import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScratchDatabase, dataSourceOptions, migrateSchema } from '@hub/persistence';
import { CATALOG_PERSISTENCE } from '../catalog.persistence.js';
import { ArgumentPolicy1796634128489 } from './1796634128489-argument-policy.js';

// A hub upgraded to data items that govern arguments keeps its catalog: the shipped items it still
// has unchanged get their shipped arguments, so that its filters and lookups are not all refused
// (ungoverned) the moment the gateway reloads the policy.
describe('the ArgumentPolicy migration on a hub that already has a catalog', () => {
  let database: ScratchDatabase;
  let dataSource: DataSource;
  // The catalog as it was just before: codes in their layout of the day (目 of 2 digits).
  const before = CATALOG_PERSISTENCE.migrations.slice(
    0,
    CATALOG_PERSISTENCE.migrations.indexOf(ArgumentPolicy1796634128489),
  );
  const after = CATALOG_PERSISTENCE.migrations.slice(before.length) as Array<{ name: string }>;

  beforeAll(async () => {
    database = await ScratchDatabase.create();
    dataSource = await new DataSource(
      dataSourceOptions(
        { ...CATALOG_PERSISTENCE, migrations: before },
        { url: database.url, poolSize: 1, embedded: database.embedded },
      ),
    ).initialize();
    await migrateSchema(dataSource, CATALOG_PERSISTENCE.schema);
    const insert = (code: string, no: number, fields: string[]) =>
      dataSource.query(
        `INSERT INTO catalog.data_item (resource_code, no, name, data_type, fields, sensitivity) VALUES ($1, $2, 'x', 'STRING', $3, 'PERSONAL')`,
        [code, no, fields],
      );
    await insert('10101001/000001', 1, ['Person.idNumber']);
    // A steward moved the name to another item: not the shipped item any more.
    await insert('10101001/000001', 2, ['Person.name', 'Person.formerName']);
    await insert('10103001/000001', 1, ['Person.phone']);
    await dataSource.destroy();
    dataSource = await new DataSource(
      dataSourceOptions(CATALOG_PERSISTENCE, { url: database.url, poolSize: 1, embedded: database.embedded }),
    ).initialize();
    expect(await migrateSchema(dataSource, CATALOG_PERSISTENCE.schema)).toEqual(after.map((m) => m.name));
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('gives unchanged shipped items their shipped arguments, and leaves changed or argument-less items empty (codes then in the guide’s layout)', async () => {
    const rows: Array<{ resource_code: string; no: number; arguments: string[] }> = await dataSource.query(
      'SELECT resource_code, no, arguments FROM catalog.data_item ORDER BY resource_code, no',
    );
    expect(rows.map((r) => [r.resource_code, r.no, r.arguments])).toEqual([
      ['101001001/000001', 1, ['Query.person(idNumber)', 'Query.persons(idNumbers)']],
      ['101001001/000001', 2, []],
      ['101003001/000001', 1, []],
    ]);
  });
});
