import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScratchDatabase, dataSourceOptions, migrateSchema } from '@hub/persistence';
import { CATALOG_PERSISTENCE } from '../catalog.persistence.js';
import { GuideResourceCodes1796700000000 } from './1796700000000-guide-resource-codes.js';

// A hub whose catalog was kept under the earlier layout (目 of 2 digits) keeps every resource,
// item, version, application and grant when its codes take the guide's layout: each still names
// the same resource, under its new code.
describe('the GuideResourceCodes migration on a hub with a catalog, applications and grants', () => {
  let database: ScratchDatabase;
  let dataSource: DataSource;
  const before = CATALOG_PERSISTENCE.migrations.slice(
    0,
    CATALOG_PERSISTENCE.migrations.indexOf(GuideResourceCodes1796700000000),
  );
  const application = randomUUID();
  const grant = randomUUID();
  const provider = '11440604MB2C92840X';

  beforeAll(async () => {
    database = await ScratchDatabase.create();
    dataSource = await new DataSource(
      dataSourceOptions(
        { ...CATALOG_PERSISTENCE, migrations: before },
        { url: database.url, poolSize: 1, embedded: database.embedded },
      ),
    ).initialize();
    await migrateSchema(dataSource, CATALOG_PERSISTENCE.schema);
    const resource = (code: string, related: string[]) =>
      dataSource.query(
        `INSERT INTO catalog.resource (code, classification, name, provider_uscc, summary, format, sharing_type, sharing_method, open_attribute, update_cycle, related_codes, status, version)
         VALUES ($1::varchar, split_part($1::varchar, '/', 1), 'r', $2, 's', 'DATABASE', 'CONDITIONAL', 'API', 'NOT_OPEN', 'DAILY', $3, 'PUBLISHED', 2)`,
        [code, provider, related],
      );
    await resource('10101001/000001', ['10103001/000001']);
    await resource('10103001/000001', []);
    await dataSource.query(
      `INSERT INTO catalog.data_item (resource_code, no, name, data_type, fields, sensitivity) VALUES ('10101001/000001', 3, 'x', 'STRING', '{Person.name}', 'PERSONAL')`,
    );
    await dataSource.query(
      `INSERT INTO catalog.resource_version (resource_code, version, change, snapshot, changed_fields, changed_by_name, changed_at)
       VALUES ('10101001/000001', 1, 'CREATED', '{"code": "10101001/000001", "name": "r", "relatedCodes": ["10103001/000001"]}', '{}', 'seed', now())`,
    );
    await dataSource.query(
      `INSERT INTO catalog.sharing_application (id, resource_code, provider_uscc, consumer_system_code, consumer_department_uscc, items, purpose, legal_basis, requested_from, requested_to, full_values, status, submitted_at, submitted_by, deadline, grant_id)
       VALUES ($1, '10101001/000001', $2, 'fs-amr-licensing', '11440604MB2C92840X', '{3}', 'p', 'b', '2026-01-01', '2026-12-31', false, 'APPROVED', now(), 'k', '2026-01-15', $3)`,
      [application, provider, grant],
    );
    await dataSource.query(
      `INSERT INTO catalog.sharing_grant (id, application_id, resource_code, provider_uscc, consumer_system_code, items, purpose, full_values, valid_from, valid_to, granted_at, granted_by)
       VALUES ($1, $2, '10101001/000001', $3, 'fs-amr-licensing', '{3}', 'p', false, '2026-01-01', '2026-12-31', now(), 'k')`,
      [grant, application, provider],
    );
    await dataSource.destroy();
    dataSource = await new DataSource(
      dataSourceOptions(CATALOG_PERSISTENCE, { url: database.url, poolSize: 1, embedded: database.embedded }),
    ).initialize();
    expect(await migrateSchema(dataSource, CATALOG_PERSISTENCE.schema)).toContain(GuideResourceCodes1796700000000.name);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('puts a 0 before 目 in every resource code, its classification and its related codes', async () => {
    const rows: Array<{ code: string; classification: string; related_codes: string[] }> = await dataSource.query(
      'SELECT code, classification, related_codes FROM catalog.resource ORDER BY code',
    );
    expect(rows).toEqual([
      { code: '101001001/000001', classification: '101001001', related_codes: ['101003001/000001'] },
      { code: '101003001/000001', classification: '101003001', related_codes: [] },
    ]);
  });

  it('keeps the items, versions, application and grant on the same resource', async () => {
    const joined: Array<{ kind: string; name: string }> = await dataSource.query(
      `SELECT 'item' AS kind, r.name FROM catalog.data_item i JOIN catalog.resource r ON r.code = i.resource_code
       UNION ALL SELECT 'version', r.name FROM catalog.resource_version v JOIN catalog.resource r ON r.code = v.resource_code
       UNION ALL SELECT 'application', r.name FROM catalog.sharing_application a JOIN catalog.resource r ON r.code = a.resource_code WHERE a.id = $1
       UNION ALL SELECT 'grant', r.name FROM catalog.sharing_grant g JOIN catalog.resource r ON r.code = g.resource_code WHERE g.id = $2 AND g.application_id = $1`,
      [application, grant],
    );
    expect(joined.map((j) => j.kind).sort()).toEqual(['application', 'grant', 'item', 'version']);
    const [version]: Array<{ snapshot: { code: string; relatedCodes: string[] } }> = await dataSource.query(
      'SELECT snapshot FROM catalog.resource_version',
    );
    expect(version.snapshot).toMatchObject({ code: '101001001/000001', relatedCodes: ['101003001/000001'] });
  });

  it('leaves no code of the earlier layout anywhere', async () => {
    const [{ n }]: Array<{ n: number }> = await dataSource.query(
      `SELECT (SELECT count(*) FROM catalog.resource WHERE code ~ '^[0-9]{8}/' OR EXISTS (SELECT 1 FROM unnest(related_codes) c WHERE c ~ '^[0-9]{8}/'))
            + (SELECT count(*) FROM catalog.data_item WHERE resource_code ~ '^[0-9]{8}/')
            + (SELECT count(*) FROM catalog.sharing_application WHERE resource_code ~ '^[0-9]{8}/')
            + (SELECT count(*) FROM catalog.sharing_grant WHERE resource_code ~ '^[0-9]{8}/') AS n`,
    );
    expect(Number(n)).toBe(0);
  });
});
