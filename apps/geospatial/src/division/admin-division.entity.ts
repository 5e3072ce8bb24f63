import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The GB/T 2260 administrative divisions with their boundaries: reference data the library keeps in
 * step with the identifiers library's versioned table and the shipped boundaries at every start.
 * Retired codes stay (valid_to set), so old records keep resolving.
 */
@Entity({ name: 'admin_division' })
export class AdminDivisionRow {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  level: string;

  @Index('admin_division_parent_idx')
  @Column({ name: 'parent_code', type: 'varchar', length: 6, nullable: true })
  parentCode: string | null;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'varchar', array: true, default: () => "'{}'" })
  successors: string[];

  @Index('admin_division_boundary_idx', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'MultiPolygon', srid: 4490, nullable: true })
  boundary: object | null;
}
