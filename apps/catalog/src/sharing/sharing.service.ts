import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Role, hasRole, isStewardOf, type Principal } from '@hub/auth';
import { EventPublisher } from '@hub/events';
import { chinaDate } from '@hub/identifiers';
import { ResourceStatus, SharingType } from '@hub/policy';
import { decodeCursor, encodeCursor } from '@hub/register';
import { HubError, InputError, SupervisionConfig, requiredReason, supervisesEveryDepartment } from '@hub/subgraph';
import { deadlineOf, isOverdue, recountDeadline, workingDaysLeft, type DeadlineChange, type DeadlineChangeCause, type WorkingDayCalendar } from '@hub/working-days';
import { WorkingDayCalendarStore } from '../calendar/working-day-calendar.store.js';
import { CATALOG_EVENT, CATALOG_POLICY_TOPIC as POLICY_TOPIC, CATALOG_SHARING_APPLICATION_TOPIC as SHARING_APPLICATION_TOPIC } from '@hub/contracts';
import { CATALOG_SOURCE } from '../catalog.events.js';
import { DataItemRow, ResourceRow } from '../catalog/catalog.entities.js';
import { DepartmentSystemRow } from '../participants/participant.entities.js';
import type { ApplyForSharingInput, ApproveSharingInput, RejectSharingInput, RevokeGrantInput, SharingApplicationFilter, SharingGrantFilter } from './sharing.inputs.js';
import {
  DeadlineChangeCause as DeadlineChangeCauseEnum,
  SharingApplication,
  SharingApplicationConnection,
  SharingApplicationSide,
  SharingApplicationStatus,
  SharingGrant,
  SharingGrantConnection,
  SharingGrantStatus,
  type SharingOverdueCount,
} from './sharing.model.js';
import { SharingApplicationRow, SharingGrantRow } from './sharing.entities.js';

/** Working days a provider department has to answer (共享申请). */
const ANSWER_WORKING_DAYS = 10;

/** A grant is for at most this long: access is re-justified at least this often. */
const MAX_PERIOD_DAYS = 3 * 366;

/**
 * Sharing applications (共享申请) and the grants they lead to. A system applies for items of a
 * conditional resource (or for full values of masked items of an unconditional one); the provider
 * department's steward approves all or some of them, or rejects with a reason, within 10 working
 * days; overdue applications are listed for supervision. Every state change is an event.
 */
@Injectable()
export class SharingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly calendars: WorkingDayCalendarStore,
    private readonly supervision: SupervisionConfig,
  ) {}

  /**
   * A system applies for itself; a department steward applies on behalf of one of its department's
   * systems (input.systemCode), which then holds the grant. The application is the system's either way.
   */
  async apply(input: ApplyForSharingInput, by: Principal, now = new Date()): Promise<SharingApplication> {
    const today = chinaDate(now);
    const row = await this.dataSource.transaction(async (tx) => {
      const applicant = await this.applicantOf(tx, input, by);
      const resource = await tx.getRepository(ResourceRow).findOneBy({ code: input.resourceCode });
      if (!resource || resource.status !== ResourceStatus.PUBLISHED) {
        throw new InputError([{ field: 'input.resourceCode', code: 'RESOURCE_UNKNOWN', message: `no published resource ${input.resourceCode}` }]);
      }
      if (resource.providerUscc === applicant.departmentUscc) throw new HubError('OWN_RESOURCE', 'the provider department reads its own resources without a grant');
      const items = await tx.getRepository(DataItemRow).findBy({ resourceCode: resource.code });
      const unknown = input.items.filter((no) => !items.some((i) => i.no === no));
      if (unknown.length > 0) {
        throw new InputError([{ field: 'input.items', code: 'ITEM_UNKNOWN', message: `resource ${resource.code} has no item ${unknown.join(', ')}` }]);
      }
      if (resource.sharingType === SharingType.NOT_SHARED) throw new HubError('RESOURCE_NOT_SHARED', `resource ${resource.code} is not shared (不予共享)`);
      if (resource.sharingType === SharingType.UNCONDITIONAL) {
        // Unconditional items are readable already; an application can only be for their full values.
        const masked = input.items.filter((no) => items.find((i) => i.no === no)?.masking);
        if (!input.fullValues || masked.length !== input.items.length) {
          throw new HubError('RESOURCE_UNCONDITIONAL', `resource ${resource.code} is shared unconditionally: apply only for full values of its masked items`);
        }
      }
      checkPeriod(input.requestedFrom, input.requestedTo, today);
      const due = deadlineOf(now, await this.calendars.forDeadline(tx), ANSWER_WORKING_DAYS);
      const application: SharingApplicationRow = {
        id: randomUUID(),
        resourceCode: resource.code,
        providerUscc: resource.providerUscc,
        consumerSystemCode: applicant.systemCode,
        consumerDepartmentUscc: applicant.departmentUscc,
        items: [...new Set(input.items)].sort((a, b) => a - b),
        purpose: input.purpose.trim(),
        legalBasis: input.legalBasis.trim(),
        requestedFrom: input.requestedFrom,
        requestedTo: input.requestedTo,
        fullValues: input.fullValues,
        status: SharingApplicationStatus.SUBMITTED,
        submittedAt: now,
        submittedBy: by.keyId,
        deadline: due.deadline,
        workingDays: ANSWER_WORKING_DAYS,
        deadlineProvisional: due.provisional,
        deadlineChanges: [],
        decidedAt: null,
        decidedBy: null,
        decisionReason: null,
        approvedItems: null,
        grantId: null,
      };
      await tx.getRepository(SharingApplicationRow).insert(application);
      await this.applicationEvent(tx, application, 'submitted');
      return application;
    });
    this.events.committed();
    return this.shown(row, now);
  }

  async approve(input: ApproveSharingInput, by: Principal, now = new Date()): Promise<SharingApplication> {
    const today = chinaDate(now);
    const row = await this.dataSource.transaction(async (tx) => {
      const application = await this.lockedOpen(tx, input.applicationId, by);
      const items = [...new Set(input.items ?? application.items)].sort((a, b) => a - b);
      const extra = items.filter((no) => !application.items.includes(no));
      if (extra.length > 0) throw new InputError([{ field: 'input.items', code: 'ITEMS_NOT_REQUESTED', message: `item ${extra.join(', ')} was not asked for` }]);
      const partial = items.length < application.items.length;
      const reason = partial ? requiredReason(input.reason, 'a partial approval gives the reason for the items left out') : input.reason?.trim() || null;
      const fullValues = input.fullValues ?? application.fullValues;
      if (fullValues && !application.fullValues) throw new InputError([{ field: 'input.fullValues', code: 'NOT_REQUESTED', message: 'full values were not asked for' }]);
      const validFrom = application.requestedFrom > today ? application.requestedFrom : today;
      const validTo = input.validTo ?? application.requestedTo;
      if (validTo > application.requestedTo || validTo < validFrom) {
        throw new InputError([{ field: 'input.validTo', code: 'PERIOD_INVALID', message: `the grant ends between ${validFrom} and ${application.requestedTo}` }]);
      }
      const grant: SharingGrantRow = {
        id: randomUUID(),
        applicationId: application.id,
        resourceCode: application.resourceCode,
        providerUscc: application.providerUscc,
        consumerSystemCode: application.consumerSystemCode,
        items,
        purpose: application.purpose,
        fullValues,
        validFrom,
        validTo,
        grantedAt: now,
        grantedBy: by.keyId,
        revokedAt: null,
        revokedBy: null,
        revokeReason: null,
      };
      await tx.getRepository(SharingGrantRow).insert(grant);
      Object.assign(application, {
        status: partial ? SharingApplicationStatus.PARTIALLY_APPROVED : SharingApplicationStatus.APPROVED,
        decidedAt: now,
        decidedBy: by.keyId,
        decisionReason: reason,
        approvedItems: items,
        grantId: grant.id,
      });
      await tx.getRepository(SharingApplicationRow).save(application);
      await this.applicationEvent(tx, application, partial ? 'partially-approved' : 'approved');
      await this.grantEvent(tx, grant, 'granted');
      return application;
    });
    this.events.committed();
    return this.shown(row, now);
  }

  async reject(input: RejectSharingInput, by: Principal, now = new Date()): Promise<SharingApplication> {
    const reason = requiredReason(input.reason, 'a rejection gives its reason (拒绝须说明理由)');
    const row = await this.dataSource.transaction(async (tx) => {
      const application = await this.lockedOpen(tx, input.applicationId, by);
      Object.assign(application, { status: SharingApplicationStatus.REJECTED, decidedAt: now, decidedBy: by.keyId, decisionReason: reason });
      await tx.getRepository(SharingApplicationRow).save(application);
      await this.applicationEvent(tx, application, 'rejected');
      return application;
    });
    this.events.committed();
    return this.shown(row, now);
  }

  async withdraw(id: string, by: Principal, now = new Date()): Promise<SharingApplication> {
    const row = await this.dataSource.transaction(async (tx) => {
      const application = await tx.getRepository(SharingApplicationRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!application) throw new HubError('APPLICATION_UNKNOWN', `no sharing application ${id}`);
      if (!withdraws(by, application)) throw new HubError('FORBIDDEN', "only the applying system, or a steward of its department, withdraws its application");
      if (application.status !== SharingApplicationStatus.SUBMITTED) throw new HubError('APPLICATION_DECIDED', `the application is ${application.status}`);
      Object.assign(application, { status: SharingApplicationStatus.WITHDRAWN, decidedAt: now, decidedBy: by.keyId });
      await tx.getRepository(SharingApplicationRow).save(application);
      await this.applicationEvent(tx, application, 'withdrawn');
      return application;
    });
    this.events.committed();
    return this.shown(row, now);
  }

  async revokeGrant(input: RevokeGrantInput, by: Principal, now = new Date()): Promise<SharingGrant> {
    const reason = requiredReason(input.reason, 'a revocation gives its reason');
    const grant = await this.dataSource.transaction(async (tx) => {
      const row = await tx.getRepository(SharingGrantRow).findOne({ where: { id: input.grantId }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new HubError('GRANT_UNKNOWN', `no grant ${input.grantId}`);
      if (!isStewardOf(by, row.providerUscc) && !hasRole(by, Role.ADMIN)) throw new HubError('FORBIDDEN', `revoking needs a steward of ${row.providerUscc}`);
      if (row.revokedAt) throw new HubError('GRANT_ALREADY_REVOKED', `grant ${row.id} was revoked on ${row.revokedAt.toISOString()}`);
      Object.assign(row, { revokedAt: now, revokedBy: by.keyId, revokeReason: reason });
      await tx.getRepository(SharingGrantRow).save(row);
      await this.grantEvent(tx, row, 'revoked');
      return row;
    });
    this.events.committed();
    return toGrant(grant, chinaDate(now));
  }

  async application(id: string, by: Principal, now = new Date()): Promise<SharingApplication | null> {
    const row = await this.dataSource.getRepository(SharingApplicationRow).findOneBy({ id });
    if (!row || !(canSee(by, row) || supervisesEveryDepartment(by, this.supervision))) return null;
    return this.shown(row, now);
  }

  /**
   * What the caller may see: its own system's applications; for a department steward, its
   * department's to decide (side PROVIDER, the default) or its systems' (side CONSUMER); all for
   * admins and hub-wide stewards. The overdue list (督办) is all of them for the supervising
   * department's stewards too.
   */
  async applications(by: Principal, filter: SharingApplicationFilter, first: number, after?: string, overdueOnly = false, now = new Date()): Promise<SharingApplicationConnection> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (!hasRole(by, Role.ADMIN) && !(hasRole(by, Role.STEWARD) && by.departmentUscc === null)) {
      if (hasRole(by, Role.STEWARD)) {
        if (filter.side === SharingApplicationSide.CONSUMER) add('a.consumer_department_uscc = ?', by.departmentUscc);
        else if (!(overdueOnly && supervisesEveryDepartment(by, this.supervision))) add('a.provider_uscc = ?', by.departmentUscc);
      } else add('a.consumer_system_code = ?', by.systemCode ?? '');
    }
    if (filter.status) add('a.status = ?', filter.status);
    if (filter.resourceCode) add('a.resource_code = ?', filter.resourceCode);
    if (filter.movedByNoticeVersion != null && filter.movedByNoticeYear == null) {
      throw new InputError([{ field: 'filter.movedByNoticeVersion', code: 'NOTICE_YEAR_REQUIRED', message: 'a notice version is of a year: give movedByNoticeYear too' }]);
    }
    if (filter.movedByNoticeYear != null) {
      // jsonb containment: some change in the history names this notice (deadline_changes keeps each, see recountDeadlines).
      const change = filter.movedByNoticeVersion != null ? { noticeYear: filter.movedByNoticeYear, noticeVersion: filter.movedByNoticeVersion } : { noticeYear: filter.movedByNoticeYear };
      add('a.deadline_changes @> CAST(? AS jsonb)', JSON.stringify([change]));
    }
    if (overdueOnly) {
      add('a.status = ?', SharingApplicationStatus.SUBMITTED);
      add('a.deadline < ?', chinaDate(now));
    }
    // Keyset on (deadline, id) for overdue lists (most overdue first), on (submitted_at desc, id) otherwise.
    const order = overdueOnly ? 'a.deadline ASC, a.id ASC' : 'a.submitted_at DESC, a.id DESC';
    if (after) {
      const [sortKey, id] = decodeCursor('app', after, (k) => /^[^|]+\|[0-9a-f-]{36}$/.test(k)).split('|');
      params.push(sortKey, id);
      where.push(overdueOnly ? `(a.deadline, a.id) > ($${params.length - 1}::date, $${params.length}::uuid)` : `(a.submitted_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(first + 1);
    const result: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT * FROM catalog.sharing_application a WHERE ${where.length ? where.join(' AND ') : 'true'} ORDER BY ${order} LIMIT $${params.length}`,
      params,
    );
    const page = result.slice(0, first).map(rowFromSql);
    const last = page.at(-1);
    const cursor = last ? encodeCursor('app', `${overdueOnly ? last.deadline : last.submittedAt.toISOString()}|${last.id}`) : undefined;
    const calendar = await this.calendars.current();
    return { nodes: page.map((r) => this.toApplication(r, now, calendar)), pageInfo: { hasNextPage: result.length > first, endCursor: cursor } };
  }

  /**
   * Undecided applications past their deadline, counted per provider department, most first (督办):
   * every department's for admins, hub-wide stewards and the supervising department's stewards; a
   * department steward's own department's otherwise.
   */
  async overdueCounts(by: Principal, now = new Date()): Promise<SharingOverdueCount[]> {
    const params: unknown[] = [SharingApplicationStatus.SUBMITTED, chinaDate(now)];
    let own = '';
    if (!supervisesEveryDepartment(by, this.supervision)) {
      params.push(by.departmentUscc ?? '');
      own = ' AND a.provider_uscc = $3';
    }
    const rows: Array<{ provider_uscc: string; count: number; earliest: unknown }> = await this.dataSource.query(
      `SELECT a.provider_uscc, count(*)::int AS count, min(a.deadline) AS earliest FROM catalog.sharing_application a
        WHERE a.status = $1 AND a.deadline < $2::date${own} GROUP BY a.provider_uscc ORDER BY count(*) DESC, a.provider_uscc`,
      params,
    );
    return rows.map((r) => ({ departmentUscc: r.provider_uscc, count: r.count, earliestDeadline: sqlDay(r.earliest) }));
  }

  /** The newest 1,000 grants the caller may see (a list kept for its clients; grantPage pages through all of them). */
  async grants(by: Principal, filter: { systemCode?: string; resourceCode?: string }, now = new Date()): Promise<SharingGrant[]> {
    const qb = this.visibleGrants(by, filter).orderBy('g.granted_at', 'DESC').take(1000);
    const today = chinaDate(now);
    return (await qb.getMany()).map((g) => toGrant(g, today));
  }

  /**
   * The grants the caller may see (as for `grants`), a page at a time: keyset on (granted_at desc,
   * id desc), so a grant made while a steward pages shows on page 1, never twice. The status is of
   * today (China Standard Time), as toGrant computes it, so it is filtered by the same dates.
   */
  async grantPage(by: Principal, filter: SharingGrantFilter, first: number, after?: string, now = new Date()): Promise<SharingGrantConnection> {
    const today = chinaDate(now);
    const qb = this.visibleGrants(by, filter);
    if (filter.status) {
      const live = 'g.revoked_at IS NULL AND g.valid_to >= CAST(:today AS date)';
      const condition = {
        [SharingGrantStatus.REVOKED]: 'g.revoked_at IS NOT NULL',
        [SharingGrantStatus.EXPIRED]: 'g.revoked_at IS NULL AND g.valid_to < CAST(:today AS date)',
        [SharingGrantStatus.NOT_YET_VALID]: `${live} AND g.valid_from > CAST(:today AS date)`,
        [SharingGrantStatus.ACTIVE]: `${live} AND g.valid_from <= CAST(:today AS date)`,
      }[filter.status];
      qb.andWhere(`(${condition})`, { today });
    }
    if (after) {
      const [grantedAt, id] = decodeCursor('grant', after, (k) => /^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[0-9a-f-]{36}$/.test(k)).split('|');
      qb.andWhere('(g.granted_at, g.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))', { afterAt: grantedAt, afterId: id });
    }
    const rows = await qb.orderBy('g.granted_at', 'DESC').addOrderBy('g.id', 'DESC').take(first + 1).getMany();
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return {
      nodes: page.map((g) => toGrant(g, today)),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor('grant', `${last.grantedAt.toISOString()}|${last.id}`) : undefined },
    };
  }

  /** A system sees its own grants; a department steward its department's resources'; admins and hub-wide stewards all. */
  private visibleGrants(by: Principal, filter: { systemCode?: string; resourceCode?: string }) {
    const qb = this.dataSource.getRepository(SharingGrantRow).createQueryBuilder('g');
    if (!hasRole(by, Role.ADMIN) && !(hasRole(by, Role.STEWARD) && by.departmentUscc === null)) {
      if (hasRole(by, Role.STEWARD)) qb.andWhere('g.provider_uscc = :p', { p: by.departmentUscc });
      else qb.andWhere('g.consumer_system_code = :s', { s: by.systemCode ?? '' });
    }
    if (filter.systemCode) qb.andWhere('g.consumer_system_code = :fs', { fs: filter.systemCode });
    if (filter.resourceCode) qb.andWhere('g.resource_code = :fr', { fr: filter.resourceCode });
    return qb;
  }

  /**
   * Counts again, with `calendar`, the deadline of every application still undecided and of every
   * one whose deadline is provisional — for a notice, only those counting a day of its year (or of
   * the December before) — and records each change in the application's history and as an event.
   * Runs in `tx` (the notice's own transaction, which holds WorkingDayCalendarStore.lockForRecount);
   * the number of applications changed.
   */
  async recountDeadlines(tx: EntityManager, calendar: WorkingDayCalendar, cause: DeadlineChangeCause, now = new Date()): Promise<number> {
    const qb = tx
      .getRepository(SharingApplicationRow)
      .createQueryBuilder('a')
      .where('(a.status = :submitted OR a.deadline_provisional)', { submitted: SharingApplicationStatus.SUBMITTED })
      .orderBy('a.submitted_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .setLock('pessimistic_write');
    if (cause.kind === 'notice') {
      qb.andWhere('a.deadline >= CAST(:from AS date)', { from: `${cause.year - 1}-12-01` }).andWhere('a.submitted_at < CAST(:to AS timestamptz)', { to: `${cause.year + 1}-01-01T00:00:00+08:00` });
    }
    let changed = 0;
    for (const application of await qb.getMany()) {
      const change = recountDeadline(
        { submittedAt: application.submittedAt, workingDays: application.workingDays, deadline: application.deadline, provisional: application.deadlineProvisional },
        calendar,
        cause,
        now,
      );
      if (!change) continue;
      Object.assign(application, { deadline: change.deadline, deadlineProvisional: change.provisional, deadlineChanges: [...application.deadlineChanges, change] });
      await tx.getRepository(SharingApplicationRow).save(application);
      await this.applicationEvent(tx, application, 'deadline-changed', change.previousDeadline);
      changed++;
    }
    return changed;
  }

  private async lockedOpen(tx: EntityManager, id: string, by: Principal): Promise<SharingApplicationRow> {
    const application = await tx.getRepository(SharingApplicationRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!application) throw new HubError('APPLICATION_UNKNOWN', `no sharing application ${id}`);
    if (!isStewardOf(by, application.providerUscc)) {
      throw new HubError('FORBIDDEN', `deciding needs a data steward of the provider department ${application.providerUscc}`);
    }
    if (application.status !== SharingApplicationStatus.SUBMITTED) {
      throw new HubError('APPLICATION_DECIDED', `the application is ${application.status} already`);
    }
    return application;
  }

  /** The system, and its department, an application is made for: the caller itself, or one of the steward's department's systems. */
  private async applicantOf(tx: EntityManager, input: ApplyForSharingInput, by: Principal): Promise<{ systemCode: string; departmentUscc: string }> {
    if (hasRole(by, Role.SYSTEM) && by.systemCode && by.departmentUscc) {
      if (input.systemCode !== undefined && input.systemCode !== null && input.systemCode !== by.systemCode) throw new HubError('FORBIDDEN', 'a system applies for itself only');
      return { systemCode: by.systemCode, departmentUscc: by.departmentUscc };
    }
    if (!hasRole(by, Role.STEWARD) || !by.departmentUscc) {
      throw new HubError('FORBIDDEN', "a department system applies for sharing with its own key, or a department's steward on behalf of one of its systems");
    }
    if (!input.systemCode) throw new InputError([{ field: 'input.systemCode', code: 'SYSTEM_REQUIRED', message: "a steward names the department's system that applies" }]);
    const system = await tx.getRepository(DepartmentSystemRow).findOneBy({ code: input.systemCode });
    // One answer for an unknown system and another department's: a steward learns nothing of other departments' systems.
    if (!system || system.departmentUscc !== by.departmentUscc) {
      throw new HubError('SYSTEM_NOT_OF_DEPARTMENT', `${input.systemCode} is not a system of department ${by.departmentUscc}`);
    }
    return { systemCode: system.code, departmentUscc: system.departmentUscc };
  }

  private async shown(row: SharingApplicationRow, now: Date): Promise<SharingApplication> {
    return this.toApplication(row, now, await this.calendars.current());
  }

  private toApplication(row: SharingApplicationRow, now: Date, calendar: WorkingDayCalendar): SharingApplication {
    return {
      ...row,
      status: row.status as SharingApplicationStatus,
      overdue: row.status === SharingApplicationStatus.SUBMITTED && isOverdue(row.deadline, now),
      workingDaysLeft: workingDaysLeft(row.deadline, now, calendar),
      deadlineChanges: row.deadlineChanges.map(toDeadlineChange),
    };
  }

  private applicationEvent(tx: EntityManager, a: SharingApplicationRow, change: string, previousDeadline?: string) {
    return this.events.record(tx, [
      {
        topic: SHARING_APPLICATION_TOPIC,
        type: CATALOG_EVENT.sharingApplicationChanged,
        source: CATALOG_SOURCE,
        subject: a.id,
        data: {
          id: a.id,
          change,
          status: a.status,
          resourceCode: a.resourceCode,
          providerUscc: a.providerUscc,
          consumerSystemCode: a.consumerSystemCode,
          consumerDepartmentUscc: a.consumerDepartmentUscc,
          items: a.items,
          approvedItems: a.approvedItems,
          deadline: a.deadline,
          deadlineProvisional: a.deadlineProvisional,
          ...(previousDeadline === undefined ? {} : { previousDeadline }),
          decidedBy: a.decidedBy,
          decisionReason: a.decisionReason,
          grantId: a.grantId,
        },
      },
    ]);
  }

  private grantEvent(tx: EntityManager, g: SharingGrantRow, change: string) {
    return this.events.record(tx, [
      {
        topic: POLICY_TOPIC,
        type: CATALOG_EVENT.grantChanged,
        source: CATALOG_SOURCE,
        subject: g.id,
        data: {
          id: g.id,
          change,
          applicationId: g.applicationId,
          resourceCode: g.resourceCode,
          consumerSystemCode: g.consumerSystemCode,
          items: g.items,
          fullValues: g.fullValues,
          validFrom: g.validFrom,
          validTo: g.validTo,
          revokeReason: g.revokeReason,
        },
      },
    ]);
  }
}

function checkPeriod(from: string, to: string, today: string): void {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (to < from || to < today || days > MAX_PERIOD_DAYS) {
    throw new InputError([{ field: 'input.requestedTo', code: 'PERIOD_INVALID', message: `the period ends on or after its start and today, within 3 years of its start` }]);
  }
}

function canSee(by: Principal, a: SharingApplicationRow): boolean {
  return (
    hasRole(by, Role.ADMIN) ||
    isStewardOf(by, a.providerUscc) ||
    (hasRole(by, Role.STEWARD) && by.departmentUscc === a.consumerDepartmentUscc) ||
    (by.systemCode !== null && by.systemCode === a.consumerSystemCode)
  );
}

/** The applying system, or a steward of the applying system's department (not a hub-wide one: it applies for no system). */
function withdraws(by: Principal, a: SharingApplicationRow): boolean {
  if (hasRole(by, Role.SYSTEM) && by.systemCode !== null) return by.systemCode === a.consumerSystemCode;
  return hasRole(by, Role.STEWARD) && by.departmentUscc !== null && by.departmentUscc === a.consumerDepartmentUscc;
}

function sqlDay(v: unknown): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}

export function toGrant(g: SharingGrantRow, today: string): SharingGrant {
  const status = g.revokedAt
    ? SharingGrantStatus.REVOKED
    : g.validTo < today
      ? SharingGrantStatus.EXPIRED
      : g.validFrom > today
        ? SharingGrantStatus.NOT_YET_VALID
        : SharingGrantStatus.ACTIVE;
  return { ...g, status };
}

function toDeadlineChange(c: DeadlineChange) {
  return { ...c, cause: c.cause === 'notice' ? DeadlineChangeCauseEnum.NOTICE : DeadlineChangeCauseEnum.CALENDAR, changedAt: new Date(c.changedAt) };
}

function rowFromSql(r: Record<string, unknown>): SharingApplicationRow {
  const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
  return {
    id: r.id as string,
    resourceCode: r.resource_code as string,
    providerUscc: r.provider_uscc as string,
    consumerSystemCode: r.consumer_system_code as string,
    consumerDepartmentUscc: r.consumer_department_uscc as string,
    items: r.items as number[],
    purpose: r.purpose as string,
    legalBasis: r.legal_basis as string,
    requestedFrom: day(r.requested_from),
    requestedTo: day(r.requested_to),
    fullValues: r.full_values as boolean,
    status: r.status as string,
    submittedAt: r.submitted_at as Date,
    submittedBy: r.submitted_by as string,
    deadline: day(r.deadline),
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
