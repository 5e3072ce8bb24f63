import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Role, hasRole, isStewardOf, type Principal } from '@hub/auth';
import { UnitOfWork, type Transaction } from '@hub/events';
import { chinaDate } from '@hub/identifiers';
import { ResourceStatus, SharingType } from '@hub/policy';
import { decodeCursor, encodeCursor } from '@hub/register';
import { HubError, InputError, SupervisionConfig, requiredReason, supervisesEveryDepartment } from '@hub/subgraph';
import {
  deadlineOf,
  isOverdue,
  recountDeadline,
  workingDaysLeft,
  type DeadlineChange,
  type DeadlineChangeCause,
  type WorkingDayCalendar,
} from '@hub/working-days';
import { WorkingDayCalendarStore } from '../calendar/working-day-calendar.store.js';
import { ResourceRepository } from '../catalog/resource.repository.js';
import { DepartmentRepository } from '../participants/department.repository.js';
import type {
  ApplyForSharingInput,
  ApproveSharingInput,
  RejectSharingInput,
  RevokeGrantInput,
  SharingApplicationFilter,
  SharingGrantFilter,
} from './sharing.inputs.js';
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
import { GrantRepository, type GrantQuery } from './grant.repository.js';
import { SharingApplicationRepository, type ApplicationQuery } from './sharing-application.repository.js';
import type { SharingApplicationRow, SharingGrantRow } from './sharing.entities.js';
import { applicationChangedEvent, grantChangedEvent } from './sharing.events.js';

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
    private readonly applicationRows: SharingApplicationRepository,
    private readonly grantRows: GrantRepository,
    private readonly resources: ResourceRepository,
    private readonly departments: DepartmentRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly calendars: WorkingDayCalendarStore,
    private readonly supervision: SupervisionConfig,
  ) {}

  /**
   * A system applies for itself; a department steward applies on behalf of one of its department's
   * systems (input.systemCode), which then holds the grant. The application is the system's either way.
   */
  async apply(input: ApplyForSharingInput, by: Principal, now = new Date()): Promise<SharingApplication> {
    const today = chinaDate(now);
    const row = await this.unitOfWork.run(async (tx) => {
      const applicant = await this.applicantOf(tx, input, by);
      const resource = await this.resources.findByCode(input.resourceCode, tx);
      if (!resource || resource.status !== ResourceStatus.PUBLISHED) {
        throw new InputError([
          {
            field: 'input.resourceCode',
            code: 'RESOURCE_UNKNOWN',
            message: `no published resource ${input.resourceCode}`,
          },
        ]);
      }
      if (resource.providerUscc === applicant.departmentUscc)
        throw new HubError('OWN_RESOURCE', 'the provider department reads its own resources without a grant');
      const items = await this.resources.itemsOf(resource.code, tx);
      const unknown = input.items.filter((no) => !items.some((i) => i.no === no));
      if (unknown.length > 0) {
        throw new InputError([
          {
            field: 'input.items',
            code: 'ITEM_UNKNOWN',
            message: `resource ${resource.code} has no item ${unknown.join(', ')}`,
          },
        ]);
      }
      if (resource.sharingType === SharingType.NOT_SHARED)
        throw new HubError('RESOURCE_NOT_SHARED', `resource ${resource.code} is not shared (不予共享)`);
      if (resource.sharingType === SharingType.UNCONDITIONAL) {
        // Unconditional items are readable already; an application can only be for their full values.
        const masked = input.items.filter((no) => items.find((i) => i.no === no)?.masking);
        if (!input.fullValues || masked.length !== input.items.length) {
          throw new HubError(
            'RESOURCE_UNCONDITIONAL',
            `resource ${resource.code} is shared unconditionally: apply only for full values of its masked items`,
          );
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
      await this.applicationRows.insert(tx, application);
      await tx.publish([applicationChangedEvent(application, 'submitted')]);
      return application;
    });
    return this.shown(row, now);
  }

  async approve(input: ApproveSharingInput, by: Principal, now = new Date()): Promise<SharingApplication> {
    const today = chinaDate(now);
    const row = await this.unitOfWork.run(async (tx) => {
      const application = await this.lockedOpen(tx, input.applicationId, by);
      const items = [...new Set(input.items ?? application.items)].sort((a, b) => a - b);
      const extra = items.filter((no) => !application.items.includes(no));
      if (extra.length > 0)
        throw new InputError([
          { field: 'input.items', code: 'ITEMS_NOT_REQUESTED', message: `item ${extra.join(', ')} was not asked for` },
        ]);
      const partial = items.length < application.items.length;
      const reason = partial
        ? requiredReason(input.reason, 'a partial approval gives the reason for the items left out')
        : input.reason?.trim() || null;
      const fullValues = input.fullValues ?? application.fullValues;
      if (fullValues && !application.fullValues)
        throw new InputError([
          { field: 'input.fullValues', code: 'NOT_REQUESTED', message: 'full values were not asked for' },
        ]);
      const validFrom = application.requestedFrom > today ? application.requestedFrom : today;
      const validTo = input.validTo ?? application.requestedTo;
      if (validTo > application.requestedTo || validTo < validFrom) {
        throw new InputError([
          {
            field: 'input.validTo',
            code: 'PERIOD_INVALID',
            message: `the grant ends between ${validFrom} and ${application.requestedTo}`,
          },
        ]);
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
      await this.grantRows.insert(tx, grant);
      Object.assign(application, {
        status: partial ? SharingApplicationStatus.PARTIALLY_APPROVED : SharingApplicationStatus.APPROVED,
        decidedAt: now,
        decidedBy: by.keyId,
        decisionReason: reason,
        approvedItems: items,
        grantId: grant.id,
      });
      await this.applicationRows.save(tx, application);
      await tx.publish([
        applicationChangedEvent(application, partial ? 'partially-approved' : 'approved'),
        grantChangedEvent(grant, 'granted'),
      ]);
      return application;
    });
    return this.shown(row, now);
  }

  async reject(input: RejectSharingInput, by: Principal, now = new Date()): Promise<SharingApplication> {
    const reason = requiredReason(input.reason, 'a rejection gives its reason (拒绝须说明理由)');
    const row = await this.unitOfWork.run(async (tx) => {
      const application = await this.lockedOpen(tx, input.applicationId, by);
      Object.assign(application, {
        status: SharingApplicationStatus.REJECTED,
        decidedAt: now,
        decidedBy: by.keyId,
        decisionReason: reason,
      });
      await this.applicationRows.save(tx, application);
      await tx.publish([applicationChangedEvent(application, 'rejected')]);
      return application;
    });
    return this.shown(row, now);
  }

  async withdraw(id: string, by: Principal, now = new Date()): Promise<SharingApplication> {
    const row = await this.unitOfWork.run(async (tx) => {
      const application = await this.applicationRows.findLocked(tx, id);
      if (!application) throw new HubError('APPLICATION_UNKNOWN', `no sharing application ${id}`);
      if (!withdraws(by, application))
        throw new HubError(
          'FORBIDDEN',
          'only the applying system, or a steward of its department, withdraws its application',
        );
      if (application.status !== SharingApplicationStatus.SUBMITTED)
        throw new HubError('APPLICATION_DECIDED', `the application is ${application.status}`);
      Object.assign(application, { status: SharingApplicationStatus.WITHDRAWN, decidedAt: now, decidedBy: by.keyId });
      await this.applicationRows.save(tx, application);
      await tx.publish([applicationChangedEvent(application, 'withdrawn')]);
      return application;
    });
    return this.shown(row, now);
  }

  async revokeGrant(input: RevokeGrantInput, by: Principal, now = new Date()): Promise<SharingGrant> {
    const reason = requiredReason(input.reason, 'a revocation gives its reason');
    const grant = await this.unitOfWork.run(async (tx) => {
      const row = await this.grantRows.findLocked(tx, input.grantId);
      if (!row) throw new HubError('GRANT_UNKNOWN', `no grant ${input.grantId}`);
      if (!isStewardOf(by, row.providerUscc) && !hasRole(by, Role.ADMIN))
        throw new HubError('FORBIDDEN', `revoking needs a steward of ${row.providerUscc}`);
      if (row.revokedAt)
        throw new HubError('GRANT_ALREADY_REVOKED', `grant ${row.id} was revoked on ${row.revokedAt.toISOString()}`);
      Object.assign(row, { revokedAt: now, revokedBy: by.keyId, revokeReason: reason });
      await this.grantRows.save(tx, row);
      await tx.publish([grantChangedEvent(row, 'revoked')]);
      return row;
    });
    return toGrant(grant, chinaDate(now));
  }

  async application(id: string, by: Principal, now = new Date()): Promise<SharingApplication | null> {
    const row = await this.applicationRows.findById(id);
    if (!row || !(canSee(by, row) || supervisesEveryDepartment(by, this.supervision))) return null;
    return this.shown(row, now);
  }

  /**
   * What the caller may see: its own system's applications; for a department steward, its
   * department's to decide (side PROVIDER, the default) or its systems' (side CONSUMER); all for
   * admins and hub-wide stewards. The overdue list (督办) is all of them for the supervising
   * department's stewards too.
   */
  async applications(
    by: Principal,
    filter: SharingApplicationFilter,
    first: number,
    after?: string,
    overdueOnly = false,
    now = new Date(),
  ): Promise<SharingApplicationConnection> {
    const query: ApplicationQuery = {
      status: filter.status ?? undefined,
      resourceCode: filter.resourceCode ?? undefined,
      limit: first + 1,
    };
    if (!hasRole(by, Role.ADMIN) && !(hasRole(by, Role.STEWARD) && by.departmentUscc === null)) {
      if (hasRole(by, Role.STEWARD)) {
        if (filter.side === SharingApplicationSide.CONSUMER) query.consumerDepartmentUscc = by.departmentUscc;
        else if (!(overdueOnly && supervisesEveryDepartment(by, this.supervision)))
          query.providerUscc = by.departmentUscc;
      } else query.consumerSystemCode = by.systemCode ?? '';
    }
    if (filter.movedByNoticeVersion != null && filter.movedByNoticeYear == null) {
      throw new InputError([
        {
          field: 'filter.movedByNoticeVersion',
          code: 'NOTICE_YEAR_REQUIRED',
          message: 'a notice version is of a year: give movedByNoticeYear too',
        },
      ]);
    }
    if (filter.movedByNoticeYear != null) {
      query.movedByNotice =
        filter.movedByNoticeVersion != null
          ? { noticeYear: filter.movedByNoticeYear, noticeVersion: filter.movedByNoticeVersion }
          : { noticeYear: filter.movedByNoticeYear };
    }
    if (overdueOnly) query.overdueOn = chinaDate(now);
    // Keyset on (deadline, id) for overdue lists (most overdue first), on (submitted_at desc, id) otherwise.
    if (after) {
      const [sortKey, id] = decodeCursor('app', after, (k) => /^[^|]+\|[0-9a-f-]{36}$/.test(k)).split('|');
      query.after = { sortKey, id };
    }
    const result = await this.applicationRows.list(query);
    const page = result.slice(0, first);
    const last = page.at(-1);
    const cursor = last
      ? encodeCursor('app', `${overdueOnly ? last.deadline : last.submittedAt.toISOString()}|${last.id}`)
      : undefined;
    const calendar = await this.calendars.current();
    return {
      nodes: page.map((r) => this.toApplication(r, now, calendar)),
      pageInfo: { hasNextPage: result.length > first, endCursor: cursor },
    };
  }

  /**
   * Undecided applications past their deadline, counted per provider department, most first (督办):
   * every department's for admins, hub-wide stewards and the supervising department's stewards; a
   * department steward's own department's otherwise.
   */
  async overdueCounts(by: Principal, now = new Date()): Promise<SharingOverdueCount[]> {
    const counts = await this.applicationRows.overdueCounts(
      chinaDate(now),
      supervisesEveryDepartment(by, this.supervision) ? undefined : (by.departmentUscc ?? ''),
    );
    return counts.map((c) => ({
      departmentUscc: c.providerUscc,
      count: c.count,
      earliestDeadline: c.earliestDeadline,
    }));
  }

  /** The newest 1,000 grants the caller may see (a list kept for its clients; grantPage pages through all of them). */
  async grants(
    by: Principal,
    filter: { systemCode?: string; resourceCode?: string },
    now = new Date(),
  ): Promise<SharingGrant[]> {
    const today = chinaDate(now);
    const rows = await this.grantRows.list({ ...this.grantScope(by, filter), today, limit: 1000 });
    return rows.map((g) => toGrant(g, today));
  }

  /**
   * The grants the caller may see (as for `grants`), a page at a time: keyset on (granted_at desc,
   * id desc), so a grant made while a steward pages shows on page 1, never twice. The status is of
   * today (China Standard Time), as toGrant computes it, so it is filtered by the same dates.
   */
  async grantPage(
    by: Principal,
    filter: SharingGrantFilter,
    first: number,
    after?: string,
    now = new Date(),
  ): Promise<SharingGrantConnection> {
    const today = chinaDate(now);
    let cursor: { grantedAt: string; id: string } | undefined;
    if (after) {
      const [grantedAt, id] = decodeCursor('grant', after, (k) =>
        /^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[0-9a-f-]{36}$/.test(k),
      ).split('|');
      cursor = { grantedAt, id };
    }
    const rows = await this.grantRows.list({
      ...this.grantScope(by, filter),
      status: filter.status ?? undefined,
      today,
      after: cursor,
      limit: first + 1,
    });
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return {
      nodes: page.map((g) => toGrant(g, today)),
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: last ? encodeCursor('grant', `${last.grantedAt.toISOString()}|${last.id}`) : undefined,
      },
    };
  }

  /** A system sees its own grants; a department steward its department's resources'; admins and hub-wide stewards all. */
  private grantScope(
    by: Principal,
    filter: { systemCode?: string; resourceCode?: string },
  ): Pick<GrantQuery, 'visibleTo' | 'consumerSystemCode' | 'resourceCode'> {
    let visibleTo: GrantQuery['visibleTo'];
    if (!hasRole(by, Role.ADMIN) && !(hasRole(by, Role.STEWARD) && by.departmentUscc === null)) {
      visibleTo = hasRole(by, Role.STEWARD)
        ? { providerUscc: by.departmentUscc }
        : { consumerSystemCode: by.systemCode ?? '' };
    }
    return {
      visibleTo,
      consumerSystemCode: filter.systemCode || undefined,
      resourceCode: filter.resourceCode || undefined,
    };
  }

  /**
   * Counts again, with `calendar`, the deadline of every application still undecided and of every
   * one whose deadline is provisional — for a notice, only those counting a day of its year (or of
   * the December before) — and records each change in the application's history and as an event.
   * Runs in `tx` (the notice's own transaction, which holds WorkingDayCalendarStore.lockForRecount);
   * the number of applications changed.
   */
  async recountDeadlines(
    tx: Transaction,
    calendar: WorkingDayCalendar,
    cause: DeadlineChangeCause,
    now = new Date(),
  ): Promise<number> {
    let changed = 0;
    for (const application of await this.applicationRows.recountable(tx, cause)) {
      const change = recountDeadline(
        {
          submittedAt: application.submittedAt,
          workingDays: application.workingDays,
          deadline: application.deadline,
          provisional: application.deadlineProvisional,
        },
        calendar,
        cause,
        now,
      );
      if (!change) continue;
      Object.assign(application, {
        deadline: change.deadline,
        deadlineProvisional: change.provisional,
        deadlineChanges: [...application.deadlineChanges, change],
      });
      await this.applicationRows.save(tx, application);
      await tx.publish([applicationChangedEvent(application, 'deadline-changed', change.previousDeadline)]);
      changed++;
    }
    return changed;
  }

  private async lockedOpen(tx: Transaction, id: string, by: Principal): Promise<SharingApplicationRow> {
    const application = await this.applicationRows.findLocked(tx, id);
    if (!application) throw new HubError('APPLICATION_UNKNOWN', `no sharing application ${id}`);
    if (!isStewardOf(by, application.providerUscc)) {
      throw new HubError(
        'FORBIDDEN',
        `deciding needs a data steward of the provider department ${application.providerUscc}`,
      );
    }
    if (application.status !== SharingApplicationStatus.SUBMITTED) {
      throw new HubError('APPLICATION_DECIDED', `the application is ${application.status} already`);
    }
    return application;
  }

  /** The system, and its department, an application is made for: the caller itself, or one of the steward's department's systems. */
  private async applicantOf(
    tx: Transaction,
    input: ApplyForSharingInput,
    by: Principal,
  ): Promise<{ systemCode: string; departmentUscc: string }> {
    if (hasRole(by, Role.SYSTEM) && by.systemCode && by.departmentUscc) {
      if (input.systemCode !== undefined && input.systemCode !== null && input.systemCode !== by.systemCode)
        throw new HubError('FORBIDDEN', 'a system applies for itself only');
      return { systemCode: by.systemCode, departmentUscc: by.departmentUscc };
    }
    if (!hasRole(by, Role.STEWARD) || !by.departmentUscc) {
      throw new HubError(
        'FORBIDDEN',
        "a department system applies for sharing with its own key, or a department's steward on behalf of one of its systems",
      );
    }
    if (!input.systemCode)
      throw new InputError([
        {
          field: 'input.systemCode',
          code: 'SYSTEM_REQUIRED',
          message: "a steward names the department's system that applies",
        },
      ]);
    const system = await this.departments.system(input.systemCode, tx);
    // One answer for an unknown system and another department's: a steward learns nothing of other departments' systems.
    if (!system || system.departmentUscc !== by.departmentUscc) {
      throw new HubError(
        'SYSTEM_NOT_OF_DEPARTMENT',
        `${input.systemCode} is not a system of department ${by.departmentUscc}`,
      );
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
}

function checkPeriod(from: string, to: string, today: string): void {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (to < from || to < today || days > MAX_PERIOD_DAYS) {
    throw new InputError([
      {
        field: 'input.requestedTo',
        code: 'PERIOD_INVALID',
        message: `the period ends on or after its start and today, within 3 years of its start`,
      },
    ]);
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
  return {
    ...c,
    cause: c.cause === 'notice' ? DeadlineChangeCauseEnum.NOTICE : DeadlineChangeCauseEnum.CALENDAR,
    changedAt: new Date(c.changedAt),
  };
}
