import { appendFile, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@hub/config';
import { UnitOfWork } from '@hub/events';
import { Metrics } from '@hub/observability';
import { ScratchDatabase, dataSourceOptions, migrateSchema } from '@hub/persistence';
import { CATALOG_EVENT } from '@hub/contracts';
import { CATALOG_PERSISTENCE } from '../catalog.persistence.js';
import { CATALOG_SCHEMA } from '../catalog.schema.js';
import { CATALOG_MIGRATIONS } from '../migrations/index.js';
import { AccessLogSeal } from './access-log-seal.js';
import type { AccessRecordInput } from './access-record.js';
import { AuditKey } from './audit-key.js';
import { AuditConfig } from './audit.config.js';
import type { AccessRecordRow } from './audit.entities.js';
import { AccessLogRepository, COLUMNS } from './access-log.repository.js';
import { AccessLog } from './audit.service.js';
import { signCheckpoint, type Checkpoint } from './checkpoint.js';
import { CheckpointStore } from './checkpoint-store.js';
import { GENESIS_HASH, HASH_ALG, canonicalRecord, chainHash } from './hash-chain.js';

const RECORDS = `"${CATALOG_SCHEMA}".access_record`;
const HEAD = `"${CATALOG_SCHEMA}".access_chain_head`;

let n = 0;
function record(): AccessRecordInput {
  const i = n++;
  return {
    requestId: `req-${i}`,
    keyId: null,
    systemCode: 'fs-hrss-social',
    departmentUscc: null,
    holderName: null,
    roles: ['SYSTEM'],
    purpose: `养老金资格认证 ${i}`,
    caseNumber: null,
    operationType: 'query',
    operationName: 'PersonForPension',
    fields: ['Query.person'],
    subjects: [],
    outcome: 'ALLOWED',
    errorCode: null,
    refusal: null,
    startedAt: new Date(Date.UTC(2025, 2, 1, 8, 0, 0, i)).toISOString(),
    durationMs: i,
    timings: {},
  };
}

/**
 * A catalog whose database already held SHA-256-chained records when it was upgraded: the
 * migration marks them legacy, new records are keyed, and the seal checkpoints the log.
 */
describe('the keyed, sealed access log on a database that held SHA-256 records', () => {
  let database: ScratchDatabase;
  let dataSource: DataSource;
  let log: AccessLog;
  let seal: AccessLogSeal;
  let metrics: Metrics;
  const sealedAt = async () =>
    (await metrics.registry.getSingleMetric('hub_access_log_sealed_timestamp_seconds')!.get()).values[0]?.value ?? NaN;
  let store: CheckpointStore;
  const key = AuditKey.random();
  const file = join(tmpdir(), `hub-access-log-seal-${process.pid}-${Date.now()}.ndjson`);
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    dataSource.query(text, params) as Promise<T[]>;
  const row = async (seq: number) =>
    (await sql<AccessRecordRow>(`SELECT ${COLUMNS} FROM ${RECORDS} WHERE seq = $1`, [seq]))[0];
  const lines = async () =>
    (await readFile(file, 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Checkpoint);

  beforeAll(async () => {
    database = await ScratchDatabase.create(process.env.DATABASE_URL, 'hub_seal');
    const location = { url: database.url, poolSize: database.poolSize, embedded: database.embedded };
    // The catalog as it was before the key: its first two migrations, five records chained with SHA-256.
    const before = await new DataSource(
      dataSourceOptions({ ...CATALOG_PERSISTENCE, migrations: CATALOG_MIGRATIONS.slice(0, 2) }, location),
    ).initialize();
    await migrateSchema(before, CATALOG_SCHEMA);
    let prevHash = GENESIS_HASH;
    for (let seq = 1; seq <= 5; seq++) {
      const input = record();
      const legacy = {
        ...input,
        seq: String(seq),
        recordedAt: new Date(Date.UTC(2025, 2, 1, 9, 0, seq)),
        startedAt: new Date(input.startedAt),
        prevHash,
      };
      const hash = chainHash(prevHash, canonicalRecord(legacy));
      await before.query(`INSERT INTO ${RECORDS} SELECT * FROM jsonb_populate_record(NULL::${RECORDS}, $1::jsonb)`, [
        JSON.stringify({
          seq,
          recorded_at: legacy.recordedAt,
          request_id: input.requestId,
          key_id: null,
          system_code: input.systemCode,
          department_uscc: null,
          holder_name: null,
          roles: input.roles,
          purpose: input.purpose,
          case_number: null,
          operation_type: input.operationType,
          operation_name: input.operationName,
          fields: input.fields,
          subjects: [],
          outcome: input.outcome,
          error_code: null,
          refusal: null,
          started_at: input.startedAt,
          duration_ms: input.durationMs,
          timings: {},
          prev_hash: prevHash,
          hash,
        }),
      ]);
      prevHash = hash;
    }
    await before.query(`INSERT INTO ${HEAD} (id, seq, hash) VALUES (1, 5, $1)`, [prevHash]);
    await before.destroy();

    dataSource = await new DataSource(dataSourceOptions(CATALOG_PERSISTENCE, location)).initialize();
    await migrateSchema(dataSource, CATALOG_SCHEMA);
    const unitOfWork = new UnitOfWork((work) => dataSource.transaction(work), CATALOG_SCHEMA, {
      nudge: () => undefined,
    });
    store = new CheckpointStore(file, key);
    log = new AccessLog(new AccessLogRepository(dataSource), unitOfWork, key, store);
    seal = new AccessLogSeal(
      new AccessLogRepository(dataSource),
      unitOfWork,
      key,
      store,
      loadConfig(AuditConfig, { AUDIT_CHECKPOINT_FILE: file }),
      (metrics = new Metrics('seal-spec')),
    );
  }, 60_000);
  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
    await rm(file, { force: true });
  });

  it('keeps the records that were there as legacy SHA-256 records — never re-sealed — and verifies them as before, counted apart', async () => {
    expect((await sql<{ alg: string }>(`SELECT DISTINCT hash_alg AS alg FROM ${RECORDS}`)).map((r) => r.alg)).toEqual([
      HASH_ALG.sha256,
    ]);
    expect(await log.verify()).toMatchObject({ ok: true, checked: 5, unkeyed: 5, checkpoint: null });
    // A legacy record changed (and its hash left alone) is still named.
    await sql(`UPDATE ${RECORDS} SET purpose = 'curiosity' WHERE seq = 3`);
    expect((await log.verify()).firstBroken).toMatchObject({ seq: '3', code: 'RECORD_CHANGED' });
    await sql(`UPDATE ${RECORDS} SET purpose = '养老金资格认证 2' WHERE seq = 3`);
  });

  it('chains every new record with the keyed MAC onto the legacy head, and remembers where keying began', async () => {
    await log.append([record(), record(), record()]);
    expect((await row(6)).prevHash).toBe((await row(5)).hash);
    expect(
      (await sql<{ alg: string }>(`SELECT hash_alg AS alg FROM ${RECORDS} WHERE seq > 5`)).every(
        (r) => r.alg === HASH_ALG.hmacSha256,
      ),
    ).toBe(true);
    expect((await sql<{ k: string }>(`SELECT keyed_from::text AS k FROM ${HEAD}`))[0].k).toBe('6');
    expect(await log.verify()).toMatchObject({ ok: true, checked: 8, unkeyed: 5 });
  });

  it('names a keyed record turned into a legacy one (hash recomputed with SHA-256) as changed', async () => {
    const keyed = await row(7);
    await sql(`UPDATE ${RECORDS} SET purpose = 'curiosity', hash = $1, hash_alg = 'sha256' WHERE seq = 7`, [
      chainHash(keyed.prevHash, canonicalRecord({ ...keyed, purpose: 'curiosity', hashAlg: HASH_ALG.sha256 })),
    ]);
    try {
      expect((await log.verify()).firstBroken).toMatchObject({
        seq: '7',
        code: 'RECORD_CHANGED',
        reason: expect.stringMatching(/unkeyed \(plain SHA-256\) record where the log is keyed from record 6/),
      });
    } finally {
      await sql(`UPDATE ${RECORDS} SET purpose = $1, hash = $2, hash_alg = $3 WHERE seq = 7`, [
        keyed.purpose,
        keyed.hash,
        keyed.hashAlg,
      ]);
    }
  });

  it('seals the head at the interval only when it moved, always at shutdown: the file and the outbox, numbered and linked', async () => {
    expect(await sealedAt()).toBe(0);
    const before = Date.now() / 1000;
    const first = (await seal.seal('interval'))!;
    expect(first).toMatchObject({
      no: '1',
      prev: null,
      headSeq: '8',
      headHash: (await row(8)).hash,
      keyedFrom: '6',
      reason: 'interval',
      keyId: key.keyId,
    });
    expect(await sealedAt()).toBeGreaterThanOrEqual(before);
    // Nothing new to seal is sealed too: the age an operator alerts on keeps being fresh.
    const sealedFirst = await sealedAt();
    expect(await seal.seal('interval')).toBeNull();
    expect(await sealedAt()).toBeGreaterThanOrEqual(sealedFirst);
    const second = (await seal.seal('shutdown'))!;
    expect(second).toMatchObject({ no: '2', headSeq: '8', reason: 'shutdown' });
    expect(await lines()).toEqual([first, second]);
    const events = await sql<{ key: string; data: Checkpoint }>(
      `SELECT key, data FROM "${CATALOG_SCHEMA}".outbox WHERE type = $1 ORDER BY id`,
      [CATALOG_EVENT.accessLogCheckpoint],
    );
    expect(events).toEqual([
      { key: 'access-log-checkpoint', data: first },
      { key: 'access-log-checkpoint', data: second },
    ]);
    expect(
      (
        await sql<{ no: string; seq: string }>(
          `SELECT checkpoint_no::text AS no, checkpoint_seq::text AS seq FROM ${HEAD}`,
        )
      )[0],
    ).toEqual({ no: '2', seq: '8' });
    expect(await log.verify()).toMatchObject({ ok: true, checkpoint: { no: '2' }, checkpointsChecked: 2 });
  });

  it('after a checkpoint, names a whole log downgraded to SHA-256 — even with keyed_from wiped — and the rewrite', async () => {
    const rows = await sql<AccessRecordRow>(`SELECT ${COLUMNS} FROM ${RECORDS} ORDER BY seq`);
    const head = (await sql<{ hash: string; keyed: string }>(`SELECT hash, keyed_from::text AS keyed FROM ${HEAD}`))[0];
    let prevHash = GENESIS_HASH;
    for (const r of rows) {
      const hash = chainHash(prevHash, canonicalRecord({ ...r, prevHash, hashAlg: HASH_ALG.sha256 }));
      await sql(`UPDATE ${RECORDS} SET prev_hash = $1, hash = $2, hash_alg = 'sha256' WHERE seq = $3`, [
        prevHash,
        hash,
        r.seq,
      ]);
      prevHash = hash;
    }
    await sql(`UPDATE ${HEAD} SET hash = $1, keyed_from = NULL`, [prevHash]);
    try {
      const result = await log.verify();
      expect(result.problems.map((p) => [p.code, p.seq])).toEqual([
        ['RECORD_CHANGED', '6'],
        ['CHECKPOINT_MISMATCH', '1'],
      ]);
      // Nor does the seal vouch for it.
      expect(await seal.seal('shutdown')).toBeNull();
    } finally {
      for (const r of rows)
        await sql(`UPDATE ${RECORDS} SET prev_hash = $1, hash = $2, hash_alg = $3 WHERE seq = $4`, [
          r.prevHash,
          r.hash,
          r.hashAlg,
          r.seq,
        ]);
      await sql(`UPDATE ${HEAD} SET hash = $1, keyed_from = $2`, [head.hash, head.keyed]);
    }
    expect((await log.verify()).ok).toBe(true);
  });

  it('does not seal a log rewound behind its last checkpoint', async () => {
    const removed = await sql(`SELECT * FROM ${RECORDS} WHERE seq = 8`);
    await sql(`DELETE FROM ${RECORDS} WHERE seq = 8`);
    await sql(`UPDATE ${HEAD} SET seq = 7, hash = $1`, [(await row(7)).hash]);
    try {
      const count = (await lines()).length;
      const sealed = await sealedAt();
      expect(await seal.seal('shutdown')).toBeNull();
      // A refused seal leaves the seal's age growing: that is what the AccessLogSealStale alert sees.
      expect(await sealedAt()).toBe(sealed);
      expect((await lines()).length).toBe(count);
      expect((await log.verify()).firstBroken).toMatchObject({ code: 'TRUNCATED', seq: '8' });
    } finally {
      await sql(`INSERT INTO ${RECORDS} SELECT * FROM jsonb_populate_record(NULL::${RECORDS}, $1::jsonb)`, [
        JSON.stringify(removed[0]),
      ]);
      await sql(`UPDATE ${HEAD} SET seq = 8, hash = $1`, [(await row(8)).hash]);
    }
  });

  it('tells checkpoints of another database’s log (same key, same file) apart: named, not taken for a truncation, not in the way of sealing', async () => {
    // What a benchmark on a scratch database leaves in a file it shares with the hub.
    const [genuine] = (await lines()).slice(-1);
    const theirs = signCheckpoint(key, { ...genuine, root: 'c'.repeat(64), no: '7', headSeq: '5000', prev: null });
    await appendFile(file, `${JSON.stringify(theirs)}\n`);
    const result = await log.verify();
    expect(result.problems).toEqual([
      {
        code: 'CHECKPOINT_INVALID',
        seq: null,
        reason: expect.stringMatching(
          /^another log: checkpoint #7 at .* sealed an access log whose record 1 has the hash c{64}, not [0-9a-f]{64}: the checkpoint file is shared/,
        ),
      },
    ]);
    expect(result.checkpoint).toMatchObject({ no: genuine.no, headSeq: genuine.headSeq });

    // A catalog starting on this file still seals its own log.
    await log.append([record()]);
    const restarted = new CheckpointStore(file, key);
    await restarted.load();
    const sealing = new AccessLogSeal(
      new AccessLogRepository(dataSource),
      new UnitOfWork((work) => dataSource.transaction(work), CATALOG_SCHEMA, { nudge: () => undefined }),
      key,
      restarted,
      loadConfig(AuditConfig, {}),
      new Metrics('seal-spec-3'),
    );
    expect(await sealing.seal('interval')).toMatchObject({ headSeq: '9', root: (await row(1)).hash });
  });

  it('refuses to start with a key that does not verify the head record', async () => {
    const wrong = new AccessLogSeal(
      new AccessLogRepository(dataSource),
      new UnitOfWork((work) => dataSource.transaction(work), CATALOG_SCHEMA, { nudge: () => undefined }),
      AuditKey.random(),
      new CheckpointStore(file, key),
      loadConfig(AuditConfig, {}),
      new Metrics('seal-spec-2'),
    );
    await expect(wrong.onApplicationBootstrap()).rejects.toThrow(
      /does not verify record 9 at the head of the access log: either it is not the key the log was chained with/,
    );
  });
});
