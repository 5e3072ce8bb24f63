import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Role, hasRole, isStewardOf, type Principal, type SignedAccess } from '@hub/auth';
import { UnitOfWork, type Transaction } from '@hub/events';
import { RecognitionRulesClient } from './recognition-rules.client.js';
import { chinaDate, parseUscc } from '@hub/identifiers';
import { HubError, InputError, type HubContext } from '@hub/subgraph';
import type { MaterialRow } from '../archive/archive.entities.js';
import { MaterialRepository } from '../archive/material.repository.js';
import { ONCE_ONLY_SEED, type OnceOnlySeed, type RecognitionRuleSpec } from '../service-items/once-only-seed.js';
import { DataSubjectType } from '../service-items/service-items.model.js';
import { isClosed, PERSON_DECEASED } from '../subjects/subject-status.js';
import { SubjectRepository } from '../subjects/subject.repository.js';
import { parseSubject, type Subject } from '../subjects/subject.js';
import type { ReviewResultRow } from './recognition.entities.js';
import { reviewResultRecordedEvent } from './review-result.events.js';
import { ReviewResultRepository } from './review-result.repository.js';
import type { RecordReviewResultInput } from './recognition.inputs.js';
import { ReviewOutcome, ReviewResultState, type ReviewEvidence, type ReviewResult } from './recognition.model.js';

const VALID = 'VALID';
const DAY_MS = 86_400_000;
/** How far ahead of the hub's clock a department's clock may be: "reviewed now" must not be refused. */
const CLOCK_SKEW_MS = 60_000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** YYYY-MM-DD plus n calendar days. */
function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Review results and their mutual recognition (审查结果互认). A department system records what it
 * checked for a known, living or open subject, with the evidence it relied on; a department
 * accepts, instead of checking again, the valid passed results of the types the catalog's
 * recognition rules say it recognises. Results are invalidated by the event consumers of this
 * folder when what they rest on changes; a result past its validity reads EXPIRED.
 */
@Injectable()
export class RecognitionService {
  constructor(
    private readonly results: ReviewResultRepository,
    private readonly subjects: SubjectRepository,
    private readonly materials: MaterialRepository,
    private readonly unitOfWork: UnitOfWork,
    @Inject(ONCE_ONLY_SEED) private readonly seed: OnceOnlySeed,
    private readonly rules: RecognitionRulesClient,
  ) {}

  async record(
    input: RecordReviewResultInput,
    by: Principal & { departmentUscc: string },
    now = new Date(),
  ): Promise<ReviewResult> {
    const subject = parseSubject(input.subject, 'input.subject');
    const rule = this.seed.recognitionRules.find((r) => r.code === input.resultType);
    if (!rule)
      throw new InputError([
        {
          field: 'input.resultType',
          code: 'RESULT_TYPE_UNKNOWN',
          message: `the recognition rules have no result type ${input.resultType}`,
        },
      ]);
    if (rule.subjectType !== subject.type) {
      throw new InputError([
        {
          field: 'input.resultType',
          code: 'RESULT_TYPE_SUBJECT_MISMATCH',
          message: `${rule.code} is about ${subjectNoun(rule.subjectType)}, and ${subject.id} is ${subjectNoun(subject.type)}`,
        },
      ]);
    }
    if (!this.seed.serviceItems.some((i) => i.code === input.serviceItemCode)) {
      throw new InputError([
        {
          field: 'input.serviceItemCode',
          code: 'SERVICE_ITEM_UNKNOWN',
          message: `no service item ${input.serviceItemCode}`,
        },
      ]);
    }
    const reviewer = input.reviewer.trim();
    const reviewedAt = reviewedInstant(input.reviewedAt, now);
    checkValidity(input.validUntil, chinaDate(reviewedAt), rule);
    const materialIds = [...new Set(input.evidence ?? [])];
    const today = chinaDate(now);

    const row = await this.unitOfWork.run(async (tx) => {
      // Locked (FOR SHARE) until commit: a death or closure being applied waits, then sees this result and invalidates it too.
      const known = await this.subjects.known(subject, tx);
      if (!known) {
        throw new HubError(
          'SUBJECT_UNKNOWN',
          subject.type === 'PERSON'
            ? `the hub has no record of citizen ${subject.id} in the population library: a result is recorded only for a registered person`
            : `the hub has no record of legal entity ${subject.id} in the legal-entity library: a result is recorded only for a registered legal entity`,
          { subject: subject.id },
        );
      }
      if (known.status === PERSON_DECEASED) {
        // The year only: the date of death is masked to its year for most readers (Person.statusEffectiveOn), and any department may record a result.
        throw new HubError(
          'SUBJECT_DECEASED',
          `citizen ${subject.id} is recorded as deceased${known.statusEffectiveOn ? ` in ${known.statusEffectiveOn.slice(0, 4)}` : ''}`,
          { subject: subject.id },
        );
      }
      if (isClosed(known)) {
        throw new HubError(
          'SUBJECT_CLOSED',
          `legal entity ${subject.id} is ${known.status}${known.statusEffectiveOn ? ` since ${known.statusEffectiveOn}` : ''}`,
          { subject: subject.id, status: known.status },
        );
      }
      if (known.blackListRecords.length > 0) {
        throw new HubError(
          'SUBJECT_BLACK_LISTED',
          `${subject.id} is on a credit black list (${known.blackListRecords.join(', ')}): results about it are not recognised`,
          {
            subject: subject.id,
            records: known.blackListRecords,
          },
        );
      }
      const evidence = await this.checkedEvidence(tx, subject, materialIds, today);
      const result: ReviewResultRow = {
        id: randomUUID(),
        subjectType: subject.type,
        subjectId: subject.id,
        resultType: rule.code,
        serviceItemCode: input.serviceItemCode,
        caseNumber: input.caseNumber,
        outcome: input.outcome,
        reviewingDepartment: by.departmentUscc,
        reviewingSystem: by.systemCode,
        reviewer,
        reviewedAt,
        validUntil: input.validUntil,
        status: VALID,
        invalidatedAt: null,
        invalidationCode: null,
        invalidationReason: null,
        invalidationEvent: null,
        recordedByKey: by.keyId,
        recordedAt: now,
      };
      const evidenceRows = evidence.map((m) => ({ resultId: result.id, materialId: m.id, sha256: m.contentSha256 }));
      await this.results.insert(tx, result, evidenceRows);
      await tx.publish([reviewResultRecordedEvent(result, evidenceRows)]);
      return result;
    });
    return this.toResult(row, today);
  }

  /**
   * The results a department may accept instead of checking again: VALID (not invalidated, not
   * past validUntil on `today`), PASSED, of one of the types it accepts (`acceptedTypes`, from the
   * catalog's recognition rules); newest first. For other code of this app (reuse); no access check here.
   */
  async recognized(
    subject: Subject | string,
    acceptedTypes: readonly string[],
    today: string,
  ): Promise<ReviewResultRow[]> {
    const subjectId = typeof subject === 'string' ? subject : subject.id;
    const types = [...acceptedTypes];
    if (types.length === 0) return [];
    return this.results.standing({ subjectId, types, status: VALID, outcome: ReviewOutcome.PASSED, today });
  }

  /** recognized(), for a caller: a system for its own department; a steward of it (or hub-wide) or an admin for any. */
  async recognizedFor(
    subjectInput: string,
    forDepartment: string,
    access: SignedAccess,
    requestId?: string,
    now = new Date(),
  ): Promise<ReviewResult[]> {
    const by = access.principal!;
    const subject = parseSubject(subjectInput, 'subject');
    const department = parseUscc(forDepartment);
    if (!department.ok)
      throw new InputError([
        { field: 'forDepartment', code: department.error.code, message: department.error.message },
      ]);
    const uscc = department.value.uscc;
    const allowed =
      hasRole(by, Role.ADMIN) || isStewardOf(by, uscc) || (hasRole(by, Role.SYSTEM) && by.departmentUscc === uscc);
    if (!allowed) {
      throw new HubError(
        'FORBIDDEN',
        hasRole(by, Role.SYSTEM)
          ? `a system asks only for its own department (${by.departmentUscc})`
          : `this needs a steward of ${uscc}, a hub-wide steward or an admin`,
        {
          forDepartment: uscc,
        },
      );
    }
    const today = chinaDate(now);
    const accepted = await this.rules.acceptedTypes(uscc, access, requestId);
    return (await this.recognized(subject, accepted, today)).map((r) => this.toResult(r, today));
  }

  /** Every result about the subject, in any state, newest first (its history). */
  /** Reports the subject to the gateway as served if this app knows it, results or not (see SubjectRepository.touchKnown). */
  touchKnown(context: HubContext, subjectInput: string): Promise<void> {
    return this.subjects.touchKnown(context, parseSubject(subjectInput, 'subject'));
  }

  async ofSubject(subjectInput: string, now = new Date()): Promise<ReviewResult[]> {
    const subject = parseSubject(subjectInput, 'subject');
    const rows = await this.results.ofSubject(subject.id, 1000);
    const today = chinaDate(now);
    return rows.map((r) => this.toResult(r, today));
  }

  async one(id: string, now = new Date()): Promise<ReviewResult | null> {
    if (!UUID.test(id))
      throw new InputError([{ field: 'id', code: 'INVALID_FORMAT', message: 'a review result id is a UUID' }]);
    const row = await this.results.findById(id);
    return row ? this.toResult(row, chinaDate(now)) : null;
  }

  /** The evidence of each result, in the order asked (one statement for a whole answer). */
  async evidenceOf(resultIds: readonly string[]): Promise<ReviewEvidence[][]> {
    const rows = await this.results.evidenceOf([...resultIds]);
    return resultIds.map((id) =>
      rows.filter((r) => r.resultId === id).map((r) => ({ materialId: r.materialId, sha256: r.sha256 })),
    );
  }

  toResult(row: ReviewResultRow, today: string): ReviewResult {
    const state =
      row.status !== VALID
        ? ReviewResultState.INVALIDATED
        : row.validUntil < today
          ? ReviewResultState.EXPIRED
          : ReviewResultState.VALID;
    return {
      id: row.id,
      subjectType: row.subjectType as DataSubjectType,
      subjectId: row.subjectId,
      resultType: row.resultType,
      resultTypeName: this.seed.recognitionRules.find((r) => r.code === row.resultType)?.name ?? row.resultType,
      serviceItemCode: row.serviceItemCode,
      caseNumber: row.caseNumber,
      outcome: row.outcome as ReviewOutcome,
      reviewingDepartment: row.reviewingDepartment,
      reviewingSystem: row.reviewingSystem,
      reviewer: row.reviewer,
      reviewedAt: row.reviewedAt,
      validUntil: row.validUntil,
      state,
      invalidatedAt: row.invalidatedAt,
      invalidationCode: row.invalidationCode,
      invalidationReason: row.invalidationReason,
      recordedAt: row.recordedAt,
    };
  }

  /** The materials, each of this subject, VALID and not past its end; locked until commit, so a revocation waits for this result. */
  private async checkedEvidence(
    tx: Transaction,
    subject: Subject,
    ids: string[],
    today: string,
  ): Promise<MaterialRow[]> {
    if (ids.length === 0) return [];
    const found = await this.materials.findSharedLocked(tx, ids);
    return ids.map((id, i) => {
      const material = found.find((m) => m.id === id);
      const refuse = (why: string) =>
        new InputError([{ field: `input.evidence.${i}`, code: 'EVIDENCE_INVALID', message: `material ${id} ${why}` }]);
      if (!material) throw refuse('is not in the archive');
      if (material.subjectId !== subject.id)
        throw refuse(`(${material.title}) belongs to another subject, not ${subject.id}`);
      if (material.status !== VALID) throw refuse(`(${material.title}) is ${material.status}`);
      if (material.validUntil !== null && material.validUntil < today)
        throw refuse(`(${material.title}) expired on ${material.validUntil}`);
      return material;
    });
  }
}

function subjectNoun(type: string): string {
  return type === 'PERSON' ? 'a citizen' : 'a legal entity';
}

function reviewedInstant(value: string | undefined, now: Date): Date {
  if (value === undefined || value === null) return now;
  const at = new Date(value);
  if (!ISO_INSTANT.test(value) || Number.isNaN(at.getTime())) {
    throw new InputError([
      {
        field: 'input.reviewedAt',
        code: 'INVALID_DATETIME',
        message: `"${value}" is not an ISO 8601 instant with its offset (2026-05-04T09:30:00+08:00)`,
      },
    ]);
  }
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw new InputError([
      { field: 'input.reviewedAt', code: 'REVIEWED_IN_FUTURE', message: `${value} is in the future` },
    ]);
  return at;
}

function checkValidity(validUntil: string, reviewedDay: string, rule: RecognitionRuleSpec): void {
  if (validUntil < reviewedDay) {
    throw new InputError([
      {
        field: 'input.validUntil',
        code: 'VALIDITY_INVALID',
        message: `a result is valid from the day it was reviewed (${reviewedDay}): ${validUntil} is before it`,
      },
    ]);
  }
  const last = addDays(reviewedDay, rule.maxValidityDays);
  if (validUntil > last) {
    throw new InputError([
      {
        field: 'input.validUntil',
        code: 'VALIDITY_TOO_LONG',
        message: `a ${rule.code} result is valid at most ${rule.maxValidityDays} days: until ${last} at the latest`,
      },
    ]);
  }
}
