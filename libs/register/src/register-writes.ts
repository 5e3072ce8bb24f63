import type { DataSource } from 'typeorm';
import type { EventPublisher, SqlExecutor } from '@hub/events';
import { InputError, type InputViolation } from '@hub/subgraph';
import { assertAttributed, type WriteCaller } from './attribution.js';
import { allColumns, columnOf, type RegisterSpec } from './register-spec.js';
import { RegisterWriter, retiredDivisionOf } from './register-writer.js';
import { refusal, type StoredVersion, type WriteIntent, type WriteOutcome } from './write-outcome.js';
import { WriteResultOutcome } from './write-result.js';

/** Turns validated input into a stored record (normalised, with its content hash), or says why it cannot. */
export type RecordMapper<I> = (
  input: I,
) => { ok: true; record: Record<string, unknown> } | { ok: false; violations: InputViolation[] };

const RESULT_OF: Partial<Record<WriteOutcome, WriteResultOutcome>> = {
  register: WriteResultOutcome.REGISTERED,
  change: WriteResultOutcome.CHANGED,
  version_only: WriteResultOutcome.UNCHANGED,
  replay: WriteResultOutcome.REPLAYED,
};

export interface SourceOfWrite {
  sourceDepartment: string;
  sourceSystem: string;
  sourceRecordId: string;
  version: number;
}

/** The source of a write, taken from an input that carries more (a change's fields). */
export function sourceOfWrite(input: SourceOfWrite): SourceOfWrite {
  return {
    sourceDepartment: input.sourceDepartment,
    sourceSystem: input.sourceSystem,
    sourceRecordId: input.sourceRecordId,
    version: input.version,
  };
}

/**
 * Single writes to a register (GraphQL mutations). Each is one transaction: the stored row is
 * locked, the record applied by RegisterWriter (the same SQL bulk ingest uses), the events written
 * to the outbox; the relay is nudged once the transaction committed.
 */
export class RegisterWrites<I extends object> {
  readonly writer: RegisterWriter;

  constructor(
    readonly spec: RegisterSpec,
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly toRecord: RecordMapper<I>,
  ) {
    this.writer = new RegisterWriter(spec);
  }

  /** A new record, from the caller's own source; replaying the same version is a no-op. Returns what happened and the record's key. */
  register(input: I, caller: WriteCaller): Promise<{ outcome: WriteResultOutcome; key: string }> {
    assertAttributed(input as unknown as SourceOfWrite, caller);
    return this.write('register', async () => this.recordOf(input));
  }

  /**
   * A new version made of the stored record with `patch` applied (`null` clears a field;
   * `required` fields may not be cleared), plus the source of the new version (the caller's own).
   */
  change(
    key: string,
    source: SourceOfWrite,
    caller: WriteCaller,
    patch: Partial<I>,
    required: readonly string[] = [],
  ): Promise<{ outcome: WriteResultOutcome; key: string }> {
    assertAttributed(source, caller);
    return this.write('change', async (tx) => {
      const stored = await this.lockedRow(tx, key);
      if (!stored) throw refusal(this.spec, 'not_found', key, source.version)!;
      const merged: Record<string, unknown> = { ...this.inputOf(stored) };
      for (const [field, value] of Object.entries(patch)) {
        if (value === null && required.includes(field)) {
          throw new InputError([{ field: `input.${field}`, code: 'REQUIRED', message: 'may not be cleared' }]);
        }
        merged[field] = value ?? undefined;
      }
      return this.recordOf({ ...merged, ...source, [this.spec.key]: key } as I);
    });
  }

  private async write(
    intent: WriteIntent,
    build: (tx: SqlExecutor) => Promise<Record<string, unknown>>,
  ): Promise<{ outcome: WriteResultOutcome; key: string }> {
    for (let attempt = 1; ; attempt++) {
      const { outcome, key } = await this.dataSource.transaction(async (manager) => {
        const record = await build(manager);
        const key = String(record[this.spec.key]);
        const [group] = await this.writer.applyRecords(manager, [{ line: 1, record }], intent);
        if (group.outcome === 'division_retired') {
          const retired = retiredDivisionOf(this.spec, record);
          if (retired)
            throw new InputError([
              { field: `input.${retired.field}`, code: 'DIVISION_CODE_RETIRED', message: retired.message },
            ]);
        }
        if (group.outcome !== 'conflict' || attempt > 1) {
          const stored = RESULT_OF[group.outcome] ? undefined : await this.storedVersion(manager, key);
          const error = refusal(this.spec, group.outcome, key, Number(record.version), stored);
          if (error) throw error;
        }
        return { outcome: group.outcome, key };
      });
      if (outcome === 'conflict') continue; // a concurrent registration won: the retry sees it
      if (outcome === 'register' || outcome === 'change') this.events.committed();
      return { outcome: RESULT_OF[outcome] ?? WriteResultOutcome.UNCHANGED, key };
    }
  }

  private recordOf(input: I): Record<string, unknown> {
    const result = this.toRecord(input);
    if (!result.ok) throw new InputError(result.violations.map((v) => ({ ...v, field: `input.${v.field}` })));
    return result.record;
  }

  private async lockedRow(tx: SqlExecutor, key: string): Promise<Record<string, unknown> | undefined> {
    const k = columnOf(this.spec, this.spec.key).column;
    const [row] = await tx.query(`SELECT * FROM "${this.spec.schema}".${this.spec.table} WHERE ${k} = $1 FOR UPDATE`, [
      key,
    ]);
    return row as Record<string, unknown> | undefined;
  }

  /** The stored row in input form (property names), so a patch can be merged into it. */
  private inputOf(row: Record<string, unknown>): Record<string, unknown> {
    const input: Record<string, unknown> = {};
    for (const c of allColumns(this.spec))
      if (row[c.column] !== null && row[c.column] !== undefined) input[c.property] = row[c.column];
    return input;
  }

  private async storedVersion(tx: SqlExecutor, key: string): Promise<StoredVersion | undefined> {
    const k = columnOf(this.spec, this.spec.key).column;
    const statusColumn = this.spec.status ? columnOf(this.spec, this.spec.status.property).column : 'NULL';
    const [row] = await tx.query(
      `SELECT version, source_system AS "sourceSystem", source_record_id AS "sourceRecordId", ${statusColumn} AS status FROM "${this.spec.schema}".${this.spec.table} WHERE ${k} = $1`,
      [key],
    );
    return row as StoredVersion | undefined;
  }
}
