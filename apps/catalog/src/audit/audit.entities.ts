import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One operation through the gateway, allowed or refused: the access record (访问记录). Append-only
 * and chained: `hash` = HMAC-SHA256, under the audit key that is never in the database, of the
 * previous record's hash and this record's canonical content (`hash_alg` says so; records chained
 * before the key are plain SHA-256, `sha256`), so changing, inserting or removing a record breaks
 * the chain from there on, and only the key's holder could recompute it.
 */
@Entity({ name: 'access_record' })
export class AccessRecordRow {
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'request_id', type: 'varchar', length: 64 })
  requestId: string;

  @Column({ name: 'key_id', type: 'varchar', length: 12, nullable: true })
  keyId: string | null;

  @Index('access_record_system_idx')
  @Column({ name: 'system_code', type: 'varchar', length: 64, nullable: true })
  systemCode: string | null;

  @Column({ name: 'department_uscc', type: 'varchar', length: 18, nullable: true })
  departmentUscc: string | null;

  @Column({ name: 'holder_name', type: 'varchar', length: 200, nullable: true })
  holderName: string | null;

  @Column({ type: 'varchar', length: 16, array: true })
  roles: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  purpose: string | null;

  @Column({ name: 'case_number', type: 'varchar', length: 64, nullable: true })
  caseNumber: string | null;

  /** query, mutation, ingest */
  @Column({ name: 'operation_type', type: 'varchar', length: 16 })
  operationType: string;

  @Column({ name: 'operation_name', type: 'varchar', length: 200, nullable: true })
  operationName: string | null;

  /** `Type.field` coordinates the operation touched. */
  @Column({ type: 'varchar', length: 200, array: true })
  fields: string[];

  /** Data subjects read: `PERSON:<citizen ID>`, `LEGAL_ENTITY:<USCC>`. */
  // GIN, made by the migration: TypeORM cannot declare one.
  @Index('access_record_subjects_idx', { synchronize: false })
  @Column({ type: 'varchar', length: 40, array: true })
  subjects: string[];

  /** ALLOWED, REFUSED, FAILED */
  @Column({ type: 'varchar', length: 16 })
  outcome: string;

  /** The error code of a refused or failed operation. */
  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode: string | null;

  /** For a refusal: the items refused and why. */
  @Column({ type: 'jsonb', nullable: true })
  refusal: Record<string, unknown> | null;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;

  /** Where the time went (policy check, execution, …), in milliseconds. */
  @Column({ type: 'jsonb' })
  timings: Record<string, number>;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;

  /** `hmac-sha256` (keyed), or `sha256` for records chained before the log was keyed (hash-chain.ts HASH_ALG). */
  @Column({ name: 'hash_alg', type: 'varchar', length: 16 })
  hashAlg: string;
}

/**
 * The head of the chain: one row, locked by each append so records are chained in one order, and
 * by each checkpoint, so checkpoints of several catalog instances are numbered in one sequence.
 */
@Entity({ name: 'access_chain_head' })
export class AccessChainHeadRow {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;

  /** The first record chained with the keyed MAC (null while there is none). */
  @Column({ name: 'keyed_from', type: 'bigint', nullable: true })
  keyedFrom: string | null;

  /** The number of the last checkpoint written (0: none yet). */
  @Column({ name: 'checkpoint_no', type: 'bigint', default: 0 })
  checkpointNo: string;

  /** The head seq the last checkpoint sealed: an interval checkpoint is written only when the head moved past it. */
  @Column({ name: 'checkpoint_seq', type: 'bigint', default: 0 })
  checkpointSeq: string;

  /** checkpointDigest of the last checkpoint: the next one's `prev`. */
  @Column({ name: 'checkpoint_digest', type: 'varchar', length: 64, nullable: true })
  checkpointDigest: string | null;
}
