import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Where a legal entity (registered address) or a person (household address) is, as this library
 * geocoded the address the other library published. A failed geocode is kept too, with its reason.
 */
@Entity({ name: 'entity_location' })
export class EntityLocationRow {
  @PrimaryColumn({ name: 'subject_type', type: 'varchar', length: 16 })
  subjectType: string;

  @PrimaryColumn({ name: 'subject_id', type: 'varchar', length: 18 })
  subjectId: string;

  @Column({ name: 'address_text', type: 'varchar', length: 500 })
  addressText: string;

  @Index('entity_location_division_idx')
  @Column({ name: 'division_code', type: 'varchar', length: 6, nullable: true })
  divisionCode: string | null;

  /** MATCHED or UNMATCHED. */
  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ name: 'match_method', type: 'varchar', length: 32, nullable: true })
  matchMethod: string | null;

  @Column({ type: 'numeric', precision: 4, scale: 3, nullable: true })
  confidence: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'address_id', type: 'varchar', length: 64, nullable: true })
  addressId: string | null;

  @Index('entity_location_point_idx', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'Point', srid: 4490, nullable: true })
  point: object | null;

  /** The version of the subject's record this location was computed from; older events change nothing. */
  @Column({ name: 'source_version', type: 'integer' })
  sourceVersion: number;

  @Column({ name: 'source_event_id', type: 'uuid' })
  sourceEventId: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
