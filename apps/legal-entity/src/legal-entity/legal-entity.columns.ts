import type { LegalEntityRecord } from './legal-entity.record.js';

/**
 * How a LegalEntityRecord maps onto the `legal_entity` table: property, column and SQL type. The
 * writer builds its staging table, its JSON input and its event payloads from this one list.
 */
export const RECORD_COLUMNS = [
  ['uscc', 'uscc', 'varchar(18)'],
  ['name', 'name', 'varchar(200)'],
  ['kind', 'kind', 'varchar(32)'],
  ['status', 'status', 'varchar(16)'],
  ['statusEffectiveOn', 'status_effective_on', 'date'],
  ['statusReason', 'status_reason', 'varchar(500)'],
  ['establishedOn', 'established_on', 'date'],
  ['registeredCapitalAmount', 'capital_amount', 'numeric(20,2)'],
  ['registeredCapitalCurrency', 'capital_currency', 'varchar(3)'],
  ['registrationAuthorityName', 'authority_name', 'varchar(200)'],
  ['registrationAuthorityUscc', 'authority_uscc', 'varchar(18)'],
  ['registeredAddress', 'address_text', 'varchar(500)'],
  ['registeredAddressDivisionCode', 'address_division_code', 'varchar(6)'],
  ['businessScope', 'business_scope', 'varchar(4000)'],
  ['legalRepresentativeIdNumber', 'legal_rep_id_number', 'varchar(18)'],
  ['sourceDepartment', 'source_department', 'varchar(18)'],
  ['sourceSystem', 'source_system', 'varchar(64)'],
  ['sourceRecordId', 'source_record_id', 'varchar(128)'],
  ['version', 'version', 'integer'],
  ['contentHash', 'content_hash', 'varchar(64)'],
] as const satisfies ReadonlyArray<readonly [keyof LegalEntityRecord, string, string]>;

export const PROVENANCE_PROPERTIES = ['sourceDepartment', 'sourceSystem', 'sourceRecordId', 'version'] as const;

/** Columns whose change is a status change (its own event) rather than a field change. */
export const STATUS_PROPERTIES = ['status', 'statusEffectiveOn', 'statusReason'] as const;

export function columnOf(property: keyof LegalEntityRecord): string {
  const entry = RECORD_COLUMNS.find(([p]) => p === property);
  if (!entry) throw new Error(`no column for ${property}`);
  return entry[1];
}

/** A jsonb object of the given properties of row alias `a`, keyed by property name (amounts as text). */
export function jsonOf(alias: string, properties: ReadonlyArray<keyof LegalEntityRecord>): string {
  return `jsonb_build_object(${properties
    .map((p) => {
      const column = `${alias}.${columnOf(p)}`;
      return `'${p}', ${p === 'registeredCapitalAmount' ? `${column}::text` : column}`;
    })
    .join(', ')})`;
}
