import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The change history of legal entities: one row per real change (registration, field change,
 * status change) with what changed (from → to), the source that sent it and the event it emitted.
 */
@Entity({ name: 'legal_entity_change' })
@Index('legal_entity_change_uscc_idx', ['uscc', 'id'])
export class LegalEntityChangeRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'integer' })
  version: number;

  /** `registered`, `changed` or `status-changed` — the event type without its prefix. */
  @Column({ name: 'change_type', type: 'varchar', length: 32 })
  changeType: string;

  /** For a registration the full record; otherwise `{ field: { from, to } }` for each changed field. */
  @Column({ type: 'jsonb' })
  changes: Record<string, unknown>;

  @Column({ name: 'source_department', type: 'varchar', length: 18 })
  sourceDepartment: string;

  @Column({ name: 'source_system', type: 'varchar', length: 64 })
  sourceSystem: string;

  @Column({ name: 'source_record_id', type: 'varchar', length: 128 })
  sourceRecordId: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
