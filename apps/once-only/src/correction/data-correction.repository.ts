import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Repository, type InTransaction } from '@hub/persistence';
import type { DeadlineChange, DeadlineChangeCause } from '@hub/working-days';
import { ONCE_ONLY_SCHEMA } from '../once-only.schema.js';
import { DataCorrectionRow } from './correction.entities.js';
import { DataCorrectionStatus } from './correction.model.js';

/** An open report, as `openLocked` reads it. */
export interface OpenReport {
  id: string;
  subject_type: string;
  subject_id: string;
  field: string;
  source_department: string;
  reporter_department: string;
  deadline: string;
  deadline_provisional: boolean;
}

/** A report whose deadline a calendar change may move, as `recountable` reads it. */
export interface RecountableReport {
  id: string;
  subject_type: string;
  subject_id: string;
  field: string;
  status: string;
  source_department: string;
  reporter_department: string;
  reported_at: Date;
  working_days: number | null;
  deadline: string;
  deadline_provisional: boolean;
  corrected_value: string | null;
  resolution_reason: string | null;
  correction_event: string | null;
}

/** Which reports a listing takes, newest first; each condition given narrows it. */
export interface CorrectionQuery {
  sourceDepartment?: string;
  reporterDepartment?: string;
  status?: string;
  /** Some change in the deadline history names this notice (of the year, or this version of it). */
  movedBy?: { noticeYear: number; noticeVersion?: number };
  /** Keyset: the last report of the previous page (reported_at desc, id desc). */
  after?: { reportedAt: string; id: string };
  limit: number;
}

/** Reported data corrections (once_only.data_correction). */
@Injectable()
export class DataCorrectionRepository extends Repository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** A subject's reports still open (ROUTED, or ACCEPTED by the source), oldest first, locked until the transaction ends. */
  openLocked(tx: InTransaction, subjectType: string, subjectId: string): Promise<OpenReport[]> {
    return tx.manager.query(
      `SELECT id, subject_type, subject_id, field, source_department, reporter_department, deadline::text AS deadline, deadline_provisional
         FROM ${ONCE_ONLY_SCHEMA}.data_correction
        WHERE subject_type = $1 AND subject_id = $2 AND status IN ($3, $4)
        ORDER BY reported_at, id FOR UPDATE`,
      [subjectType, subjectId, DataCorrectionStatus.ROUTED, DataCorrectionStatus.ACCEPTED],
    );
  }

  /** Closes a report as CORRECTED by the source's own change (the event that told, and the version it made). */
  async markCorrected(
    tx: InTransaction,
    id: string,
    correction: { value: string | null; eventId: string; version: number; at: Date },
  ): Promise<void> {
    // (An UPDATE's result differs between TypeORM's executors; the caller knows what it needs already.)
    await tx.manager.query(
      `UPDATE ${ONCE_ONLY_SCHEMA}.data_correction
          SET status = $2, corrected_value = $3, correction_event = $4, correction_version = $5, resolved_at = $6
        WHERE id = $1`,
      [id, DataCorrectionStatus.CORRECTED, correction.value, correction.eventId, correction.version, correction.at],
    );
  }

  findById(id: string): Promise<DataCorrectionRow | null> {
    return this.manager().getRepository(DataCorrectionRow).findOneBy({ id });
  }

  /** The report, locked for update until the transaction ends. */
  findLocked(tx: InTransaction, id: string): Promise<DataCorrectionRow | null> {
    return tx.manager.getRepository(DataCorrectionRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(tx: InTransaction, row: DataCorrectionRow): Promise<void> {
    await tx.manager.getRepository(DataCorrectionRow).insert(row);
  }

  async save(tx: InTransaction, row: DataCorrectionRow): Promise<void> {
    await tx.manager.getRepository(DataCorrectionRow).save(row);
  }

  /** A page of reports, newest first (one more than `limit` when there are more). */
  list(q: CorrectionQuery): Promise<DataCorrectionRow[]> {
    const qb = this.manager().getRepository(DataCorrectionRow).createQueryBuilder('c');
    if (q.sourceDepartment !== undefined)
      qb.andWhere('c.source_department = :department', { department: q.sourceDepartment });
    if (q.reporterDepartment !== undefined)
      qb.andWhere('c.reporter_department = :department', { department: q.reporterDepartment });
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    // jsonb containment: some change in the history names this notice (recountCorrectionDeadlines keeps each).
    if (q.movedBy) qb.andWhere('c.deadline_changes @> CAST(:moved AS jsonb)', { moved: JSON.stringify([q.movedBy]) });
    if (q.after)
      qb.andWhere('(c.reported_at, c.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))', {
        at: q.after.reportedAt,
        id: q.after.id,
      });
    return qb.orderBy('c.reported_at', 'DESC').addOrderBy('c.id', 'DESC').take(q.limit).getMany();
  }

  /** Reports still ROUTED after their deadline on `today` (of one source department, when given), most overdue first. */
  overdue(q: {
    today: string;
    sourceDepartment?: string;
    after?: { deadline: string; id: string };
    limit: number;
  }): Promise<DataCorrectionRow[]> {
    const qb = this.manager()
      .getRepository(DataCorrectionRow)
      .createQueryBuilder('c')
      .where('c.status = :routed', { routed: DataCorrectionStatus.ROUTED })
      // 'YYYY-MM-DD' compares as the days do; overdue from the CST day after the deadline.
      .andWhere('c.deadline < CAST(:today AS date)', { today: q.today });
    if (q.sourceDepartment !== undefined)
      qb.andWhere('c.source_department = :department', { department: q.sourceDepartment });
    if (q.after)
      qb.andWhere('(c.deadline, c.id) > (CAST(:deadline AS date), CAST(:id AS uuid))', {
        deadline: q.after.deadline,
        id: q.after.id,
      });
    return qb.orderBy('c.deadline', 'ASC').addOrderBy('c.id', 'ASC').take(q.limit).getMany();
  }

  /**
   * The reports whose deadline a calendar change may move, oldest first, locked until the
   * transaction ends: every one ROUTED and every one whose deadline is provisional — for a notice,
   * only those counting a day of its year (or of the December before).
   */
  recountable(tx: InTransaction, cause: DeadlineChangeCause): Promise<RecountableReport[]> {
    const params: unknown[] = [DataCorrectionStatus.ROUTED];
    let window = '';
    if (cause.kind === 'notice') {
      params.push(`${cause.year - 1}-12-01`, `${cause.year + 1}-01-01T00:00:00+08:00`);
      window = 'AND deadline >= CAST($2 AS date) AND reported_at < CAST($3 AS timestamptz)';
    }
    return tx.manager.query(
      `SELECT id, subject_type, subject_id, field, status, source_department, reporter_department, reported_at, working_days, deadline::text AS deadline,
              deadline_provisional, corrected_value, resolution_reason, correction_event
         FROM ${ONCE_ONLY_SCHEMA}.data_correction
        WHERE (status = $1 OR deadline_provisional) ${window}
        ORDER BY reported_at, id FOR UPDATE`,
      params,
    );
  }

  /** Moves a report's deadline, keeping the change in its history (and the working days it was counted with). */
  async moveDeadline(tx: InTransaction, id: string, change: DeadlineChange, workingDays: number): Promise<void> {
    await tx.manager.query(
      `UPDATE ${ONCE_ONLY_SCHEMA}.data_correction
          SET deadline = CAST($2 AS date), deadline_provisional = $3, deadline_changes = deadline_changes || CAST($4 AS jsonb), working_days = $5
        WHERE id = $1`,
      [id, change.deadline, change.provisional, JSON.stringify([change]), workingDays],
    );
  }

  /** Reports still ROUTED after their deadline on `today`, counted per source department (of one, when given), most first. */
  async overdueCounts(
    today: string,
    sourceDepartment?: string,
  ): Promise<Array<{ department: string; count: number; earliest: string }>> {
    const qb = this.manager()
      .getRepository(DataCorrectionRow)
      .createQueryBuilder('c')
      .select('c.source_department', 'department')
      .addSelect('COUNT(*)::int', 'count')
      .addSelect('MIN(c.deadline)::text', 'earliest')
      .where('c.status = :routed', { routed: DataCorrectionStatus.ROUTED })
      .andWhere('c.deadline < CAST(:today AS date)', { today })
      .groupBy('c.source_department')
      .orderBy('count', 'DESC')
      .addOrderBy('department', 'ASC');
    if (sourceDepartment !== undefined)
      qb.andWhere('c.source_department = :department', { department: sourceDepartment });
    const rows = await qb.getRawMany<{ department: string; count: number; earliest: string }>();
    return rows.map((r) => ({ department: r.department, count: Number(r.count), earliest: r.earliest }));
  }
}
