// The answer deadline of a sharing application (共享申请): the provider department must answer
// within a number of working days of submission, and overdue applications go to supervision (督办).

import { chinaDate } from '@hub/identifiers';
import { isIsoDay, type WorkingDayCalendar } from './working-day-calendar.js';

/**
 * The last day (YYYY-MM-DD, China Standard Time) on which an answer to an application submitted at
 * `submittedAt` is on time.
 *
 * As in Chinese administrative practice (行政许可法 第八十二条: "期限开始的当日不计算在期限内"),
 * the day the period starts is not counted: the deadline is the `workingDays`-th working day after
 * the submission day. A submission on a weekend or holiday is taken as received on the next
 * working day, which is then likewise not counted — so Saturday and the following Monday give the
 * same deadline. The submission day is the CST calendar day, whatever the server's zone.
 *
 * Beyond the calendar's covered years only weekends are known; check `calendar.covers(deadline)`
 * where a deadline that may fall too early matters.
 */
export function responseDeadline(submittedAt: Date, calendar: WorkingDayCalendar, workingDays = 10): string {
  const submitted = chinaDate(validInstant(submittedAt, 'submittedAt'));
  const received = calendar.isWorkingDay(submitted) ? submitted : calendar.addWorkingDays(submitted, 1);
  return calendar.addWorkingDays(received, workingDays);
}

/**
 * Why the calendar cannot be trusted for applications submitted from `now` on, or null: the
 * deadline of an application submitted `aheadDays` calendar days from now must still fall in a
 * covered year. Beyond its years only weekends are known, and a holiday counted as a working day
 * makes a deadline fall too early (and the application look overdue before it is).
 */
export function calendarCoverageProblem(calendar: WorkingDayCalendar, now: Date, aheadDays = 30): string | null {
  const later = new Date(validInstant(now, 'now').getTime() + aheadDays * 86_400_000);
  const deadline = responseDeadline(later, calendar);
  if (calendar.covers(deadline)) return null;
  return `the working-day calendar does not cover ${deadline.slice(0, 4)}: deadlines from then on would count weekends only — add that year's holidays and make-up working days (WORKING_DAY_CALENDAR)`;
}

/** Whether an application with this deadline is overdue at `now`: from the CST day after the deadline on. */
export function isOverdue(deadline: string, now: Date): boolean {
  if (!isIsoDay(deadline)) throw new RangeError(`deadline must be a real date as YYYY-MM-DD, got ${JSON.stringify(deadline)}`);
  // 'YYYY-MM-DD' strings order as their days do.
  return chinaDate(validInstant(now, 'now')) > deadline;
}

// An invalid Date would otherwise surface as toISOString's bare "Invalid time value".
function validInstant(instant: Date, name: string): Date {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError(`${name} must be a valid Date`);
  return instant;
}
