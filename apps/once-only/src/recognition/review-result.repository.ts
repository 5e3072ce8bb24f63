import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Repository, type InTransaction } from '@hub/persistence';
import { ONCE_ONLY_SCHEMA } from '../once-only.schema.js';
import { ReviewResultEvidenceRow, ReviewResultRow } from './recognition.entities.js';

/** A result as an invalidation changed it (what its event tells). */
export interface InvalidatedResult {
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

/** The results an invalidation takes: a subject's (of some types only, when given), or those resting on a material. */
export type InvalidationTarget = { subjectId: string; resultTypes?: readonly string[] } | { materialId: string };

/** Review results (once_only.review_result) and the evidence each rests on (review_result_evidence). */
@Injectable()
export class ReviewResultRepository extends Repository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  async insert(tx: InTransaction, result: ReviewResultRow, evidence: ReviewResultEvidenceRow[]): Promise<void> {
    await tx.manager.getRepository(ReviewResultRow).insert(result);
    if (evidence.length > 0) await tx.manager.getRepository(ReviewResultEvidenceRow).insert(evidence);
  }

  findById(id: string): Promise<ReviewResultRow | null> {
    return this.manager().getRepository(ReviewResultRow).findOneBy({ id });
  }

  /** A subject's results in any state, newest first (at most `take`). */
  ofSubject(subjectId: string, take: number): Promise<ReviewResultRow[]> {
    return this.manager()
      .getRepository(ReviewResultRow)
      .find({ where: { subjectId }, order: { reviewedAt: 'DESC', id: 'ASC' }, take });
  }

  /** A subject's results of these types with this status and outcome, valid on `today`; newest first. */
  standing(q: {
    subjectId: string;
    types: string[];
    status: string;
    outcome: string;
    today: string;
  }): Promise<ReviewResultRow[]> {
    return this.manager()
      .getRepository(ReviewResultRow)
      .createQueryBuilder('r')
      .where('r.subject_id = :subjectId AND r.status = :valid AND r.outcome = :passed', {
        subjectId: q.subjectId,
        valid: q.status,
        passed: q.outcome,
      })
      .andWhere('r.valid_until >= :today AND r.result_type IN (:...types)', { today: q.today, types: q.types })
      .orderBy('r.reviewed_at', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  /** The evidence of these results, by material. */
  evidenceOf(resultIds: string[]): Promise<ReviewResultEvidenceRow[]> {
    return this.manager()
      .getRepository(ReviewResultEvidenceRow)
      .find({ where: { resultId: In(resultIds) }, order: { materialId: 'ASC' } });
  }

  /**
   * Marks INVALIDATED the target's results still VALID on `today` (results expired or invalidated
   * already keep what they say); returns them as changed, by id.
   */
  invalidate(
    tx: InTransaction,
    target: InvalidationTarget,
    change: { at: Date; code: string; reason: string; causeEventId: string; today: string },
  ): Promise<InvalidatedResult[]> {
    const where =
      'subjectId' in target
        ? `r.subject_id = $1${target.resultTypes ? ' AND r.result_type = ANY ($7::varchar[])' : ''}`
        : `r.id IN (SELECT e.result_id FROM ${ONCE_ONLY_SCHEMA}.review_result_evidence e WHERE e.material_id = $1)`;
    // A CTE, so that the statement answers rows on every driver (TypeORM returns [rows, count] for a bare UPDATE).
    return tx.manager.query(
      `WITH changed AS (
         UPDATE ${ONCE_ONLY_SCHEMA}.review_result r
         SET status = 'INVALIDATED', invalidated_at = $2, invalidation_code = $3, invalidation_reason = $4, invalidation_event = $5
         WHERE ${where} AND r.status = 'VALID' AND r.valid_until >= $6::date
         RETURNING r.id, r.subject_type, r.subject_id, r.result_type, r.service_item_code, r.case_number, r.outcome, r.reviewing_department, r.valid_until::text AS valid_until
       )
       SELECT * FROM changed ORDER BY id`,
      [
        'subjectId' in target ? target.subjectId : target.materialId,
        change.at,
        change.code,
        change.reason,
        change.causeEventId,
        change.today,
        ...('subjectId' in target && target.resultTypes ? [[...target.resultTypes]] : []),
      ],
    );
  }
}
