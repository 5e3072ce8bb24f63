import { createHash } from 'node:crypto';
import type { AuditKey } from './audit-key.js';
import { canonicalJson } from './hash-chain.js';

/**
 * A checkpoint seals the access log outside the database: the chain head (seq and hash) at a
 * moment, signed with the checkpoint key derived from the audit key. Written to an append-only
 * file and published on the access-record topic, so deleting the newest records and moving the
 * head back, or rewriting records, leaves the log disagreeing with a checkpoint it cannot change.
 */
export interface Checkpoint {
  v: 1;
  /**
   * Which log it seals: the hash of its record 1. A checkpoint file or topic shared by two
   * databases (a benchmark's scratch database beside the hub's) cannot pass one log's checkpoint off
   * as the other's; a log replaced from its first record no longer matches its checkpoints.
   */
  root: string;
  /** One sequence over all catalog instances of the hub (kept on the chain head row). */
  no: string;
  /** hex SHA-256 of the previous checkpoint (checkpointDigest), null for the first. */
  prev: string | null;
  headSeq: string;
  headHash: string;
  /** The first record chained with the keyed MAC; records before it are legacy SHA-256 (null: none yet). */
  keyedFrom: string | null;
  time: string;
  /** Which catalog process wrote it: host, pid and a random suffix. */
  instance: string;
  reason: CheckpointReason;
  /** The signing key's id (AuditKey.keyId). */
  keyId: string;
  /** base64url Ed25519 signature of checkpointPayload(checkpoint). */
  signature: string;
}

export type CheckpointReason = 'interval' | 'shutdown';

export type UnsignedCheckpoint = Omit<Checkpoint, 'v' | 'keyId' | 'signature'>;

/** A line of the checkpoint file that is not a checkpoint of this hub: malformed, another key's, or forged. */
export interface InvalidCheckpoint {
  /** Where it is, e.g. `line 12 of /data/access-log-checkpoints.ndjson`. */
  where: string;
  reason: string;
}

export interface CheckpointFinding {
  code: 'TRUNCATED' | 'CHECKPOINT_MISMATCH' | 'CHECKPOINT_INVALID';
  /** The first record concerned; null for another log's checkpoints. */
  seq: string | null;
  reason: string;
  checkpoint: Checkpoint;
}

const SEQ = /^[1-9][0-9]{0,18}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const KEYS = [
  'v',
  'root',
  'no',
  'prev',
  'headSeq',
  'headHash',
  'keyedFrom',
  'time',
  'instance',
  'reason',
  'keyId',
  'signature',
];

/** What is signed: the canonical JSON of every field but the signature. */
export function checkpointPayload(checkpoint: Omit<Checkpoint, 'signature'> | Checkpoint): string {
  const { signature: _signature, ...fields } = checkpoint as Checkpoint;
  return canonicalJson(fields);
}

/** What the next checkpoint's `prev` names: hex SHA-256 of the whole checkpoint (signature included), canonical JSON. */
export function checkpointDigest(checkpoint: Checkpoint): string {
  return createHash('sha256').update(canonicalJson(checkpoint), 'utf8').digest('hex');
}

export function signCheckpoint(key: AuditKey, fields: UnsignedCheckpoint): Checkpoint {
  const unsigned: Omit<Checkpoint, 'signature'> = { v: 1, ...fields, keyId: key.keyId };
  return { ...unsigned, signature: key.sign(checkpointPayload(unsigned)) };
}

/** One line of the checkpoint file (or one event's data): a valid checkpoint of this hub, or why not. */
export function parseCheckpoint(
  text: string,
  key: AuditKey,
): { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not a checkpoint: not JSON' };
  }
  const problem = shapeProblem(value);
  if (problem) return { ok: false, reason: `not a checkpoint: ${problem}` };
  const checkpoint = value as Checkpoint;
  const claim = `checkpoint #${checkpoint.no} (record ${checkpoint.headSeq} at ${checkpoint.time}, by ${checkpoint.instance})`;
  if (checkpoint.keyId !== key.keyId)
    return {
      ok: false,
      reason: `forged or foreign ${claim}: signed with key ${checkpoint.keyId}, not this hub's key ${key.keyId}`,
    };
  if (!key.verify(checkpointPayload(checkpoint), checkpoint.signature))
    return { ok: false, reason: `forged ${claim}: its signature does not verify` };
  return { ok: true, checkpoint };
}

function shapeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const c = value as Record<string, unknown>;
  const extra = Object.keys(c).find((k) => !KEYS.includes(k));
  if (extra !== undefined) return `unknown field ${JSON.stringify(extra.slice(0, 40))}`;
  const wrong = (name: string, ok: boolean) => (ok ? null : `${name} is missing or invalid`);
  return (
    wrong('v', c.v === 1) ??
    wrong('root', isString(c.root) && HEX64.test(c.root)) ??
    wrong('no', isString(c.no) && SEQ.test(c.no)) ??
    wrong('prev', c.prev === null || (isString(c.prev) && HEX64.test(c.prev))) ??
    wrong('headSeq', isString(c.headSeq) && SEQ.test(c.headSeq)) ??
    wrong('headHash', isString(c.headHash) && HEX64.test(c.headHash)) ??
    wrong('keyedFrom', c.keyedFrom === null || (isString(c.keyedFrom) && SEQ.test(c.keyedFrom))) ??
    wrong(
      'time',
      isString(c.time) && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(c.time) && !Number.isNaN(Date.parse(c.time)),
    ) ??
    wrong('instance', isString(c.instance) && c.instance.length >= 1 && c.instance.length <= 200) ??
    wrong('reason', c.reason === 'interval' || c.reason === 'shutdown') ??
    wrong('keyId', isString(c.keyId) && /^[0-9a-f]{16}$/.test(c.keyId)) ??
    wrong('signature', isString(c.signature) && /^[A-Za-z0-9_-]{86}$/.test(c.signature))
  );
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** The newest of some checkpoints: the furthest head, then the highest number, then the latest time. */
export function latestCheckpoint(checkpoints: Iterable<Checkpoint>): Checkpoint | null {
  let latest: Checkpoint | null = null;
  for (const c of checkpoints) if (latest === null || compareCheckpoints(c, latest) > 0) latest = c;
  return latest;
}

function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  return cmp(BigInt(a.headSeq), BigInt(b.headSeq)) || cmp(BigInt(a.no), BigInt(b.no)) || cmp(a.time, b.time);
}

function cmp<T extends bigint | string>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Compares valid checkpoints with the log as it is: `headSeq` its current head, `hashes` the stored
 * hash of each record a checkpoint names (absent: no such record). Names, at most once each:
 * - TRUNCATED: a checkpoint sealed records beyond the head, or one whose record is gone — records
 *   were deleted and the head moved back;
 * - CHECKPOINT_MISMATCH: the record a checkpoint sealed now has another hash — it, or records
 *   before it, were rewritten with recomputed hashes (or the log was rewound and appended again).
 *   The range starts after the last checkpoint below it that still matches.
 */
export function checkpointFindings(
  checkpoints: Checkpoint[],
  headSeq: bigint,
  hashes: ReadonlyMap<string, string>,
): CheckpointFinding[] {
  const findings: CheckpointFinding[] = [];
  const when = (c: Checkpoint) => `checkpoint #${c.no} at ${c.time}`;
  const { mine, foreign } = byLog(checkpoints, hashes.get('1'));
  for (const [root, theirs] of foreign) {
    const latest = latestCheckpoint(theirs)!;
    findings.push({
      code: 'CHECKPOINT_INVALID',
      seq: null,
      reason:
        `another log: ${theirs.length === 1 ? when(latest) : `${theirs.length} checkpoints up to ${when(latest)}`} sealed an access log whose record 1 has the hash ${root}, ` +
        `not ${hashes.get('1')}: the checkpoint file is shared with another database's log, or this log was replaced from its first record`,
      checkpoint: latest,
    });
  }
  const sorted = mine.sort(compareCheckpoints);

  const beyond = sorted.filter((c) => BigInt(c.headSeq) > headSeq).at(-1);
  if (beyond) {
    const first = headSeq + 1n;
    const removed = first === BigInt(beyond.headSeq) ? `record ${first}` : `records ${first}–${beyond.headSeq}`;
    findings.push({
      code: 'TRUNCATED',
      seq: first.toString(),
      reason: `truncated/rewound: ${removed} removed after ${when(beyond)}, which sealed the log up to record ${beyond.headSeq}; the chain now ends at ${headSeq}`,
      checkpoint: beyond,
    });
  }

  let lastGood = 0n;
  for (const c of sorted) {
    const seq = BigInt(c.headSeq);
    if (seq > headSeq) break;
    const stored = hashes.get(c.headSeq);
    if (stored === c.headHash) {
      lastGood = seq;
      continue;
    }
    if (stored === undefined) {
      findings.push({
        code: 'TRUNCATED',
        seq: c.headSeq,
        reason: `truncated/rewound: record ${c.headSeq}, sealed by ${when(c)}, is missing`,
        checkpoint: c,
      });
    } else {
      const from = lastGood + 1n;
      const range = from === seq ? `record ${seq} was` : `records ${from}–${seq} were`;
      findings.push({
        code: 'CHECKPOINT_MISMATCH',
        seq: from.toString(),
        reason: `rewritten: record ${seq} is not the record sealed by ${when(c)} (its hash differs); ${range} replaced — rewritten with recomputed hashes, or rewound and appended again`,
        checkpoint: c,
      });
    }
    break;
  }
  // By the first record concerned; other logs' checkpoints last.
  return findings.sort((a, b) => (a.seq === null ? 1 : b.seq === null ? -1 : cmp(BigInt(a.seq), BigInt(b.seq))));
}

/**
 * Splits checkpoints into this log's (whose root is `root`, the hash of record 1) and other logs',
 * by root. Without a record 1 (everything deleted) every checkpoint counts as this log's.
 */
export function byLog(
  checkpoints: Checkpoint[],
  root: string | undefined,
): { mine: Checkpoint[]; foreign: Map<string, Checkpoint[]> } {
  const mine: Checkpoint[] = [];
  const foreign = new Map<string, Checkpoint[]>();
  for (const c of checkpoints) {
    if (root === undefined || c.root === root) mine.push(c);
    else foreign.set(c.root, [...(foreign.get(c.root) ?? []), c]);
  }
  return { mine, foreign };
}
