import type { SqlExecutor } from '@hub/events';
import { BUSINESS_FIELDS, type LegalEntityRecord } from './legal-entity.record.js';
import { PROVENANCE_PROPERTIES, RECORD_COLUMNS, jsonOf } from './legal-entity.columns.js';
import { LEGAL_ENTITY_EVENT_SOURCE, LEGAL_ENTITY_TOPIC, LegalEntityEventType } from './legal-entity.events.js';

/** What a write asks for: `register` must create, `change` must find, `upsert` (bulk ingest) does either. */
export type WriteIntent = 'register' | 'change' | 'upsert';

/** What happened to one incoming record. */
export type WriteOutcome =
  | 'register' // stored as a new legal entity; `registered` emitted
  | 'change' // stored; `changed` and/or `status-changed` emitted
  | 'version_only' // a newer version with identical content: version recorded, nothing emitted
  | 'replay' // the same version and content again: nothing changed, nothing emitted
  | 'superseded' // a later row of the same extract carries a newer version of this entity
  | 'stale' // older than the stored version: refused
  | 'version_reused' // the stored version number with different content: refused
  | 'source_mismatch' // the entity is held from another source record (一数一源): refused
  | 'source_record_conflict' // this source record already belongs to another USCC: refused
  | 'already_registered' // `register` of an entity that exists from another source or version
  | 'not_found' // `change` of an entity that does not exist
  | 'invalid_transition' // a status change the rules forbid (out of DEREGISTERED, or REVOKED → not DEREGISTERED)
  | 'conflict'; // a concurrent writer registered the same entity first: retry

export interface OutcomeGroup {
  outcome: WriteOutcome;
  count: number;
  /** The first `detailLimit` lines (1-based row numbers of the input) and USCCs with this outcome. */
  lines: number[];
  usccs: string[];
}

export interface IncomingRecord {
  line: number;
  record: LegalEntityRecord;
}

const COLUMN_LIST = RECORD_COLUMNS.map(([, c]) => c).join(', ');
const COLUMN_TYPES = RECORD_COLUMNS.map(([, c, t]) => `${c} ${t}`).join(', ');
const NON_STATUS_FIELDS = BUSINESS_FIELDS.filter((f) => f !== 'status');

/**
 * Applies legal-entity records with one set-based statement, whatever their number: classify each
 * against the stored row (locked), insert and update what is new, and write the events and the
 * change history of what really changed — all in the caller's transaction, so an event exists
 * exactly when its change was committed. Mutations pass records as JSON; bulk ingest passes the
 * name of the staging table it COPYed into.
 */
export class LegalEntityWriter {
  constructor(private readonly schema: string) {}

  /** The temporary staging table bulk ingest COPYs into (dropped at commit). */
  stagingTableSql(table: string): string {
    return `CREATE TEMP TABLE ${table} (line integer NOT NULL, ${COLUMN_TYPES}) ON COMMIT DROP`;
  }

  stagingColumns(): string[] {
    return ['line', ...RECORD_COLUMNS.map(([, c]) => c)];
  }

  /** A record as a staging row, in `stagingColumns()` order. */
  stagingRow(line: number, record: LegalEntityRecord): unknown[] {
    return [line, ...RECORD_COLUMNS.map(([p]) => record[p])];
  }

  async applyRecords(tx: SqlExecutor, records: IncomingRecord[], intent: WriteIntent, detailLimit = 1000): Promise<OutcomeGroup[]> {
    const rows = records.map(({ line, record }) => {
      const row: Record<string, unknown> = { line };
      for (const [property, column] of RECORD_COLUMNS) row[column] = record[property];
      return row;
    });
    const source = `SELECT * FROM jsonb_to_recordset($4::jsonb) AS r(line integer, ${COLUMN_TYPES})`;
    return this.apply(tx, source, intent, detailLimit, [JSON.stringify(rows)]);
  }

  async applyStaging(tx: SqlExecutor, table: string, intent: WriteIntent, detailLimit = 1000): Promise<OutcomeGroup[]> {
    return this.apply(tx, `SELECT * FROM ${table}`, intent, detailLimit, []);
  }

  private async apply(tx: SqlExecutor, source: string, intent: WriteIntent, detailLimit: number, extra: unknown[]): Promise<OutcomeGroup[]> {
    const rows: Array<{ outcome: WriteOutcome; n: number; lines: number[]; usccs: string[] }> = await tx.query(
      this.statement(source, intent),
      [LEGAL_ENTITY_TOPIC, LEGAL_ENTITY_EVENT_SOURCE, detailLimit, ...extra],
    );
    return rows.map((r) => ({ outcome: r.outcome, count: r.n, lines: r.lines, usccs: r.usccs }));
  }

  private statement(source: string, intent: WriteIntent): string {
    const s = `"${this.schema}"`;
    const set = RECORD_COLUMNS.filter(([p]) => p !== 'uscc')
      .map(([, c]) => `${c} = i.${c}`)
      .join(', ');
    const provenance = (alias: string) => `(${jsonOf(alias, PROVENANCE_PROPERTIES)} || jsonb_build_object('receivedAt', now()))`;
    const intentSql = `'${intent}'`;
    return `
WITH raw AS (${source}),
ranked AS (
  SELECT raw.*, row_number() OVER (PARTITION BY uscc ORDER BY version DESC, line DESC) AS rank FROM raw
),
incoming AS (SELECT * FROM ranked WHERE rank = 1),
current AS (
  SELECT e.* FROM ${s}.legal_entity e WHERE e.uscc IN (SELECT uscc FROM incoming) FOR UPDATE
),
record_owner AS (
  SELECT i.uscc AS incoming_uscc, e.uscc AS owner FROM incoming i
  JOIN ${s}.legal_entity e ON e.source_system = i.source_system AND e.source_record_id = i.source_record_id AND e.uscc <> i.uscc
),
classified AS (
  SELECT i.line, i.uscc,
    CASE
      WHEN c.uscc IS NULL AND ${intentSql} = 'change' THEN 'not_found'
      WHEN c.uscc IS NULL AND o.owner IS NOT NULL THEN 'source_record_conflict'
      WHEN c.uscc IS NULL THEN 'register'
      WHEN c.source_system <> i.source_system OR c.source_record_id <> i.source_record_id THEN
        CASE WHEN ${intentSql} = 'register' THEN 'already_registered' ELSE 'source_mismatch' END
      WHEN i.version = c.version AND i.content_hash = c.content_hash THEN 'replay'
      WHEN ${intentSql} = 'register' THEN 'already_registered'
      WHEN i.version < c.version THEN 'stale'
      WHEN i.version = c.version THEN 'version_reused'
      WHEN c.status <> i.status AND (c.status = 'DEREGISTERED' OR (c.status = 'REVOKED' AND i.status <> 'DEREGISTERED')) THEN 'invalid_transition'
      WHEN i.content_hash = c.content_hash THEN 'version_only'
      ELSE 'change'
    END AS outcome
  FROM incoming i
  LEFT JOIN current c ON c.uscc = i.uscc
  LEFT JOIN record_owner o ON o.incoming_uscc = i.uscc
),
inserted AS (
  INSERT INTO ${s}.legal_entity (${COLUMN_LIST}, received_at)
  SELECT ${RECORD_COLUMNS.map(([, c]) => `i.${c}`).join(', ')}, now()
  FROM incoming i JOIN classified cl ON cl.line = i.line
  WHERE cl.outcome = 'register'
  ON CONFLICT DO NOTHING
  RETURNING uscc
),
updated AS (
  UPDATE ${s}.legal_entity e SET ${set}, received_at = now(), updated_at = now()
  FROM incoming i JOIN classified cl ON cl.line = i.line
  WHERE e.uscc = i.uscc AND cl.outcome IN ('change', 'version_only')
  RETURNING e.uscc
),
diffs AS (
  SELECT i.line, i.uscc, i.version, ${provenance('i')} AS provenance,
    c.status AS old_status, i.status AS new_status,
    jsonb_build_object(
      'status', jsonb_build_object('from', c.status, 'to', i.status),
      'statusEffectiveOn', jsonb_build_object('from', c.status_effective_on, 'to', i.status_effective_on),
      'statusReason', jsonb_build_object('from', c.status_reason, 'to', i.status_reason)
    ) AS status_change,
    i.status_effective_on, i.status_reason,
    (SELECT jsonb_object_agg(n.key, jsonb_build_object('from', o.value, 'to', n.value))
       FROM jsonb_each(CASE WHEN c.status <> i.status THEN ${jsonOf('i', NON_STATUS_FIELDS)} - ARRAY['statusEffectiveOn', 'statusReason'] ELSE ${jsonOf('i', NON_STATUS_FIELDS)} END) n
       JOIN jsonb_each(${jsonOf('c', NON_STATUS_FIELDS)}) o ON o.key = n.key
      WHERE n.value IS DISTINCT FROM o.value) AS field_changes
  FROM incoming i
  JOIN classified cl ON cl.line = i.line AND cl.outcome = 'change'
  JOIN current c ON c.uscc = i.uscc
),
events AS (
  SELECT gen_random_uuid() AS event_id, i.line, 1 AS seq, i.uscc, i.version, 'registered' AS change_type, '${LegalEntityEventType.Registered}' AS type,
    i.source_department, i.source_system, i.source_record_id,
    ${jsonOf('i', BUSINESS_FIELDS)} AS changes,
    jsonb_build_object('uscc', i.uscc, 'version', i.version, 'record', ${jsonOf('i', BUSINESS_FIELDS)}, 'provenance', ${provenance('i')}) AS payload
  FROM incoming i JOIN inserted x ON x.uscc = i.uscc
  UNION ALL
  SELECT gen_random_uuid(), d.line, 2, d.uscc, d.version, 'changed', '${LegalEntityEventType.Changed}',
    d.provenance->>'sourceDepartment', d.provenance->>'sourceSystem', d.provenance->>'sourceRecordId',
    d.field_changes,
    jsonb_build_object('uscc', d.uscc, 'version', d.version, 'changes', d.field_changes, 'provenance', d.provenance)
  FROM diffs d WHERE d.field_changes IS NOT NULL
  UNION ALL
  SELECT gen_random_uuid(), d.line, 3, d.uscc, d.version, 'status-changed', '${LegalEntityEventType.StatusChanged}',
    d.provenance->>'sourceDepartment', d.provenance->>'sourceSystem', d.provenance->>'sourceRecordId',
    d.status_change,
    jsonb_build_object('uscc', d.uscc, 'version', d.version, 'from', d.old_status, 'to', d.new_status,
      'effectiveOn', d.status_effective_on, 'reason', d.status_reason, 'provenance', d.provenance)
  FROM diffs d WHERE d.old_status <> d.new_status
),
outboxed AS (
  INSERT INTO ${s}.outbox (event_id, topic, key, type, source, subject, data)
  SELECT event_id, $1, uscc, type, $2, uscc, payload FROM events ORDER BY line, seq
  RETURNING id
),
history AS (
  INSERT INTO ${s}.legal_entity_change (uscc, version, change_type, changes, source_department, source_system, source_record_id, event_id)
  SELECT uscc, version, change_type, changes, source_department, source_system, source_record_id, event_id FROM events ORDER BY line, seq
  RETURNING id
),
outcomes AS (
  SELECT cl.line, cl.uscc,
    CASE WHEN cl.outcome = 'register' AND NOT EXISTS (SELECT 1 FROM inserted x WHERE x.uscc = cl.uscc) THEN 'conflict' ELSE cl.outcome END AS outcome
  FROM classified cl
  UNION ALL
  SELECT line, uscc, 'superseded' FROM ranked WHERE rank > 1
)
SELECT outcome, count(*)::int AS n,
  (array_agg(line ORDER BY line))[1:$3] AS lines,
  (array_agg(uscc ORDER BY line))[1:$3] AS usccs,
  (SELECT count(*) FROM outboxed)::int AS events,
  (SELECT count(*) FROM history)::int AS history,
  (SELECT count(*) FROM updated)::int AS updated
FROM outcomes GROUP BY outcome`;
  }
}
