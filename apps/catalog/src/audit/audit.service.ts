import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@hub/events';
import { InputError } from '@hub/subgraph';
import { accessRecordedEvent } from './access-log.events.js';
import { AccessLogRepository } from './access-log.repository.js';
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

const SEQ = /^[1-9][0-9]{0,18}$/;
const MAX_SEQ = 9_223_372_036_854_775_807n;

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
    @Inject(AccessLogRepository) private readonly records: AccessLogRepository,
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
      const head = await this.records.lockHead(tx);
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
      await this.records.insert(tx, rows);
      await tx.publish(rows.map(accessRecordedEvent));
      const last = rows.at(-1)!;
      await this.records.advanceHead(tx, last, rows[0].seq);
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
    if (to !== undefined && to < from)
      throw new InputError([{ field: 'toSeq', code: 'OUT_OF_RANGE', message: 'must not be before fromSeq' }]);

    // Checkpoints first, the head second: a checkpoint is written after the head it seals was
    // committed, so none read now can be ahead of the head read next.
    const checkpoints = await this.checkpoints.recent();
    const head = await this.records.head();
    const headSeq = head ? BigInt(head.seq) : 0n;
    // Records committed after the head was read belong to the next verification.
    const upper = to === undefined || to > headSeq ? headSeq : to;
    const atHead = upper === headSeq;
    // This log's checkpoints: those naming its record 1 (others are named as another log's below).
    const mine = byLog(checkpoints.valid, await this.records.rootHash()).mine;
    // From which seq on every record must be keyed: what the log says, or any of its checkpoints said.
    const keyedFrom = [head?.keyedFrom, ...mine.map((c) => c.keyedFrom)]
      .filter((s): s is string => s !== null && s !== undefined)
      .map(BigInt)
      .reduce<bigint | undefined>((min, s) => (min === undefined || s < min ? s : min), undefined);

    const walk = await this.walk(from, upper, keyedFrom);
    const problems: AccessLogProblem[] = walk.broken ? [walk.broken] : [];
    if (!walk.broken && walk.last.seq < upper) {
      problems.push(
        problem(
          AccessLogProblemCode.CHAIN_GAP,
          walk.last.seq + 1n,
          `gap: ${missing(walk.last.seq + 1n, upper)} missing (deleted); the head is at ${headSeq}`,
        ),
      );
    }
    let checkpointsChecked = 0;
    if (atHead) {
      if (!walk.broken && head && walk.last.seq === headSeq && walk.last.hash !== head.hash) {
        problems.push(
          problem(
            AccessLogProblemCode.HEAD_MISMATCH,
            headSeq,
            `head mismatch: the chain head does not match ${hashName(headSeq)}`,
          ),
        );
      }
      // One statement, one snapshot: the head may have moved on meanwhile; what is beyond the
      // current head was not appended through the log.
      const beyond = await this.records.beyondHead();
      if (beyond.seq !== null) {
        problems.push(
          problem(
            AccessLogProblemCode.BEYOND_HEAD,
            BigInt(beyond.seq),
            `record ${beyond.seq} is beyond the chain head (${beyond.headSeq ?? 'none'}): not appended through the log`,
          ),
        );
      }
      problems.push(...(await this.compareWithCheckpoints(checkpoints.valid, headSeq)));
      problems.push(
        ...checkpoints.invalid.map((c) => ({
          code: AccessLogProblemCode.CHECKPOINT_INVALID,
          seq: null,
          reason: `${c.reason} (${c.where})`,
        })),
      );
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
    const root = await this.records.rootHash();
    if (!root) return null;
    const known = this.checkpoints.latest(root);
    return latestCheckpoint([...byLog(valid, root).mine, ...(known ? [known] : [])]);
  }

  /** Walks the records of [from, upper] in seq order; stops at the first broken one. */
  private async walk(from: bigint, upper: bigint, keyedFrom: bigint | undefined) {
    let checked = 0;
    let unkeyed = 0;
    let last = { seq: 0n, hash: GENESIS_HASH };
    // Once a keyed record is seen, an unkeyed one after it can only be a rewrite.
    let keyed = false;
    if (from > 1n) {
      const before = await this.records.lastBefore(from);
      if (before) {
        last = { seq: BigInt(before.seq), hash: before.hash };
        keyed = before.hashAlg === HASH_ALG.hmacSha256;
      }
    }
    const result = (broken: AccessLogProblem | null) => ({ checked, unkeyed, broken, last });

    for (;;) {
      const rows = await this.records.range(last.seq, upper, AccessLog.VERIFY_PAGE_SIZE);
      for (const row of rows) {
        const seq = BigInt(row.seq);
        if (seq !== last.seq + 1n)
          return result(
            problem(
              AccessLogProblemCode.CHAIN_GAP,
              last.seq + 1n,
              `gap: ${missing(last.seq + 1n, seq - 1n)} missing (deleted)`,
            ),
          );
        if (row.prevHash !== last.hash)
          return result(
            problem(AccessLogProblemCode.CHAIN_LINK_BROKEN, seq, `broken link: prev_hash is not ${hashName(last.seq)}`),
          );
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
  private contentProblem(
    row: AccessRecordRow,
    seq: bigint,
    keyedBefore: boolean,
    keyedFrom: bigint | undefined,
  ): string | null {
    switch (row.hashAlg) {
      case HASH_ALG.hmacSha256:
        return this.key.mac(row.prevHash, canonicalRecord(row)) === row.hash
          ? null
          : 'changed: the content does not match the stored hash (its keyed MAC): the record was rewritten, or its hash recomputed without the audit key';
      case HASH_ALG.sha256:
        if (keyedBefore || (keyedFrom !== undefined && seq >= keyedFrom)) {
          return `changed: an unkeyed (plain SHA-256) record where the log is keyed${keyedFrom === undefined ? '' : ` from record ${keyedFrom}`}: its hash was recomputed without the audit key`;
        }
        return chainHash(row.prevHash, canonicalRecord(row)) === row.hash
          ? null
          : 'changed: the content does not match the stored hash';
      default:
        return `changed: unknown hash algorithm ${JSON.stringify(String(row.hashAlg).slice(0, 20))}`;
    }
  }

  /** Compares the log with the valid checkpoints: one query for the hashes of record 1 and of the records they sealed. */
  private async compareWithCheckpoints(valid: Checkpoint[], headSeq: bigint): Promise<AccessLogProblem[]> {
    const sealed = [...new Set(['1', ...valid.map((c) => c.headSeq).filter((s) => BigInt(s) <= headSeq)])];
    const rows = sealed.length ? await this.records.hashesOf(sealed) : [];
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
    if (!Number.isInteger(first) || first < 1 || first > 1_000)
      throw new RangeError(`first must be 1–1000, got ${first}`);
    const after = options.after === undefined ? undefined : parseSeq(options.after, 'after');
    const rows = await this.records.bySubject(subject, first + 1, after);
    return { records: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  // ── Who may read a subject's log (access-log-readers.ts): a query of its own, apart from the chain. ──

  /**
   * Whether one of the department's systems was served data naming `subject` (an ALLOWED record
   * with a system code): what makes a department one that "has read" the subject. Stewards' and
   * admins' own records do not count — a steward could otherwise open any log by first reading the
   * subject itself (or by reading the log, which is recorded under the subject too) — nor do refusals.
   */
  readByDepartmentSystems(subject: string, departmentUscc: string): Promise<boolean> {
    return this.records.readByDepartmentSystems(subject, departmentUscc);
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

function parseSeq(value: string, field: string): bigint {
  const seq = SEQ.test(value) ? BigInt(value) : 0n;
  if (seq < 1n || seq > MAX_SEQ)
    throw new InputError([{ field, code: 'INVALID_VALUE', message: 'must be a record seq: a whole number ≥ 1' }]);
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
