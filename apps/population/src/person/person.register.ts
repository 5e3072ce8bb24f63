import { POPULATION_EVENT, POPULATION_PERSON_TOPIC } from '@hub/contracts';
import { defineRegister } from '@hub/register';
import { POPULATION_SCHEMA } from '../population.schema.js';
import { PERSON_EVENT_SOURCE } from './person.events.js';
import { PersonRow } from './person.entity.js';

/** The person register: table `person` (PersonRow) keyed by citizen ID; death is final. */
export const PERSON_REGISTER = defineRegister({
  row: PersonRow,
  schema: POPULATION_SCHEMA,
  historyTable: 'person_change',
  entity: 'person',
  notFoundCode: 'PERSON_NOT_FOUND',
  key: 'idNumber',
  currentDivisions: ['householdDivisionCode', 'residenceDivisionCode'],
  status: {
    property: 'status',
    effectiveOn: 'statusEffectiveOn',
    reason: 'statusReason',
    refusedSql: (from) => `${from} = 'DECEASED'`,
    refusedBecause: () => 'a death is final',
  },
  events: {
    topic: POPULATION_PERSON_TOPIC,
    source: PERSON_EVENT_SOURCE,
    registered: POPULATION_EVENT.registered,
    changed: POPULATION_EVENT.changed,
    statusChanged: POPULATION_EVENT.statusChanged,
  },
});
