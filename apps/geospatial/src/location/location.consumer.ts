import {
  LEGAL_ENTITY_EVENT,
  LEGAL_ENTITY_TOPIC,
  POPULATION_EVENT,
  POPULATION_PERSON_TOPIC,
  eventConsumer,
  type TopicEvent,
} from '@hub/contracts';
import { geocode } from '../address/geocoder.js';
import { SRID } from '../geospatial.schema.js';

interface AddressChange {
  subjectType: 'LEGAL_ENTITY' | 'PERSON';
  subjectId: string;
  version: number;
  text?: string;
  divisionCode?: string;
}

/** A change's new value of an address field (the changed events carry values untyped: `from`/`to` of the field's column). */
const newValue = (change: { to: unknown } | undefined): string | undefined =>
  typeof change?.to === 'string' ? change.to : undefined;

/** The address an event tells about, if any: a registration, or a change of the address or its division. */
function addressChange(
  event: TopicEvent<typeof LEGAL_ENTITY_TOPIC | typeof POPULATION_PERSON_TOPIC>,
): AddressChange | undefined {
  type FieldChange = { to: unknown } | undefined;
  const changed = (
    subjectType: AddressChange['subjectType'],
    subjectId: string,
    version: number,
    text: FieldChange,
    division: FieldChange,
  ): AddressChange | undefined =>
    text || division
      ? { subjectType, subjectId, version, text: newValue(text), divisionCode: newValue(division) }
      : undefined;
  switch (event.type) {
    case LEGAL_ENTITY_EVENT.registered: {
      const { uscc, version, record } = event.data;
      return {
        subjectType: 'LEGAL_ENTITY',
        subjectId: uscc,
        version,
        text: record.registeredAddress,
        divisionCode: record.registeredAddressDivisionCode,
      };
    }
    case LEGAL_ENTITY_EVENT.changed: {
      const { uscc, version, changes } = event.data;
      return changed('LEGAL_ENTITY', uscc, version, changes.registeredAddress, changes.registeredAddressDivisionCode);
    }
    case POPULATION_EVENT.registered: {
      const { idNumber, version, record } = event.data;
      return {
        subjectType: 'PERSON',
        subjectId: idNumber,
        version,
        text: record.householdAddress,
        divisionCode: record.householdDivisionCode,
      };
    }
    case POPULATION_EVENT.changed: {
      const { idNumber, version, changes } = event.data;
      return changed('PERSON', idNumber, version, changes.householdAddress, changes.householdDivisionCode);
    }
    default:
      return undefined;
  }
}

/**
 * Locates legal entities (registered address) and persons (household address) when their library
 * registers them or changes the address: geocodes the address and keeps the result, matched or
 * not (a failure is kept with its reason, visible on the entity's `location`).
 */
export const locationConsumer = eventConsumer({
  name: 'locations',
  topics: [LEGAL_ENTITY_TOPIC, POPULATION_PERSON_TOPIC],
  async handle(event, tx): Promise<void> {
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
});
