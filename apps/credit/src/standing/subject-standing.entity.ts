import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The registration standing of a legal entity as the legal-entity library last reported it
 * (consumed from its events): a revoked or deregistered entity is assessed accordingly.
 */
@Entity({ name: 'subject_standing' })
export class SubjectStandingRow {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ name: 'effective_on', type: 'date', nullable: true })
  effectiveOn: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  /** The legal entity's version the standing was taken from: an older event never overwrites it. */
  @Column({ name: 'source_version', type: 'integer' })
  sourceVersion: number;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
