import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, type Principal } from '@hub/auth';
import {
  AnyCaller,
  Caller,
  checkPageSize,
  DEFAULT_PAGE_SIZE,
  InputError,
  pageSizeArg,
  Roles,
  supervisesEveryDepartment,
  SupervisionConfig,
  touchSubjects,
  type HubContext,
} from '@hub/subgraph';
import { MaskingRule, maskValue } from '@hub/policy';
import { actsFor, requireSystem } from '../access-guard.js';
import {
  AcceptDataCorrectionInput,
  RejectDataCorrectionInput,
  ReportDataCorrectionInput,
} from './correction.inputs.js';
import {
  DataCorrection,
  DataCorrectionConnection,
  DataCorrectionRole,
  DataCorrectionStatus,
} from './correction.model.js';
import { CorrectionService } from './correction.service.js';

/** The notice a list is narrowed to (movedByNoticeYear / movedByNoticeVersion), checked. */
function movedBy(
  year?: number | null,
  version?: number | null,
): { noticeYear: number; noticeVersion?: number } | undefined {
  if (version != null && year == null)
    throw new InputError([
      {
        field: 'movedByNoticeVersion',
        code: 'NOTICE_YEAR_REQUIRED',
        message: 'a notice version is of a year: give movedByNoticeYear too',
      },
    ]);
  if (year == null) return undefined;
  if (year < 2008 || year > 2100)
    throw new InputError([
      { field: 'movedByNoticeYear', code: 'YEAR_INVALID', message: 'the year is one from 2008 to 2100' },
    ]);
  if (version != null && version < 1)
    throw new InputError([{ field: 'movedByNoticeVersion', code: 'OUT_OF_RANGE', message: 'versions start at 1' }]);
  return version != null ? { noticeYear: year, noticeVersion: version } : { noticeYear: year };
}

/** The gateway's access record names whose data a correction carries (its values may be personal). */
function touched<T extends DataCorrection | null>(context: HubContext, corrections: T[]): void {
  for (const kind of ['PERSON', 'LEGAL_ENTITY'] as const) {
    const ids = corrections.filter((c): c is NonNullable<T> => c?.subjectType === kind).map((c) => c.subjectId);
    if (ids.length > 0) touchSubjects(context, kind, ids);
  }
}

@Resolver()
export class CorrectionResolver {
  constructor(
    private readonly corrections: CorrectionService,
    private readonly supervision: SupervisionConfig,
  ) {}

  @Roles(Role.SYSTEM)
  @Mutation(() => DataCorrection, {
    description:
      "A department system reports a value of a base-library record it believes wrong (校核纠错); the report goes to the record's source department with a deadline in working days",
  })
  async reportDataCorrection(
    @Args('input') input: ReportDataCorrectionInput,
    @Caller() caller: Principal,
    @Context() context: HubContext,
  ): Promise<DataCorrection> {
    const correction = await this.corrections.report(input, requireSystem(caller), context);
    touched(context, [correction]);
    return correction;
  }

  @Roles(Role.SYSTEM, Role.STEWARD, Role.ADMIN)
  @Mutation(() => DataCorrection, {
    description:
      "The source department (a system or steward of it) accepts the report (受理), with an optional note: answered, no longer overdue; its own system then corrects the record, and the library's change event makes the report CORRECTED",
  })
  async acceptDataCorrection(
    @Args('input') input: AcceptDataCorrectionInput,
    @Caller() caller: Principal,
    @Context() context: HubContext,
  ): Promise<DataCorrection> {
    const correction = await this.corrections.accept(input, caller);
    touched(context, [correction]);
    return correction;
  }

  @Roles(Role.SYSTEM, Role.STEWARD, Role.ADMIN)
  @Mutation(() => DataCorrection, {
    description:
      'The source department (a system or steward of it) holds the record right and rejects the report, with the reason (required)',
  })
  async rejectDataCorrection(
    @Args('input') input: RejectDataCorrectionInput,
    @Caller() caller: Principal,
    @Context() context: HubContext,
  ): Promise<DataCorrection> {
    const correction = await this.corrections.reject(input, caller);
    touched(context, [correction]);
    return correction;
  }

  @AnyCaller()
  @Query(() => DataCorrection, {
    nullable: true,
    description:
      "One correction, for the reporter's department, the source department, hub-wide stewards and admins (others: FORBIDDEN); null when there is none",
  })
  async dataCorrection(
    @Args('id', { type: () => ID }) id: string,
    @Caller() caller: Principal,
    @Context() context: HubContext,
  ): Promise<DataCorrection | null> {
    const correction = await this.corrections.correction(id, caller);
    touched(context, [correction]);
    return correction;
  }

  @AnyCaller()
  @Query(() => DataCorrectionConnection, {
    description:
      "The caller's department's corrections, newest first: those it reported, or those it answers as the source; all for hub-wide stewards and admins",
  })
  async dataCorrections(
    @Caller() caller: Principal,
    @Context() context: HubContext,
    @Args('role', { type: () => DataCorrectionRole, defaultValue: DataCorrectionRole.REPORTED })
    role: DataCorrectionRole,
    @Args('status', { type: () => DataCorrectionStatus, nullable: true }) status?: DataCorrectionStatus,
    @Args('first', pageSizeArg()) first = DEFAULT_PAGE_SIZE,
    @Args('after', { nullable: true }) after?: string,
    @Args('movedByNoticeYear', {
      type: () => Int,
      nullable: true,
      description:
        'Only the corrections whose deadline a working-day notice of this year counted again (see deadlineChanges)',
    })
    movedByNoticeYear?: number,
    @Args('movedByNoticeVersion', {
      type: () => Int,
      nullable: true,
      description: 'With movedByNoticeYear: only that version of the notice (absent: any version)',
    })
    movedByNoticeVersion?: number,
  ): Promise<DataCorrectionConnection> {
    const connection = await this.corrections.corrections(
      caller,
      role,
      status ?? undefined,
      checkPageSize(first, 'first'),
      after ?? undefined,
      movedBy(movedByNoticeYear, movedByNoticeVersion),
    );
    touched(context, connection.nodes);
    return connection;
  }

  @Roles(Role.STEWARD, Role.ADMIN)
  @Query(() => DataCorrectionConnection, {
    description:
      "Corrections still unanswered after their deadline, most overdue first, for supervision (督办): stewards (their department's; hub-wide and the supervising department's: all) and admins",
  })
  async overdueDataCorrections(
    @Caller() caller: Principal,
    @Context() context: HubContext,
    @Args('first', pageSizeArg()) first = DEFAULT_PAGE_SIZE,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<DataCorrectionConnection> {
    const everyDepartment = supervisesEveryDepartment(caller, this.supervision);
    const connection = await this.corrections.overdue(
      caller,
      checkPageSize(first, 'first'),
      after ?? undefined,
      undefined,
      everyDepartment,
    );
    touched(context, connection.nodes);
    if (!everyDepartment) return connection;
    return {
      ...connection,
      nodes: connection.nodes.map((c) =>
        actsFor(caller, c.reporterDepartment) || actsFor(caller, c.sourceDepartment) ? c : asOverseen(c),
      ),
    };
  }
}

/**
 * A report as its overseer sees it: who, what field and how late — not whose data, nor what was
 * written. The supervising department (the data bureau) is also the catalog's provider of the
 * corrections resource (201001004/000001), and the gateway shows a provider every item in full, so
 * without this its stewards would read, in other departments' reports, full citizen IDs and the
 * names and IDs reporters typed — values its own reads of the population register get masked.
 * Supervision (督办) needs none of them; the parties to a report (its reporter and its source
 * department, admins and hub-wide stewards) are left to the gateway's masking as before. The rules
 * are the catalog items' own (3: SUBJECT_ID; 5, 6, 9, 10: REDACT). The evidence is left out too:
 * its material ids lead to material(id), whose subjectId the data bureau — the archive's provider
 * as well — reads in full, so a masked subject would come back unmasked one reference away.
 */
function asOverseen(c: DataCorrection): DataCorrection {
  const redact = <T extends string | null>(value: T): T =>
    value === null ? value : (maskValue(MaskingRule.REDACT, value) as T);
  return {
    ...c,
    subjectId: maskValue(MaskingRule.SUBJECT_ID, c.subjectId) as string,
    reportedValue: redact(c.reportedValue),
    proposedValue: redact(c.proposedValue),
    reason: redact(c.reason),
    resolutionReason: redact(c.resolutionReason),
    correctedValue: redact(c.correctedValue),
    evidence: [],
  };
}
