import { CREDIT_EVENT, CREDIT_RECORD_TOPIC } from '@hub/contracts';
import { defineRegister } from '@hub/register';
import { CREDIT_SCHEMA } from '../credit.schema.js';
import { CREDIT_EVENT_SOURCE } from './credit-record.events.js';
import { CreditRecordRow } from './credit-record.entity.js';

/**
 * The credit register: one table for the 双公示 (licences, penalties), list entries and commitments,
 * keyed by kind + authority + decision number; events keyed by the subject. A revoked record stays
 * revoked; a record leaves a list only once.
 */
export const CREDIT_RECORD_REGISTER = defineRegister({
  row: CreditRecordRow,
  schema: CREDIT_SCHEMA,
  historyTable: 'credit_record_change',
  entity: 'credit record',
  notFoundCode: 'CREDIT_RECORD_NOT_FOUND',
  key: 'recordId',
  subject: 'subjectId',
  asText: ['fineAmount'],
  status: {
    property: 'status',
    effectiveOn: 'statusEffectiveOn',
    reason: 'statusReason',
    refusedSql: (from) => `${from} IN ('REVOKED', 'REMOVED')`,
    refusedBecause: (from) =>
      from === 'REVOKED'
        ? 'a revoked record stays revoked'
        : 'a record removed from a list is listed again as a new record',
  },
  events: {
    topic: CREDIT_RECORD_TOPIC,
    source: CREDIT_EVENT_SOURCE,
    registered: CREDIT_EVENT.registered,
    changed: CREDIT_EVENT.changed,
    statusChanged: CREDIT_EVENT.statusChanged,
  },
});
