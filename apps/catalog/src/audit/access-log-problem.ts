/** What verifyAccessLog can find wrong with the access log: stable codes a client can switch on. */
export enum AccessLogProblemCode {
  /** Records are missing between two others, or at the end before the head: deleted. */
  CHAIN_GAP = 'CHAIN_GAP',
  /** A record's prev_hash is not the previous record's hash: records removed or inserted. */
  CHAIN_LINK_BROKEN = 'CHAIN_LINK_BROKEN',
  /** A record's content does not match its MAC (or legacy hash): changed, or its hash recomputed without the key. */
  RECORD_CHANGED = 'RECORD_CHANGED',
  /** The chain head row does not match the last record. */
  HEAD_MISMATCH = 'HEAD_MISMATCH',
  /** A record beyond the chain head: not appended through the log. */
  BEYOND_HEAD = 'BEYOND_HEAD',
  /** A checkpoint sealed records that are no longer there: the newest records deleted and the head moved back. */
  TRUNCATED = 'TRUNCATED',
  /** The record a checkpoint sealed has another hash now: rewritten with recomputed hashes, or rewound and appended again. */
  CHECKPOINT_MISMATCH = 'CHECKPOINT_MISMATCH',
  /** A line of the checkpoint file is not a valid checkpoint of this hub: forged, another key's, or malformed. */
  CHECKPOINT_INVALID = 'CHECKPOINT_INVALID',
}

export interface AccessLogProblem {
  code: AccessLogProblemCode;
  /** The first record concerned (for a gap: the first missing seq); null when no record is (a forged checkpoint). */
  seq: string | null;
  reason: string;
}
