// The once-only app's CloudEvents source. Its topics, event types and payloads, and those of the
// base libraries and the catalog it follows, are @hub/contracts' (generated from schemas/events).
import { CREDIT_EVENT, LEGAL_ENTITY_EVENT, POPULATION_EVENT } from '@hub/contracts';

export const ONCE_ONLY_SOURCE = '/hub/once-only';

/** The base libraries' event types this app reads, under the names its consumers use. */
export const BASE_LIBRARY_EVENT = {
  personRegistered: POPULATION_EVENT.registered,
  personChanged: POPULATION_EVENT.changed,
  personStatusChanged: POPULATION_EVENT.statusChanged,
  legalEntityRegistered: LEGAL_ENTITY_EVENT.registered,
  legalEntityChanged: LEGAL_ENTITY_EVENT.changed,
  legalEntityStatusChanged: LEGAL_ENTITY_EVENT.statusChanged,
  creditRegistered: CREDIT_EVENT.registered,
  creditStatusChanged: CREDIT_EVENT.statusChanged,
} as const;
