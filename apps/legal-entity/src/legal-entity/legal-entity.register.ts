import { LEGAL_ENTITY_EVENT, LEGAL_ENTITY_TOPIC } from '@hub/contracts';
import { defineRegister } from '@hub/register';
import { LEGAL_ENTITY_SCHEMA } from '../legal-entity.schema.js';
import { LEGAL_ENTITY_EVENT_SOURCE } from './legal-entity.events.js';
import { LegalEntityRow } from './legal-entity.entity.js';

/**
 * The legal-entity register: table `legal_entity` keyed by USCC (its columns those of LegalEntityRow), and the status rule
 * (deregistration is final; a revoked entity can only be deregistered). From this the register
 * library builds the one SQL statement that applies writes, history and events.
 */
export const LEGAL_ENTITY_REGISTER = defineRegister({
  row: LegalEntityRow,
  schema: LEGAL_ENTITY_SCHEMA,
  historyTable: 'legal_entity_change',
  entity: 'legal entity',
  notFoundCode: 'LEGAL_ENTITY_NOT_FOUND',
  key: 'uscc',
  asText: ['registeredCapitalAmount'],
  currentDivisions: ['registeredAddressDivisionCode'],
  status: {
    property: 'status',
    effectiveOn: 'statusEffectiveOn',
    reason: 'statusReason',
    refusedSql: (from, to) => `${from} = 'DEREGISTERED' OR (${from} = 'REVOKED' AND ${to} <> 'DEREGISTERED')`,
    refusedBecause: (from) =>
      from === 'DEREGISTERED' ? 'deregistration is final' : 'a revoked entity can only be deregistered',
  },
  events: {
    topic: LEGAL_ENTITY_TOPIC,
    source: LEGAL_ENTITY_EVENT_SOURCE,
    registered: LEGAL_ENTITY_EVENT.registered,
    changed: LEGAL_ENTITY_EVENT.changed,
    statusChanged: LEGAL_ENTITY_EVENT.statusChanged,
  },
});
