/**
 * The events of the population library, all on one topic keyed by citizen ID, so that one person's
 * registration, changes and status changes (death, moving out) are read in order.
 * Payload schemas: schemas/events/<type>.schema.json.
 */
export const PERSON_TOPIC = 'hub.population.person.v1';
export const PERSON_EVENT_SOURCE = '/hub/population';

export const PersonEventType = {
  Registered: 'hub.population.registered.v1',
  Changed: 'hub.population.changed.v1',
  StatusChanged: 'hub.population.status-changed.v1',
} as const;
