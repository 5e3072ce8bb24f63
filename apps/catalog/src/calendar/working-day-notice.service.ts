import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Principal } from '@hub/auth';
import { UnitOfWork } from '@hub/events';
import { chinaDate } from '@hub/identifiers';
import { createLogger } from '@hub/observability';
import { HubError, InputError, type InputViolation } from '@hub/subgraph';
import { noticeViolations } from '@hub/working-days';
import { SharingService } from '../sharing/sharing.service.js';
import { WorkingDayCalendarStore } from './working-day-calendar.store.js';
import type { EnterWorkingDayNoticeInput } from './working-day-calendar.model.js';
import type { WorkingDayNoticeRow } from './working-day-notice.entity.js';
import { workingDayNoticeEnteredEvent } from './working-day-notice.events.js';
import { WorkingDayNoticeRepository } from './working-day-notice.repository.js';

/**
 * The State Council's yearly notices (部分节假日安排的通知), entered by an admin: checked
 * (noticeViolations), kept with every version, published on the policy topic (the once-only app
 * follows it for its own deadlines), and in force at once — the deadlines already given that
 * count a day of the year are counted again in the same transaction, each change kept in the
 * application's history.
 */
@Injectable()
export class WorkingDayNoticeService implements OnApplicationBootstrap {
  private readonly log = createLogger('catalog.working-day-notices');

  constructor(
    private readonly notices: WorkingDayNoticeRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly calendars: WorkingDayCalendarStore,
    private readonly sharing: SharingService,
  ) {}

  /**
   * At start, counts again the deadlines still open or provisional with the calendar in force:
   * the calendar file may have changed, and deadlines given before statutory holidays were
   * applied counted 2027's New Year's Day as a working day. A failure is logged, never fatal.
   */
  async onApplicationBootstrap(): Promise<void> {
    try {
      const changed = await this.unitOfWork.run(async (tx) => {
        await this.calendars.lockForRecount(tx);
        return this.sharing.recountDeadlines(tx, await this.calendars.calendarIn(tx), { kind: 'calendar' });
      });
      if (changed > 0) {
        this.log.info({ changed }, 'deadlines counted again with the current working-day calendar');
      }
    } catch (error) {
      this.log.error({ err: error }, 'could not count the open deadlines again with the current working-day calendar');
    }
  }

  /** Every version entered, newest first; of one year when asked. */
  list(year?: number): Promise<WorkingDayNoticeRow[]> {
    return this.notices.list(year);
  }

  async enter(input: EnterWorkingDayNoticeInput, by: Principal, now = new Date()): Promise<WorkingDayNoticeRow> {
    const holidays = [...input.holidays].map((d) => d.trim());
    const workdays = [...input.workdays].map((d) => d.trim());
    const violations: InputViolation[] = noticeViolations(
      { year: input.year, holidays, workdays },
      { unusualTotalConfirmed: input.unusualTotalConfirmed },
    ).map((v) => ({
      ...v,
      field: `input.${v.field}`,
    }));
    const source = input.source.trim();
    if ([...source].length < 8)
      violations.push({
        field: 'input.source',
        code: 'SOURCE_REQUIRED',
        message: 'name the notice: its title and number (at least 8 characters)',
      });
    if (input.publishedOn && input.publishedOn > chinaDate(now))
      violations.push({
        field: 'input.publishedOn',
        code: 'IN_FUTURE',
        message: 'a notice is entered once it is issued',
      });
    if (violations.length > 0) throw new InputError(violations);
    const reason = input.reason?.trim() || null;
    const row = await this.unitOfWork.run(async (tx) => {
      await this.calendars.lockForRecount(tx);
      const previous = await this.notices.latestLocked(tx, input.year);
      if (previous && (!reason || [...reason].length < 4)) {
        throw new InputError([
          {
            field: 'input.reason',
            code: 'REASON_REQUIRED',
            message: `${input.year} was entered already (version ${previous.version}): say what this version changes (at least 4 characters)`,
          },
        ]);
      }
      const notice: WorkingDayNoticeRow = {
        year: input.year,
        version: (previous?.version ?? 0) + 1,
        holidays: [...holidays].sort(),
        workdays: [...workdays].sort(),
        source,
        publishedOn: input.publishedOn ?? null,
        reason,
        unusualTotal: input.unusualTotalConfirmed,
        deadlinesChanged: 0,
        enteredBy: by.keyId,
        enteredAt: now,
      };
      const calendar = (await this.calendars.calendarIn(tx)).withNotice({
        year: notice.year,
        holidays: notice.holidays,
        workdays: notice.workdays,
        source,
        version: notice.version,
      });
      notice.deadlinesChanged = await this.sharing.recountDeadlines(
        tx,
        calendar,
        { kind: 'notice', year: notice.year, version: notice.version },
        now,
      );
      try {
        await this.notices.insert(tx, notice);
      } catch (error) {
        // Two admins entering the same year at once: the primary key (year, version) lets one through.
        if ((error as { code?: string }).code === '23505')
          throw new HubError(
            'CONCURRENT_WRITE',
            `a notice for ${input.year} was entered at the same moment: look at it, and enter yours again if still needed`,
          );
        throw error;
      }
      await tx.publish([workingDayNoticeEnteredEvent(notice)]);
      return notice;
    });
    this.calendars.invalidate();
    this.log.info(
      { year: row.year, version: row.version, deadlinesChanged: row.deadlinesChanged, by: by.keyId },
      'working-day notice entered',
    );
    return row;
  }
}
