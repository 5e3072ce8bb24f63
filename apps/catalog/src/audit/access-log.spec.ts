import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INTERNAL_SECRET_VARIABLE,
  Role,
  accessRuleOf,
  signedHeaders,
  type Principal,
  type SignedAccess,
} from '@hub/auth';
import { ObservabilityModule } from '@hub/observability';
import { UnitOfWork } from '@hub/events';
import { generateCitizenId, generateUscc, seededRandom } from '@hub/identifiers';
import { ScratchDatabase, dataSourceOptions, migrateSchema } from '@hub/persistence';
import { AccessModule, InputError, SupervisionConfig, refusalOf, type HubContext } from '@hub/subgraph';
import { CATALOG_ACCESS_RECORD_TOPIC as ACCESS_RECORD_TOPIC, CATALOG_EVENT } from '@hub/contracts';
import { CATALOG_PERSISTENCE } from '../catalog.persistence.js';
import { CATALOG_SCHEMA } from '../catalog.schema.js';
import type { AccessRecordInput } from './access-record.js';
import { ACCESS_RECORDS_PATH, AccessRecordController } from './audit.controller.js';
import { AccessSubjectType } from './audit.model.js';
import { ResourceRepository } from '../catalog/resource.repository.js';
import { ApiKeyRepository } from '../participants/api-key.repository.js';
import { DepartmentRepository } from '../participants/department.repository.js';
import { PolicySnapshotService } from '../policy/policy-snapshot.service.js';
import { GrantRepository } from '../sharing/grant.repository.js';
import { AccessLogReaders } from './access-log-readers.js';
import { AccessLogResolver } from './audit.resolver.js';
import { AuditKey } from './audit-key.js';
import type { AccessRecordRow } from './audit.entities.js';
import { AccessLogRepository, COLUMNS } from './access-log.repository.js';
import { AccessLog } from './audit.service.js';
import { CheckpointStore } from './checkpoint-store.js';
import { HASH_ALG, canonicalRecord, chainHash } from './hash-chain.js';

const random = seededRandom(20250301);
const people = Array.from({ length: 3 }, () => `PERSON:${generateCitizenId(random)}`);
const company = `LEGAL_ENTITY:${generateUscc(random)}`;

let n = 0;
/** Record n names people[n % 3]; every fifth also the company. */
function record(systemCode: string | null = 'fs-hrss-social'): AccessRecordInput {
  const i = n++;
  return {
    requestId: `req-${i}`,
    keyId: 'abcdefghijk2',
    systemCode,
    departmentUscc: null,
    holderName: '人社局社保系统',
    roles: ['SYSTEM'],
    purpose: `养老金资格认证 ${i}`,
    caseNumber: null,
    operationType: 'query',
    operationName: 'PersonForPension',
    fields: ['Query.person', 'Person.name'],
    subjects: i % 5 === 0 ? [people[i % 3], company] : [people[i % 3]],
    outcome: i % 4 === 0 ? 'REFUSED' : 'ALLOWED',
    errorCode: i % 4 === 0 ? 'FORBIDDEN' : null,
    refusal:
      i % 4 === 0
        ? { items: [{ item: 'Person.name', reason: 'NO_GRANT', detail: { z: 1, a: [1.5, null, '因'] } }] }
        : null,
    startedAt: new Date(Date.UTC(2025, 2, 1, 8, 0, 0, i)).toISOString(),
    durationMs: i,
    timings: { policy: 0.25, execute: i / 3 },
  };
}

describe('the access log on a real database', () => {
  let database: ScratchDatabase;
  let dataSource: DataSource;
  let log: AccessLog;
  let nudges = 0;

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await dataSource.query(sql, params))[0].n);
  const records = `"${CATALOG_SCHEMA}".access_record`;
  const outbox = `"${CATALOG_SCHEMA}".outbox`;

  beforeAll(async () => {
    database = await ScratchDatabase.create(
      process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      'hub_audit',
    );
    dataSource = await new DataSource(
      dataSourceOptions(CATALOG_PERSISTENCE, { url: database.url, poolSize: 10, embedded: false }),
    ).initialize();
    await migrateSchema(dataSource, CATALOG_SCHEMA);
    // The real unit of work and outbox; only the relay it wakes after each commit is a stand-in.
    const unitOfWork = new UnitOfWork((work) => dataSource.transaction(work), CATALOG_SCHEMA, {
      nudge: () => void nudges++,
    });
    const key = AuditKey.random();
    log = new AccessLog(
      new AccessLogRepository(dataSource),
      unitOfWork,
      key,
      new CheckpointStore(join(tmpdir(), `hub-audit-none-${process.pid}.ndjson`), key),
    );
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  it('chains concurrent batches gaplessly, from a log without a head, and the chain verifies', async () => {
    const batches = [5, 7, 9].map((size) => Array.from({ length: size }, () => record()));
    const results = await Promise.all(batches.map((b) => log.append(b)));

    const ranges = results.map((r) => [Number(r.firstSeq), Number(r.lastSeq)]).sort((a, b) => a[0] - b[0]);
    expect(ranges.map(([first, last]) => last - first + 1).sort((a, b) => a - b)).toEqual([5, 7, 9]);
    expect(ranges[0][0]).toBe(1);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBe(ranges[i - 1][1] + 1);

    const seqs = (await dataSource.query(`SELECT seq FROM ${records} ORDER BY seq`)).map((r: { seq: string }) =>
      Number(r.seq),
    );
    expect(seqs).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(nudges).toBe(3);
    expect(await log.verify({})).toMatchObject({
      ok: true,
      checked: 21,
      unkeyed: 0,
      firstBroken: null,
      problems: [],
      headSeq: '21',
      checkpoint: null,
    });
  });

  it('writes one outbox event per record, keyed by the calling system, carrying seq and hash', async () => {
    const events = (await dataSource.query(`SELECT key, type, topic, data FROM ${outbox} ORDER BY id`)) as Array<{
      key: string;
      type: string;
      topic: string;
      data: Record<string, unknown>;
    }>;
    expect(events).toHaveLength(21);
    const stored = (await dataSource.query(`SELECT seq, hash FROM ${records} ORDER BY seq`)) as Array<{
      seq: string;
      hash: string;
    }>;
    expect(events.map((e) => e.data.seq).sort((a, b) => Number(a) - Number(b))).toEqual(stored.map((r) => r.seq));
    for (const e of events) {
      expect(e).toMatchObject({
        key: 'fs-hrss-social',
        type: CATALOG_EVENT.accessRecorded,
        topic: ACCESS_RECORD_TOPIC,
      });
      expect(e.data.hash).toBe(stored[Number(e.data.seq) - 1].hash);
      expect(e.data).toHaveProperty('prevHash');
    }

    const before = await count(`SELECT count(*) AS n FROM ${outbox}`);
    await log.append([record(null), { ...record(null), keyId: null }]);
    const keys = (await dataSource.query(`SELECT key FROM ${outbox} ORDER BY id DESC LIMIT 2`)) as Array<{
      key: string;
    }>;
    expect(keys.map((k) => k.key).sort()).toEqual(['abcdefghijk2', 'anonymous']);
    expect(await count(`SELECT count(*) AS n FROM ${outbox}`)).toBe(before + 2);
  });

  it('stores a batch of 1,000 in one go, and verifies it in pages', async () => {
    const result = await log.append(Array.from({ length: 1_000 }, () => record()));
    expect(Number(result.lastSeq) - Number(result.firstSeq)).toBe(999);
    const verified = await log.verify({});
    expect(verified).toMatchObject({ ok: true, checked: Number(result.lastSeq), headSeq: result.lastSeq });
    expect(await log.verify({ fromSeq: '10', toSeq: '15' })).toMatchObject({ ok: true, checked: 6 });
    expect(await log.verify({ fromSeq: '2000', toSeq: '2005' })).toMatchObject({ ok: true, checked: 0 });
    await expect(log.verify({ fromSeq: '5', toSeq: '4' })).rejects.toBeInstanceOf(InputError);
    await expect(log.verify({ fromSeq: '0' })).rejects.toBeInstanceOf(InputError);
  });

  it('names a changed record (hash mismatch) as the first broken one', async () => {
    const [{ purpose }] = await dataSource.query(`SELECT purpose FROM ${records} WHERE seq = 5`);
    await dataSource.query(`UPDATE ${records} SET purpose = 'curiosity' WHERE seq = 5`);
    try {
      const result = await log.verify({});
      expect(result).toMatchObject({ ok: false, checked: 4, firstBroken: { seq: '5', code: 'RECORD_CHANGED' } });
      expect(result.firstBroken!.reason).toMatch(/content does not match the stored hash/);
      // A range after it does not see it; a range containing it does.
      expect((await log.verify({ fromSeq: '6' })).ok).toBe(true);
      expect((await log.verify({ fromSeq: '3', toSeq: '5' })).firstBroken?.seq).toBe('5');
    } finally {
      await dataSource.query(`UPDATE ${records} SET purpose = $1 WHERE seq = 5`, [purpose]);
    }
    expect((await log.verify({})).ok).toBe(true);
  });

  it('names a record whose hash was recomputed to hide a change: the next link breaks', async () => {
    const [{ hash }] = await dataSource.query(`SELECT hash FROM ${records} WHERE seq = 8`);
    await dataSource.query(`UPDATE ${records} SET hash = $1 WHERE seq = 8`, ['f'.repeat(64)]);
    try {
      // Record 8 itself no longer matches its hash, so it is named first.
      expect((await log.verify({})).firstBroken?.seq).toBe('8');
      // Starting after it, record 9's prev_hash no longer links to record 8.
      const fromNine = await log.verify({ fromSeq: '9' });
      expect(fromNine.firstBroken).toMatchObject({
        seq: '9',
        code: 'CHAIN_LINK_BROKEN',
        reason: expect.stringMatching(/broken link/),
      });
    } finally {
      await dataSource.query(`UPDATE ${records} SET hash = $1 WHERE seq = 8`, [hash]);
    }
  });

  it('chains every record with the keyed MAC, and names a rewrite whose hash was recomputed with plain SHA-256 or another key', async () => {
    const [row] = (await dataSource.query(`SELECT ${COLUMNS} FROM ${records} WHERE seq = 12`)) as AccessRecordRow[];
    expect(row.hashAlg).toBe(HASH_ALG.hmacSha256);
    // Not what anyone could recompute from the row alone.
    expect(row.hash).not.toBe(chainHash(row.prevHash, canonicalRecord(row)));
    expect(row.hash).not.toBe(chainHash(row.prevHash, canonicalRecord({ ...row, hashAlg: HASH_ALG.sha256 })));
    expect(
      (await dataSource.query(`SELECT keyed_from::text AS k FROM "${CATALOG_SCHEMA}".access_chain_head`))[0].k,
    ).toBe('1');

    const forged = { ...row, purpose: 'curiosity' };
    const plainSha = chainHash(row.prevHash, canonicalRecord({ ...forged, hashAlg: HASH_ALG.sha256 }));
    const otherKey = AuditKey.random().mac(row.prevHash, canonicalRecord(forged));
    const rewrites: Array<[alg: string, hash: string, reason: RegExp]> = [
      // as hash-chain.ts computed hashes before the key, the record still marked keyed
      [HASH_ALG.hmacSha256, plainSha, /^changed: the content does not match the stored hash/],
      // the same, and marked as a legacy record too
      [HASH_ALG.sha256, plainSha, /^changed: an unkeyed \(plain SHA-256\) record where the log is keyed from record 1/],
      [HASH_ALG.hmacSha256, otherKey, /^changed: the content does not match the stored hash/],
    ];
    try {
      for (const [alg, hash, reason] of rewrites) {
        await dataSource.query(`UPDATE ${records} SET purpose = 'curiosity', hash = $1, hash_alg = $2 WHERE seq = 12`, [
          hash,
          alg,
        ]);
        const result = await log.verify({ fromSeq: '10', toSeq: '20' });
        expect(result.firstBroken).toEqual({
          seq: '12',
          code: 'RECORD_CHANGED',
          reason: expect.stringMatching(reason),
        });
      }
    } finally {
      await dataSource.query(`UPDATE ${records} SET purpose = $1, hash = $2, hash_alg = $3 WHERE seq = 12`, [
        row.purpose,
        row.hash,
        row.hashAlg,
      ]);
    }
    expect((await log.verify({ fromSeq: '10', toSeq: '20' })).ok).toBe(true);
  });

  it('reports a deleted record as a gap, in the middle and at the end', async () => {
    const head = (await log.verify({})).headSeq;
    for (const seq of ['7', head]) {
      const [row] = await dataSource.query(`SELECT * FROM ${records} WHERE seq = $1`, [seq]);
      await dataSource.query(`DELETE FROM ${records} WHERE seq = $1`, [seq]);
      try {
        const result = await log.verify({});
        expect(result).toMatchObject({ ok: false, firstBroken: { seq, code: 'CHAIN_GAP' } });
        expect(result.firstBroken!.reason).toMatch(/gap: record \d+ is missing/);
      } finally {
        const columns = Object.keys(row);
        await dataSource.query(
          `INSERT INTO ${records} (${columns.join(', ')}) SELECT * FROM jsonb_populate_record(NULL::${records}, $1::jsonb)`,
          [JSON.stringify(row)],
        );
      }
    }
    expect((await log.verify({})).ok).toBe(true);
  });

  it('reports a record slipped in beyond the head', async () => {
    const head = (await log.verify({})).headSeq;
    const [row] = await dataSource.query(`SELECT * FROM ${records} WHERE seq = $1`, [head]);
    const next = String(BigInt(head) + 1n);
    await dataSource.query(`INSERT INTO ${records} SELECT * FROM jsonb_populate_record(NULL::${records}, $1::jsonb)`, [
      JSON.stringify({ ...row, seq: next, prev_hash: row.hash }),
    ]);
    try {
      expect((await log.verify({})).firstBroken).toMatchObject({
        seq: next,
        code: 'BEYOND_HEAD',
        reason: expect.stringMatching(/beyond the chain head/),
      });
    } finally {
      await dataSource.query(`DELETE FROM ${records} WHERE seq = $1`, [next]);
    }
  });

  it('lists the records naming a subject, newest first, page by page, with the GIN index', async () => {
    const subject = people[1];
    const expected = (
      (await dataSource.query(`SELECT seq FROM ${records} WHERE $1 = ANY(subjects) ORDER BY seq DESC`, [
        subject,
      ])) as Array<{ seq: string }>
    ).map((r) => r.seq);
    expect(expected.length).toBeGreaterThan(300);

    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; ; pages++) {
      const page = await log.accessLog(subject, { first: 100, after });
      seen.push(...page.records.map((r) => r.seq));
      for (const r of page.records) expect(r.subjects).toContain(subject);
      if (!page.hasNextPage) break;
      after = page.records.at(-1)!.seq;
      expect(pages).toBeLessThan(10);
    }
    expect(seen).toEqual(expected);

    const [first] = (await log.accessLog(company, { first: 1 })).records;
    expect(first).toMatchObject({
      subjects: [expect.any(String), company],
      recordedAt: expect.any(Date),
      startedAt: expect.any(Date),
    });
    expect((await log.accessLog('PERSON:110101190001011234', { first: 10 })).records).toEqual([]);

    // The query shape must be one the GIN index answers (the planner prefers a scan on a table this small).
    const plan = await dataSource.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      return JSON.stringify(
        await tx.query(
          `EXPLAIN SELECT seq FROM ${records} WHERE subjects @> ARRAY[$1]::varchar[] ORDER BY seq DESC LIMIT 21`,
          [subject],
        ),
      );
    });
    expect(plan).toContain('access_record_subjects_idx');
  });

  it('refuses an invalid batch as a whole: nothing is written, the chain is untouched', async () => {
    const counts = async () => [
      await count(`SELECT count(*) AS n FROM ${records}`),
      await count(`SELECT count(*) AS n FROM ${outbox}`),
    ];
    const before = await counts();
    const head = (await log.verify({})).headSeq;
    const error = await log.append([record(), { ...record(), purpose: 'x'.repeat(201) }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).violations).toEqual([
      { field: 'records[1].purpose', code: 'TOO_LONG', message: 'at most 200 characters' },
    ]);
    await expect(log.append([])).rejects.toBeInstanceOf(InputError);
    expect(await counts()).toEqual(before);
    expect(await log.verify({})).toMatchObject({ ok: true, headSeq: head });
    // The next batch continues the chain where it was.
    expect((await log.append([record()])).firstSeq).toBe(String(BigInt(head) + 1n));
  });

  describe('POST /internal/access-records', () => {
    const secret = 'a'.repeat(64);
    let app: NestFastifyApplication;
    let savedSecret: string | undefined;

    beforeAll(async () => {
      savedSecret = process.env[INTERNAL_SECRET_VARIABLE];
      process.env[INTERNAL_SECRET_VARIABLE] = secret;
      const moduleRef = await Test.createTestingModule({
        imports: [ObservabilityModule.forRoot('catalog'), AccessModule.forApp('catalog')],
        controllers: [AccessRecordController],
        providers: [{ provide: AccessLog, useValue: log }],
      }).compile();
      app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
        logger: false,
        rawBody: true,
      });
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
    });
    afterAll(async () => {
      await app?.close();
      if (savedSecret === undefined) delete process.env[INTERNAL_SECRET_VARIABLE];
      else process.env[INTERNAL_SECRET_VARIABLE] = savedSecret;
    });

    /** Signed as the gateway calling as itself, for the catalog and this body. */
    const gatewaySigned = (body: string) =>
      signedHeaders(
        { principal: null, issuer: 'gateway', purpose: null, caseNumber: null },
        'catalog',
        { method: 'POST', url: ACCESS_RECORDS_PATH, body },
        secret,
      );
    const post = (payload: unknown, sign = true) => {
      const body = JSON.stringify(payload);
      const headers = { 'content-type': 'application/json', ...(sign ? gatewaySigned(body) : {}) };
      return app
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'POST', url: ACCESS_RECORDS_PATH, headers, payload: body });
    };

    it('appends a signed batch and answers with its seqs', async () => {
      const response = await post({ records: [record(), record()] });
      expect(response.statusCode).toBe(200);
      const { firstSeq, lastSeq } = response.json() as { firstSeq: string; lastSeq: string };
      expect(BigInt(lastSeq) - BigInt(firstSeq)).toBe(1n);
      expect((await log.verify({})).headSeq).toBe(lastSeq);
    });

    it('refuses an unsigned, tampered, replayed or caller-signed request with 401', async () => {
      const unsigned = await post({ records: [record()] }, false);
      expect(unsigned.statusCode).toBe(401);
      expect(unsigned.json()).toMatchObject({ code: 'ACCESS_SIGNATURE_MISSING' });
      const inject = (headers: Record<string, string>, payload: string) =>
        app.getHttpAdapter().getInstance().inject({ method: 'POST', url: ACCESS_RECORDS_PATH, headers, payload });
      const body = JSON.stringify({ records: [record()] });
      const headers = { 'content-type': 'application/json', ...gatewaySigned(body) };
      const tampered = await inject(headers, body.replace('PersonForPension', 'Other'));
      expect(tampered.statusCode).toBe(401);
      expect(tampered.json()).toMatchObject({ code: 'ACCESS_SIGNATURE_WRONG_REQUEST' });
      expect((await inject(headers, body)).json()).toMatchObject({ code: 'ACCESS_SIGNATURE_REPLAYED' });
      // A department system's access, vouched for by the gateway, is not the gateway writing records.
      const principal: Principal = {
        keyId: 'abcdefghijk2',
        roles: [Role.SYSTEM],
        departmentUscc: null,
        systemCode: 'x',
        name: 'a system',
      };
      const asCaller = signedHeaders(
        { principal, issuer: 'gateway', purpose: null, caseNumber: null },
        'catalog',
        { method: 'POST', url: ACCESS_RECORDS_PATH, body },
        secret,
      );
      expect((await inject({ 'content-type': 'application/json', ...asCaller }, body)).statusCode).toBe(401);
    });

    it('refuses an invalid batch with 400 and the violations', async () => {
      const invalid = await post({ records: [record(), { ...record(), durationMs: -1 }] });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json()).toMatchObject({
        code: 'BAD_REQUEST',
        violations: [{ field: 'records[1].durationMs', code: 'INVALID_NUMBER' }],
      });
      expect((await post([record()])).statusCode).toBe(400);
      expect((await post({ records: [record()], extra: 1 })).statusCode).toBe(400);
    });

    it('takes 1,000 typical records within the default 1 MiB body limit', () => {
      expect(JSON.stringify({ records: Array.from({ length: 1_000 }, () => record()) }).length).toBeLessThan(
        1024 * 1024,
      );
    });
  });

  describe('the GraphQL resolver', () => {
    const contextOf = (roles: Role[], departmentUscc: string | null = null): HubContext => {
      const principal: Principal = { keyId: 'abcdefghijk2', roles, departmentUscc, systemCode: null, name: 'steward' };
      return {
        access: { principal, purpose: null, caseNumber: null, issuedAt: Date.now() },
        subjects: new Map(),
      } as unknown as HubContext;
    };
    const resolverOf = () =>
      new AccessLogResolver(
        log,
        new AccessLogReaders(
          log,
          new PolicySnapshotService(
            new ResourceRepository(dataSource),
            new GrantRepository(dataSource),
            new ApiKeyRepository(dataSource),
            new DepartmentRepository(dataSource),
          ),
          new SupervisionConfig(),
        ),
      );

    it('pages a subject’s records by cursor for a steward, and records the look-up as a read of the subject', async () => {
      const resolver = resolverOf();
      // A steward of the supervising department reads every log (who reads which: access-log-readers.ts).
      const context = contextOf([Role.STEWARD], new SupervisionConfig().HUB_SUPERVISING_DEPARTMENT);
      const id = people[2].slice('PERSON:'.length);
      const first = await resolver.accessLog(
        { subjectType: AccessSubjectType.PERSON, subjectId: id.toLowerCase(), first: 3 },
        context.access!.principal!,
        context,
      );
      expect(first.nodes).toHaveLength(3);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await resolver.accessLog(
        { subjectType: AccessSubjectType.PERSON, subjectId: id, first: 3, after: first.pageInfo.endCursor },
        context.access!.principal!,
        context,
      );
      expect(BigInt(second.nodes[0].seq)).toBeLessThan(BigInt(first.nodes[2].seq));
      expect([...context.subjects.get('PERSON')!]).toEqual([id]);
      await expect(
        resolver.accessLog(
          { subjectType: AccessSubjectType.LEGAL_ENTITY, subjectId: 'nonsense', first: 3 },
          context.access!.principal!,
          context,
        ),
      ).rejects.toBeInstanceOf(InputError);
      await expect(
        resolver.accessLog(
          { subjectType: AccessSubjectType.PERSON, subjectId: id, first: 3, after: 'bm9wZQ' },
          context.access!.principal!,
          context,
        ),
      ).rejects.toBeInstanceOf(InputError);
    });

    it('is for stewards and admins only', async () => {
      const access = (roles: Role[]) => contextOf(roles).access as SignedAccess;
      const accessLogRule = accessRuleOf(AccessLogResolver.prototype.accessLog, AccessLogResolver);
      expect(refusalOf(accessLogRule, access([Role.SYSTEM]))).toMatchObject({ code: 'FORBIDDEN' });
      expect(refusalOf(accessLogRule, access([Role.ADMIN]))).toMatchObject({ code: 'FORBIDDEN' });
      expect(refusalOf(accessLogRule, access([Role.STEWARD]))).toBeNull();
      const verifyRule = accessRuleOf(AccessLogResolver.prototype.verifyAccessLog, AccessLogResolver);
      expect(refusalOf(verifyRule, access([Role.SYSTEM]))).toMatchObject({ code: 'FORBIDDEN' });
      expect(refusalOf(verifyRule, access([Role.STEWARD]))).toBeNull();
      expect(refusalOf(verifyRule, access([Role.ADMIN]))).toBeNull();
      expect(await resolverOf().verifyAccessLog({})).toMatchObject({ ok: true, firstBrokenSeq: null, reason: null });
    });
  });
});
