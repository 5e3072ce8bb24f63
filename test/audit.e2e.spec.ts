import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_ACCESS_RECORD_TOPIC, CATALOG_EVENT } from '@hub/contracts';
import { schemaErrors } from './support/event-schemas.js';
import { REGISTER, REGISTER_PERSON, aLegalEntity, aPerson } from './support/fixtures.js';
import { skipUnless } from './support/infrastructure.js';
import { TestHub, type EventCollector } from './support/test-hub.js';

interface LogEntry {
  seq: string;
  systemCode: string | null;
  departmentUscc: string | null;
  purpose: string | null;
  caseNumber: string | null;
  operationName: string | null;
  fields: string[];
  subjects: string[];
  outcome: string;
  errorCode: string | null;
  hash: string;
  prevHash: string;
}

const ACCESS_LOG = `query($t: AccessSubjectType!, $id: String!, $after: String) {
  accessLog(subjectType: $t, subjectId: $id, first: 100, after: $after) {
    nodes { seq systemCode departmentUscc purpose caseNumber operationName fields subjects outcome errorCode hash prevHash }
    pageInfo { hasNextPage endCursor }
  }
}`;
const VERIFY = `query($from: String, $to: String) { verifyAccessLog(fromSeq: $from, toSeq: $to) { ok checked firstBrokenSeq reason headSeq } }`;

describe('the access log: who read whose data, when, from which system and why — append-only and hash-chained', () => {
  let hub: TestHub;
  let records: EventCollector;
  const person = aPerson().build();
  const company = aLegalEntity().with({ legalRepresentativeIdNumber: person.idNumber }).build();

  beforeAll(async () => {
    hub = await TestHub.start();
    records = await hub.collect(CATALOG_ACCESS_RECORD_TOPIC);
    expect((await hub.graphql(REGISTER_PERSON, { input: person })).errors).toBeUndefined();
    expect((await hub.graphql(REGISTER, { input: company })).errors).toBeUndefined();
  }, 120_000);
  afterAll(async () => {
    await records?.close();
    await hub?.close();
  });

  async function sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: hub.database.url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }

  // Read as a steward of the supervising department, who reads every log (least privilege: docs/catalog.md §6).
  async function logOf(type: 'PERSON' | 'LEGAL_ENTITY', id: string): Promise<LogEntry[]> {
    const result = await hub.graphql<{ accessLog: { nodes: LogEntry[] } }>(
      ACCESS_LOG,
      { t: type, id },
      {},
      { key: hub.keys.supervisor.key },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.accessLog.nodes;
  }

  it('shows a citizen who read their data: the system, its department, the purpose and the case, refusals included', async () => {
    const read = await hub.graphql(
      `query Verify($id: String!) { person(idNumber: $id) { name } }`,
      { id: person.idNumber },
      {},
      { key: hub.keys.window.key, purpose: '核验办事人身份', caseNumber: 'FS-2026-000123' },
    );
    expect(read.errors).toBeUndefined();
    const refused = await hub.graphql(
      `query Peek($id: String!) { person(idNumber: $id) { phone } }`,
      { id: person.idNumber },
      {},
      { key: hub.keys.tax.key, purpose: '核对纳税人' },
    );
    expect(refused.errors?.[0].extensions?.code).toBe('ACCESS_DENIED');

    const log = await logOf('PERSON', person.idNumber);
    expect(log.find((r) => r.operationName === 'Verify')).toMatchObject({
      systemCode: 'fs-cc-one-window',
      departmentUscc: hub.keys.window.principal.departmentUscc,
      purpose: '核验办事人身份',
      caseNumber: 'FS-2026-000123',
      outcome: 'ALLOWED',
      fields: expect.arrayContaining(['Query.person', 'Person.name']),
      subjects: [`PERSON:${person.idNumber}`],
    });
    expect(log.find((r) => r.operationName === 'Peek')).toMatchObject({
      systemCode: 'fs-tax-collection',
      purpose: '核对纳税人',
      outcome: 'REFUSED',
      errorCode: 'ACCESS_DENIED',
    });
    // Newest first.
    expect(log.map((r) => BigInt(r.seq))).toEqual(
      [...log.map((r) => BigInt(r.seq))].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)),
    );
  });

  it('names the subjects found in results, not only those asked for by argument', async () => {
    await hub.graphql(`query Company($u: String!) { legalEntity(uscc: $u) { name legalRepresentative { name } } }`, {
      u: company.uscc,
    });
    const personLog = await logOf('PERSON', person.idNumber);
    expect(personLog.find((r) => r.operationName === 'Company')).toMatchObject({
      systemCode: 'fs-gsdb-hub',
      subjects: expect.arrayContaining([`LEGAL_ENTITY:${company.uscc}`, `PERSON:${person.idNumber}`]),
    });
    expect((await logOf('LEGAL_ENTITY', company.uscc)).some((r) => r.operationName === 'Company')).toBe(true);
  });

  it("lets only stewards read the log, and logs that reading in the citizen's own log", async () => {
    const asSystem = await hub.graphql(
      ACCESS_LOG,
      { t: 'PERSON', id: person.idNumber },
      {},
      { key: hub.keys.humanResources.key },
    );
    expect(asSystem.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(asSystem.data ?? null).toBeNull();
    const badId = await hub.graphql(
      ACCESS_LOG,
      { t: 'PERSON', id: '110101199003070000' },
      {},
      { key: hub.keys.supervisor.key },
    );
    expect(badId.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await logOf('PERSON', person.idNumber);
    const log = await logOf('PERSON', person.idNumber);
    expect(
      log.some((r) => r.fields.includes('Query.accessLog') && r.systemCode === null && r.outcome === 'ALLOWED'),
    ).toBe(true);
  });

  it("audits stewards' and admins' actions: key issuance, approvals", async () => {
    const issued = await hub.graphql<{ issueApiKey: { apiKey: { id: string } } }>(
      `mutation IssueKey($i: IssueApiKeyInput!) { issueApiKey(input: $i) { key apiKey { id } } }`,
      {
        i: {
          roles: ['SYSTEM'],
          systemCode: 'fs-tax-collection',
          departmentUscc: hub.keys.tax.principal.departmentUscc,
          holderName: '税务征管系统（第二把钥匙）',
        },
      },
      {},
      { key: hub.keys.admin.key },
    );
    expect(issued.errors).toBeUndefined();
    const rows = await sql<{ holder_name: string; outcome: string; fields: string[] }>(
      `SELECT holder_name, outcome, fields FROM catalog.access_record WHERE operation_name = 'IssueKey' ORDER BY seq`,
    );
    // A write: its intent recorded before it ran, its outcome after.
    const recorded = {
      holder_name: hub.keys.admin.principal.name,
      fields: expect.arrayContaining(['Mutation.issueApiKey']),
    };
    expect(rows).toEqual([
      { ...recorded, outcome: 'INTENDED' },
      { ...recorded, outcome: 'ALLOWED' },
    ]);
  });

  it('publishes every record as a valid event, in chain order', async () => {
    const [head] = await sql<{ seq: string }>('SELECT max(seq)::text AS seq FROM catalog.access_record');
    const wanted = Number(head.seq);
    const isRecord = (type: string | undefined) => type === CATALOG_EVENT.accessRecorded;
    const messages = await records.waitFor(
      (ms) => ms.filter((m) => isRecord(m.headers.ce_type)).length >= wanted,
      30_000,
    );
    // The topic carries the records and, at intervals, the log's signed checkpoints.
    expect(
      messages.every((m) => isRecord(m.headers.ce_type) || m.headers.ce_type === CATALOG_EVENT.accessLogCheckpoint),
    ).toBe(true);
    for (const event of records.events()) expect(schemaErrors(event.type, event.data)).toEqual([]);
    const events = records.events<{ seq: string; hash: string; prevHash: string }>().filter((e) => isRecord(e.type));
    const bySeq = new Map(events.map((e) => [e.data.seq, e.data]));
    for (let seq = 2; seq <= wanted; seq++)
      expect(bySeq.get(String(seq))?.prevHash).toBe(bySeq.get(String(seq - 1))?.hash);
  });

  it('detects a changed record at that record, and a deleted one as a gap', async () => {
    const before = await hub.graphql<{ verifyAccessLog: { ok: boolean; checked: number; headSeq: string } }>(
      VERIFY,
      {},
      {},
      { key: hub.keys.hubSteward.key },
    );
    expect(before.data?.verifyAccessLog).toMatchObject({ ok: true });
    expect(before.data!.verifyAccessLog.checked).toBeGreaterThan(5);

    // Someone with database access rewrites why a read was made.
    const [target] = await sql<{ seq: string }>(
      `SELECT seq::text AS seq FROM catalog.access_record WHERE operation_name = 'Verify'`,
    );
    await sql(`UPDATE catalog.access_record SET purpose = '例行检查' WHERE seq = $1`, [target.seq]);
    const changed = await hub.graphql<{
      verifyAccessLog: { ok: boolean; checked: number; firstBrokenSeq: string; reason: string };
    }>(VERIFY, {}, {}, { key: hub.keys.hubSteward.key });
    expect(changed.data?.verifyAccessLog).toMatchObject({
      ok: false,
      firstBrokenSeq: target.seq,
      checked: Number(target.seq) - 1,
    });
    expect(changed.data!.verifyAccessLog.reason).toMatch(/^changed/);

    // Put back, the chain is whole again; a verification of a range after it does not see it.
    await sql(`UPDATE catalog.access_record SET purpose = '核验办事人身份' WHERE seq = $1`, [target.seq]);
    expect(
      (await hub.graphql<{ verifyAccessLog: { ok: boolean } }>(VERIFY, {}, {}, { key: hub.keys.hubSteward.key })).data
        ?.verifyAccessLog.ok,
    ).toBe(true);

    // Deleting a record (and relinking the next one, hashes recomputed or not) leaves a gap.
    const victim = String(Number(target.seq) + 1);
    await sql(`DELETE FROM catalog.access_record WHERE seq = $1`, [victim]);
    const gap = await hub.graphql<{ verifyAccessLog: { ok: boolean; firstBrokenSeq: string; reason: string } }>(
      VERIFY,
      {},
      {},
      { key: hub.keys.hubSteward.key },
    );
    expect(gap.data?.verifyAccessLog).toMatchObject({ ok: false, firstBrokenSeq: victim });
    expect(gap.data!.verifyAccessLog.reason).toMatch(/^gap/);

    const asSystem = await hub.graphql(VERIFY, {}, {}, { key: hub.keys.harness.key });
    expect(asSystem.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  // On the embedded database connections take turns: a lock held by the test would stall every
  // query of the catalog, not only the appends. The rule is the same on both.
  it(
    'does not answer when the access record cannot be committed',
    { timeout: 60_000, ...skipUnless('postgres') },
    async () => {
      // Hold the chain head locked: no record can be appended while the lock is held.
      const client = new pg.Client({ connectionString: hub.database.url });
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query('LOCK TABLE catalog.access_chain_head IN ACCESS EXCLUSIVE MODE');
        const response = await hub.graphqlResponse(
          `query Blocked($id: String!) { person(idNumber: $id) { name phone } }`,
          { id: person.idNumber },
        );
        expect(response.status).toBe(503);
        const text = await response.text();
        expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: 'AUDIT_UNAVAILABLE' } }] });
        expect(text).not.toContain(person.name);
        expect(text).not.toContain(String(person.phone));
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
        await client.end();
      }
      // Once the catalog can write again, so can the gateway.
      const after = await hub.graphql(`query($id: String!) { person(idNumber: $id) { name } }`, {
        id: person.idNumber,
      });
      expect(after.errors).toBeUndefined();
    },
  );
});
