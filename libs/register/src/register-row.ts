import { Column, CreateDateColumn, UpdateDateColumn, getMetadataArgsStorage } from 'typeorm';
import { ORIGINALS_COLUMN, PROVENANCE_COLUMNS, type ColumnSpec, type RegisterSpec } from './register-spec.js';

/** Which source record a row is from: its department, its system, its id there. A register's rows and its history rows carry it. */
export abstract class SourceRecordColumns {
  @Column({ name: 'source_department', type: 'varchar', length: 18 })
  sourceDepartment: string;

  @Column({ name: 'source_system', type: 'varchar', length: 64 })
  sourceSystem: string;

  @Column({ name: 'source_record_id', type: 'varchar', length: 128 })
  sourceRecordId: string;
}

/**
 * The provenance every register row carries: which source record it was taken from, at which
 * version, its content hash, and when the hub received and stored it. A register's entity
 * extends this class (or RegisterRowKeepingOriginals) and declares only its business columns;
 * the register's SQL columns are read from that declaration (see `registerColumns`).
 */
export abstract class RegisterRow extends SourceRecordColumns {
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** SHA-256 of the business fields: tells a real change from a re-sent identical record. */
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash: string;

  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A register row that also keeps the values as received of fields normalised on the way in (RegisterSpec.keepsOriginals). */
export abstract class RegisterRowKeepingOriginals extends RegisterRow {
  /** Values as received of fields normalised on the way in (addresses); null when none was changed. */
  @Column({ type: 'jsonb', nullable: true })
  originals: Record<string, string> | null;
}

/** The row's own (business) columns in declaration order, key first: everything but what RegisterRow adds. */
export function registerColumns(row: abstract new () => RegisterRow, asText: readonly string[] = []): ColumnSpec[] {
  const inherited = new Set([...PROVENANCE_COLUMNS, ORIGINALS_COLUMN].map((c) => c.property));
  return getMetadataArgsStorage()
    .columns.filter((c) => c.target === row && c.mode === 'regular' && !inherited.has(c.propertyName))
    .map((c) => ({
      property: c.propertyName,
      column: c.options.name ?? c.propertyName,
      type: sqlType(row.name, c.propertyName, c.options),
      ...(asText.includes(c.propertyName) ? { asText: true } : {}),
    }));
}

function sqlType(
  row: string,
  property: string,
  o: {
    type?: unknown;
    length?: string | number;
    precision?: number | null;
    scale?: number;
    spatialFeatureType?: string;
    srid?: number;
  },
): string {
  switch (o.type) {
    case 'varchar':
      return `varchar(${o.length})`;
    case 'numeric':
      return `numeric(${o.precision},${o.scale})`;
    case 'geometry':
      return `geometry(${o.spatialFeatureType},${o.srid})`;
    case 'date':
    case 'integer':
    case 'jsonb':
    case 'timestamptz':
      return o.type;
    default:
      throw new Error(
        `${row}.${property}: a register column needs a type the register writer knows (varchar, numeric, geometry, date, integer, jsonb, timestamptz), got ${String(o.type)}`,
      );
  }
}

/** What a register declares beyond its entity: everything in RegisterSpec but the columns read from the entity. */
export type RegisterDeclaration = Omit<RegisterSpec, 'table' | 'columns' | 'businessFields' | 'keepsOriginals'> & {
  /** The register's entity: its table is the register's table, its own columns the register's columns, key first. */
  row: abstract new () => RegisterRow;
  /** Numeric properties written as text in events and history (money keeps its exact digits). */
  asText?: readonly string[];
  /** Columns derived from others (a search key, a point): stored, but neither hashed, diffed nor sent. */
  derived?: readonly string[];
};

/**
 * A RegisterSpec from the register's entity: its table, the columns as the entity declares them, the
 * business fields (hashed, diffed, sent in events) every column but the key and the derived ones,
 * in declaration order, and the originals kept when the entity has the column.
 */
export function defineRegister({ row, asText, derived = [], ...spec }: RegisterDeclaration): RegisterSpec {
  const columns = registerColumns(row, asText);
  if (!columns.some((c) => c.property === spec.key))
    throw new Error(`${row.name}: the key ${spec.key} is not one of its columns`);
  const table = getMetadataArgsStorage().tables.find((t) => t.target === row)?.name;
  if (!table) throw new Error(`${row.name}: a register's row needs @Entity({ name })`);
  return {
    ...spec,
    table,
    columns,
    businessFields: columns.map((c) => c.property).filter((p) => p !== spec.key && !derived.includes(p)),
    keepsOriginals: row.prototype instanceof RegisterRowKeepingOriginals,
  };
}
