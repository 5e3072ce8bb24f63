import type { CloudEvent, EventConsumer, SqlExecutor } from '@hub/events';
import { geocode } from '../address/geocoder.js';
import { SRID } from '../geospatial.schema.js';

/** The topics and event types of the libraries whose addresses this library locates (their public contracts). */
const LEGAL_ENTITY_TOPIC = 'hub.legal-entity.legal-entity.v1';
const PERSON_TOPIC = 'hub.population.person.v1';

interface AddressChange {
  subjectType: 'LEGAL_ENTITY' | 'PERSON';
  subjectId: string;
  version: number;
  text?: string;
  divisionCode?: string;
}

type Changes = Record<string, { from: unknown; to: unknown } | undefined>;

/** The address an event tells about, if any: a registration, or a change of the address or its division. */
function addressChange(event: CloudEvent): AddressChange | undefined {
  const data = event.data as { uscc?: string; idNumber?: string; version: number; record?: Record<string, string | null>; changes?: Changes };
  const pick = (subjectType: AddressChange['subjectType'], subjectId: string | undefined, textField: string, divisionField: string): AddressChange | undefined => {
    if (!subjectId) return undefined;
    if (event.type.endsWith('.registered.v1') && data.record) {
      return { subjectType, subjectId, version: data.version, text: data.record[textField] ?? undefined, divisionCode: data.record[divisionField] ?? undefined };
    }
    if (event.type.endsWith('.changed.v1') && data.changes && (data.changes[textField] || data.changes[divisionField])) {
      return {
        subjectType,
        subjectId,
        version: data.version,
        text: data.changes[textField]?.to as string | undefined,
        divisionCode: data.changes[divisionField]?.to as string | undefined,
      };
    }
    return undefined;
  };
  if (event.type.startsWith('hub.legal-entity.')) return pick('LEGAL_ENTITY', data.uscc, 'registeredAddress', 'registeredAddressDivisionCode');
  if (event.type.startsWith('hub.population.')) return pick('PERSON', data.idNumber, 'householdAddress', 'householdDivisionCode');
  return undefined;
}

/**
 * Locates legal entities (registered address) and persons (household address) when their library
 * registers them or changes the address: geocodes the address and keeps the result, matched or
 * not (a failure is kept with its reason, visible on the entity's `location`).
 */
export const locationConsumer: EventConsumer = {
  name: 'locations',
  topics: [LEGAL_ENTITY_TOPIC, PERSON_TOPIC],
  async handle(event: CloudEvent, tx: SqlExecutor): Promise<void> {
    const change = addressChange(event);
    if (!change) return;
    const [stored] = await tx.query(
      'SELECT address_text, division_code, source_version FROM geospatial.entity_location WHERE subject_type = $1 AND subject_id = $2 FOR UPDATE',
      [change.subjectType, change.subjectId],
    );
    if (stored && stored.source_version >= change.version) return;
    const text = change.text ?? stored?.address_text;
    const divisionCode = change.divisionCode ?? stored?.division_code ?? null;
    if (!text) return;
    const match = await geocode(tx, text, divisionCode);
    await tx.query(
      `INSERT INTO geospatial.entity_location (subject_type, subject_id, address_text, division_code, status, match_method, confidence, reason, address_id, point, source_version, source_event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $10::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($10, $11), ${SRID}) END, $12, $13)
       ON CONFLICT (subject_type, subject_id) DO UPDATE SET address_text = EXCLUDED.address_text, division_code = EXCLUDED.division_code,
         status = EXCLUDED.status, match_method = EXCLUDED.match_method, confidence = EXCLUDED.confidence, reason = EXCLUDED.reason,
         address_id = EXCLUDED.address_id, point = EXCLUDED.point, source_version = EXCLUDED.source_version,
         source_event_id = EXCLUDED.source_event_id, updated_at = now()`,
      [
        change.subjectType,
        change.subjectId,
        text,
        divisionCode,
        match.status,
        match.method ?? null,
        match.confidence ?? null,
        match.reason ?? null,
        match.addressId ?? null,
        match.longitude ?? null,
        match.latitude ?? null,
        change.version,
        event.id,
      ],
    );
  },
};
