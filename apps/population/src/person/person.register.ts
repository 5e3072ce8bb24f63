import { POPULATION_EVENT, POPULATION_PERSON_TOPIC } from '@hub/contracts';
import type { RegisterSpec } from '@hub/register';
import { POPULATION_SCHEMA } from '../population.schema.js';
import { PERSON_EVENT_SOURCE } from './person.events.js';
import { PERSON_BUSINESS_FIELDS } from './person.record.js';

/** The person register: table `person` keyed by citizen ID; death is final. */
export const PERSON_REGISTER: RegisterSpec = {
  schema: POPULATION_SCHEMA,
  table: 'person',
  historyTable: 'person_change',
  entity: 'person',
  notFoundCode: 'PERSON_NOT_FOUND',
  key: 'idNumber',
  columns: [
    { property: 'idNumber', column: 'id_number', type: 'varchar(18)' },
    { property: 'name', column: 'name', type: 'varchar(50)' },
    { property: 'gender', column: 'gender', type: 'varchar(6)' },
    { property: 'birthDate', column: 'birth_date', type: 'date' },
    { property: 'ethnicityCode', column: 'ethnicity_code', type: 'varchar(2)' },
    { property: 'householdAddress', column: 'household_address', type: 'varchar(500)' },
    { property: 'householdDivisionCode', column: 'household_division_code', type: 'varchar(6)' },
    { property: 'residenceAddress', column: 'residence_address', type: 'varchar(500)' },
    { property: 'residenceDivisionCode', column: 'residence_division_code', type: 'varchar(6)' },
    { property: 'phone', column: 'phone', type: 'varchar(20)' },
    { property: 'maritalStatusCode', column: 'marital_status_code', type: 'varchar(2)' },
    { property: 'status', column: 'status', type: 'varchar(16)' },
    { property: 'statusEffectiveOn', column: 'status_effective_on', type: 'date' },
    { property: 'statusReason', column: 'status_reason', type: 'varchar(500)' },
    { property: 'householdNumber', column: 'household_number', type: 'varchar(20)' },
    { property: 'relationToHeadCode', column: 'relation_to_head_code', type: 'varchar(2)' },
  ],
  businessFields: [...PERSON_BUSINESS_FIELDS],
  currentDivisions: ['householdDivisionCode', 'residenceDivisionCode'],
  keepsOriginals: true,
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
};

export const PERSON_STATUS_PROPERTIES = ['status', 'statusEffectiveOn', 'statusReason'] as const;
