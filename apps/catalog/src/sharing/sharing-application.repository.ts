import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Repository, type InTransaction } from '@hub/persistence';
import type { DeadlineChange, DeadlineChangeCause } from '@hub/working-days';
import { SharingApplicationRow } from './sharing.entities.js';
import { SharingApplicationStatus } from './sharing.model.js';

/** Which applications a listing takes; each condition given narrows it. */
export interface ApplicationQuery {
  providerUscc?: string | null;
  consumerDepartmentUscc?: string | null;
  consumerSystemCode?: string;
  status?: string;
  resourceCode?: string;
  /** Some change in the deadline history names this notice (of the year, or this version of it). */
  movedByNotice?: { noticeYear: number; noticeVersion?: number };
  /** Undecided and past its deadline on `today`, most overdue first; newest first otherwise. */
  overdueOn?: string;
  /** Keyset: the last row of the previous page — its deadline (overdue lists) or submitted_at, and id. */
  after?: { sortKey: string; id: string };
  limit: number;
}

/** Sharing applications (catalog.sharing_application). */
@Injectable()
export class SharingApplicationRepository extends Repository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  findById(id: string): Promise<SharingApplicationRow | null> {
    return this.manager().getRepository(SharingApplicationRow).findOneBy({ id });
  }

  /** The application, locked for update until the transaction ends. */
  findLocked(tx: InTransaction, id: string): Promise<SharingApplicationRow | null> {
    return tx.manager
      .getRepository(SharingApplicationRow)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(tx: InTransaction, application: SharingApplicationRow): Promise<void> {
    await tx.manager.getRepository(SharingApplicationRow).insert(application);
  }

  async save(tx: InTransaction, application: SharingApplicationRow): Promise<void> {
    await tx.manager.getRepository(SharingApplicationRow).save(application);
  }

  /** One page (one more row than `limit` when there are more). */
  async list(q: ApplicationQuery): Promise<SharingApplicationRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (q.providerUscc !== undefined) add('a.provider_uscc = ?', q.providerUscc);
    if (q.consumerDepartmentUscc !== undefined) add('a.consumer_department_uscc = ?', q.consumerDepartmentUscc);
    if (q.consumerSystemCode !== undefined) add('a.consumer_system_code = ?', q.consumerSystemCode);
    if (q.status) add('a.status = ?', q.status);
    if (q.resourceCode) add('a.resource_code = ?', q.resourceCode);
    // jsonb containment: deadline_changes keeps every change (see recountable), each naming its notice.
    if (q.movedByNotice) add('a.deadline_changes @> CAST(? AS jsonb)', JSON.stringify([q.movedByNotice]));
    const overdue = q.overdueOn !== undefined;
    if (overdue) {
      add('a.status = ?', SharingApplicationStatus.SUBMITTED);
      add('a.deadline < ?', q.overdueOn);
    }
    const order = overdue ? 'a.deadline ASC, a.id ASC' : 'a.submitted_at DESC, a.id DESC';
    if (q.after) {
      params.push(q.after.sortKey, q.after.id);
      where.push(
        overdue
          ? `(a.deadline, a.id) > ($${params.length - 1}::date, $${params.length}::uuid)`
          : `(a.submitted_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(q.limit);
    const rows: Array<Record<string, unknown>> = await this.manager().query(
      `SELECT * FROM catalog.sharing_application a WHERE ${where.length ? where.join(' AND ') : 'true'} ORDER BY ${order} LIMIT $${params.length}`,
      params,
    );
    return rows.map(rowFromSql);
  }

  /** Undecided applications past their deadline on `today`, counted per provider department (of one, when given), most first. */
  async overdueCounts(
    today: string,
    providerUscc?: string,
  ): Promise<Array<{ providerUscc: string; count: number; earliestDeadline: string }>> {
    const params: unknown[] = [SharingApplicationStatus.SUBMITTED, today];
    let own = '';
    if (providerUscc !== undefined) {
      params.push(providerUscc);
      own = ' AND a.provider_uscc = $3';
    }
    const rows: Array<{ provider_uscc: string; count: number; earliest: unknown }> = await this.manager().query(
      `SELECT a.provider_uscc, count(*)::int AS count, min(a.deadline) AS earliest FROM catalog.sharing_application a
        WHERE a.status = $1 AND a.deadline < $2::date${own} GROUP BY a.provider_uscc ORDER BY count(*) DESC, a.provider_uscc`,
      params,
    );
    return rows.map((r) => ({ providerUscc: r.provider_uscc, count: r.count, earliestDeadline: sqlDay(r.earliest) }));
  }

  /**
   * The applications whose deadline a calendar change may move, locked until the transaction ends,
   * oldest first: every one undecided and every one whose deadline is provisional — for a notice,
   * only those counting a day of its year (or of the December before).
   */
  recountable(tx: InTransaction, cause: DeadlineChangeCause): Promise<SharingApplicationRow[]> {
    const qb = tx.manager
      .getRepository(SharingApplicationRow)
      .createQueryBuilder('a')
      .where('(a.status = :submitted OR a.deadline_provisional)', { submitted: SharingApplicationStatus.SUBMITTED })
      .orderBy('a.submitted_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .setLock('pessimistic_write');
    if (cause.kind === 'notice') {
      qb.andWhere('a.deadline >= CAST(:from AS date)', { from: `${cause.year - 1}-12-01` }).andWhere(
        'a.submitted_at < CAST(:to AS timestamptz)',
        { to: `${cause.year + 1}-01-01T00:00:00+08:00` },
      );
    }
    return qb.getMany();
  }
}

function sqlDay(v: unknown): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}

function rowFromSql(r: Record<string, unknown>): SharingApplicationRow {
  return {
    id: r.id as string,
    resourceCode: r.resource_code as string,
    providerUscc: r.provider_uscc as string,
    consumerSystemCode: r.consumer_system_code as string,
    consumerDepartmentUscc: r.consumer_department_uscc as string,
    items: r.items as number[],
    purpose: r.purpose as string,
    legalBasis: r.legal_basis as string,
    requestedFrom: sqlDay(r.requested_from),
    requestedTo: sqlDay(r.requested_to),
    fullValues: r.full_values as boolean,
    status: r.status as string,
    submittedAt: r.submitted_at as Date,
    submittedBy: r.submitted_by as string,
    deadline: sqlDay(r.deadline),
    workingDays: r.working_days as number,
    deadlineProvisional: r.deadline_provisional as boolean,
    deadlineChanges: (r.deadline_changes as DeadlineChange[] | null) ?? [],
    decidedAt: (r.decided_at as Date | null) ?? null,
    decidedBy: (r.decided_by as string | null) ?? null,
    decisionReason: (r.decision_reason as string | null) ?? null,
    approvedItems: (r.approved_items as number[] | null) ?? null,
    grantId: (r.grant_id as string | null) ?? null,
  };
}
