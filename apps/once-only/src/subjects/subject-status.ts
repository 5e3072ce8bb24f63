import type { EntityManager } from 'typeorm';
import { touchSubjects, type HubContext } from '@hub/subgraph';
import { SubjectRow } from './subject.entity.js';
import type { Subject } from './subject.js';

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

/**
 * What this app knows of a subject from the base libraries' events, or null when it knows nothing
 * yet. With `lock`, the row is held (FOR SHARE) until the caller's transaction ends, so a death or
 * a closure being applied meanwhile waits for it and then sees what it wrote.
 */
export async function knownSubject(manager: EntityManager, subject: Subject, lock = false): Promise<SubjectRow | null> {
  const row = await manager.getRepository(SubjectRow).findOne({ where: { subjectId: subject.id }, ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}) });
  return isKnown(row) && row.subjectType === subject.type ? row : null;
}

/**
 * Reports the subject as served when this app knows it (from the registers' events), also when the
 * answer about it is empty. The gateway gives a lookup back to the caller's lookup budget only when
 * the answering subgraph reports its subject (docs/catalog.md §3a): an ID nobody has must not be
 * reported, or asking this app which candidate ID exists would cost nothing.
 */
export async function touchKnownSubject(context: HubContext, manager: EntityManager, subject: Subject): Promise<void> {
  if (await knownSubject(manager, subject)) touchSubjects(context, subject.type, [subject.id]);
}
