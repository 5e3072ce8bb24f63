import { randomUUID } from 'node:crypto';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Role, hasRole, type Principal } from '@hub/auth';
import { UnitOfWork, type Transaction } from '@hub/events';
import { chinaDate } from '@hub/identifiers';
import { decodeCursor, encodeCursor } from '@hub/register';
import { HubError, InputError, requiredReason, type HubContext } from '@hub/subgraph';
import { createLogger } from '@hub/observability';
import { deadlineOf, isOverdue, type DeadlineChange } from '@hub/working-days';
import { actsFor } from '../access-guard.js';
import { GatewayClient } from '../gateway-client/gateway-client.js';
import { recountCorrectionDeadlines } from '../calendar/correction-deadlines.js';
import { WorkingDayCalendarStore } from '../calendar/working-day-calendar.store.js';
import { MaterialRepository } from '../archive/material.repository.js';
import { DataSubjectType } from '../service-items/service-items.model.js';
import { parseSubject, type Subject } from '../subjects/subject.js';
import { CORRECTABLE_FIELDS, changeKeysOf } from './correctable-fields.js';
import { CorrectionConfig } from './correction.config.js';
import type { DataCorrectionRow } from './correction.entities.js';
import { dataCorrectionChanged } from './correction.events.js';
import { DataCorrectionRepository } from './data-correction.repository.js';
import type {
  AcceptDataCorrectionInput,
  RejectDataCorrectionInput,
  ReportDataCorrectionInput,
} from './correction.inputs.js';
import {
  CorrectionDeadlineChange,
  DataCorrection,
  DataCorrectionConnection,
  DataCorrectionRole,
  DataCorrectionStatus,
  DeadlineChangeCause,
} from './correction.model.js';

/** Who holds a record: its provenance, as the library serves it. */
interface Provenance {
  sourceDepartment: string;
  sourceSystem: string | null;
}

const SOURCE_QUERY: Record<Subject['type'], { query: string; root: 'person' | 'legalEntity' }> = {
  PERSON: {
    root: 'person',
    query:
      'query DataCorrectionSource($id: String!) { person(idNumber: $id) { provenance { sourceDepartment sourceSystem } } }',
  },
  LEGAL_ENTITY: {
    root: 'legalEntity',
    query:
      'query DataCorrectionSource($id: String!) { legalEntity(uscc: $id) { provenance { sourceDepartment sourceSystem } } }',
  },
};

const CURSOR_KEY = /^[^|]+\|[0-9a-f-]{36}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Data corrections (校核纠错). A department system reports a value of a base-library record it
 * believes wrong; the report goes to the record's source department (一数一源: its provenance,
 * read through the gateway under the reporter's rights) with a deadline in working days. The source
 * corrects its record through the library's normal write path — the change event closes the
 * report (correction-events.consumer.ts) — or rejects the report with a reason. Every state is an
 * event; overdue reports are listed for supervision (督办).
 */
@Injectable()
export class CorrectionService implements OnApplicationBootstrap {
  private readonly log = createLogger('once-only.corrections');

  constructor(
    private readonly correctionRows: DataCorrectionRepository,
    private readonly materials: MaterialRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly gateway: GatewayClient,
    private readonly calendars: WorkingDayCalendarStore,
    private readonly config: CorrectionConfig,
  ) {}

  /**
   * At start, counts again the deadlines still open or provisional with the calendar in force (a
   * new calendar file; reports made before statutory holidays were applied). Never fatal.
   */
  async onApplicationBootstrap(): Promise<void> {
    try {
      const changed = await this.unitOfWork.run(async (tx) => {
        await this.calendars.lockForRecount(tx);
        return recountCorrectionDeadlines(
          this.correctionRows,
          tx,
          await this.calendars.calendarIn(tx),
          { kind: 'calendar' },
          this.config.DATA_CORRECTION_WORKING_DAYS,
        );
      });
      if (changed > 0) {
        this.log.info({ changed }, 'correction deadlines counted again with the current working-day calendar');
      }
    } catch (error) {
      this.log.error(
        { err: error },
        'could not count the open correction deadlines again with the current working-day calendar',
      );
    }
  }

  async report(
    input: ReportDataCorrectionInput,
    by: Principal & { departmentUscc: string },
    context: HubContext,
    now = new Date(),
  ): Promise<DataCorrection> {
    const subject = parseSubject(input.subject.trim(), 'input.subject');
    const field = input.field.trim();
    if (!changeKeysOf(subject.type, field)) {
      const allowed = Object.keys(CORRECTABLE_FIELDS[subject.type]);
      throw new InputError([
        {
          field: 'input.field',
          code: 'FIELD_NOT_CORRECTABLE',
          message: `${field.slice(0, 100)} cannot be corrected for ${subject.type === 'PERSON' ? 'a citizen' : 'a legal entity'}; correctable fields: ${allowed.join(', ')}`,
        },
      ]);
    }
    const reason = requiredReason(input.reason, 'a report says why the value is believed wrong', 'input.reason', 1);
    const evidence = [...new Set((input.evidence ?? []).map((id) => id.toLowerCase()))];
    await this.checkEvidence(subject, evidence);
    // Outside any transaction: the gateway calls the library, which may share this database (embedded).
    const source = await this.sourceOf(subject, context);
    const workingDays = this.config.DATA_CORRECTION_WORKING_DAYS;
    const row: DataCorrectionRow = {
      id: randomUUID(),
      subjectType: subject.type,
      subjectId: subject.id,
      field,
      reportedValue: input.reportedValue || null,
      proposedValue: input.proposedValue || null,
      reason,
      evidenceMaterialIds: evidence,
      reporterDepartment: by.departmentUscc,
      reporterSystem: by.systemCode,
      reporterKey: by.keyId,
      reportedAt: now,
      sourceDepartment: source.sourceDepartment,
      sourceSystem: source.sourceSystem,
      deadline: '',
      workingDays,
      deadlineProvisional: false,
      deadlineChanges: [],
      status: DataCorrectionStatus.ROUTED,
      resolvedAt: null,
      resolutionReason: null,
      correctedValue: null,
      correctionEvent: null,
      correctionVersion: null,
      resolvedByKey: null,
    };
    await this.unitOfWork.run(async (tx) => {
      // Counted in the transaction that stores it, under the lock a recount takes (a notice arriving now).
      const due = deadlineOf(now, await this.calendars.forDeadline(tx), workingDays);
      Object.assign(row, { deadline: due.deadline, deadlineProvisional: due.provisional });
      await this.correctionRows.insert(tx, row);
      await tx.publish([dataCorrectionChanged(row, now)]);
    });
    return toCorrection(row, now);
  }

  async reject(input: RejectDataCorrectionInput, by: Principal, now = new Date()): Promise<DataCorrection> {
    const reason = requiredReason(input.reason, 'a rejection gives its reason (拒绝须说明理由)');
    const row = await this.unitOfWork.run(async (tx) => {
      const correction = await this.locked(tx, input.id);
      if (!actsFor(by, correction.sourceDepartment)) {
        throw new HubError(
          'FORBIDDEN',
          `only the source department ${correction.sourceDepartment} (its systems or stewards) rejects this report`,
          { department: correction.sourceDepartment },
        );
      }
      if (correction.status !== DataCorrectionStatus.ROUTED)
        throw new HubError('CORRECTION_CLOSED', `the correction is ${correction.status} already`, {
          status: correction.status,
        });
      Object.assign(correction, {
        status: DataCorrectionStatus.REJECTED,
        resolvedAt: now,
        resolutionReason: reason,
        resolvedByKey: by.keyId,
      });
      await this.correctionRows.save(tx, correction);
      await tx.publish([dataCorrectionChanged(correction, now)]);
      return correction;
    });
    return toCorrection(row, now);
  }

  /**
   * The source department accepts the report (受理): it answers on time (no longer overdue) and will
   * correct its record through its own system — stewards write no records (libs/register's
   * attribution) — whose change event then makes it CORRECTED (correction-events.consumer.ts). The
   * note, if any, is kept as the answer's text (resolutionReason). Only an open (ROUTED) report.
   */
  async accept(input: AcceptDataCorrectionInput, by: Principal, now = new Date()): Promise<DataCorrection> {
    const note = input.note?.trim() || null;
    const row = await this.unitOfWork.run(async (tx) => {
      const correction = await this.locked(tx, input.id);
      if (!actsFor(by, correction.sourceDepartment)) {
        throw new HubError(
          'FORBIDDEN',
          `only the source department ${correction.sourceDepartment} (its systems or stewards) accepts this report`,
          { department: correction.sourceDepartment },
        );
      }
      if (correction.status !== DataCorrectionStatus.ROUTED)
        throw new HubError('CORRECTION_CLOSED', `the correction is ${correction.status} already`, {
          status: correction.status,
        });
      Object.assign(correction, {
        status: DataCorrectionStatus.ACCEPTED,
        resolutionReason: note,
        resolvedByKey: by.keyId,
      });
      await this.correctionRows.save(tx, correction);
      await tx.publish([dataCorrectionChanged(correction, now)]);
      return correction;
    });
    return toCorrection(row, now);
  }

  /** One correction: null when there is none; FORBIDDEN unless the caller's department reported or answers it (or a hub-wide steward, an admin). */
  async correction(id: string, by: Principal, now = new Date()): Promise<DataCorrection | null> {
    if (!UUID.test(id)) return null;
    const row = await this.correctionRows.findById(id);
    if (!row) return null;
    if (!actsFor(by, row.reporterDepartment) && !actsFor(by, row.sourceDepartment)) {
      throw new HubError(
        'FORBIDDEN',
        "a correction is seen by the reporter's department and the source department (and hub-wide stewards)",
      );
    }
    return toCorrection(row, now);
  }

  /**
   * A department's corrections, newest first: those it reported, or those it answers. A principal of
   * no department (a hub-wide steward, an admin) sees all, whichever the role.
   */
  async corrections(
    by: Principal,
    role: DataCorrectionRole,
    status: DataCorrectionStatus | undefined,
    first: number,
    after?: string,
    movedBy?: { noticeYear: number; noticeVersion?: number },
    now = new Date(),
  ): Promise<DataCorrectionConnection> {
    if (!by.departmentUscc && !hasRole(by, Role.ADMIN) && !hasRole(by, Role.STEWARD)) {
      throw new HubError('FORBIDDEN', 'corrections are listed for a department, a hub-wide steward or an admin');
    }
    let cursor: { reportedAt: string; id: string } | undefined;
    if (after) {
      const [at, id] = decodeCursor('correction', after, (k) => CURSOR_KEY.test(k)).split('|');
      cursor = { reportedAt: at, id };
    }
    const rows = await this.correctionRows.list({
      ...(by.departmentUscc
        ? role === DataCorrectionRole.TO_ANSWER
          ? { sourceDepartment: by.departmentUscc }
          : { reporterDepartment: by.departmentUscc }
        : {}),
      status,
      movedBy,
      after: cursor,
      limit: first + 1,
    });
    return page(rows, first, now, (r) => `${r.reportedAt.toISOString()}|${r.id}`);
  }

  /**
   * Reports still ROUTED after their deadline, most overdue first, for supervision (督办): all of them
   * for a hub-wide steward or an admin, those routed to its department for a department's steward
   * (the resolver admits only these) — all of them too with `everyDepartment` (the supervising
   * department's stewards). `now` decides what is overdue.
   */
  async overdue(
    by: Principal,
    first: number,
    after?: string,
    now = new Date(),
    everyDepartment = false,
  ): Promise<DataCorrectionConnection> {
    let cursor: { deadline: string; id: string } | undefined;
    if (after) {
      const [deadline, id] = decodeCursor('overdue-correction', after, (k) => CURSOR_KEY.test(k)).split('|');
      cursor = { deadline, id };
    }
    const rows = await this.correctionRows.overdue({
      today: chinaDate(now),
      sourceDepartment:
        !everyDepartment && !hasRole(by, Role.ADMIN) && by.departmentUscc ? by.departmentUscc : undefined,
      after: cursor,
      limit: first + 1,
    });
    return page(rows, first, now, (r) => `${r.deadline}|${r.id}`, 'overdue-correction');
  }

  /** The record's source department and system, read through the gateway on behalf of the reporter. */
  private async sourceOf(subject: Subject, context: HubContext): Promise<Provenance> {
    const { query, root } = SOURCE_QUERY[subject.type];
    // context.access is set: the resolver asked for a principal.
    const answer = await this.gateway.query<Record<string, { provenance: Provenance } | null>>(
      context.access!,
      query,
      { id: subject.id },
      context.requestId,
    );
    const record = answer.data?.[root];
    if (record?.provenance?.sourceDepartment)
      return {
        sourceDepartment: record.provenance.sourceDepartment,
        sourceSystem: record.provenance.sourceSystem ?? null,
      };
    if (answer.errors.length > 0) {
      throw new HubError('SOURCE_UNAVAILABLE', `the record's source could not be read: ${answer.errors[0].message}`, {
        code: answer.errors[0].extensions?.code ?? null,
      });
    }
    throw new HubError(
      'SUBJECT_UNKNOWN',
      `the ${subject.type === 'PERSON' ? 'population' : 'legal-entity'} library holds no record of ${subject.id}`,
      { subjectType: subject.type },
    );
  }

  private async checkEvidence(subject: Subject, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const found = await this.materials.idsOfSubject(ids, subject.id);
    const missing = ids.filter((id) => !found.includes(id));
    if (missing.length > 0) {
      throw new InputError([
        {
          field: 'input.evidence',
          code: 'EVIDENCE_INVALID',
          message: `no material ${missing.join(', ')} in the archive of ${subject.id}`,
        },
      ]);
    }
  }

  private async locked(tx: Transaction, id: string): Promise<DataCorrectionRow> {
    const row = await this.correctionRows.findLocked(tx, id);
    if (!row) throw new HubError('CORRECTION_UNKNOWN', `no data correction ${id}`);
    return row;
  }
}

function page(
  rows: DataCorrectionRow[],
  first: number,
  now: Date,
  keyOf: (row: DataCorrectionRow) => string,
  kind = 'correction',
): DataCorrectionConnection {
  const nodes = rows.slice(0, first);
  const last = nodes.at(-1);
  return {
    nodes: nodes.map((r) => toCorrection(r, now)),
    pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(kind, keyOf(last)) : undefined },
  };
}

export function toCorrection(row: DataCorrectionRow, now: Date): DataCorrection {
  return {
    ...row,
    subjectType: row.subjectType as DataSubjectType,
    status: row.status as DataCorrectionStatus,
    evidence: row.evidenceMaterialIds,
    overdue: row.status === DataCorrectionStatus.ROUTED && isOverdue(row.deadline, now),
    deadlineChanges: row.deadlineChanges.map(toDeadlineChange),
  };
}

function toDeadlineChange(c: DeadlineChange): CorrectionDeadlineChange {
  return {
    ...c,
    cause: c.cause === 'notice' ? DeadlineChangeCause.NOTICE : DeadlineChangeCause.CALENDAR,
    changedAt: new Date(c.changedAt),
  };
}
