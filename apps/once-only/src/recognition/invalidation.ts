import { appendToOutbox, type NewEvent, type SqlExecutor } from '@hub/events';
import { chinaDate } from '@hub/identifiers';
import { ONCE_ONLY_EVENT, ONCE_ONLY_REVIEW_RESULT_TOPIC as REVIEW_RESULT_TOPIC } from '@hub/contracts';
import { ONCE_ONLY_SOURCE } from '../once-only.events.js';
import { ONCE_ONLY_SCHEMA } from '../once-only.schema.js';

/** Why review results stop being valid: the codes of `invalidation_code`. */
export enum InvalidationCode {
  SUBJECT_DECEASED = 'SUBJECT_DECEASED',
  LEGAL_ENTITY_CLOSED = 'LEGAL_ENTITY_CLOSED',
  BLACK_LISTED = 'BLACK_LISTED',
  /** The identity data a check compared (a person's name, birth date …; a company's legal representative) changed. */
  IDENTITY_CHANGED = 'IDENTITY_CHANGED',
  EVIDENCE_REVOKED = 'EVIDENCE_REVOKED',
  EVIDENCE_CANCELLED = 'EVIDENCE_CANCELLED',
  EVIDENCE_EXPIRED = 'EVIDENCE_EXPIRED',
}

/** The column is varchar(500), counted in characters. */
const MAX_REASON = 500;

export interface Invalidation {
  code: InvalidationCode;
  /** For a person to read: what happened, when, and the record it comes from. */
  reason: string;
  /** The event (CloudEvents id) that told us. */
  causeEventId: string;
  at: Date;
}

interface InvalidatedRow {
  id: string;
  subject_type: string;
  subject_id: string;
  result_type: string;
  service_item_code: string;
  case_number: string;
  outcome: string;
  reviewing_department: string;
  valid_until: string;
}

/**
 * Invalidates, in the caller's transaction, the subject's results (or those resting on a material)
 * that are still valid today, and writes one `reviewResultInvalidated` event for each into the
 * outbox; the relay publishes them once the transaction commits. Results already expired or
 * invalidated keep what they say. Returns how many changed.
 */
export async function invalidateResults(
  tx: SqlExecutor,
  target: { subjectId: string; resultTypes?: readonly string[] } | { materialId: string },
  invalidation: Invalidation,
): Promise<number> {
  const reason = [...invalidation.reason].slice(0, MAX_REASON).join('');
  const where =
    'subjectId' in target
      ? `r.subject_id = $1${target.resultTypes ? ' AND r.result_type = ANY ($7::varchar[])' : ''}`
      : `r.id IN (SELECT e.result_id FROM ${ONCE_ONLY_SCHEMA}.review_result_evidence e WHERE e.material_id = $1)`;
  // A CTE, so that the statement answers rows on every driver (TypeORM returns [rows, count] for a bare UPDATE).
  const rows: InvalidatedRow[] = await tx.query(
    `WITH changed AS (
       UPDATE ${ONCE_ONLY_SCHEMA}.review_result r
       SET status = 'INVALIDATED', invalidated_at = $2, invalidation_code = $3, invalidation_reason = $4, invalidation_event = $5
       WHERE ${where} AND r.status = 'VALID' AND r.valid_until >= $6::date
       RETURNING r.id, r.subject_type, r.subject_id, r.result_type, r.service_item_code, r.case_number, r.outcome, r.reviewing_department, r.valid_until::text AS valid_until
     )
     SELECT * FROM changed ORDER BY id`,
    [
      'subjectId' in target ? target.subjectId : target.materialId,
      invalidation.at,
      invalidation.code,
      reason,
      invalidation.causeEventId,
      chinaDate(invalidation.at),
      ...('subjectId' in target && target.resultTypes ? [[...target.resultTypes]] : []),
    ],
  );
  const events: NewEvent[] = rows.map((r) => ({
    topic: REVIEW_RESULT_TOPIC,
    type: ONCE_ONLY_EVENT.reviewResultInvalidated,
    source: ONCE_ONLY_SOURCE,
    subject: r.subject_id,
    time: invalidation.at,
    data: {
      id: r.id,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      resultType: r.result_type,
      serviceItemCode: r.service_item_code,
      caseNumber: r.case_number,
      outcome: r.outcome,
      reviewingDepartment: r.reviewing_department,
      validUntil: r.valid_until,
      invalidatedAt: invalidation.at.toISOString(),
      invalidationCode: invalidation.code,
      invalidationReason: reason,
      causeEventId: invalidation.causeEventId,
    },
  }));
  await appendToOutbox(tx, ONCE_ONLY_SCHEMA, events);
  return rows.length;
}
