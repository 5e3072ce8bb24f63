import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { InTransaction } from '@hub/persistence';
import { HealthRegistry, Metrics, createLogger } from '@hub/observability';
import { CoverageWatch, calendarCoverage, loadWorkingDayCalendar, type WorkingDayCalendar } from '@hub/working-days';
import { WorkingDayNoticeRepository } from './working-day-notice.repository.js';

/** Days from today (China time) to the last day the calendar's official notices cover; 0 when the current year has none. */
export function officialDaysLeft(calendar: WorkingDayCalendar, now: Date): number {
  const { officialUntil } = calendarCoverage(calendar, now);
  if (officialUntil === null) return 0;
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return Math.round((Date.parse(officialUntil) - Date.parse(today)) / 86_400_000);
}

/** How long the calendar read from the notices serves: a notice entered on another catalog instance is in force within this. */
export const CALENDAR_REFRESH_MS = 2_000;

/**
 * The working-day calendar the catalog counts deadlines with: the calendar file
 * (WORKING_DAY_CALENDAR, read at start; an invalid one stops the catalog) with the latest version
 * of every notice an admin entered on top, re-read from the database at most every two seconds.
 * Years covered by neither count their statutory holidays (provisional). Registers the
 * `working-day-calendar` health check and logs the daily warning when the official years run out.
 */
@Injectable()
export class WorkingDayCalendarStore implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = createLogger('catalog.working-day-calendar');
  private readonly base: WorkingDayCalendar = loadWorkingDayCalendar();
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
    @Inject(Metrics) metrics: Metrics,
  ) {
    // Read at each scrape from the calendar in force: an alert fires in December while next
    // year's notice is missing, and at once when the current year has none.
    metrics.gauge(
      'hub_working_day_calendar_official_days_left',
      'Days until the official working-day calendar runs out (0: the current year has no notice)',
      [],
      (gauge) => gauge.set(officialDaysLeft(this.last(), new Date())),
    );
    // Not critical (deadlines are still given, marked provisional), but visible from 60 days before
    // the official years run out; the detail says which years are official either way.
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

  /** The calendar in force: the file and the notices entered, at most CALENDAR_REFRESH_MS old (for reading; deadlines use forDeadline). */
  async current(): Promise<WorkingDayCalendar> {
    if (this.latest && Date.now() - this.latest.at < CALENDAR_REFRESH_MS) return this.latest.calendar;
    const calendar = await this.calendarIn();
    this.latest = { at: Date.now(), calendar };
    return calendar;
  }

  /**
   * The calendar to give a deadline with, in the transaction that stores it: waits while a notice
   * is being entered, and holds the next one off until `tx` ends — so that every deadline is either
   * counted with a notice or seen by its recount, whichever catalog instance gives it.
   */
  async forDeadline(tx: InTransaction): Promise<WorkingDayCalendar> {
    await this.notices.lockForDeadline(tx);
    return this.calendarIn(tx);
  }

  /** Taken by a transaction that counts deadlines again (a notice entered, the start): no deadline is given meanwhile. */
  async lockForRecount(tx: InTransaction): Promise<void> {
    await this.notices.lockForRecount(tx);
  }

  /** The calendar with the notices as `tx` sees them (inside the transaction that enters one). */
  async calendarIn(tx?: InTransaction): Promise<WorkingDayCalendar> {
    const rows = await this.notices.latestPerYear(tx);
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

  /** The calendar last read (the file alone before the first read). */
  last(): WorkingDayCalendar {
    return this.latest?.calendar ?? this.base;
  }

  /** Read the notices again at the next use (this instance entered one). */
  invalidate(): void {
    this.latest = null;
  }

  // Health and the warning must not fail because the database is away: they report what was last read.
  private async currentOrLast(): Promise<WorkingDayCalendar> {
    try {
      return await this.current();
    } catch (error) {
      this.log.warn({ err: error }, 'cannot read the working-day notices; using the calendar last read');
      return this.last();
    }
  }
}
