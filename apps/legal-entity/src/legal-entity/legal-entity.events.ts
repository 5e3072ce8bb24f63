/**
 * The events of the legal-entity library. All three go to one topic, keyed by USCC, so the
 * registration, changes and status changes of one legal entity are read in the order they happened.
 * Payload schemas: schemas/events/<type>.schema.json.
 */
export const LEGAL_ENTITY_TOPIC = 'hub.legal-entity.legal-entity.v1';
export const LEGAL_ENTITY_EVENT_SOURCE = '/hub/legal-entity';

export const LegalEntityEventType = {
  Registered: 'hub.legal-entity.registered.v1',
  Changed: 'hub.legal-entity.changed.v1',
  StatusChanged: 'hub.legal-entity.status-changed.v1',
  /** Published when the population library reports the death of a legal entity's legal representative. */
  LegalRepresentativeDeceased: 'hub.legal-entity.legal-representative-deceased.v1',
} as const;

export type LegalEntityEventType = (typeof LegalEntityEventType)[keyof typeof LegalEntityEventType];
