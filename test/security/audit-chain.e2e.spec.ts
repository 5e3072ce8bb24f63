// Issue 9, "chain rewind and rewrite": an insider with write access to the database (but not the
// audit key, which is never in it) tries to make the access log say something else — deleting the
// newest records and moving the head back, rewriting a record and recomputing its hash, forging a
// checkpoint — and verifyAccessLog, asked through the gateway like a steward would, must name it.
// The attacks are plain SQL on the hub's own scratch database, as an insider would run them.
import { createPublicKey, randomBytes, verify as verifySignature } from 'node:crypto';
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessLogSeal } from '../../apps/catalog/src/audit/access-log-seal.js';
import type { AccessRecordInput } from '../../apps/catalog/src/audit/access-record.js';
import { AuditKey } from '../../apps/catalog/src/audit/audit-key.js';
import type { AccessRecordRow } from '../../apps/catalog/src/audit/audit.entities.js';
import { COLUMNS } from '../../apps/catalog/src/audit/access-log.repository.js';
import { AccessLog } from '../../apps/catalog/src/audit/audit.service.js';
import { checkpointDigest, signCheckpoint, type Checkpoint } from '../../apps/catalog/src/audit/checkpoint.js';
import { HASH_ALG, canonicalRecord, chainHash } from '../../apps/catalog/src/audit/hash-chain.js';
import { CATALOG_ACCESS_RECORD_TOPIC, CATALOG_EVENT } from '@hub/contracts';
import { startCatalog } from '../../apps/catalog/src/main.js';
import { schemaErrors } from '../support/event-schemas.js';
import { TestHub, type EventCollector } from '../support/test-hub.js';

interface Verification {
  ok: boolean;
  checked: number;
  unkeyed: number;
  firstBrokenSeq: string | null;
  code: string | null;
  reason: string | null;
  headSeq: string;
  problems: Array<{ code: string; seq: string | null; reason: string }>;
  checkpoint: { no: string; headSeq: string; headHash: string; time: string; instance: string; reason: string } | null;
  checkpointsChecked: number;
  checkpointPublicKey: string;
}

const VERIFY = `query Verify($from: String, $to: String) { verifyAccessLog(fromSeq: $from, toSeq: $to) {
  ok checked unkeyed firstBrokenSeq code reason headSeq problems { code seq reason }
  checkpoint { no headSeq headHash time instance reason } checkpointsChecked checkpointPublicKey } }`;

/** What the log's own canonical form and the hash-chain.ts of before the key computed: plain SHA-256, form v1. */
const plainSha256 = (prevHash: string, row: AccessRecordRow) =>
  chainHash(prevHash, canonicalRecord({ ...row, hashAlg: HASH_ALG.sha256 }));

/** A small hub-facing toolkit for one test hub: SQL as the insider, verification as a steward. */
function insider(hub: () => TestHub, checkpointFile: string) {
  async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: hub().database.url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }
  return {
    sql,
    async verify(range: { from?: string; to?: string } = {}): Promise<Verification> {
      const result = await hub().graphql<{ verifyAccessLog: Verification }>(
        VERIFY,
        range,
        {},
        { key: hub().keys.hubSteward.key },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.verifyAccessLog;
    },
    /** Operations through the gateway: each leaves one access record. */
    async operate(n: number): Promise<void> {
      for (let i = 0; i < n; i++)
        expect((await hub().graphql(`query Who${i} { myAccess { roles } }`)).errors).toBeUndefined();
    },
    async head(): Promise<{ seq: string; hash: string }> {
      const [head] = await sql<{ seq: string; hash: string }>(
        'SELECT seq::text AS seq, hash FROM catalog.access_chain_head',
      );
      return head;
    },
    async records(fromSeq: string): Promise<AccessRecordRow[]> {
      return sql<AccessRecordRow>(`SELECT ${COLUMNS} FROM catalog.access_record WHERE seq >= $1 ORDER BY seq`, [
        fromSeq,
      ]);
    },
    /**
     * Rewrites records from `first.seq` on as `rewrite` says (content and hash), relinking each
     * following record to the new hash and moving the head: the whole chain after it looks whole.
     */
    async rewriteFrom(
      first: AccessRecordRow,
      change: Partial<AccessRecordRow>,
      seal: (prevHash: string, row: AccessRecordRow) => { hash: string; hashAlg: string },
    ): Promise<void> {
      let prevHash = first.prevHash;
      for (const [i, row] of (await this.records(first.seq)).entries()) {
        const rewritten = { ...row, ...(i === 0 ? change : {}), prevHash };
        const { hash, hashAlg } = seal(prevHash, rewritten);
        await sql(
          'UPDATE catalog.access_record SET purpose = $1, prev_hash = $2, hash = $3, hash_alg = $4 WHERE seq = $5',
          [rewritten.purpose, prevHash, hash, hashAlg, row.seq],
        );
        prevHash = hash;
      }
      await sql('UPDATE catalog.access_chain_head SET hash = $1', [prevHash]);
    },
    /** Everything an attack may change — the records, the head, the checkpoint file — as it is now; the returned function puts it back. */
    async snapshot(): Promise<() => Promise<void>> {
      const rows = await sql('SELECT * FROM catalog.access_record ORDER BY seq');
      const [head] = await sql('SELECT * FROM catalog.access_chain_head');
      const file = await readFile(checkpointFile, 'utf8').catch(() => '');
      return async () => {
        await sql('DELETE FROM catalog.access_record');
        await sql(
          'INSERT INTO catalog.access_record SELECT * FROM jsonb_populate_recordset(NULL::catalog.access_record, $1::jsonb)',
          [JSON.stringify(rows)],
        );
        await sql('DELETE FROM catalog.access_chain_head');
        await sql(
          'INSERT INTO catalog.access_chain_head SELECT * FROM jsonb_populate_record(NULL::catalog.access_chain_head, $1::jsonb)',
          [JSON.stringify(head)],
        );
        await writeFile(checkpointFile, file);
      };
    },
    async checkpointLines(): Promise<Checkpoint[]> {
      const text = await readFile(checkpointFile, 'utf8').catch(() => '');
      return text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Checkpoint);
    },
  };
}

/** An external auditor's check of a checkpoint, with the public key only: Ed25519 over the sorted-key JSON of every field but the signature. */
function signedByHub(checkpoint: Checkpoint, publicKey: string): boolean {
  const { signature, ...fields } = checkpoint;
  const payload = JSON.stringify(Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : 1))));
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
  return verifySignature(null, Buffer.from(payload), key, Buffer.from(signature, 'base64url'));
}

describe('chain rewind and rewrite', () => {
  describe('an insider with database access, without the audit key', () => {
    let hub: TestHub;
    const checkpointFile = join(tmpdir(), `hub-audit-chain-${randomBytes(4).toString('hex')}.ndjson`);
    const db = insider(() => hub, checkpointFile);
    // Checkpoints only when a test asks (an interval one could seal an attack's own state).
    const seal = () => hub.app('catalog').get(AccessLogSeal).seal('interval');

    beforeAll(async () => {
      hub = await TestHub.start({ env: { AUDIT_CHECKPOINT_FILE: checkpointFile, AUDIT_CHECKPOINT_MS: '3600000' } });
      await db.operate(6);
    }, 120_000);
    afterAll(async () => {
      await hub?.close();
      await rm(checkpointFile, { force: true });
    });

    it('a log that was not tampered with verifies, every record keyed, against the checkpoint', async () => {
      const sealed = (await seal())!;
      const verification = await db.verify();
      expect(verification).toMatchObject({
        ok: true,
        unkeyed: 0,
        problems: [],
        checkpointsChecked: 1,
        checkpoint: { no: sealed.no, headSeq: sealed.headSeq, reason: 'interval' },
      });
      expect(verification.checked).toBe(Number(verification.headSeq));
      expect(signedByHub((await db.checkpointLines()).at(-1)!, verification.checkpointPublicKey)).toBe(true);
    });

    it('names the deletion of the newest records, with the head moved back, as truncation after the checkpoint that sealed them', async () => {
      await db.operate(3);
      const older = (await seal())!;
      await db.operate(4);
      const sealed = (await seal())!;
      const restore = await db.snapshot();
      try {
        // The insider deletes the last three records and moves the head back onto the record before them.
        const kept = String(BigInt(sealed.headSeq) - 3n);
        const [last] = await db.sql<{ hash: string }>('SELECT hash FROM catalog.access_record WHERE seq = $1', [kept]);
        await db.sql('DELETE FROM catalog.access_record WHERE seq > $1', [kept]);
        await db.sql('UPDATE catalog.access_chain_head SET seq = $1, hash = $2', [kept, last.hash]);

        const rewound = await db.verify();
        const first = String(BigInt(kept) + 1n);
        expect(rewound).toMatchObject({
          ok: false,
          code: 'TRUNCATED',
          firstBrokenSeq: first,
          headSeq: kept,
          checked: Number(kept),
        });
        expect(rewound.reason).toBe(
          `truncated/rewound: records ${first}–${sealed.headSeq} removed after checkpoint #${sealed.no} at ${sealed.time}, which sealed the log up to record ${sealed.headSeq}; the chain now ends at ${kept}`,
        );
        expect(rewound.checkpoint).toMatchObject({ no: sealed.no, headSeq: sealed.headSeq, time: sealed.time });

        // The seal does not vouch for the rewound log: no new checkpoint while it is rewound.
        const lines = (await db.checkpointLines()).length;
        expect(await seal()).toBeNull();
        expect((await db.checkpointLines()).length).toBe(lines);

        // The hub goes on appending over the removed seqs: now the sealed record is another one.
        await db.operate(4);
        const reappended = await db.verify();
        expect(reappended).toMatchObject({
          ok: false,
          code: 'CHECKPOINT_MISMATCH',
          firstBrokenSeq: String(BigInt(older.headSeq) + 1n),
        });
        expect(reappended.reason).toMatch(
          new RegExp(
            `^rewritten: record ${sealed.headSeq} is not the record sealed by checkpoint #${sealed.no} at ${sealed.time}`,
          ),
        );
      } finally {
        await restore();
      }
      expect((await db.verify()).ok).toBe(true);
    });

    it('names a record rewritten with its hash recomputed as plain SHA-256 — as the log hashed before the key — as changed', async () => {
      await db.operate(2);
      const sealed = (await seal())!;
      const [target] = await db.records(String(BigInt(sealed.headSeq) - 4n));
      const restore = await db.snapshot();
      try {
        // Only the record, still marked as keyed.
        await db.sql('UPDATE catalog.access_record SET purpose = $1, hash = $2 WHERE seq = $3', [
          '例行检查',
          plainSha256(target.prevHash, { ...target, purpose: '例行检查' }),
          target.seq,
        ]);
        const changed = await db.verify();
        expect(changed).toMatchObject({
          ok: false,
          code: 'RECORD_CHANGED',
          firstBrokenSeq: target.seq,
          checked: Number(target.seq) - 1,
        });
        expect(changed.reason).toMatch(/^changed: the content does not match the stored hash/);
        await restore();

        // The whole chain after it relinked with plain SHA-256, marked as legacy records, the head moved along.
        await db.rewriteFrom(target, { purpose: '例行检查' }, (prev, row) => ({
          hash: plainSha256(prev, row),
          hashAlg: HASH_ALG.sha256,
        }));
        const downgraded = await db.verify();
        expect(downgraded).toMatchObject({ ok: false, code: 'RECORD_CHANGED', firstBrokenSeq: target.seq });
        expect(downgraded.reason).toMatch(
          /^changed: an unkeyed \(plain SHA-256\) record where the log is keyed from record 1/,
        );
        // The checkpoint names it too: the record it sealed is not there any more.
        expect(downgraded.problems.map((p) => p.code)).toEqual(['RECORD_CHANGED', 'CHECKPOINT_MISMATCH']);
      } finally {
        await restore();
      }
      expect((await db.verify()).ok).toBe(true);
    });

    it('names a record rewritten with a MAC under another key as changed', async () => {
      await db.operate(2);
      const [target] = await db.records(String(BigInt((await db.head()).seq) - 3n));
      const otherKey = AuditKey.random();
      const restore = await db.snapshot();
      try {
        await db.rewriteFrom(target, { purpose: '例行检查' }, (prev, row) => ({
          hash: otherKey.mac(prev, canonicalRecord(row)),
          hashAlg: HASH_ALG.hmacSha256,
        }));
        const changed = await db.verify();
        expect(changed).toMatchObject({
          ok: false,
          code: 'RECORD_CHANGED',
          firstBrokenSeq: target.seq,
          checked: Number(target.seq) - 1,
        });
        expect(changed.reason).toMatch(/^changed: .*recomputed without the audit key/);
      } finally {
        await restore();
      }
      expect((await db.verify()).ok).toBe(true);
    });

    it('names a rewrite by an insider who holds the key as well: the checkpoint sealed the original record', async () => {
      await db.operate(2);
      const sealed = (await seal())!;
      const [target] = await db.records(String(BigInt(sealed.headSeq) - 2n));
      // This hub's own key (the harness hands it to the catalog in the environment).
      const stolenKey = AuditKey.fromHex(process.env.HUB_AUDIT_KEY!, 'test');
      const restore = await db.snapshot();
      try {
        await db.rewriteFrom(target, { purpose: '例行检查' }, (prev, row) => ({
          hash: stolenKey.mac(prev, canonicalRecord(row)),
          hashAlg: HASH_ALG.hmacSha256,
        }));
        const rewritten = await db.verify();
        // Every MAC is right: only the checkpoint written outside the database tells.
        expect(rewritten).toMatchObject({ ok: false, code: 'CHECKPOINT_MISMATCH', checked: Number(rewritten.headSeq) });
        expect(BigInt(rewritten.firstBrokenSeq!)).toBeLessThanOrEqual(BigInt(target.seq));
        expect(rewritten.reason).toMatch(
          new RegExp(
            `^rewritten: record ${sealed.headSeq} is not the record sealed by checkpoint #${sealed.no} at ${sealed.time}`,
          ),
        );
      } finally {
        await restore();
      }
      expect((await db.verify()).ok).toBe(true);
    });

    it('names a forged checkpoint appended to the file, and does not believe what it claims', async () => {
      const restore = await db.snapshot();
      try {
        const genuine = (await db.checkpointLines()).at(-1)!;
        const head = await db.head();
        // A copy of a genuine line claiming a head far ahead (a false truncation), its signature kept.
        const tampered: Checkpoint = {
          ...genuine,
          no: String(BigInt(genuine.no) + 1n),
          headSeq: String(BigInt(head.seq) + 50n),
          prev: checkpointDigest(genuine),
        };
        // A well-formed checkpoint signed with some other key.
        const foreign = signCheckpoint(AuditKey.random(), {
          ...genuine,
          no: String(BigInt(genuine.no) + 2n),
          headSeq: head.seq,
          headHash: head.hash,
        });
        await appendFile(checkpointFile, `${JSON.stringify(tampered)}\n${JSON.stringify(foreign)}\n{"headSeq":"1"}\n`);

        const verification = await db.verify();
        expect(verification).toMatchObject({ ok: false, code: 'CHECKPOINT_INVALID', firstBrokenSeq: null });
        expect(verification.problems.map((p) => [p.code, p.seq])).toEqual([
          ['CHECKPOINT_INVALID', null],
          ['CHECKPOINT_INVALID', null],
          ['CHECKPOINT_INVALID', null],
        ]);
        const reasons = verification.problems.map((p) => p.reason);
        expect(reasons[0]).toMatch(
          new RegExp(
            `^forged checkpoint #${tampered.no} \\(record ${tampered.headSeq} at .*\\): its signature does not verify \\(line \\d+ of ${checkpointFile}\\)$`,
          ),
        );
        expect(reasons[1]).toMatch(
          new RegExp(
            `^forged or foreign checkpoint #${foreign.no} .*: signed with key ${foreign.keyId}, not this hub's key ${genuine.keyId}`,
          ),
        );
        expect(reasons[2]).toMatch(/^not a checkpoint: /);
        // The genuine checkpoints still count; the forged claim of a longer log is not taken for a truncation.
        expect(verification.checkpoint).toMatchObject({ no: genuine.no, headSeq: genuine.headSeq });
        expect(verification.problems.some((p) => p.code === 'TRUNCATED')).toBe(false);
      } finally {
        await restore();
      }
      expect((await db.verify()).ok).toBe(true);
    });
  });

  describe('checkpoints at the interval and at shutdown, from two catalog instances on one database', () => {
    let hub: TestHub | undefined;
    let topic: EventCollector;
    let second: INestApplication | undefined;
    const dir = join(tmpdir(), `hub-audit-seal-${randomBytes(4).toString('hex')}`);
    const checkpointFile = join(dir, 'first.ndjson');
    const secondFile = join(dir, 'second.ndjson');
    const db = insider(() => hub!, checkpointFile);

    const checkpointEvents = () =>
      topic.events<Checkpoint>().filter((e) => e.type === CATALOG_EVENT.accessLogCheckpoint);

    beforeAll(async () => {
      hub = await TestHub.start({ env: { AUDIT_CHECKPOINT_FILE: checkpointFile, AUDIT_CHECKPOINT_MS: '1000' } });
      topic = await hub.collect(CATALOG_ACCESS_RECORD_TOPIC);
    }, 120_000);
    afterAll(async () => {
      await second?.close();
      await hub?.close();
      await topic?.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('writes a signed checkpoint at the interval when the head moved: to the file, and as a schema-valid event on the access-record topic', async () => {
      await db.operate(3);
      const head = await db.head();
      const line = await hub!.eventually(async () => {
        const found = (await db.checkpointLines()).find(
          (c) => c.reason === 'interval' && BigInt(c.headSeq) >= BigInt(head.seq),
        );
        expect(found).toBeDefined();
        return found!;
      }, 15_000);
      const { checkpointPublicKey } = await db.verify();
      expect(signedByHub(line, checkpointPublicKey)).toBe(true);
      const [record] = await db.sql<{ hash: string }>('SELECT hash FROM catalog.access_record WHERE seq = $1', [
        line.headSeq,
      ]);
      expect(line.headHash).toBe(record.hash);

      await topic.waitFor(() => checkpointEvents().some((e) => e.data.signature === line.signature), 20_000);
      const event = checkpointEvents().find((e) => e.data.signature === line.signature)!;
      expect(event).toMatchObject({ subject: 'access-log-checkpoint', time: line.time, data: line });
      for (const e of checkpointEvents()) expect(schemaErrors(e.type, e.data)).toEqual([]);

      // The verification's own record is sealed at the next interval; then nothing while the head stands still.
      const now = await db.head();
      await hub!.eventually(async () => expect((await db.checkpointLines()).at(-1)?.headSeq).toBe(now.seq), 15_000);
      const lines = (await db.checkpointLines()).length;
      await new Promise((r) => setTimeout(r, 2_500));
      expect((await db.checkpointLines()).length).toBe(lines);
    }, 60_000);

    it('two catalog instances on one database append concurrently into one gapless chain that verifies, and seal it in one sequence', async () => {
      const saved = process.env.AUDIT_CHECKPOINT_FILE;
      process.env.AUDIT_CHECKPOINT_FILE = secondFile;
      try {
        second = await startCatalog({ shutdownHooks: false });
      } finally {
        process.env.AUDIT_CHECKPOINT_FILE = saved;
      }
      const record = (i: number): AccessRecordInput => ({
        requestId: `second-${i}`,
        keyId: null,
        systemCode: 'fs-gsdb-hub',
        departmentUscc: null,
        holderName: null,
        roles: ['SYSTEM'],
        purpose: `concurrent append ${i}`,
        caseNumber: null,
        operationType: 'query',
        operationName: 'Concurrent',
        fields: ['Query.myAccess'],
        subjects: [],
        outcome: 'ALLOWED',
        errorCode: null,
        refusal: null,
        startedAt: new Date().toISOString(),
        durationMs: 1,
        timings: {},
      });
      const before = BigInt((await db.head()).seq);
      // Through the gateway into the first catalog, and straight into the second one's log, at once.
      const results = await Promise.all([
        ...Array.from({ length: 12 }, (_, i) => hub!.graphql(`query Concurrent${i} { myAccess { roles } }`)),
        ...Array.from({ length: 8 }, (_, i) =>
          second!.get(AccessLog).append(Array.from({ length: 5 }, (_, j) => record(i * 5 + j))),
        ),
      ]);
      for (const r of results.slice(0, 12)) expect((r as { errors?: unknown }).errors).toBeUndefined();
      // Each batch of the second instance got five consecutive seqs.
      for (const r of results.slice(12) as Array<{ firstSeq: string; lastSeq: string }>)
        expect(BigInt(r.lastSeq) - BigInt(r.firstSeq)).toBe(4n);

      const seqs = (
        await db.sql<{ seq: string }>(
          'SELECT seq::text AS seq FROM catalog.access_record r WHERE r.seq > $1 ORDER BY r.seq',
          [String(before)],
        )
      ).map((r) => BigInt(r.seq));
      expect(seqs.length).toBe(12 + 40);
      expect(seqs).toEqual(seqs.map((_, i) => before + 1n + BigInt(i)));
      const viaFirst = await db.verify();
      expect(viaFirst).toMatchObject({ ok: true, problems: [] });
      expect(viaFirst.checked).toBe(Number(viaFirst.headSeq));
      expect(await second.get(AccessLog).verify()).toMatchObject({ ok: true, problems: [] });

      // Each instance seals what both appended (each at its interval too); their checkpoints form
      // one numbered sequence, each naming the one before, whichever instance wrote it.
      await db.operate(1);
      const a = (await hub!.app('catalog').get(AccessLogSeal).seal('shutdown'))!;
      await second.get(AccessLog).append([record(100)]);
      const b = (await second.get(AccessLogSeal).seal('shutdown'))!;
      expect(b.instance).not.toBe(a.instance);
      expect(BigInt(b.no)).toBeGreaterThan(BigInt(a.no));
      expect(BigInt(b.headSeq)).toBeGreaterThan(BigInt(a.headSeq));
      const secondLines = async () =>
        (await readFile(secondFile, 'utf8'))
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Checkpoint);
      await hub!.eventually(async () => {
        const all = [...(await db.checkpointLines()), ...(await secondLines())]
          .filter((c) => BigInt(c.no) <= BigInt(b.no))
          .sort((x, y) => Number(BigInt(x.no) - BigInt(y.no)));
        expect(all.map((c) => c.no)).toEqual(all.map((_, i) => String(i + 1)));
        for (let i = 1; i < all.length; i++) {
          expect(all[i].prev).toBe(checkpointDigest(all[i - 1]));
          expect(BigInt(all[i].headSeq)).toBeGreaterThanOrEqual(BigInt(all[i - 1].headSeq));
        }
        expect(new Set(all.map((c) => c.instance)).size).toBe(2);
      }, 10_000);
      expect((await db.checkpointLines()).some((c) => c.signature === a.signature)).toBe(true);
      expect((await secondLines()).some((c) => c.signature === b.signature)).toBe(true);
      expect((await second.get(AccessLog).verify()).ok).toBe(true);
      expect((await db.verify()).ok).toBe(true);

      await second.close();
      second = undefined;
      // Its shutdown checkpoint, in its own file.
      expect((await secondLines()).at(-1)).toMatchObject({ reason: 'shutdown', instance: b.instance });
    }, 60_000);

    it('writes a checkpoint at shutdown, of the last record, to the file and the topic before the database closes', async () => {
      await db.operate(2);
      const head = await db.head();
      const { checkpointPublicKey } = await db.verify();
      // The verification's own record is the last one.
      const last = String(BigInt(head.seq) + 1n);
      await hub!.close();
      hub = undefined;

      const final = (await db.checkpointLines()).at(-1)!;
      expect(final).toMatchObject({ reason: 'shutdown', headSeq: last });
      expect(signedByHub(final, checkpointPublicKey)).toBe(true);
      await topic.waitFor(() => checkpointEvents().some((e) => e.data.signature === final.signature), 20_000);
      const event = checkpointEvents().find((e) => e.data.signature === final.signature)!;
      expect(schemaErrors(event.type, event.data)).toEqual([]);
    }, 60_000);
  });
});
