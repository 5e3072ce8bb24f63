import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventPublisher, type NewEvent, type SqlExecutor } from '@hub/events';
import { InputError } from '@hub/subgraph';
import { ACCESS_RECORD_TOPIC, CATALOG_EVENT, CATALOG_SOURCE } from '../catalog.events.js';
import { CATALOG_SCHEMA } from '../catalog.schema.js';
import { validateAccessRecords, type AccessRecordInput } from './access-record.js';
import type { AccessRecordRow } from './audit.entities.js';
import { GENESIS_HASH, canonicalRecord, chainHash } from './hash-chain.js';

export interface AppendResult {
  firstSeq: string;
  lastSeq: string;
}

export interface VerifyResult {
  ok: boolean;
  /** Records found intact, in seq order, before the first broken one (or all of the range). */
  checked: number;
  firstBroken: { seq: string; reason: string } | null;
  /** The chain head when the verification started. */
  headSeq: string;
}

export interface AccessLogPage {
  /** Newest first. */
  records: AccessRecordRow[];
  hasNextPage: boolean;
}

/** An access record as published on ACCESS_RECORD_TOPIC: the stored row, timestamps as ISO strings. */
export type AccessRecordEventData = Omit<AccessRecordRow, 'recordedAt' | 'startedAt'> & { recordedAt: string; startedAt: string };

/** What the log needs of the events library (a stand-in in tests). */
export type AccessRecordPublisher = Pick<EventPublisher, 'record' | 'committed'>;

const RECORDS = `"${CATALOG_SCHEMA}".access_record`;
const HEAD = `"${CATALOG_SCHEMA}".access_chain_head`;
const HEAD_ID = 1;
const SEQ = /^[1-9][0-9]{0,18}$/;
const MAX_SEQ = 9_223_372_036_854_775_807n;

const COLUMNS = `seq, recorded_at AS "recordedAt", request_id AS "requestId", key_id AS "keyId", system_code AS "systemCode",
  department_uscc AS "departmentUscc", holder_name AS "holderName", roles, purpose, case_number AS "caseNumber",
  operation_type AS "operationType", operation_name AS "operationName", fields, subjects, outcome, error_code AS "errorCode",
  refusal, started_at AS "startedAt", duration_ms AS "durationMs", timings, prev_hash AS "prevHash", hash`;

/**
 * The access log (访问记录): append-only and hash-chained. Appends are serialised by a row lock on
 * the chain head, so records are chained in exactly one order however many catalog processes
 * write; each append is one transaction (records, their events and the new head), so a record
 * the gateway was told about is committed, and one it was not told about does not exist.
 */
@Injectable()
export class AccessLog {
  /** Rows per page when verifying: bounds memory whatever the length of the log. */
  static readonly VERIFY_PAGE_SIZE = 2_000;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EventPublisher) private readonly events: AccessRecordPublisher,
  ) {}

  /**
   * Chains and stores a batch (1–1,000 records) in one transaction, with one outbox event per
   * record. Throws an InputError (and stores nothing) when any record is invalid.
   */
  async append(records: AccessRecordInput[]): Promise<AppendResult> {
    const checked = validateAccessRecords(records);
    if (!checked.ok) throw new InputError(checked.violations);
    const result = await this.dataSource.transaction(async (tx) => {
      const head = await this.lockHead(tx);
      // Taken under the lock, so recorded_at follows seq (up to clock skew between processes).
      const recordedAt = new Date();
      let seq = BigInt(head.seq);
      let prevHash = head.hash;
      const rows = checked.records.map((input): AccessRecordRow => {
        seq += 1n;
        const row = toRow(input, seq.toString(), recordedAt, prevHash);
        row.hash = chainHash(prevHash, canonicalRecord(row));
        prevHash = row.hash;
        return row;
      });
      await tx.query(
        `INSERT INTO ${RECORDS} (seq, recorded_at, request_id, key_id, system_code, department_uscc, holder_name, roles, purpose, case_number,
           operation_type, operation_name, fields, subjects, outcome, error_code, refusal, started_at, duration_ms, timings, prev_hash, hash)
         SELECT seq, recorded_at, request_id, key_id, system_code, department_uscc, holder_name, roles, purpose, case_number,
           operation_type, operation_name, fields, subjects, outcome, error_code, refusal, started_at, duration_ms, timings, prev_hash, hash
         FROM jsonb_to_recordset($1::jsonb) AS r(seq bigint, recorded_at timestamptz, request_id varchar, key_id varchar, system_code varchar,
           department_uscc varchar, holder_name varchar, roles varchar[], purpose varchar, case_number varchar, operation_type varchar,
           operation_name varchar, fields varchar[], subjects varchar[], outcome varchar, error_code varchar, refusal jsonb,
           started_at timestamptz, duration_ms integer, timings jsonb, prev_hash varchar, hash varchar)`,
        [JSON.stringify(rows.map(toColumns))],
      );
      await this.events.record(tx, rows.map(toEvent));
      const last = rows.at(-1)!;
      await tx.query(`UPDATE ${HEAD} SET seq = $1, hash = $2 WHERE id = ${HEAD_ID}`, [last.seq, last.hash]);
      return { firstSeq: rows[0].seq, lastSeq: last.seq };
    });
    this.events.committed();
    return result;
  }

  /**
   * Recomputes the chain over [fromSeq, toSeq] (default: all of it), reading it in pages in seq
   * order, and names the first broken record: a gap in seq (records deleted), a prev_hash that is
   * not the previous record's hash (records removed or inserted), a hash that does not match the
   * content (a record changed), or — when the range reaches the end — a head that does not match
   * the last record, or records beyond the head. The record before fromSeq is trusted as the anchor.
   */
  async verify(options: { fromSeq?: string; toSeq?: string } = {}): Promise<VerifyResult> {
    const from = options.fromSeq === undefined ? 1n : parseSeq(options.fromSeq, 'fromSeq');
    const to = options.toSeq === undefined ? undefined : parseSeq(options.toSeq, 'toSeq');
    if (to !== undefined && to < from) throw new InputError([{ field: 'toSeq', code: 'OUT_OF_RANGE', message: 'must not be before fromSeq' }]);

    const [head] = (await this.dataSource.query(`SELECT seq, hash FROM ${HEAD} WHERE id = ${HEAD_ID}`)) as Array<{ seq: string; hash: string }>;
    const headSeq = head ? BigInt(head.seq) : 0n;
    // Records committed after the head was read belong to the next verification.
    const upper = to === undefined || to > headSeq ? headSeq : to;
    let checked = 0;
    const broken = (seq: bigint, reason: string): VerifyResult => ({ ok: false, checked, firstBroken: { seq: seq.toString(), reason }, headSeq: headSeq.toString() });

    let prev = { seq: 0n, hash: GENESIS_HASH };
    if (from > 1n) {
      const [before] = (await this.dataSource.query(`SELECT seq, hash FROM ${RECORDS} WHERE seq < $1 ORDER BY seq DESC LIMIT 1`, [from.toString()])) as Array<{
        seq: string;
        hash: string;
      }>;
      if (before) prev = { seq: BigInt(before.seq), hash: before.hash };
    }
    const name = (seq: bigint) => (seq === 0n ? 'the genesis hash' : `the hash of record ${seq}`);

    for (;;) {
      const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM ${RECORDS} WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`, [
        prev.seq.toString(),
        upper.toString(),
        AccessLog.VERIFY_PAGE_SIZE,
      ])) as AccessRecordRow[];
      for (const row of rows) {
        const seq = BigInt(row.seq);
        if (seq !== prev.seq + 1n) return broken(prev.seq + 1n, `gap: ${missing(prev.seq + 1n, seq - 1n)} missing (deleted)`);
        if (row.prevHash !== prev.hash) return broken(seq, `broken link: prev_hash is not ${name(prev.seq)}`);
        if (chainHash(row.prevHash, canonicalRecord(row)) !== row.hash) return broken(seq, 'changed: the content does not match the stored hash');
        checked++;
        prev = { seq, hash: row.hash };
      }
      if (rows.length < AccessLog.VERIFY_PAGE_SIZE) break;
    }
    if (prev.seq < upper) return broken(prev.seq + 1n, `gap: ${missing(prev.seq + 1n, upper)} missing (deleted); the head is at ${headSeq}`);

    if (upper === headSeq) {
      if (head && prev.seq === headSeq && prev.hash !== head.hash) return broken(headSeq, `the chain head does not match ${name(headSeq)}`);
      // One statement, one snapshot: the head may have moved on meanwhile; what is beyond the
      // current head was not appended through the log.
      const [beyond] = (await this.dataSource.query(
        `SELECT h.seq AS "headSeq", (SELECT min(r.seq) FROM ${RECORDS} r WHERE r.seq > coalesce(h.seq, 0)) AS seq
         FROM (SELECT 1) one LEFT JOIN ${HEAD} h ON h.id = ${HEAD_ID}`,
      )) as Array<{ headSeq: string | null; seq: string | null }>;
      if (beyond.seq !== null) {
        return broken(BigInt(beyond.seq), `record ${beyond.seq} is beyond the chain head (${beyond.headSeq ?? 'none'}): not appended through the log`);
      }
    }
    return { ok: true, checked, firstBroken: null, headSeq: headSeq.toString() };
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

function toRow(input: AccessRecordInput, seq: string, recordedAt: Date, prevHash: string): AccessRecordRow {
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
  };
}

function toEvent(row: AccessRecordRow): NewEvent<AccessRecordEventData> {
  return {
    topic: ACCESS_RECORD_TOPIC,
    type: CATALOG_EVENT.accessRecorded,
    source: CATALOG_SOURCE,
    // The Kafka key: one caller's records stay in one partition, in order.
    subject: row.systemCode ?? row.keyId ?? 'anonymous',
    time: row.recordedAt,
    data: { ...row, recordedAt: row.recordedAt.toISOString(), startedAt: row.startedAt.toISOString() },
  };
}

function parseSeq(value: string, field: string): bigint {
  const seq = SEQ.test(value) ? BigInt(value) : 0n;
  if (seq < 1n || seq > MAX_SEQ) throw new InputError([{ field, code: 'INVALID_VALUE', message: 'must be a record seq: a whole number ≥ 1' }]);
  return seq;
}

function missing(from: bigint, to: bigint): string {
  return from === to ? `record ${from} is` : `records ${from}–${to} are`;
}
