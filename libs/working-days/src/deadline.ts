// The answer deadline of a sharing application (共享申请): the provider department must answer
// within a number of working days of submission, and overdue applications go to supervision (督办).

import { chinaDate } from '@hub/identifiers';
import { addCalendarDays, isIsoDay, type OfficialYear, type WorkingDayCalendar } from './working-day-calendar.js';

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
 * In a year whose notice is not in the calendar only the statutory holidays are known: use
 * `deadlineOf` to learn whether the deadline is provisional.
 */
export function responseDeadline(submittedAt: Date, calendar: WorkingDayCalendar, workingDays = 10): string {
  const submitted = chinaDate(validInstant(submittedAt, 'submittedAt'));
  const received = calendar.isWorkingDay(submitted) ? submitted : calendar.addWorkingDays(submitted, 1);
  return calendar.addWorkingDays(received, workingDays);
}

export interface Deadline {
  /** The last day an answer is on time (YYYY-MM-DD, CST). */
  deadline: string;
  /**
   * True when a day counted (from the submission day to the deadline) falls in a year whose
   * notice the calendar does not hold: the deadline counts that year's statutory holidays only,
   * and may move when the notice is entered.
   */
  provisional: boolean;
}

/** `responseDeadline`, and whether it is provisional. */
export function deadlineOf(submittedAt: Date, calendar: WorkingDayCalendar, workingDays = 10): Deadline {
  const deadline = responseDeadline(submittedAt, calendar, workingDays);
  return { deadline, provisional: !calendar.coversRange(chinaDate(submittedAt), deadline) };
}

/** What the calendar says of itself at `now`, for /health and the daily warning. */
export interface CalendarCoverage {
  /** Years with official lists (the calendar file's, entered notices), in order. */
  officialYears: OfficialYear[];
  /**
   * The last day of the run of official years that begins with the current year (CST): deadlines
   * up to it are official. Null when the current year itself has no official lists.
   */
  officialUntil: string | null;
  /** The first year after `officialUntil` (or the current year): counted with statutory holidays only. */
  firstProvisionalYear: number;
  /** Set from `warnDays` calendar days before `officialUntil` on (and when it is null): what to do. */
  warning: string | null;
}

/**
 * The coverage of `calendar` at `now`, with a warning from `warnDays` days before its official
 * lists run out: from then on deadlines soon reach a year counted with its statutory holidays
 * only (provisional), until an admin enters that year's notice.
 */
export function calendarCoverage(calendar: WorkingDayCalendar, now: Date, warnDays = 60): CalendarCoverage {
  const today = chinaDate(validInstant(now, 'now'));
  const officialYears = calendar.officialYears();
  const official = new Set(officialYears.map((y) => y.year));
  let year = Number(today.slice(0, 4));
  while (official.has(year)) year++;
  const officialUntil = official.has(Number(today.slice(0, 4))) ? `${year - 1}-12-31` : null;
  const enter = `an admin enters the State Council's notice for ${year} (enterWorkingDayNotice); until then deadlines reaching into ${year} count only its statutory holidays and are marked provisional`;
  let warning: string | null = null;
  if (officialUntil === null)
    warning = `the working-day calendar holds no notice for ${year}, the current year: ${enter}`;
  else if (addCalendarDays(officialUntil, -warnDays) <= today) {
    const left = daysBetween(today, officialUntil);
    warning = `the working-day calendar is official until ${officialUntil} (${left} day${left === 1 ? '' : 's'} from now): ${enter}`;
  }
  return { officialYears, officialUntil, firstProvisionalYear: year, warning };
}

/** Whether an application with this deadline is overdue at `now`: from the CST day after the deadline on. */
export function isOverdue(deadline: string, now: Date): boolean {
  if (!isIsoDay(deadline))
    throw new RangeError(`deadline must be a real date as YYYY-MM-DD, got ${JSON.stringify(deadline)}`);
  // 'YYYY-MM-DD' strings order as their days do.
  return chinaDate(validInstant(now, 'now')) > deadline;
}

/**
 * Working days left to answer by `deadline` at `now`, counted as the deadline is (today, CST, not
 * counted): 5 on the report day of a 5-day deadline, 0 on the deadline day itself, and negative
 * once overdue — minus the working days since the deadline, at least 1 (a weekend right after the
 * deadline is already overdue).
 */
export function workingDaysLeft(deadline: string, now: Date, calendar: WorkingDayCalendar): number {
  if (!isIsoDay(deadline))
    throw new RangeError(`deadline must be a real date as YYYY-MM-DD, got ${JSON.stringify(deadline)}`);
  const today = chinaDate(validInstant(now, 'now'));
  if (today <= deadline) return calendar.workingDaysBetween(today, deadline);
  return -Math.max(1, calendar.workingDaysBetween(deadline, today));
}

// An invalid Date would otherwise surface as toISOString's bare "Invalid time value".
function validInstant(instant: Date, name: string): Date {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime()))
    throw new RangeError(`${name} must be a valid Date`);
  return instant;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Why a deadline already given was counted again. */
export type DeadlineChangeCause =
  /** A year's notice was entered (or corrected). */
  | { kind: 'notice'; year: number; version: number }
  /** The calendar the app started with differs from the one the deadline was counted with (a new calendar file, or statutory holidays newly applied). */
  | { kind: 'calendar' };

/** A deadline counted again, as kept in the history of an application or a correction. */
export interface DeadlineChange {
  previousDeadline: string;
  previousProvisional: boolean;
  deadline: string;
  provisional: boolean;
  cause: 'notice' | 'calendar';
  noticeYear: number | null;
  noticeVersion: number | null;
  /** ISO 8601 instant */
  changedAt: string;
}

/**
 * The deadline of something submitted at `submittedAt` with `workingDays`, counted again with
 * `calendar`: the change, or null when neither the day nor its provisional mark moves.
 */
export function recountDeadline(
  given: { submittedAt: Date; workingDays: number; deadline: string; provisional: boolean },
  calendar: WorkingDayCalendar,
  cause: DeadlineChangeCause,
  now: Date,
): DeadlineChange | null {
  const { deadline, provisional } = deadlineOf(given.submittedAt, calendar, given.workingDays);
  if (deadline === given.deadline && provisional === given.provisional) return null;
  return {
    previousDeadline: given.deadline,
    previousProvisional: given.provisional,
    deadline,
    provisional,
    cause: cause.kind,
    noticeYear: cause.kind === 'notice' ? cause.year : null,
    noticeVersion: cause.kind === 'notice' ? cause.version : null,
    changedAt: validInstant(now, 'now').toISOString(),
  };
}
