import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HealthRegistry, createLogger } from '@hub/observability';
import { CoverageWatch, calendarCoverage, loadWorkingDayCalendar, type WorkingDayCalendar } from '@hub/working-days';
import { calendarWithNotices } from './working-day-notices.js';

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
    warn: (message, coverage) => this.log.warn({ officialUntil: coverage.officialUntil, firstProvisionalYear: coverage.firstProvisionalYear }, message),
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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

  /** The calendar in force, at most CALENDAR_REFRESH_MS old (for health; a deadline is counted with calendarForDeadline in its transaction). */
  async current(): Promise<WorkingDayCalendar> {
    if (this.latest && Date.now() - this.latest.at < CALENDAR_REFRESH_MS) return this.latest.calendar;
    const calendar = await calendarWithNotices(this.dataSource, this.base);
    this.latest = { at: Date.now(), calendar };
    return calendar;
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
