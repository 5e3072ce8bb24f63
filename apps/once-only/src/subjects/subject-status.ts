import type { SubjectRow } from './subject.entity.js';

/** A person's status in the population library. */
export const PERSON_DECEASED = 'DECEASED';

/** A legal entity's statuses that end it: deregistered (注销, final) and revoked (吊销, may only be deregistered after). */
export const CLOSED_LEGAL_ENTITY_STATUSES: ReadonlySet<string> = new Set(['DEREGISTERED', 'REVOKED']);

/**
 * The status of a subject row the credit library made before the subject's own library told us
 * of it: events of different topics arrive in any order, and a black-list entry must not be lost
 * because it came first. Such a subject is not known yet (version 0; any registration replaces
 * the status and keeps the black-list entries).
 */
export const NOT_YET_REGISTERED = 'NOT_YET_REGISTERED';

export function isKnown(row: SubjectRow | null | undefined): row is SubjectRow {
  return !!row && row.status !== NOT_YET_REGISTERED;
}

export function isClosed(row: SubjectRow): boolean {
  return row.subjectType === 'LEGAL_ENTITY' && CLOSED_LEGAL_ENTITY_STATUSES.has(row.status);
}
