import type { CloudEvent, EventConsumer, SqlExecutor } from '@hub/events';
import { chinaDate } from '@hub/identifiers';
import { CREDIT_RECORD_TOPIC as CREDIT_TOPIC, LEGAL_ENTITY_TOPIC, POPULATION_PERSON_TOPIC as PERSON_TOPIC } from '@hub/contracts';
import type { Combined, CreditRegistered, CreditStatusChanged, LegalEntityChanged, LegalEntityRegistered, LegalEntityStatusChanged, PopulationChanged, PopulationRegistered, PopulationStatusChanged } from '@hub/contracts';
import { BASE_LIBRARY_EVENT } from '../once-only.events.js';
import { ONCE_ONLY_SCHEMA } from '../once-only.schema.js';
import { CLOSED_LEGAL_ENTITY_STATUSES, NOT_YET_REGISTERED, PERSON_DECEASED } from '../subjects/subject-status.js';
import { InvalidationCode, invalidateResults } from './invalidation.js';

// The base libraries' event payloads read here, each pair through one view (@hub/contracts).
type PersonEvent = Combined<PopulationRegistered | PopulationStatusChanged>;
type ChangedEvent = Combined<PopulationChanged | LegalEntityChanged>;
type LegalEntityEvent = Combined<LegalEntityRegistered | LegalEntityStatusChanged>;
type CreditEvent = Combined<CreditRegistered | CreditStatusChanged>;

/**
 * The checks that compared a subject's identity data, and the fields whose change ends them (the
 * recognition rules' own terms: "证件信息变更时失效"): a citizen's ID-card data; a company's legal
 * representative, whose identity LEGAL_REP_IDENTITY_VERIFIED checked.
 */
const IDENTITY_CHECKS: Record<'PERSON' | 'LEGAL_ENTITY', { resultTypes: string[]; fields: string[] }> = {
  PERSON: { resultTypes: ['IDENTITY_VERIFIED_ORIGINALS'], fields: ['name', 'gender', 'birthDate', 'ethnicityCode'] },
  LEGAL_ENTITY: { resultTypes: ['LEGAL_REP_IDENTITY_VERIFIED'], fields: ['legalRepresentativeIdNumber'] },
};

const CLOSURE_NAME: Record<string, string> = { DEREGISTERED: 'deregistered (注销)', REVOKED: 'revoked (吊销)' };
/** Credit record ids start with the kind's letter (B: black list), see the credit library's register. */
const BLACK_LIST_PREFIX = 'B:';

/**
 * Keeps `once_only.subject` from the base libraries' events — that a citizen or company exists,
 * its status, the black-list entries in force against it — and, in the same transaction,
 * invalidates the review results that rested on it: a death (SUBJECT_DECEASED), a company
 * deregistered or revoked (LEGAL_ENTITY_CLOSED), a black-list entry (BLACK_LISTED), identity data
 * changed (IDENTITY_CHANGED: only the identity checks). An event
 * older than what is held (by the subject's version in its library) changes nothing.
 */
export const subjectEventsConsumer: EventConsumer = {
  name: 'subject-events',
  topics: [PERSON_TOPIC, LEGAL_ENTITY_TOPIC, CREDIT_TOPIC],
  async handle(event: CloudEvent, tx: SqlExecutor): Promise<void> {
    const now = new Date();
    switch (event.type) {
      case BASE_LIBRARY_EVENT.personRegistered:
      case BASE_LIBRARY_EVENT.personStatusChanged: {
        const data = event.data as PersonEvent;
        const status = data.record?.status ?? data.to;
        if (!status) return;
        const effectiveOn = data.record ? data.record.statusEffectiveOn : (data.effectiveOn ?? null);
        const applied = await applyStatus(tx, { id: data.idNumber, type: 'PERSON', status, effectiveOn, version: data.version, at: now });
        if (applied && status === PERSON_DECEASED) {
          // The year only: the exact date of death is personal data the catalog masks to the year
          // (Person.statusEffectiveOn), and this reason is served unmasked to any reader of the result.
          const reason = `the person died${effectiveOn ? ` in ${effectiveOn.slice(0, 4)}` : ''}: population record version ${data.version}`;
          await invalidateResults(tx, { subjectId: data.idNumber }, { code: InvalidationCode.SUBJECT_DECEASED, reason, causeEventId: event.id, at: now });
        }
        return;
      }
      case BASE_LIBRARY_EVENT.legalEntityRegistered:
      case BASE_LIBRARY_EVENT.legalEntityStatusChanged: {
        const data = event.data as LegalEntityEvent;
        const status = data.record?.status ?? data.to;
        if (!status) return;
        const effectiveOn = data.record ? data.record.statusEffectiveOn : (data.effectiveOn ?? null);
        const why = data.record ? data.record.statusReason : (data.reason ?? null);
        const applied = await applyStatus(tx, { id: data.uscc, type: 'LEGAL_ENTITY', status, effectiveOn, version: data.version, at: now });
        if (applied && CLOSED_LEGAL_ENTITY_STATUSES.has(status)) {
          const reason = `the legal entity was ${CLOSURE_NAME[status]}${effectiveOn ? ` on ${effectiveOn}` : ''}${why ? ` (${why})` : ''}: legal-entity record version ${data.version}`;
          await invalidateResults(tx, { subjectId: data.uscc }, { code: InvalidationCode.LEGAL_ENTITY_CLOSED, reason, causeEventId: event.id, at: now });
        }
        return;
      }
      case BASE_LIBRARY_EVENT.personChanged:
      case BASE_LIBRARY_EVENT.legalEntityChanged: {
        const data = event.data as ChangedEvent;
        const type = event.type === BASE_LIBRARY_EVENT.personChanged ? 'PERSON' : 'LEGAL_ENTITY';
        const id = (type === 'PERSON' ? data.idNumber : data.uscc)!;
        const changed = IDENTITY_CHECKS[type].fields.filter((f) => f in (data.changes ?? {}));
        if (changed.length === 0 || !(await advanceVersion(tx, id, data.version, now))) return;
        // Names the fields, not their values: the reason is served to every reader of the result.
        const reason = `the ${type === 'PERSON' ? "person's identity data" : "legal entity's legal representative"} changed (${changed.join(', ')}): ${type === 'PERSON' ? 'population' : 'legal-entity'} record version ${data.version}`;
        await invalidateResults(tx, { subjectId: id, resultTypes: IDENTITY_CHECKS[type].resultTypes }, { code: InvalidationCode.IDENTITY_CHANGED, reason, causeEventId: event.id, at: now });
        return;
      }
      case BASE_LIBRARY_EVENT.creditRegistered: {
        const { recordId, record } = event.data as CreditEvent;
        // In force as the credit assessment counts it: active, and not past its end.
        if (!record || record.kind !== 'BLACK_LIST' || record.status !== 'ACTIVE' || (record.validTo !== null && record.validTo < chinaDate(now))) return;
        await tx.query(
          `INSERT INTO ${ONCE_ONLY_SCHEMA}.subject (subject_id, subject_type, status, status_effective_on, version, black_list_records, updated_at)
           VALUES ($1, $2, $3, NULL, 0, ARRAY[$4::varchar], $5)
           ON CONFLICT (subject_id) DO UPDATE SET black_list_records = array_append(${ONCE_ONLY_SCHEMA}.subject.black_list_records, $4::varchar), updated_at = $5
           WHERE NOT ($4::varchar = ANY (${ONCE_ONLY_SCHEMA}.subject.black_list_records))`,
          [record.subjectId, record.subjectType, NOT_YET_REGISTERED, recordId, now],
        );
        const reason = `put on the black list ${record.title} by ${record.authorityName} (decision ${record.decisionNumber}): credit record ${recordId}`;
        await invalidateResults(tx, { subjectId: record.subjectId }, { code: InvalidationCode.BLACK_LISTED, reason, causeEventId: event.id, at: now });
        return;
      }
      case BASE_LIBRARY_EVENT.creditStatusChanged: {
        const { recordId, to } = event.data as CreditEvent;
        // A black-list entry ends by removal (移出) or revocation; the credit library never re-activates one.
        if (!recordId.startsWith(BLACK_LIST_PREFIX) || !to || to === 'ACTIVE') return;
        await tx.query(
          `UPDATE ${ONCE_ONLY_SCHEMA}.subject SET black_list_records = array_remove(black_list_records, $1::varchar), updated_at = $2
           WHERE $1::varchar = ANY (black_list_records)`,
          [recordId, now],
        );
        return;
      }
      default:
        return;
    }
  },
};

/** Records a newer version of a known subject; false when the event is not newer (a redelivery, an old event). */
async function advanceVersion(tx: SqlExecutor, id: string, version: number, at: Date): Promise<boolean> {
  // A CTE, so that the statement answers rows on every driver (TypeORM returns [rows, count] for a bare UPDATE).
  const rows: unknown[] = await tx.query(
    `WITH advanced AS (
       UPDATE ${ONCE_ONLY_SCHEMA}.subject SET version = $2, updated_at = $3 WHERE subject_id = $1 AND version < $2 RETURNING subject_id
     )
     SELECT subject_id FROM advanced`,
    [id, version, at],
  );
  return rows.length > 0;
}

/**
 * Inserts the subject or, when the event is newer than what is held, updates its status (a row
 * made for a black-list entry has version 0: any registration is newer, and keeps the entries).
 * True when it was applied.
 */
async function applyStatus(
  tx: SqlExecutor,
  s: { id: string; type: 'PERSON' | 'LEGAL_ENTITY'; status: string; effectiveOn: string | null; version: number; at: Date },
): Promise<boolean> {
  const rows: unknown[] = await tx.query(
    `INSERT INTO ${ONCE_ONLY_SCHEMA}.subject (subject_id, subject_type, status, status_effective_on, version, black_list_records, updated_at)
     VALUES ($1, $2, $3, $4, $5, '{}', $6)
     ON CONFLICT (subject_id) DO UPDATE SET subject_type = EXCLUDED.subject_type, status = EXCLUDED.status,
       status_effective_on = EXCLUDED.status_effective_on, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
     WHERE ${ONCE_ONLY_SCHEMA}.subject.version < EXCLUDED.version
     RETURNING subject_id`,
    [s.id, s.type, s.status, s.effectiveOn, s.version, s.at],
  );
  return rows.length > 0;
}
