import { CREDIT_EVENT, CREDIT_RECORD_TOPIC } from '@hub/contracts';
import type { RegisterSpec } from '@hub/register';
import { CREDIT_SCHEMA } from '../credit.schema.js';
import { CREDIT_EVENT_SOURCE } from './credit-record.events.js';
import { CREDIT_BUSINESS_FIELDS } from './credit-record.record.js';

/**
 * The credit register: one table for the 双公示 (licences, penalties), list entries and commitments,
 * keyed by kind + authority + decision number; events keyed by the subject. A revoked record stays
 * revoked; a record leaves a list only once.
 */
export const CREDIT_RECORD_REGISTER: RegisterSpec = {
  schema: CREDIT_SCHEMA,
  table: 'credit_record',
  historyTable: 'credit_record_change',
  entity: 'credit record',
  notFoundCode: 'CREDIT_RECORD_NOT_FOUND',
  key: 'recordId',
  subject: 'subjectId',
  columns: [
    { property: 'recordId', column: 'record_id', type: 'varchar(160)' },
    { property: 'kind', column: 'kind', type: 'varchar(16)' },
    { property: 'subjectType', column: 'subject_type', type: 'varchar(16)' },
    { property: 'subjectId', column: 'subject_id', type: 'varchar(18)' },
    { property: 'subjectName', column: 'subject_name', type: 'varchar(200)' },
    { property: 'decisionNumber', column: 'decision_number', type: 'varchar(128)' },
    { property: 'title', column: 'title', type: 'varchar(200)' },
    { property: 'authorityName', column: 'authority_name', type: 'varchar(200)' },
    { property: 'authorityUscc', column: 'authority_uscc', type: 'varchar(18)' },
    { property: 'decidedOn', column: 'decided_on', type: 'date' },
    { property: 'validFrom', column: 'valid_from', type: 'date' },
    { property: 'validTo', column: 'valid_to', type: 'date' },
    { property: 'content', column: 'content', type: 'varchar(4000)' },
    { property: 'legalBasis', column: 'legal_basis', type: 'varchar(1000)' },
    { property: 'penaltyType', column: 'penalty_type', type: 'varchar(32)' },
    { property: 'fineAmount', column: 'fine_amount', type: 'numeric(18,2)', asText: true },
    { property: 'status', column: 'status', type: 'varchar(16)' },
    { property: 'statusEffectiveOn', column: 'status_effective_on', type: 'date' },
    { property: 'statusReason', column: 'status_reason', type: 'varchar(500)' },
  ],
  businessFields: [...CREDIT_BUSINESS_FIELDS],
  status: {
    property: 'status',
    effectiveOn: 'statusEffectiveOn',
    reason: 'statusReason',
    refusedSql: (from) => `${from} IN ('REVOKED', 'REMOVED')`,
    refusedBecause: (from) => (from === 'REVOKED' ? 'a revoked record stays revoked' : 'a record removed from a list is listed again as a new record'),
  },
  events: {
    topic: CREDIT_RECORD_TOPIC,
    source: CREDIT_EVENT_SOURCE,
    registered: CREDIT_EVENT.registered,
    changed: CREDIT_EVENT.changed,
    statusChanged: CREDIT_EVENT.statusChanged,
  },
};
