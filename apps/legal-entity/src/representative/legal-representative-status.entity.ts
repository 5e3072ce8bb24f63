import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * What the population library reported about legal representatives: a death is kept here (from
 * its events), so every legal entity the person represents shows it, including ones registered
 * after the death.
 */
@Entity({ name: 'legal_representative_status' })
export class LegalRepresentativeStatusRow {
  @PrimaryColumn({ name: 'id_number', type: 'varchar', length: 18 })
  idNumber: string;

  /** The person's status in the population library (LIVING, DECEASED, MOVED_OUT). */
  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ name: 'deceased_on', type: 'date', nullable: true })
  deceasedOn: string | null;

  /** The person record's version this was taken from: an older event changes nothing. */
  @Column({ name: 'source_version', type: 'integer' })
  sourceVersion: number;

  @Column({ name: 'source_event_id', type: 'uuid' })
  sourceEventId: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
