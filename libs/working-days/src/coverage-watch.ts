// The daily reminder that the working-day calendar is running out: every app that computes
// deadlines runs one, so an operator reading any of their logs learns it in time.

import { chinaDate } from '@hub/identifiers';
import { calendarCoverage, type CalendarCoverage } from './deadline.js';
import type { WorkingDayCalendar } from './working-day-calendar.js';

export interface CoverageWatchOptions {
  /** The calendar in force now (it changes when a notice is entered). */
  calendar: () => WorkingDayCalendar;
  /** Where the warning goes (a logger's warn). */
  warn: (message: string, coverage: CalendarCoverage) => void;
  /** The clock (tests inject one). */
  now?: () => Date;
  /** Warn from this many days before the last official day; default 60. */
  warnDays?: number;
}

/**
 * Logs `calendarCoverage`'s warning at most once per CST day, checking hourly (so a process that
 * runs for weeks still warns every day, and one started at noon warns at start).
 */
export class CoverageWatch {
  private lastWarnedOn: string | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: CoverageWatchOptions) {}

  /** Warns if the calendar runs out soon and it has not warned today (CST); true when it did. */
  check(): boolean {
    const now = (this.options.now ?? (() => new Date()))();
    const today = chinaDate(now);
    if (this.lastWarnedOn === today) return false;
    const coverage = calendarCoverage(this.options.calendar(), now, this.options.warnDays);
    if (!coverage.warning) return false;
    this.lastWarnedOn = today;
    this.options.warn(coverage.warning, coverage);
    return true;
  }

  start(everyMs = 3_600_000): void {
    this.stop();
    this.check();
    this.timer = setInterval(() => this.check(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
