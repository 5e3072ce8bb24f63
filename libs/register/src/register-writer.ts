import { inCreateSpan, type SqlExecutor } from '@hub/events';
import { listDivisions, parseDivisionCode } from '@hub/identifiers';
import { PROVENANCE_PROPERTIES, allColumns, columnOf, jsonOf, type RegisterSpec } from './register-spec.js';
import type { OutcomeGroup, WriteIntent, WriteOutcome } from './write-outcome.js';

export interface IncomingRecord {
  line: number;
  record: Record<string, unknown>;
}

/**
 * Applies records to a register with one set-based SQL statement, whatever their number: classify
 * each against the stored row (locked), insert and update what is new, and write the events and
 * the change history of what really changed — all in the caller's transaction, so an event exists
 * exactly when its change was committed. Single writes pass records as JSON; bulk ingest passes the
 * name of the staging table it COPYed into. So the versioning rules exist once, for both.
 */
export class RegisterWriter {
  private readonly statements = new Map<string, string>();

  constructor(readonly spec: RegisterSpec) {}

  /** The temporary staging table bulk ingest COPYs into (dropped at commit). */
  stagingTableSql(table: string): string {
    return `CREATE TEMP TABLE ${table} (line integer NOT NULL, ${this.columnTypes()}) ON COMMIT DROP`;
  }

  stagingColumns(): string[] {
    return ['line', ...allColumns(this.spec).map((c) => c.column)];
  }

  /** A record as a staging row, in `stagingColumns()` order. */
  stagingRow(line: number, record: Record<string, unknown>): unknown[] {
    return [line, ...allColumns(this.spec).map((c) => record[c.property])];
  }

  applyRecords(tx: SqlExecutor, records: IncomingRecord[], intent: WriteIntent, detailLimit = 1000): Promise<OutcomeGroup[]> {
    const rows = records.map(({ line, record }) => {
      const row: Record<string, unknown> = { line };
      for (const c of allColumns(this.spec)) row[c.column] = record[c.property];
      return row;
    });
    const param = this.spec.currentDivisions?.length ? 5 : 4;
    return this.apply(tx, `SELECT * FROM jsonb_to_recordset($${param}::jsonb) AS r(line integer, ${this.columnTypes()})`, intent, detailLimit, [JSON.stringify(rows)]);
  }

  applyStaging(tx: SqlExecutor, table: string, intent: WriteIntent, detailLimit = 1000): Promise<OutcomeGroup[]> {
    return this.apply(tx, `SELECT * FROM ${table}`, intent, detailLimit, []);
  }

  private columnTypes(): string {
    return allColumns(this.spec)
      .map((c) => `${c.column} ${c.type}`)
      .join(', ');
  }

  private async apply(tx: SqlExecutor, source: string, intent: WriteIntent, detailLimit: number, extra: unknown[]): Promise<OutcomeGroup[]> {
    const leading = [
      this.spec.events.topic,
      this.spec.events.source,
      detailLimit,
      // $4, when the register has division properties that must be in force.
      ...(this.spec.currentDivisions?.length ? [retiredDivisionCodes()] : []),
      ...extra,
    ];
    const key = `${intent}\u0000${source}`;
    let sql = this.statements.get(key);
    // The last parameter: the trace context stored with the events (see outboxTraceparentSql).
    if (!sql) this.statements.set(key, (sql = this.statement(source, intent, leading.length + 1)));
    const outbox = { schema: this.spec.schema, topics: [this.spec.events.topic] };
    const rows: Array<{ outcome: WriteOutcome; n: number; lines: number[]; keys: string[] }> = await inCreateSpan(outbox, (traceparent) => tx.query(sql, [...leading, traceparent]));
    return rows.map((r) => ({ outcome: r.outcome, count: r.n, lines: r.lines, keys: r.keys }));
  }

  private statement(source: string, intent: WriteIntent, traceparentParam: number): string {
    const spec = this.spec;
    const s = `"${spec.schema}"`;
    const k = columnOf(spec, spec.key).column;
    const subject = columnOf(spec, spec.subject ?? spec.key).column;
    const columns = allColumns(spec);
    const list = columns.map((c) => c.column).join(', ');
    const set = columns
      .filter((c) => c.column !== k)
      .map((c) => `${c.column} = i.${c.column}`)
      .join(', ');
    const status = spec.status;
    const statusColumn = status ? columnOf(spec, status.property).column : undefined;
    const nonStatus = spec.businessFields.filter((f) => f !== status?.property);
    const statusExtras = status ? [status.effectiveOn, status.reason] : [];
    const provenance = (alias: string) => `(${jsonOf(spec, alias, PROVENANCE_PROPERTIES)} || jsonb_build_object('receivedAt', now()))`;
    const intentSql = `'${intent}'`;
    const fieldChanges = (newJson: string) => `(SELECT jsonb_object_agg(n.key, jsonb_build_object('from', o.value, 'to', n.value))
       FROM jsonb_each(${newJson}) n JOIN jsonb_each(${jsonOf(spec, 'c', nonStatus)}) o ON o.key = n.key
      WHERE n.value IS DISTINCT FROM o.value)`;
    const statusChanged = statusColumn ? `c.${statusColumn} <> i.${statusColumn}` : 'false';
    const divisions = (spec.currentDivisions ?? []).map((p) => columnOf(spec, p).column);
    // $4: the retired division codes. New records may not name one; a stored record keeps its own.
    const retiredNew = divisions.length ? divisions.map((d) => `i.${d} = ANY($4::text[])`).join(' OR ') : 'false';
    const retiredChanged = divisions.length ? divisions.map((d) => `(i.${d} = ANY($4::text[]) AND i.${d} IS DISTINCT FROM c.${d})`).join(' OR ') : 'false';
    return `
WITH raw AS (${source}),
ranked AS (
  SELECT raw.*, row_number() OVER (PARTITION BY ${k} ORDER BY version DESC, line DESC) AS rank,
    max(version) OVER (PARTITION BY ${k}) AS top_version,
    -- Two rows of one write with the record's same version and different content: which is the
    -- record? Neither is taken (VERSION_REUSED), rather than the later one silently.
    min(content_hash) OVER (PARTITION BY ${k}, version) <> max(content_hash) OVER (PARTITION BY ${k}, version) AS contested
  FROM raw
),
incoming AS (SELECT * FROM ranked WHERE rank = 1 AND NOT contested),
current AS (
  SELECT e.* FROM ${s}.${spec.table} e WHERE e.${k} IN (SELECT ${k} FROM incoming) FOR UPDATE
),
record_owner AS (
  SELECT i.${k} AS incoming_key, e.${k} AS owner FROM incoming i
  JOIN ${s}.${spec.table} e ON e.source_system = i.source_system AND e.source_record_id = i.source_record_id AND e.${k} <> i.${k}
),
classified AS (
  SELECT i.line, i.${k} AS key,
    CASE
      WHEN c.${k} IS NULL AND ${intentSql} = 'change' THEN 'not_found'
      WHEN c.${k} IS NULL AND o.owner IS NOT NULL THEN 'source_record_conflict'
      WHEN c.${k} IS NULL AND (${retiredNew}) THEN 'division_retired'
      WHEN c.${k} IS NULL THEN 'register'
      WHEN c.source_system <> i.source_system OR c.source_record_id <> i.source_record_id THEN
        CASE WHEN ${intentSql} = 'register' THEN 'already_registered' ELSE 'source_mismatch' END
      WHEN i.version = c.version AND i.content_hash = c.content_hash THEN 'replay'
      WHEN ${intentSql} = 'register' THEN 'already_registered'
      WHEN i.version < c.version THEN 'stale'
      WHEN i.version = c.version THEN 'version_reused'
      WHEN ${retiredChanged} THEN 'division_retired'
      ${status && statusColumn ? `WHEN c.${statusColumn} <> i.${statusColumn} AND (${status.refusedSql(`c.${statusColumn}`, `i.${statusColumn}`)}) THEN 'invalid_transition'` : ''}
      WHEN i.content_hash = c.content_hash THEN 'version_only'
      ELSE 'change'
    END AS outcome
  FROM incoming i
  LEFT JOIN current c ON c.${k} = i.${k}
  LEFT JOIN record_owner o ON o.incoming_key = i.${k}
),
inserted AS (
  INSERT INTO ${s}.${spec.table} (${list}, received_at)
  SELECT ${columns.map((c) => `i.${c.column}`).join(', ')}, now()
  FROM incoming i JOIN classified cl ON cl.line = i.line
  WHERE cl.outcome = 'register'
  ON CONFLICT DO NOTHING
  RETURNING ${k}
),
updated AS (
  UPDATE ${s}.${spec.table} e SET ${set}, received_at = now(), updated_at = now()
  FROM incoming i JOIN classified cl ON cl.line = i.line
  WHERE e.${k} = i.${k} AND cl.outcome IN ('change', 'version_only')
  RETURNING e.${k}
),
diffs AS (
  SELECT i.line, i.${k} AS key, i.${subject} AS subject, i.version, ${provenance('i')} AS provenance,
    ${
      status && statusColumn
        ? `c.${statusColumn} AS old_status, i.${statusColumn} AS new_status,
    ${jsonOf(spec, 'i', statusExtras)} AS status_details,
    jsonb_build_object(${[status.property, ...statusExtras]
      .map((p) => `'${p}', jsonb_build_object('from', c.${columnOf(spec, p).column}, 'to', i.${columnOf(spec, p).column})`)
      .join(', ')}) AS status_change,`
        : `NULL::text AS old_status, NULL::text AS new_status, NULL::jsonb AS status_details, NULL::jsonb AS status_change,`
    }
    ${fieldChanges(`CASE WHEN ${statusChanged} THEN ${jsonOf(spec, 'i', nonStatus)} - ARRAY[${statusExtras.map((p) => `'${p}'`).join(', ') || "''"}]::text[] ELSE ${jsonOf(spec, 'i', nonStatus)} END`)} AS field_changes
  FROM incoming i
  JOIN classified cl ON cl.line = i.line AND cl.outcome = 'change'
  JOIN current c ON c.${k} = i.${k}
),
events AS (
  SELECT gen_random_uuid() AS event_id, i.line, 1 AS seq, i.${k} AS key, i.${subject} AS subject, i.version, 'registered' AS change_type,
    '${spec.events.registered}' AS type, i.source_department, i.source_system, i.source_record_id,
    r.record AS changes,
    jsonb_build_object('${spec.key}', i.${k}, 'version', i.version, 'record', r.record, 'provenance', ${provenance('i')}) AS payload
  FROM incoming i JOIN inserted x ON x.${k} = i.${k}
  -- OFFSET 0 keeps the subquery from being inlined: the record's JSON is built once, not twice.
  CROSS JOIN LATERAL (SELECT ${jsonOf(spec, 'i', spec.businessFields)} AS record OFFSET 0) r
  UNION ALL
  SELECT gen_random_uuid(), d.line, 2, d.key, d.subject, d.version, 'changed', '${spec.events.changed}',
    d.provenance->>'sourceDepartment', d.provenance->>'sourceSystem', d.provenance->>'sourceRecordId',
    d.field_changes,
    jsonb_build_object('${spec.key}', d.key, 'version', d.version, 'changes', d.field_changes, 'provenance', d.provenance)
  FROM diffs d WHERE d.field_changes IS NOT NULL
  ${
    status && spec.events.statusChanged
      ? `UNION ALL
  SELECT gen_random_uuid(), d.line, 3, d.key, d.subject, d.version, 'status-changed', '${spec.events.statusChanged}',
    d.provenance->>'sourceDepartment', d.provenance->>'sourceSystem', d.provenance->>'sourceRecordId',
    d.status_change,
    jsonb_build_object('${spec.key}', d.key, 'version', d.version, 'from', d.old_status, 'to', d.new_status,
      'effectiveOn', d.status_details->'${status.effectiveOn}', 'reason', d.status_details->'${status.reason}', 'provenance', d.provenance)
  FROM diffs d WHERE d.old_status <> d.new_status`
      : ''
  }
),
outboxed AS (
  INSERT INTO ${s}.outbox (event_id, topic, key, type, source, subject, data, traceparent)
  SELECT event_id, $1, subject, type, $2, subject, payload, $${traceparentParam}::text FROM events ORDER BY line, seq
  RETURNING id
),
history AS (
  INSERT INTO ${s}.${spec.historyTable} (${k}, version, change_type, changes, source_department, source_system, source_record_id, event_id)
  SELECT key, version, change_type, changes, source_department, source_system, source_record_id, event_id FROM events ORDER BY line, seq
  RETURNING id
),
outcomes AS (
  SELECT cl.line, cl.key,
    CASE WHEN cl.outcome = 'register' AND NOT EXISTS (SELECT 1 FROM inserted x WHERE x.${k} = cl.key) THEN 'conflict' ELSE cl.outcome END AS outcome
  FROM classified cl
  UNION ALL
  SELECT line, ${k}, CASE WHEN contested AND version = top_version THEN 'version_contested' ELSE 'superseded' END
  FROM ranked WHERE rank > 1 OR contested
)
SELECT outcome, count(*)::int AS n,
  (array_agg(line ORDER BY line))[1:$3] AS lines,
  (array_agg(key ORDER BY line))[1:$3] AS keys,
  (SELECT count(*) FROM outboxed)::int AS events,
  (SELECT count(*) FROM history)::int AS history,
  (SELECT count(*) FROM updated)::int AS updated
FROM outcomes GROUP BY outcome`;
  }
}

let retiredCache: { day: string; codes: string[]; set: ReadonlySet<string> } | undefined;

/** The division codes no longer in force today (recomputed when the day changes: a code retires at midnight). */
export function retiredDivisionCodes(): string[] {
  return retiredToday().codes;
}

function retiredToday(): { codes: string[]; set: ReadonlySet<string> } {
  // Today in Beijing time, as the division table's dates are.
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  if (retiredCache?.day !== day) {
    const codes = listDivisions()
      .filter((d) => d.validTo !== null && d.validTo <= day)
      .map((d) => d.code);
    retiredCache = { day, codes, set: new Set(codes) };
  }
  return retiredCache;
}

/** Why `record` may not name its retired division, by property; undefined when it names none. */
export function retiredDivisionOf(spec: RegisterSpec, record: Record<string, unknown>): { field: string; message: string } | undefined {
  const retired = retiredToday().set;
  for (const property of spec.currentDivisions ?? []) {
    const code = record[property];
    if (typeof code !== 'string' || !retired.has(code)) continue;
    const parsed = parseDivisionCode(code);
    const warning = parsed.ok ? parsed.value.warnings.find((w) => w.code === 'DIVISION_CODE_RETIRED') : undefined;
    return { field: property, message: `${warning?.message ?? `${code} is no longer in force`}; a new record needs a current division` };
  }
  return undefined;
}
