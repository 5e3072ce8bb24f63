import type { SqlExecutor } from '@hub/events';
import type { RecordChange } from './graphql/record-change.model.js';
import { columnOf, type RegisterSpec } from './register-spec.js';

/**
 * Reads of a register that every library needs, each one SQL statement whatever the number of
 * keys: rows by key (for DataLoaders, in the order asked) and the latest changes of many records.
 */
export class RegisterReader {
  constructor(readonly spec: RegisterSpec) {}

  async rowsByKeys(db: SqlExecutor, keys: readonly string[]): Promise<Array<Record<string, unknown> | null>> {
    if (keys.length === 0) return [];
    const k = columnOf(this.spec, this.spec.key).column;
    const rows: Array<Record<string, unknown>> = await db.query(
      `SELECT * FROM "${this.spec.schema}".${this.spec.table} WHERE ${k} = ANY($1)`,
      [[...new Set(keys)]],
    );
    const byKey = new Map(rows.map((r) => [String(r[k]), r]));
    return keys.map((key) => byKey.get(key) ?? null);
  }

  async historyOf(db: SqlExecutor, keys: readonly string[], limit: number): Promise<RecordChange[][]> {
    const k = columnOf(this.spec, this.spec.key).column;
    const rows: Array<Record<string, unknown>> = await db.query(
      `SELECT * FROM (
         SELECT h.*, row_number() OVER (PARTITION BY h.${k} ORDER BY h.id DESC) AS rn
         FROM "${this.spec.schema}".${this.spec.historyTable} h WHERE h.${k} = ANY($1)
       ) t WHERE rn <= $2 ORDER BY ${k}, id DESC`,
      [[...new Set(keys)], limit],
    );
    const byKey = new Map<string, RecordChange[]>();
    for (const r of rows) {
      const list = byKey.get(String(r[k])) ?? [];
      list.push({
        version: r.version as number,
        changeType: r.change_type as string,
        changes: r.changes as Record<string, unknown>,
        eventId: r.event_id as string,
        provenance: {
          sourceDepartment: r.source_department as string,
          sourceSystem: r.source_system as string,
          sourceRecordId: r.source_record_id as string,
          version: r.version as number,
          receivedAt: r.recorded_at as Date,
        },
      });
      byKey.set(String(r[k]), list);
    }
    return keys.map((key) => byKey.get(key) ?? []);
  }
}

/** The provenance of a stored row (snake_case columns). */
export function provenanceOf(row: Record<string, unknown>) {
  return {
    sourceDepartment: row.source_department as string,
    sourceSystem: row.source_system as string,
    sourceRecordId: row.source_record_id as string,
    version: row.version as number,
    receivedAt: row.received_at as Date,
    originals: (row.originals as Record<string, unknown> | null | undefined) ?? undefined,
  };
}
