/**
 * The CloudEvents source of the legal-entity library's events. They all go to one topic, keyed by
 * USCC (LEGAL_ENTITY_TOPIC of @hub/contracts, with their types and payloads), so the registration,
 * changes and status changes of one legal entity are read in the order they happened.
 */
export const LEGAL_ENTITY_EVENT_SOURCE = '/hub/legal-entity';
