import { LEGAL_ENTITY_EVENT, LEGAL_ENTITY_TOPIC } from '@hub/contracts';
import type { RegisterSpec } from '@hub/register';
import { LEGAL_ENTITY_SCHEMA } from '../legal-entity.schema.js';
import { LEGAL_ENTITY_EVENT_SOURCE } from './legal-entity.events.js';
import { BUSINESS_FIELDS } from './legal-entity.record.js';

/**
 * The legal-entity register: table `legal_entity` keyed by USCC, its columns, and the status rule
 * (deregistration is final; a revoked entity can only be deregistered). From this the register
 * library builds the one SQL statement that applies writes, history and events.
 */
export const LEGAL_ENTITY_REGISTER: RegisterSpec = {
  schema: LEGAL_ENTITY_SCHEMA,
  table: 'legal_entity',
  historyTable: 'legal_entity_change',
  entity: 'legal entity',
  notFoundCode: 'LEGAL_ENTITY_NOT_FOUND',
  key: 'uscc',
  columns: [
    { property: 'uscc', column: 'uscc', type: 'varchar(18)' },
    { property: 'name', column: 'name', type: 'varchar(200)' },
    { property: 'kind', column: 'kind', type: 'varchar(32)' },
    { property: 'status', column: 'status', type: 'varchar(16)' },
    { property: 'statusEffectiveOn', column: 'status_effective_on', type: 'date' },
    { property: 'statusReason', column: 'status_reason', type: 'varchar(500)' },
    { property: 'establishedOn', column: 'established_on', type: 'date' },
    { property: 'registeredCapitalAmount', column: 'capital_amount', type: 'numeric(20,2)', asText: true },
    { property: 'registeredCapitalCurrency', column: 'capital_currency', type: 'varchar(3)' },
    { property: 'registrationAuthorityName', column: 'authority_name', type: 'varchar(200)' },
    { property: 'registrationAuthorityUscc', column: 'authority_uscc', type: 'varchar(18)' },
    { property: 'registeredAddress', column: 'address_text', type: 'varchar(500)' },
    { property: 'registeredAddressDivisionCode', column: 'address_division_code', type: 'varchar(6)' },
    { property: 'businessScope', column: 'business_scope', type: 'varchar(4000)' },
    { property: 'legalRepresentativeIdNumber', column: 'legal_rep_id_number', type: 'varchar(18)' },
  ],
  businessFields: [...BUSINESS_FIELDS],
  currentDivisions: ['registeredAddressDivisionCode'],
  keepsOriginals: true,
  status: {
    property: 'status',
    effectiveOn: 'statusEffectiveOn',
    reason: 'statusReason',
    refusedSql: (from, to) => `${from} = 'DEREGISTERED' OR (${from} = 'REVOKED' AND ${to} <> 'DEREGISTERED')`,
    refusedBecause: (from) => (from === 'DEREGISTERED' ? 'deregistration is final' : 'a revoked entity can only be deregistered'),
  },
  events: {
    topic: LEGAL_ENTITY_TOPIC,
    source: LEGAL_ENTITY_EVENT_SOURCE,
    registered: LEGAL_ENTITY_EVENT.registered,
    changed: LEGAL_ENTITY_EVENT.changed,
    statusChanged: LEGAL_ENTITY_EVENT.statusChanged,
  },
};

/** Changed through changeLegalEntityStatus (its own event), not changeLegalEntity. */
export const STATUS_PROPERTIES = ['status', 'statusEffectiveOn', 'statusReason'] as const;
