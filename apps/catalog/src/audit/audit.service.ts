import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UnitOfWork, type SqlExecutor } from '@hub/events';
import { InputError } from '@hub/subgraph';
import { CATALOG_SCHEMA } from '../catalog.schema.js';
import { accessRecordedEvent } from './access-log.events.js';
import { AccessLogProblemCode, type AccessLogProblem } from './access-log-problem.js';
import { validateAccessRecords, type AccessRecordInput } from './access-record.js';
import { AuditKey } from './audit-key.js';
import type { AccessRecordRow } from './audit.entities.js';
import { byLog, checkpointFindings, latestCheckpoint, type Checkpoint } from './checkpoint.js';
import { CheckpointStore } from './checkpoint-store.js';
import { GENESIS_HASH, HASH_ALG, canonicalRecord, chainHash } from './hash-chain.js';

export interface AppendResult {
  firstSeq: string;
  lastSeq: string;
}

export interface VerifyResult {
  ok: boolean;
  /** Records found intact, in seq order, before the first broken one (or all of the range). */
  checked: number;
  /** Of those, legacy records chained with plain SHA-256 before the log was keyed. */
  unkeyed: number;
  /** The first of `problems`. */
  firstBroken: AccessLogProblem | null;
  /** The first broken record of the chain (the walk stops there), then head and checkpoint problems. */
  problems: AccessLogProblem[];
  /** The chain head when the verification started. */
  headSeq: string;
  /** The newest valid checkpoint (from the file, or the one this process wrote last). */
  checkpoint: Checkpoint | null;
  /** How many valid checkpoints the log was compared with (0 when the range does not reach the head). */
  checkpointsChecked: number;
  /** The public key that verifies checkpoints (AuditKey.publicKey). */
  checkpointPublicKey: string;
}

export interface AccessLogPage {
  /** Newest first. */
  records: AccessRecordRow[];
  hasNextPage: boolean;
}

export const RECORDS = `"${CATALOG_SCHEMA}".access_record`;
export const HEAD = `"${CATALOG_SCHEMA}".access_chain_head`;
export const HEAD_ID = 1;
const SEQ = /^[1-9][0-9]{0,18}$/;
const MAX_SEQ = 9_223_372_036_854_775_807n;

export const COLUMNS = `seq, recorded_at AS "recordedAt", request_id AS "requestId", key_id AS "keyId", system_code AS "systemCode",
  department_uscc AS "departmentUscc", holder_name AS "holderName", roles, purpose, case_number AS "caseNumber",
  operation_type AS "operationType", operation_name AS "operationName", fields, subjects, outcome, error_code AS "errorCode",
  refusal, started_at AS "startedAt", duration_ms AS "durationMs", timings, prev_hash AS "prevHash", hash, hash_alg AS "hashAlg"`;

/**
 * The access log (访问记录): append-only and chained with a keyed MAC (the audit key is never in
 * the database). Appends are serialised by a row lock on the chain head, so records are chained in
 * exactly one order however many catalog processes write; each append is one transaction (records,
 * their events and the new head), so a record the gateway was told about is committed, and one it
 * was not told about does not exist. AccessLogSeal writes the checkpoints that verify() compares with.
 */
@Injectable()
export class AccessLog {
  /** Rows per page when verifying: bounds memory whatever the length of the log. */
  static readonly VERIFY_PAGE_SIZE = 2_000;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(AuditKey) private readonly key: AuditKey,
    @Inject(CheckpointStore) private readonly checkpoints: CheckpointStore,
  ) {}

  /**
   * Chains and stores a batch (1–1,000 records) in one transaction, with one outbox event per
   * record. Throws an InputError (and stores nothing) when any record is invalid.
   */
  async append(records: AccessRecordInput[]): Promise<AppendResult> {
    const checked = validateAccessRecords(records);
    if (!checked.ok) throw new InputError(checked.violations);
    const result = await this.unitOfWork.run(async (tx) => {
      const head = await this.lockHead(tx);
      // Taken under the lock, so recorded_at follows seq (up to clock skew between processes).
      const recordedAt = new Date();
      let seq = BigInt(head.seq);
      let prevHash = head.hash;
      const rows = checked.records.map((input): AccessRecordRow => {
        seq += 1n;
        const row = toRow(input, seq.toString(), recordedAt, prevHash);
        row.hash = this.key.mac(prevHash, canonicalRecord(row));
        prevHash = row.hash;
        return row;
      });
      await tx.query(
        `INSERT INTO ${RECORDS} (seq, recorded_at, request_id, key_id, system_code, department_uscc, holder_name, roles, purpose, case_number,
           operation_type, operation_name, fields, subjects, outcome, error_code, refusal, started_at, duration_ms, timings, prev_hash, hash, hash_alg)
         SELECT seq, recorded_at, request_id, key_id, system_code, department_uscc, holder_name, roles, purpose, case_number,
           operation_type, operation_name, fields, subjects, outcome, error_code, refusal, started_at, duration_ms, timings, prev_hash, hash, hash_alg
         FROM jsonb_to_recordset($1::jsonb) AS r(seq bigint, recorded_at timestamptz, request_id varchar, key_id varchar, system_code varchar,
           department_uscc varchar, holder_name varchar, roles varchar[], purpose varchar, case_number varchar, operation_type varchar,
           operation_name varchar, fields varchar[], subjects varchar[], outcome varchar, error_code varchar, refusal jsonb,
           started_at timestamptz, duration_ms integer, timings jsonb, prev_hash varchar, hash varchar, hash_alg varchar)`,
        [JSON.stringify(rows.map(toColumns))],
      );
      await tx.publish(rows.map(accessRecordedEvent));
      const last = rows.at(-1)!;
      // keyed_from: set by the first keyed append, on a new log or one that holds legacy records.
      await tx.query(`UPDATE ${HEAD} SET seq = $1, hash = $2, keyed_from = coalesce(keyed_from, $3) WHERE id = ${HEAD_ID}`, [last.seq, last.hash, rows[0].seq]);
      return { firstSeq: rows[0].seq, lastSeq: last.seq };
    });
    return result;
  }

  /**
   * Recomputes the chain over [fromSeq, toSeq] (default: all of it), reading it in pages in seq
   * order, and names the first broken record: a gap in seq (records deleted), a prev_hash that is
   * not the previous record's hash (records removed or inserted), a MAC that does not match the
   * content under the audit key (a record changed, or its hash recomputed without the key — an
   * unkeyed record after keyed ones included). When the range reaches the end it also checks the
   * head (it matches the last record, nothing lies beyond it) and compares the log with the
   * checkpoints: records a checkpoint sealed that are gone (truncated/rewound), a sealed record with
   * another hash (rewritten), and lines of the checkpoint file that are not valid checkpoints
   * (forged). The record before fromSeq is trusted as the anchor.
   */
  async verify(options: { fromSeq?: string; toSeq?: string } = {}): Promise<VerifyResult> {
    const from = options.fromSeq === undefined ? 1n : parseSeq(options.fromSeq, 'fromSeq');
    const to = options.toSeq === undefined ? undefined : parseSeq(options.toSeq, 'toSeq');
    if (to !== undefined && to < from) throw new InputError([{ field: 'toSeq', code: 'OUT_OF_RANGE', message: 'must not be before fromSeq' }]);

    // Checkpoints first, the head second: a checkpoint is written after the head it seals was
    // committed, so none read now can be ahead of the head read next.
    const checkpoints = await this.checkpoints.recent();
    const [head] = (await this.dataSource.query(`SELECT seq, hash, keyed_from AS "keyedFrom" FROM ${HEAD} WHERE id = ${HEAD_ID}`)) as Array<{
      seq: string;
      hash: string;
      keyedFrom: string | null;
    }>;
    const headSeq = head ? BigInt(head.seq) : 0n;
    // Records committed after the head was read belong to the next verification.
    const upper = to === undefined || to > headSeq ? headSeq : to;
    const atHead = upper === headSeq;
    // This log's checkpoints: those naming its record 1 (others are named as another log's below).
    const [first] = (await this.dataSource.query(`SELECT hash FROM ${RECORDS} WHERE seq = 1`)) as Array<{ hash: string }>;
    const mine = byLog(checkpoints.valid, first?.hash).mine;
    // From which seq on every record must be keyed: what the log says, or any of its checkpoints said.
    const keyedFrom = [head?.keyedFrom, ...mine.map((c) => c.keyedFrom)]
      .filter((s): s is string => s !== null && s !== undefined)
      .map(BigInt)
      .reduce<bigint | undefined>((min, s) => (min === undefined || s < min ? s : min), undefined);

    const walk = await this.walk(from, upper, keyedFrom);
    const problems: AccessLogProblem[] = walk.broken ? [walk.broken] : [];
    if (!walk.broken && walk.last.seq < upper) {
      problems.push(problem(AccessLogProblemCode.CHAIN_GAP, walk.last.seq + 1n, `gap: ${missing(walk.last.seq + 1n, upper)} missing (deleted); the head is at ${headSeq}`));
    }
    let checkpointsChecked = 0;
    if (atHead) {
      if (!walk.broken && head && walk.last.seq === headSeq && walk.last.hash !== head.hash) {
        problems.push(problem(AccessLogProblemCode.HEAD_MISMATCH, headSeq, `head mismatch: the chain head does not match ${hashName(headSeq)}`));
      }
      // One statement, one snapshot: the head may have moved on meanwhile; what is beyond the
      // current head was not appended through the log.
      const [beyond] = (await this.dataSource.query(
        `SELECT h.seq AS "headSeq", (SELECT min(r.seq) FROM ${RECORDS} r WHERE r.seq > coalesce(h.seq, 0)) AS seq
         FROM (SELECT 1) one LEFT JOIN ${HEAD} h ON h.id = ${HEAD_ID}`,
      )) as Array<{ headSeq: string | null; seq: string | null }>;
      if (beyond.seq !== null) {
        problems.push(problem(AccessLogProblemCode.BEYOND_HEAD, BigInt(beyond.seq), `record ${beyond.seq} is beyond the chain head (${beyond.headSeq ?? 'none'}): not appended through the log`));
      }
      problems.push(...(await this.compareWithCheckpoints(checkpoints.valid, headSeq)));
      problems.push(...checkpoints.invalid.map((c) => ({ code: AccessLogProblemCode.CHECKPOINT_INVALID, seq: null, reason: `${c.reason} (${c.where})` })));
      checkpointsChecked = mine.length;
    }
    return {
      ok: problems.length === 0,
      checked: walk.checked,
      unkeyed: walk.unkeyed,
      firstBroken: problems[0] ?? null,
      problems,
      headSeq: headSeq.toString(),
      checkpoint: latestCheckpoint(mine),
      checkpointsChecked,
      checkpointPublicKey: this.key.publicKey,
    };
  }

  /**
   * The latest seal of the log: its newest valid checkpoint (the checkpoint file's tail, or the one
   * this process wrote or read last), without walking the chain — a steward sees when the log was
   * last sealed, and verify() says whether the log still matches it. Null before the first seal.
   */
  async latestSeal(): Promise<Checkpoint | null> {
    const { valid } = await this.checkpoints.recent();
    const [first] = (await this.dataSource.query(`SELECT hash FROM ${RECORDS} WHERE seq = 1`)) as Array<{ hash: string }>;
    if (!first) return null;
    const known = this.checkpoints.latest(first.hash);
    return latestCheckpoint([...byLog(valid, first.hash).mine, ...(known ? [known] : [])]);
  }

  /** Walks the records of [from, upper] in seq order; stops at the first broken one. */
  private async walk(from: bigint, upper: bigint, keyedFrom: bigint | undefined) {
    let checked = 0;
    let unkeyed = 0;
    let last = { seq: 0n, hash: GENESIS_HASH };
    // Once a keyed record is seen, an unkeyed one after it can only be a rewrite.
    let keyed = false;
    if (from > 1n) {
      const [before] = (await this.dataSource.query(`SELECT seq, hash, hash_alg AS "hashAlg" FROM ${RECORDS} WHERE seq < $1 ORDER BY seq DESC LIMIT 1`, [
        from.toString(),
      ])) as Array<{ seq: string; hash: string; hashAlg: string }>;
      if (before) {
        last = { seq: BigInt(before.seq), hash: before.hash };
        keyed = before.hashAlg === HASH_ALG.hmacSha256;
      }
    }
    const result = (broken: AccessLogProblem | null) => ({ checked, unkeyed, broken, last });

    for (;;) {
      const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM ${RECORDS} WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`, [
        last.seq.toString(),
        upper.toString(),
        AccessLog.VERIFY_PAGE_SIZE,
      ])) as AccessRecordRow[];
      for (const row of rows) {
        const seq = BigInt(row.seq);
        if (seq !== last.seq + 1n) return result(problem(AccessLogProblemCode.CHAIN_GAP, last.seq + 1n, `gap: ${missing(last.seq + 1n, seq - 1n)} missing (deleted)`));
        if (row.prevHash !== last.hash) return result(problem(AccessLogProblemCode.CHAIN_LINK_BROKEN, seq, `broken link: prev_hash is not ${hashName(last.seq)}`));
        const changed = this.contentProblem(row, seq, keyed, keyedFrom);
        if (changed) return result(problem(AccessLogProblemCode.RECORD_CHANGED, seq, changed));
        if (row.hashAlg === HASH_ALG.hmacSha256) keyed = true;
        else unkeyed++;
        checked++;
        last = { seq, hash: row.hash };
      }
      if (rows.length < AccessLog.VERIFY_PAGE_SIZE) return result(null);
    }
  }

  /** Why a record's hash does not vouch for its content, or null when it does. */
  private contentProblem(row: AccessRecordRow, seq: bigint, keyedBefore: boolean, keyedFrom: bigint | undefined): string | null {
    switch (row.hashAlg) {
      case HASH_ALG.hmacSha256:
        return this.key.mac(row.prevHash, canonicalRecord(row)) === row.hash
          ? null
          : 'changed: the content does not match the stored hash (its keyed MAC): the record was rewritten, or its hash recomputed without the audit key';
      case HASH_ALG.sha256:
        if (keyedBefore || (keyedFrom !== undefined && seq >= keyedFrom)) {
          return `changed: an unkeyed (plain SHA-256) record where the log is keyed${keyedFrom === undefined ? '' : ` from record ${keyedFrom}`}: its hash was recomputed without the audit key`;
        }
        return chainHash(row.prevHash, canonicalRecord(row)) === row.hash ? null : 'changed: the content does not match the stored hash';
      default:
        return `changed: unknown hash algorithm ${JSON.stringify(String(row.hashAlg).slice(0, 20))}`;
    }
  }

  /** Compares the log with the valid checkpoints: one query for the hashes of record 1 and of the records they sealed. */
  private async compareWithCheckpoints(valid: Checkpoint[], headSeq: bigint): Promise<AccessLogProblem[]> {
    const sealed = [...new Set(['1', ...valid.map((c) => c.headSeq).filter((s) => BigInt(s) <= headSeq)])];
    const rows = sealed.length
      ? ((await this.dataSource.query(`SELECT seq::text AS seq, hash FROM ${RECORDS} WHERE seq = ANY($1::bigint[])`, [sealed])) as Array<{ seq: string; hash: string }>)
      : [];
    return checkpointFindings(valid, headSeq, new Map(rows.map((r) => [r.seq, r.hash]))).map((f) => ({
      code: AccessLogProblemCode[f.code],
      seq: f.seq,
      reason: f.reason,
    }));
  }

  /**
   * The records naming `subject` (`PERSON:<citizen ID>` / `LEGAL_ENTITY:<USCC>`, normalised),
   * newest first; `after` is the seq the previous page ended with.
   */
  async accessLog(subject: string, options: { first: number; after?: string }): Promise<AccessLogPage> {
    const { first } = options;
    if (!Number.isInteger(first) || first < 1 || first > 1_000) throw new RangeError(`first must be 1–1000, got ${first}`);
    const after = options.after === undefined ? undefined : parseSeq(options.after, 'after');
    // `subjects @> ARRAY[…]` is what the GIN index answers; ordered by the primary key.
    const params: unknown[] = [subject, first + 1];
    const before = after === undefined ? '' : `AND seq < $${params.push(after.toString())}`;
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${RECORDS} WHERE subjects @> ARRAY[$1]::varchar[] ${before} ORDER BY seq DESC LIMIT $2`,
      params,
    )) as AccessRecordRow[];
    return { records: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  // ── Who may read a subject's log (access-log-readers.ts): a query of its own, apart from the chain. ──

  /**
   * Whether one of the department's systems was served data naming `subject` (an ALLOWED record
   * with a system code): what makes a department one that "has read" the subject. Stewards' and
   * admins' own records do not count — a steward could otherwise open any log by first reading the
   * subject itself (or by reading the log, which is recorded under the subject too) — nor do refusals.
   */
  async readByDepartmentSystems(subject: string, departmentUscc: string): Promise<boolean> {
    // `subjects @> ARRAY[…]` is what the GIN index answers.
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM ${RECORDS} WHERE subjects @> ARRAY[$1]::varchar[] AND department_uscc = $2 AND system_code IS NOT NULL AND outcome = 'ALLOWED' LIMIT 1`,
      [subject, departmentUscc],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Locks the head; creates it first when the log is new (two first appends race safely: one insert wins, both then lock it). */
  private async lockHead(tx: SqlExecutor): Promise<{ seq: string; hash: string }> {
    const lock = `SELECT seq, hash FROM ${HEAD} WHERE id = ${HEAD_ID} FOR UPDATE`;
    let [head] = (await tx.query(lock)) as Array<{ seq: string; hash: string }>;
    if (!head) {
      await tx.query(`INSERT INTO ${HEAD} (id, seq, hash) VALUES (${HEAD_ID}, 0, $1) ON CONFLICT (id) DO NOTHING`, [GENESIS_HASH]);
      [head] = (await tx.query(lock)) as Array<{ seq: string; hash: string }>;
    }
    return head;
  }
}

/** An access record as stored, chained after `prevHash` (its hash is left for the caller to compute). */
export function toRow(input: AccessRecordInput, seq: string, recordedAt: Date, prevHash: string): AccessRecordRow {
  return {
    seq,
    recordedAt,
    requestId: input.requestId,
    keyId: input.keyId,
    systemCode: input.systemCode,
    departmentUscc: input.departmentUscc,
    holderName: input.holderName,
    roles: input.roles,
    purpose: input.purpose,
    caseNumber: input.caseNumber,
    operationType: input.operationType,
    operationName: input.operationName,
    fields: input.fields,
    subjects: input.subjects,
    outcome: input.outcome,
    errorCode: input.errorCode,
    refusal: input.refusal,
    // Stored (and hashed) to the millisecond, whatever precision the gateway sent.
    startedAt: new Date(input.startedAt),
    durationMs: input.durationMs,
    timings: input.timings,
    prevHash,
    hash: '',
    hashAlg: HASH_ALG.hmacSha256,
  };
}

function toColumns(row: AccessRecordRow): Record<string, unknown> {
  return {
    seq: row.seq,
    recorded_at: row.recordedAt.toISOString(),
    request_id: row.requestId,
    key_id: row.keyId,
    system_code: row.systemCode,
    department_uscc: row.departmentUscc,
    holder_name: row.holderName,
    roles: row.roles,
    purpose: row.purpose,
    case_number: row.caseNumber,
    operation_type: row.operationType,
    operation_name: row.operationName,
    fields: row.fields,
    subjects: row.subjects,
    outcome: row.outcome,
    error_code: row.errorCode,
    refusal: row.refusal,
    started_at: row.startedAt.toISOString(),
    duration_ms: row.durationMs,
    timings: row.timings,
    prev_hash: row.prevHash,
    hash: row.hash,
    hash_alg: row.hashAlg,
  };
}

function parseSeq(value: string, field: string): bigint {
  const seq = SEQ.test(value) ? BigInt(value) : 0n;
  if (seq < 1n || seq > MAX_SEQ) throw new InputError([{ field, code: 'INVALID_VALUE', message: 'must be a record seq: a whole number ≥ 1' }]);
  return seq;
}

function problem(code: AccessLogProblemCode, seq: bigint, reason: string): AccessLogProblem {
  return { code, seq: seq.toString(), reason };
}

function hashName(seq: bigint): string {
  return seq === 0n ? 'the genesis hash' : `the hash of record ${seq}`;
}

function missing(from: bigint, to: bigint): string {
  return from === to ? `record ${from} is` : `records ${from}–${to} are`;
}
