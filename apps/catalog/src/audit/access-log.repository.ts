import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Repository, type InTransaction } from '@hub/persistence';
import { CATALOG_SCHEMA } from '../catalog.schema.js';
import type { AccessRecordRow } from './audit.entities.js';
import { GENESIS_HASH } from './hash-chain.js';

export const RECORDS = `"${CATALOG_SCHEMA}".access_record`;
export const HEAD = `"${CATALOG_SCHEMA}".access_chain_head`;
export const HEAD_ID = 1;

/** The access_record columns as AccessRecordRow names them. */
export const COLUMNS = `seq, recorded_at AS "recordedAt", request_id AS "requestId", key_id AS "keyId", system_code AS "systemCode",
  department_uscc AS "departmentUscc", holder_name AS "holderName", roles, purpose, case_number AS "caseNumber",
  operation_type AS "operationType", operation_name AS "operationName", fields, subjects, outcome, error_code AS "errorCode",
  refusal, started_at AS "startedAt", duration_ms AS "durationMs", timings, prev_hash AS "prevHash", hash, hash_alg AS "hashAlg"`;

/** The chain head with what the last checkpoint sealed, as the seal reads it. */
export interface SealHead {
  seq: string;
  hash: string;
  keyedFrom: string | null;
  no: string;
  sealedSeq: string;
  digest: string | null;
}

/**
 * The hash-chained access log (catalog.access_record) and its head (access_chain_head): plain SQL,
 * since the chain is written in bulk and read by seq ranges, with bigint seqs kept as text.
 */
@Injectable()
export class AccessLogRepository extends Repository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Locks the head; creates it first when the log is new (two first appends race safely: one insert wins, both then lock it). */
  async lockHead(tx: InTransaction): Promise<{ seq: string; hash: string }> {
    const lock = `SELECT seq, hash FROM ${HEAD} WHERE id = ${HEAD_ID} FOR UPDATE`;
    let [head] = (await tx.manager.query(lock)) as Array<{ seq: string; hash: string }>;
    if (!head) {
      await tx.manager.query(
        `INSERT INTO ${HEAD} (id, seq, hash) VALUES (${HEAD_ID}, 0, $1) ON CONFLICT (id) DO NOTHING`,
        [GENESIS_HASH],
      );
      [head] = (await tx.manager.query(lock)) as Array<{ seq: string; hash: string }>;
    }
    return head;
  }

  /** Stores chained records in one statement. */
  async insert(tx: InTransaction, rows: AccessRecordRow[]): Promise<void> {
    await tx.manager.query(
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
  }

  /** Moves the head to the last record appended; keyed_from is set by the first keyed append (a new log, or one holding legacy records). */
  async advanceHead(tx: InTransaction, last: { seq: string; hash: string }, firstSeq: string): Promise<void> {
    await tx.manager.query(
      `UPDATE ${HEAD} SET seq = $1, hash = $2, keyed_from = coalesce(keyed_from, $3) WHERE id = ${HEAD_ID}`,
      [last.seq, last.hash, firstSeq],
    );
  }

  async head(): Promise<{ seq: string; hash: string; keyedFrom: string | null } | undefined> {
    const [head] = (await this.manager().query(
      `SELECT seq, hash, keyed_from AS "keyedFrom" FROM ${HEAD} WHERE id = ${HEAD_ID}`,
    )) as Array<{ seq: string; hash: string; keyedFrom: string | null }>;
    return head;
  }

  /** The head with the last checkpoint's number, seq and digest, locked until the transaction ends. */
  async lockSealHead(tx: InTransaction): Promise<SealHead | undefined> {
    const [head] = (await tx.manager.query(
      `SELECT seq, hash, keyed_from AS "keyedFrom", checkpoint_no AS "no", checkpoint_seq AS "sealedSeq", checkpoint_digest AS "digest"
       FROM ${HEAD} WHERE id = ${HEAD_ID} FOR UPDATE`,
    )) as SealHead[];
    return head;
  }

  async recordCheckpoint(
    tx: InTransaction,
    checkpoint: { no: string; headSeq: string; digest: string },
  ): Promise<void> {
    await tx.manager.query(
      `UPDATE ${HEAD} SET checkpoint_no = $1, checkpoint_seq = $2, checkpoint_digest = $3 WHERE id = ${HEAD_ID}`,
      [checkpoint.no, checkpoint.headSeq, checkpoint.digest],
    );
  }

  /** The hash of record 1: the log's root (what its checkpoints name). */
  async rootHash(tx?: InTransaction): Promise<string | undefined> {
    const [first] = (await this.manager(tx).query(`SELECT hash FROM ${RECORDS} WHERE seq = 1`)) as Array<{
      hash: string;
    }>;
    return first?.hash;
  }

  /** The head record (as the head names it), if any. */
  async headRecord(): Promise<AccessRecordRow | undefined> {
    const [row] = (await this.manager().query(
      `SELECT ${COLUMNS} FROM ${RECORDS} WHERE seq = (SELECT seq FROM ${HEAD} WHERE id = ${HEAD_ID})`,
    )) as AccessRecordRow[];
    return row;
  }

  /** The head's seq and the first record beyond it, in one statement (one snapshot): a record there was not appended through the log. */
  async beyondHead(): Promise<{ headSeq: string | null; seq: string | null }> {
    const [beyond] = (await this.manager().query(
      `SELECT h.seq AS "headSeq", (SELECT min(r.seq) FROM ${RECORDS} r WHERE r.seq > coalesce(h.seq, 0)) AS seq
       FROM (SELECT 1) one LEFT JOIN ${HEAD} h ON h.id = ${HEAD_ID}`,
    )) as Array<{ headSeq: string | null; seq: string | null }>;
    return beyond;
  }

  /** The last record before `seq`: the anchor a verification from there trusts. */
  async lastBefore(seq: bigint): Promise<{ seq: string; hash: string; hashAlg: string } | undefined> {
    const [before] = (await this.manager().query(
      `SELECT seq, hash, hash_alg AS "hashAlg" FROM ${RECORDS} WHERE seq < $1 ORDER BY seq DESC LIMIT 1`,
      [seq.toString()],
    )) as Array<{
      seq: string;
      hash: string;
      hashAlg: string;
    }>;
    return before;
  }

  /** Records after `afterSeq` up to `upper`, in seq order, at most `limit`. */
  range(afterSeq: bigint, upper: bigint, limit: number): Promise<AccessRecordRow[]> {
    return this.manager().query(
      `SELECT ${COLUMNS} FROM ${RECORDS} WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
      [afterSeq.toString(), upper.toString(), limit],
    );
  }

  /** The records of these seqs (in the transaction, when given). */
  bySeqs(seqs: string[], tx?: InTransaction): Promise<AccessRecordRow[]> {
    return this.manager(tx).query(`SELECT ${COLUMNS} FROM ${RECORDS} WHERE seq = ANY($1::bigint[])`, [seqs]);
  }

  /** The hashes of these records, by seq (as text). */
  hashesOf(seqs: string[]): Promise<Array<{ seq: string; hash: string }>> {
    return this.manager().query(`SELECT seq::text AS seq, hash FROM ${RECORDS} WHERE seq = ANY($1::bigint[])`, [seqs]);
  }

  /** The records naming `subject`, newest first, before seq `before` when given; at most `limit`. */
  bySubject(subject: string, limit: number, before?: bigint): Promise<AccessRecordRow[]> {
    // `subjects @> ARRAY[…]` is what the GIN index answers; ordered by the primary key.
    const params: unknown[] = [subject, limit];
    const older = before === undefined ? '' : `AND seq < $${params.push(before.toString())}`;
    return this.manager().query(
      `SELECT ${COLUMNS} FROM ${RECORDS} WHERE subjects @> ARRAY[$1]::varchar[] ${older} ORDER BY seq DESC LIMIT $2`,
      params,
    );
  }

  /** Whether one of the department's systems was served data naming `subject` (an ALLOWED record with a system code). */
  async readByDepartmentSystems(subject: string, departmentUscc: string): Promise<boolean> {
    // `subjects @> ARRAY[…]` is what the GIN index answers.
    const rows = (await this.manager().query(
      `SELECT 1 FROM ${RECORDS} WHERE subjects @> ARRAY[$1]::varchar[] AND department_uscc = $2 AND system_code IS NOT NULL AND outcome = 'ALLOWED' LIMIT 1`,
      [subject, departmentUscc],
    )) as unknown[];
    return rows.length > 0;
  }
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
