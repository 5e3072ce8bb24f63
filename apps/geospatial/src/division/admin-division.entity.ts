import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The GB/T 2260 administrative divisions with their boundaries: reference data the library keeps in
 * step at every start with the identifiers library's versioned table (provinces, the three cities
 * and their history), the national table to the township (schemas/geospatial/national-divisions.tsv)
 * and the shipped boundaries. Retired codes stay (valid_to set), so old records keep resolving.
 * Every row says which source supplied it (`source_name`, `source_version`).
 */
@Entity({ name: 'admin_division' })
export class AdminDivisionRow {
  /** 6 digits (province, prefecture, county) or 9 (township, GB/T 10114). */
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  level: string;

  @Index('admin_division_parent_idx')
  @Column({ name: 'parent_code', type: 'varchar', length: 12, nullable: true })
  parentCode: string | null;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'varchar', array: true, default: () => "'{}'" })
  successors: string[];

  @Column({ name: 'source_name', type: 'varchar', length: 64 })
  sourceName: string;

  @Column({ name: 'source_version', type: 'varchar', length: 32 })
  sourceVersion: string;

  /** Where the code, name and period can be checked (the code lists, an approval). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  evidence: string | null;

  @Index('admin_division_boundary_idx', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'MultiPolygon', srid: 4490, nullable: true })
  boundary: object | null;
}

/** The sources the division table is loaded from: one row per source, its version in use. */
@Entity({ name: 'division_source' })
export class DivisionSourceRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  version: string;

  /** The year of the code table the source carries (e.g. 2023 for the statistics bureau's 2023 codes). */
  @Column({ name: 'data_year', type: 'int', nullable: true })
  dataYear: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  licence: string | null;

  @Column({ type: 'varchar', length: 300 })
  description: string;

  @Column({ name: 'row_count', type: 'int' })
  rowCount: number;

  @Column({ name: 'loaded_at', type: 'timestamptz', default: () => 'now()' })
  loadedAt: Date;
}
