// The once-only app's topics and event types (their payloads: schemas/events/hub.once-only.*.json),
// and the base-library topics it follows.

/** Materials and e-licences: filed, status changed (revoked, cancelled, expired, superseded). Key = subject id. */
export const MATERIAL_TOPIC = 'hub.once-only.material.v1';
/** Review results: recorded, invalidated. Key = subject id. */
export const REVIEW_RESULT_TOPIC = 'hub.once-only.review-result.v1';
/** Data corrections: reported, corrected, rejected. Key = subject id. */
export const DATA_CORRECTION_TOPIC = 'hub.once-only.data-correction.v1';

export const ONCE_ONLY_SOURCE = '/hub/once-only';

export const ONCE_ONLY_EVENT = {
  materialFiled: 'hub.once-only.material-filed.v1',
  materialStatusChanged: 'hub.once-only.material-status-changed.v1',
  reviewResultRecorded: 'hub.once-only.review-result-recorded.v1',
  reviewResultInvalidated: 'hub.once-only.review-result-invalidated.v1',
  dataCorrectionChanged: 'hub.once-only.data-correction-changed.v1',
} as const;

/** The base libraries' topics and event types this app reads (their public contracts). */
export const PERSON_TOPIC = 'hub.population.person.v1';
export const LEGAL_ENTITY_TOPIC = 'hub.legal-entity.legal-entity.v1';
export const CREDIT_TOPIC = 'hub.credit.record.v1';
export const BASE_LIBRARY_EVENT = {
  personRegistered: 'hub.population.registered.v1',
  personChanged: 'hub.population.changed.v1',
  personStatusChanged: 'hub.population.status-changed.v1',
  legalEntityRegistered: 'hub.legal-entity.registered.v1',
  legalEntityChanged: 'hub.legal-entity.changed.v1',
  legalEntityStatusChanged: 'hub.legal-entity.status-changed.v1',
  creditRegistered: 'hub.credit.registered.v1',
  creditStatusChanged: 'hub.credit.status-changed.v1',
} as const;

/** The catalog's policy topic, for the working-day notices its admins enter (key = the year). */
export const CATALOG_POLICY_TOPIC = 'hub.catalog.policy.v1';
export const CATALOG_EVENT = {
  workingDayNoticeEntered: 'hub.catalog.working-day-notice-entered.v1',
} as const;
