import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventPublisher, type SqlExecutor } from '@hub/events';
import { InputError } from '@hub/subgraph';
import { CHANGEABLE_FIELDS, type ChangeLegalEntityInput, type ChangeLegalEntityStatusInput } from './dto/change-legal-entity.input.js';
import type { LegalEntityRecordInput } from './dto/legal-entity-record.input.js';
import { RECORD_COLUMNS } from './legal-entity.columns.js';
import { refusal } from './legal-entity.errors.js';
import { LegalEntityReader } from './legal-entity.reader.js';
import { toRecord, type LegalEntityRecord } from './legal-entity.record.js';
import { LegalEntityWriter, type WriteIntent, type WriteOutcome } from './legal-entity.writer.js';
import { LEGAL_ENTITY_SCHEMA } from '../legal-entity.schema.js';
import { LegalEntityWriteOutcome, type LegalEntityWriteResult } from './legal-entity-write-result.model.js';


const RESULT_OF: Partial<Record<WriteOutcome, LegalEntityWriteOutcome>> = {
  register: LegalEntityWriteOutcome.REGISTERED,
  change: LegalEntityWriteOutcome.CHANGED,
  version_only: LegalEntityWriteOutcome.UNCHANGED,
  replay: LegalEntityWriteOutcome.REPLAYED,
};

/** Where a required field may not be cleared by a change. */
const REQUIRED: ReadonlyArray<keyof LegalEntityRecordInput> = ['name', 'registeredAddress', 'registeredAddressDivisionCode'];

/**
 * Single writes from department systems (GraphQL mutations). Each is one transaction: the stored
 * row is locked, the record applied by LegalEntityWriter (the same SQL bulk ingest uses), the
 * events written to the outbox; the relay is nudged once the transaction committed.
 */
@Injectable()
export class LegalEntityService {
  private readonly writer = new LegalEntityWriter(LEGAL_ENTITY_SCHEMA);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: LegalEntityReader,
    private readonly events: EventPublisher,
  ) {}

  register(input: LegalEntityRecordInput): Promise<LegalEntityWriteResult> {
    return this.write('register', async () => recordOf(input));
  }

  change(input: ChangeLegalEntityInput): Promise<LegalEntityWriteResult> {
    return this.write('change', async (tx) => {
      const stored = await this.reader.lockedRow(tx, input.uscc.toUpperCase());
      if (!stored) throw refusal('not_found', input.uscc.toUpperCase(), input.version)!;
      const patch: Partial<LegalEntityRecordInput> = {};
      for (const field of CHANGEABLE_FIELDS) {
        if (!(field in input)) continue;
        const value = (input as unknown as Record<string, unknown>)[field];
        if (value === null && REQUIRED.includes(field)) {
          throw new InputError([{ field: `input.${field}`, code: 'REQUIRED', message: 'may not be cleared' }]);
        }
        (patch as Record<string, unknown>)[field] = value ?? undefined;
      }
      return recordOf({ ...inputOf(stored), ...patch, ...sourceOf(input) });
    });
  }

  changeStatus(input: ChangeLegalEntityStatusInput): Promise<LegalEntityWriteResult> {
    return this.write('change', async (tx) => {
      const stored = await this.reader.lockedRow(tx, input.uscc.toUpperCase());
      if (!stored) throw refusal('not_found', input.uscc.toUpperCase(), input.version)!;
      return recordOf({
        ...inputOf(stored),
        status: input.status,
        statusEffectiveOn: input.statusEffectiveOn,
        statusReason: input.statusReason,
        ...sourceOf(input),
      });
    });
  }

  private async write(
    intent: WriteIntent,
    build: (tx: SqlExecutor) => Promise<LegalEntityRecord>,
  ): Promise<LegalEntityWriteResult> {
    for (let attempt = 1; ; attempt++) {
      const { outcome, record } = await this.dataSource.transaction(async (manager) => {
        const record = await build(manager);
        const [group] = await this.writer.applyRecords(manager, [{ line: 1, record }], intent);
        if (group.outcome !== 'conflict' || attempt > 1) {
          const stored = await this.refusalContext(manager, record.uscc, group.outcome);
          const error = refusal(group.outcome, record.uscc, record.version, stored);
          if (error) throw error;
        }
        return { outcome: group.outcome, record };
      });
      if (outcome === 'conflict') continue; // a concurrent registration won: the retry sees it
      if (outcome === 'register' || outcome === 'change') this.events.committed();
      const [legalEntity] = await this.reader.byUsccs([record.uscc]);
      return { outcome: RESULT_OF[outcome] ?? LegalEntityWriteOutcome.UNCHANGED, legalEntity: legalEntity! };
    }
  }

  private async refusalContext(tx: SqlExecutor, uscc: string, outcome: WriteOutcome) {
    if (RESULT_OF[outcome]) return undefined;
    const [row] = await tx.query(
      'SELECT version, source_system AS "sourceSystem", source_record_id AS "sourceRecordId", status FROM "legal_entity"."legal_entity" WHERE uscc = $1',
      [uscc],
    );
    return row as { version: number; sourceSystem: string; sourceRecordId: string; status: string } | undefined;
  }
}

function recordOf(input: LegalEntityRecordInput): LegalEntityRecord {
  const result = toRecord(input);
  if (!result.ok) throw new InputError(result.violations.map((v) => ({ ...v, field: `input.${v.field}` })));
  return result.record;
}

/** The stored row in input form, so a patch can be merged into it and validated as a whole record. */
function inputOf(row: Record<string, unknown>): LegalEntityRecordInput {
  const input: Record<string, unknown> = {};
  for (const [property, column] of RECORD_COLUMNS) {
    if (row[column] !== null && row[column] !== undefined) input[property] = row[column];
  }
  return input as unknown as LegalEntityRecordInput;
}

function sourceOf(input: { uscc: string; sourceDepartment: string; sourceSystem: string; sourceRecordId: string; version: number }) {
  return {
    uscc: input.uscc,
    sourceDepartment: input.sourceDepartment,
    sourceSystem: input.sourceSystem,
    sourceRecordId: input.sourceRecordId,
    version: input.version,
  };
}
