import type { Transaction } from '@hub/events';
import { chinaDate } from '@hub/identifiers';
import { reviewResultInvalidatedEvent } from './review-result.events.js';
import type { InvalidationTarget, ReviewResultRepository } from './review-result.repository.js';

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

/**
 * Invalidates, in the caller's transaction, the subject's results (or those resting on a material)
 * that are still valid today, and publishes one `reviewResultInvalidated` event for each with the
 * transaction. Results already expired or invalidated keep what they say. Returns how many changed.
 */
export async function invalidateResults(
  results: ReviewResultRepository,
  tx: Transaction,
  target: InvalidationTarget,
  invalidation: Invalidation,
): Promise<number> {
  const reason = [...invalidation.reason].slice(0, MAX_REASON).join('');
  const rows = await results.invalidate(tx, target, {
    at: invalidation.at,
    code: invalidation.code,
    reason,
    causeEventId: invalidation.causeEventId,
    today: chinaDate(invalidation.at),
  });
  await tx.publish(rows.map((r) => reviewResultInvalidatedEvent(r, { ...invalidation, reason })));
  return rows.length;
}
