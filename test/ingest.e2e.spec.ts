import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGAL_ENTITY_TOPIC } from '@hub/contracts';
import { schemaErrors } from './support/event-schemas.js';
import { aLegalEntity } from './support/fixtures.js';
import { TestHub, type EventCollector } from './support/test-hub.js';

const COLUMNS = [
  'uscc',
  'name',
  'status',
  'establishedOn',
  'registeredCapitalAmount',
  'registeredAddress',
  'registeredAddressDivisionCode',
  'legalRepresentativeIdNumber',
  'sourceDepartment',
  'sourceSystem',
  'sourceRecordId',
  'version',
] as const;

function csv(records: Array<Record<string, unknown>>): string {
  const quote = (v: unknown) => (v === undefined || v === null ? '' : `"${String(v).replace(/"/g, '""')}"`);
  return [COLUMNS.join(','), ...records.map((r) => COLUMNS.map((c) => quote(r[c])).join(','))].join('\r\n') + '\r\n';
}

function ndjson(records: Array<Record<string, unknown>>): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

interface Report {
  rowsRead: number;
  accepted: number;
  registered: number;
  changed: number;
  replayed: number;
  rejected: number;
  rejections: Array<{ line: number; uscc?: string; field?: string; code: string; message: string }>;
}

describe('bulk ingest of department extracts through the gateway', () => {
  let hub: TestHub;
  let events: EventCollector;

  beforeAll(async () => {
    hub = await TestHub.start();
    events = await hub.collect(LEGAL_ENTITY_TOPIC);
  });
  afterAll(async () => {
    await events?.close();
    await hub?.close();
  });

  async function post(body: string, type: string, accept = 'application/json'): Promise<Response> {
    return hub.ingest('legal-entities', body, type, { accept });
  }

  async function query<T>(sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: hub.database.url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async function outboxRows(): Promise<number> {
    const client = new pg.Client({ connectionString: hub.database.url });
    await client.connect();
    try {
      return (await client.query('SELECT count(*)::int AS n FROM legal_entity.outbox')).rows[0].n as number;
    } finally {
      await client.end();
    }
  }

  it('stores the 997 good rows of a 1,000-row CSV and reports the 3 bad ones by line and reason', async () => {
    const records = Array.from({ length: 1000 }, () => aLegalEntity().build());
    // Lines count the header: record i is on line i + 2.
    records[10].uscc = `${records[10].uscc.slice(0, 17)}${records[10].uscc[17] === '0' ? '1' : '0'}`;
    records[500].registeredAddressDivisionCode = '999999';
    records[998].establishedOn = '2021-02-29';
    const before = await outboxRows();

    const response = await post(csv(records), 'text/csv');
    expect(response.status).toBe(200);
    const report = (await response.json()) as Report;
    expect(report).toMatchObject({ rowsRead: 1000, accepted: 997, registered: 997, rejected: 3 });
    expect(report.rejections.map((r) => [r.line, r.field, r.code])).toEqual([
      [12, 'uscc', 'USCC_CHECK_DIGIT'],
      [502, 'registeredAddressDivisionCode', 'DIVISION_CODE_UNKNOWN'],
      [1000, 'establishedOn', 'INVALID_DATE'],
    ]);
    for (const r of report.rejections) expect(r.message.length).toBeGreaterThan(5);

    const good = records.filter((_, i) => ![10, 500, 998].includes(i)).map((r) => r.uscc);
    const read = await hub.graphql<{ legalEntities: Array<{ uscc: string } | null> }>(
      `query($u: [String!]!) { legalEntities(usccs: $u) { uscc } }`,
      { u: good },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.legalEntities.filter((e) => e !== null)).toHaveLength(997);
    expect((await outboxRows()) - before).toBe(997);

    const registered = await events.waitFor((ms) => good.every((u) => ms.some((m) => m.key === u)), 30_000);
    const sample = registered.find((m) => m.key === good[0])!;
    expect(schemaErrors(sample.headers.ce_type, JSON.parse(sample.value))).toEqual([]);
  });

  it('emits events only the first time the same NDJSON extract is sent', async () => {
    const records = Array.from({ length: 50 }, () => aLegalEntity().build());
    const body = ndjson(records);
    const outboxBefore = await outboxRows();

    const first = (await (await post(body, 'application/x-ndjson')).json()) as Report;
    expect(first).toMatchObject({ rowsRead: 50, registered: 50, replayed: 0, rejected: 0 });
    await events.waitFor((ms) => records.every((r) => ms.some((m) => m.key === r.uscc)));

    const second = (await (await post(body, 'application/x-ndjson')).json()) as Report;
    expect(second).toMatchObject({ rowsRead: 50, registered: 0, changed: 0, replayed: 50, rejected: 0 });
    expect((await outboxRows()) - outboxBefore).toBe(50);
    // Give the relay time to publish anything it might have (it polls every 100 ms here).
    await new Promise((r) => setTimeout(r, 1500));
    const mine = events.messages.filter((m) => records.some((r) => r.uscc === m.key));
    expect(mine).toHaveLength(50);
    expect(new Set(mine.map((m) => m.headers.ce_id)).size).toBe(50);
  });

  it('applies newer versions as changes and rejects older ones with STALE_VERSION, keeping the rest', async () => {
    const records = Array.from({ length: 3 }, () => aLegalEntity().build());
    await post(ndjson(records), 'application/x-ndjson');
    const next = [
      { ...records[0], version: 2, name: '改名后有限公司' },
      { ...records[1], version: 2 },
      { ...records[2], version: 2, name: '第三家改名有限公司' },
    ];
    await post(ndjson(next), 'application/x-ndjson');
    const stale = { ...records[2], version: 1, name: '过期版本有限公司' };
    const report = (await (
      await post(ndjson([{ ...next[0], version: 3, status: 'SUSPENDED' }, stale]), 'application/x-ndjson')
    ).json()) as Report;
    expect(report).toMatchObject({ rowsRead: 2, changed: 1, rejected: 1 });
    expect(report.rejections).toEqual([
      expect.objectContaining({ line: 2, key: records[2].uscc, code: 'STALE_VERSION', field: 'version' }),
    ]);

    const mine = (await events.waitFor((ms) => ms.filter((m) => m.key === records[0].uscc).length >= 3)).filter(
      (m) => m.key === records[0].uscc,
    );
    expect(mine.map((m) => m.headers.ce_type)).toEqual([
      'hub.legal-entity.registered.v1',
      'hub.legal-entity.changed.v1',
      'hub.legal-entity.status-changed.v1',
    ]);
    // records[1] at version 2 had identical content: the version is recorded, nothing is emitted.
    const unchanged = await hub.graphql<{ legalEntity: { provenance: { version: number }; history: unknown[] } }>(
      `query($u: String!) { legalEntity(uscc: $u) { provenance { version } history { version } } }`,
      { u: records[1].uscc },
      {},
      // The change history is not shared: the provider department's own system reads it.
      { key: hub.keys.legalEntity.key },
    );
    expect(unchanged.data?.legalEntity).toEqual({ provenance: { version: 2 }, history: [{ version: 1 }] });
  });

  it('streams progress lines and then the report when asked for NDJSON', async () => {
    const records = Array.from({ length: 120 }, () => aLegalEntity().build());
    const response = await post(ndjson(records), 'application/x-ndjson', 'application/x-ndjson');
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; phase?: string });
    expect(lines.filter((l) => l.event === 'progress').map((l) => l.phase)).toEqual(
      expect.arrayContaining(['applying', 'done']),
    );
    expect(lines.at(-1)).toMatchObject({ event: 'report', registered: 120, rejected: 0 });
  });

  it('refuses what is not an extract with clear codes', async () => {
    const wrongType = await post('{}', 'application/xml');
    expect(wrongType.status).toBe(415);
    const unknownColumn = await post('uscc,colour\n"x","red"\n', 'text/csv');
    expect(unknownColumn.status).toBe(400);
    expect(await unknownColumn.json()).toMatchObject({ code: 'UNKNOWN_COLUMNS', columns: ['colour'] });
    const garbage = (await (await post('not json\n{"uscc": 1}\n', 'application/x-ndjson')).json()) as Report;
    expect(garbage.rejections.map((r) => [r.line, r.code])).toEqual([
      [1, 'INVALID_JSON'],
      [2, 'INVALID_TYPE'],
    ]);
    const unknownLibrary = await fetch(`${hub.gatewayUrl}/ingest/nowhere`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...hub.auth() },
      body: 'a\n',
    });
    expect(unknownLibrary.status).toBe(404);
    expect(await unknownLibrary.json()).toMatchObject({ code: 'UNKNOWN_REGISTER' });
  });

  it("takes extracts only from a system of the register's provider department, and records every attempt", async () => {
    const record = aLegalEntity().build();
    const unauthenticated = await fetch(`${hub.gatewayUrl}/ingest/legal-entities`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: ndjson([record]),
    });
    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    // Another department's system (even the exchange platform's) may read the register, not write it.
    for (const other of [hub.keys.harness, hub.keys.population]) {
      const refused = await hub.ingest('legal-entities', ndjson([record]), 'application/x-ndjson', hub.auth(other.key));
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ code: 'INGEST_FORBIDDEN' });
    }
    const absent = await hub.graphql<{ legalEntity: unknown }>(
      `query($u: String!) { legalEntity(uscc: $u) { uscc } }`,
      { u: record.uscc },
    );
    expect(absent.data?.legalEntity).toBeNull();

    const accepted = await hub.ingest('legal-entities', ndjson([record]), 'application/x-ndjson');
    expect(await accepted.json()).toMatchObject({ registered: 1 });
    const ingests = await hub.eventually(async () => {
      const rows = await query<{ system_code: string; outcome: string; error_code: string | null }>(
        "SELECT system_code, outcome, error_code FROM catalog.access_record WHERE operation_type = 'ingest'",
      );
      expect(rows.length).toBeGreaterThanOrEqual(3);
      return rows.map((r) => ({ systemCode: r.system_code, outcome: r.outcome, errorCode: r.error_code }));
    });
    expect(ingests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ systemCode: 'fs-gsdb-hub', outcome: 'REFUSED', errorCode: 'INGEST_FORBIDDEN' }),
        expect.objectContaining({ systemCode: 'fs-psb-hukou', outcome: 'REFUSED', errorCode: 'INGEST_FORBIDDEN' }),
        expect.objectContaining({ systemCode: 'fs-amr-registration', outcome: 'ALLOWED' }),
      ]),
    );
  });

  it('sends an extract from the command line, shows progress and writes the report (npm run ingest)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-ingest-'));
    const file = join(dir, 'extract.csv');
    const records = Array.from({ length: 30 }, () => aLegalEntity().build());
    records[7].registeredAddressDivisionCode = '123456';
    await writeFile(file, csv(records));
    const result = await promisify(execFile)(
      'npm',
      ['run', '-s', 'ingest', '--', 'legal-entity', file, '--url', hub.gatewayUrl],
      {
        env: { ...process.env, HUB_API_KEY: hub.keys.legalEntity.key },
      },
    ).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('30 rows read');
    expect(result.stdout).toContain('29 registered');
    expect(result.stdout).toContain('line 9');
    expect(result.stderr).toMatch(/sent .* MiB \(100 %\)/);
    const report = JSON.parse(await readFile(`${file}.report.json`, 'utf8')) as Report;
    expect(report).toMatchObject({ rowsRead: 30, registered: 29, rejected: 1 });
    expect(report.rejections[0]).toMatchObject({ line: 9, code: 'DIVISION_CODE_UNKNOWN' });
  }, 120_000);
});
