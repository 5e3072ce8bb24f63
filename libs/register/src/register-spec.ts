import type { EventType, Topic } from '@hub/contracts';
import type { HubErrorCode } from '@hub/subgraph';
/** One business column of a register: the record property, its column, its SQL type. */
export interface ColumnSpec {
  property: string;
  column: string;
  type: string;
  /** Written as text in event payloads and history (numeric amounts keep their exact digits). */
  asText?: boolean;
}

/** A status with rules on how it may change, and its own event when it does. */
export interface StatusSpec {
  property: string;
  /** Properties that describe the status change (effective date, reason): part of its event, not of "changed". */
  effectiveOn: string;
  reason: string;
  /** SQL that is true when going from status `from` to status `to` is NOT allowed (both are SQL expressions). */
  refusedSql(from: string, to: string): string;
  /** Why a refused change was refused, for the error message. */
  refusedBecause(from: string): string;
}

/**
 * What a base library's register is: a table of records keyed by a real identifier, each held
 * from exactly one source record (一数一源) and versioned by its source. The register library turns
 * this description into the set-based write, bulk ingest, change history and events.
 */
export interface RegisterSpec {
  /** The library's schema. */
  schema: string;
  table: string;
  /** One row per real change: (id, <key column>, version, change_type, changes, source_*, event_id, recorded_at). */
  historyTable: string;
  /** What one record is, for messages ("legal entity", "person"). */
  entity: string;
  /** Stable code when a change names a record that does not exist (e.g. LEGAL_ENTITY_NOT_FOUND). */
  notFoundCode: HubErrorCode;
  /** The identity property (one of `columns`), e.g. `uscc`. */
  key: string;
  /** The property whose value keys the events (Kafka key, CloudEvents subject); default: the key. */
  subject?: string;
  /** The business columns, key included; provenance columns are added by the register. */
  columns: ColumnSpec[];
  /** The properties that make up the content (hashed, diffed, sent in events): every column but the key, usually. */
  businessFields: string[];
  status?: StatusSpec;
  /**
   * Properties holding a GB/T 2260 division code that must be in force when first used: a new
   * record, or a change to another code, naming a retired division is refused
   * (`DIVISION_CODE_RETIRED`); a record that already holds a retired code keeps it through later
   * versions (it was right when it was made).
   */
  currentDivisions?: string[];
  /**
   * The register keeps, with each record's provenance, the values as received of the fields the
   * hub normalised on the way in (addresses: line breaks, full-width spaces): property
   * `originals`, column `originals` (jsonb, null when nothing was changed). Not hashed, not diffed.
   */
  keepsOriginals?: boolean;
  /** The register's topic and event types, from @hub/contracts (their payloads: schemas/events). */
  events: {
    topic: Topic;
    source: string;
    registered: EventType;
    changed: EventType;
    statusChanged?: EventType;
  };
}

/** The provenance every record carries: which source record, which version, and the content hash. */
export const PROVENANCE_COLUMNS: ColumnSpec[] = [
  { property: 'sourceDepartment', column: 'source_department', type: 'varchar(18)' },
  { property: 'sourceSystem', column: 'source_system', type: 'varchar(64)' },
  { property: 'sourceRecordId', column: 'source_record_id', type: 'varchar(128)' },
  { property: 'version', column: 'version', type: 'integer' },
  { property: 'contentHash', column: 'content_hash', type: 'varchar(64)' },
];

export const PROVENANCE_PROPERTIES = ['sourceDepartment', 'sourceSystem', 'sourceRecordId', 'version'] as const;

/** Every column the writer stages and stores: the business columns, then provenance. */
export function allColumns(spec: RegisterSpec): ColumnSpec[] {
  return [...spec.columns, ...PROVENANCE_COLUMNS, ...(spec.keepsOriginals ? [ORIGINALS_COLUMN] : [])];
}

/** The values as received of fields normalised on the way in (see `RegisterSpec.keepsOriginals`). */
export const ORIGINALS_COLUMN: ColumnSpec = { property: 'originals', column: 'originals', type: 'jsonb' };

export function columnOf(spec: RegisterSpec, property: string): ColumnSpec {
  const column = allColumns(spec).find((c) => c.property === property);
  if (!column) throw new Error(`${spec.table}: no column for property ${property}`);
  return column;
}

/** A jsonb object of the given properties of row alias `alias`, keyed by property name. */
export function jsonOf(spec: RegisterSpec, alias: string, properties: readonly string[]): string {
  return `jsonb_build_object(${properties
    .map((p) => {
      const c = columnOf(spec, p);
      return `'${p}', ${alias}.${c.column}${c.asText ? '::text' : ''}`;
    })
    .join(', ')})`;
}
