import type { SubjectKind } from '@hub/subgraph';

/**
 * The graph fields a data correction can be reported on, and the keys under which the library's
 * `changed` event carries them (schemas/events/hub.population.changed.v1 and
 * hub.legal-entity.changed.v1, `changes`). Only these: a correction is closed by the source's own
 * change event, so a field that event never carries (a status, which has its own event; a field
 * computed by another library) could never close and is refused up front.
 *
 * A field whose value is an object in the graph (an address with its division, a capital with its
 * currency) is held as several keys; a change to any of them corrects it.
 */
export const CORRECTABLE_FIELDS: Record<SubjectKind, Readonly<Record<string, readonly string[]>>> = {
  PERSON: {
    'Person.name': ['name'],
    'Person.gender': ['gender'],
    'Person.birthDate': ['birthDate'],
    'Person.ethnicity': ['ethnicityCode'],
    'Person.householdAddress': ['householdAddress', 'householdDivisionCode'],
    'Person.residenceAddress': ['residenceAddress', 'residenceDivisionCode'],
    'Person.phone': ['phone'],
    'Person.maritalStatus': ['maritalStatusCode'],
    'Person.statusEffectiveOn': ['statusEffectiveOn'],
    'Person.statusReason': ['statusReason'],
    'Person.householdNumber': ['householdNumber'],
    'Person.relationToHead': ['relationToHeadCode'],
  },
  LEGAL_ENTITY: {
    'LegalEntity.name': ['name'],
    'LegalEntity.kind': ['kind'],
    'LegalEntity.statusEffectiveOn': ['statusEffectiveOn'],
    'LegalEntity.statusReason': ['statusReason'],
    'LegalEntity.establishedOn': ['establishedOn'],
    'LegalEntity.registeredCapital': ['registeredCapitalAmount', 'registeredCapitalCurrency'],
    'LegalEntity.registrationAuthority': ['registrationAuthorityName', 'registrationAuthorityUscc'],
    'LegalEntity.registeredAddress': ['registeredAddress', 'registeredAddressDivisionCode'],
    'LegalEntity.businessScope': ['businessScope'],
    'LegalEntity.legalRepresentative': ['legalRepresentativeIdNumber'],
  },
};

/** The change keys of a field, or undefined when it cannot be corrected for this kind of subject. */
export function changeKeysOf(kind: SubjectKind, field: string): readonly string[] | undefined {
  return Object.hasOwn(CORRECTABLE_FIELDS[kind], field) ? CORRECTABLE_FIELDS[kind][field] : undefined;
}

/** The longest corrected value kept (the column's length); the change event holds the whole value. */
export const MAX_CORRECTED_VALUE_LENGTH = 500;

/**
 * What a change event says the field now is, as text: the new value of a one-key field
 * (objects as JSON; null when the value was removed), or for a field of several keys a JSON object
 * of the keys that changed, e.g. {"registeredAddress":"…"}. Null when the event does not touch the
 * field. Cut at MAX_CORRECTED_VALUE_LENGTH characters, ending in "…".
 */
export function correctedValueOf(
  keys: readonly string[],
  changes: Record<string, { from: unknown; to: unknown }>,
): { value: string | null } | null {
  const changed = keys.filter((k) => Object.hasOwn(changes, k));
  if (changed.length === 0) return null;
  let value: string | null;
  if (keys.length === 1) {
    const to = changes[keys[0]].to;
    value = to === null || to === undefined ? null : typeof to === 'object' ? JSON.stringify(to) : String(to);
  } else {
    value = JSON.stringify(Object.fromEntries(changed.map((k) => [k, changes[k].to ?? null])));
  }
  if (value !== null && [...value].length > MAX_CORRECTED_VALUE_LENGTH)
    value = `${[...value].slice(0, MAX_CORRECTED_VALUE_LENGTH - 1).join('')}…`;
  return { value };
}
