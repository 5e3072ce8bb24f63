import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { InTransaction } from '@hub/persistence';
import { HealthRegistry, createLogger } from '@hub/observability';
import { CoverageWatch, calendarCoverage, loadWorkingDayCalendar, type WorkingDayCalendar } from '@hub/working-days';
import { WorkingDayNoticeRepository } from './working-day-notice.repository.js';

/** How long the calendar read from the notices serves: a notice received is in force within this. */
export const CALENDAR_REFRESH_MS = 2_000;

/**
 * The calendar data corrections are counted with: the calendar file (WORKING_DAY_CALENDAR, read at
 * start) with the notices received from the catalog (working-day-notice.consumer.ts), re-read at
 * most every two seconds. Registers the `working-day-calendar` health check and the daily warning,
 * as the catalog does.
 */
@Injectable()
export class WorkingDayCalendarStore implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = createLogger('once-only.working-day-calendar');
  /** The calendar file, read once at start. */
  readonly base: WorkingDayCalendar = loadWorkingDayCalendar();
  private latest: { at: number; calendar: WorkingDayCalendar } | null = null;
  private readonly watch = new CoverageWatch({
    calendar: () => this.last(),
    warn: (message, coverage) =>
      this.log.warn(
        { officialUntil: coverage.officialUntil, firstProvisionalYear: coverage.firstProvisionalYear },
        message,
      ),
  });

  constructor(
    private readonly notices: WorkingDayNoticeRepository,
    health: HealthRegistry,
  ) {
    health.register({
      name: 'working-day-calendar',
      critical: false,
      check: async () => {
        const warning = calendarCoverage(await this.currentOrLast(), new Date()).warning;
        if (warning) throw new Error(warning);
      },
      detail: () => {
        const { officialYears, officialUntil, firstProvisionalYear } = calendarCoverage(this.last(), new Date());
        return { officialYears, officialUntil, firstProvisionalYear };
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.currentOrLast();
    this.watch.start();
  }

  onApplicationShutdown(): void {
    this.watch.stop();
  }

  /** The calendar in force, at most CALENDAR_REFRESH_MS old (for health; a deadline is counted with forDeadline in its transaction). */
  async current(): Promise<WorkingDayCalendar> {
    if (this.latest && Date.now() - this.latest.at < CALENDAR_REFRESH_MS) return this.latest.calendar;
    const calendar = await this.calendarIn();
    this.latest = { at: Date.now(), calendar };
    return calendar;
  }

  /** The calendar file with every notice this app holds, as `tx` sees them (the pool's view without one). */
  async calendarIn(tx?: InTransaction): Promise<WorkingDayCalendar> {
    const rows = await this.notices.all(tx);
    return rows.reduce(
      (calendar, n) =>
        calendar.withNotice({
          year: n.year,
          holidays: n.holidays,
          workdays: n.workdays,
          source: n.source,
          version: n.version,
        }),
      this.base,
    );
  }

  /**
   * The calendar to give a deadline with, in the transaction that stores it: waits while a notice is
   * being applied, and holds the next one off until `tx` ends, so that no deadline escapes a recount.
   */
  async forDeadline(tx: InTransaction): Promise<WorkingDayCalendar> {
    await this.notices.lockForDeadline(tx);
    return this.calendarIn(tx);
  }

  /** Taken by a transaction that counts deadlines again (a notice received, the start). */
  lockForRecount(tx: InTransaction): Promise<void> {
    return this.notices.lockForRecount(tx);
  }

  /** The calendar last read (the file alone before the first read). */
  last(): WorkingDayCalendar {
    return this.latest?.calendar ?? this.base;
  }

  private async currentOrLast(): Promise<WorkingDayCalendar> {
    try {
      return await this.current();
    } catch (error) {
      this.log.warn({ err: error }, 'cannot read the working-day notices; using the calendar last read');
      return this.last();
    }
  }
}
