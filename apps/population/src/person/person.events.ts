/**
 * The CloudEvents source of the population library's events. They are all on one topic keyed by
 * citizen ID (POPULATION_PERSON_TOPIC of @hub/contracts, with their types and payloads), so that one
 * person's registration, changes and status changes (death, moving out) are read in order.
 */
export const PERSON_EVENT_SOURCE = '/hub/population';
