import type { NewEvent } from '@hub/events';
import { ONCE_ONLY_EVENT, ONCE_ONLY_REVIEW_RESULT_TOPIC } from '@hub/contracts';
import { ONCE_ONLY_SOURCE } from '../once-only.events.js';
import type { ReviewResultEvidenceRow, ReviewResultRow } from './recognition.entities.js';
import type { InvalidatedResult } from './review-result.repository.js';

/** hub.once-only.review-result-recorded.v1, keyed by the subject, with the evidence it rests on. */
export function reviewResultRecordedEvent(
  result: ReviewResultRow,
  evidence: Array<Pick<ReviewResultEvidenceRow, 'materialId' | 'sha256'>>,
): NewEvent {
  return {
    topic: ONCE_ONLY_REVIEW_RESULT_TOPIC,
    type: ONCE_ONLY_EVENT.reviewResultRecorded,
    source: ONCE_ONLY_SOURCE,
    subject: result.subjectId,
    time: result.recordedAt,
    data: {
      id: result.id,
      subjectType: result.subjectType,
      subjectId: result.subjectId,
      resultType: result.resultType,
      serviceItemCode: result.serviceItemCode,
      caseNumber: result.caseNumber,
      outcome: result.outcome,
      reviewingDepartment: result.reviewingDepartment,
      reviewingSystem: result.reviewingSystem,
      reviewedAt: result.reviewedAt.toISOString(),
      validUntil: result.validUntil,
      evidence: evidence.map((e) => ({ materialId: e.materialId, sha256: e.sha256 })),
      recordedBy: result.recordedByKey,
      recordedAt: result.recordedAt.toISOString(),
    },
  };
}

/** hub.once-only.review-result-invalidated.v1, keyed by the subject: why (code, reason) and the event that told. */
export function reviewResultInvalidatedEvent(
  r: InvalidatedResult,
  invalidation: { code: string; reason: string; causeEventId: string; at: Date },
): NewEvent {
  return {
    topic: ONCE_ONLY_REVIEW_RESULT_TOPIC,
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
      invalidationReason: invalidation.reason,
      causeEventId: invalidation.causeEventId,
    },
  };
}
