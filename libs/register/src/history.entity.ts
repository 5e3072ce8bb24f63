import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SourceRecordColumns } from './register-row.js';

/**
 * The TypeORM entity of a register's change history table: one row per real change
 * (registration, field change, status change) with what changed, the source, and the event it
 * emitted. Each library declares its own with this factory, so every history table has the same
 * shape the register writer fills.
 */
export function historyEntity(table: string, key: { property: string; column: string; length: number }) {
  @Entity({ name: table })
  @Index(`${table}_${key.column}_idx`, ['key', 'id'])
  class HistoryRow extends SourceRecordColumns {
    @PrimaryGeneratedColumn({ type: 'bigint' })
    id: string;

    @Column({ name: key.column, type: 'varchar', length: key.length })
    key: string;

    @Column({ type: 'integer' })
    version: number;

    /** `registered`, `changed` or `status-changed` — the event type without its prefix. */
    @Column({ name: 'change_type', type: 'varchar', length: 32 })
    changeType: string;

    /** For a registration the full record; otherwise `{ field: { from, to } }` for each changed field. */
    @Column({ type: 'jsonb' })
    changes: Record<string, unknown>;

    @Column({ name: 'event_id', type: 'uuid' })
    eventId: string;

    @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
    recordedAt: Date;
  }
  Object.defineProperty(HistoryRow, 'name', { value: `${table}_row` });
  return HistoryRow;
}
