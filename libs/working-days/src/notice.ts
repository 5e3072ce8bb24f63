// Checks of a year's notice (国务院办公厅关于XXXX年部分节假日安排的通知) before the hub takes it: a
// notice is typed in by hand, and a wrong day moves every deadline that crosses it.

import {
  FIRST_STATUTORY_YEAR,
  LAST_STATUTORY_YEAR,
  statutoryDayCount,
  statutoryHolidays,
} from './statutory-holidays.js';
import { isIsoDay, isWeekendDay, type WorkingDayNotice } from './working-day-calendar.js';

/** One thing wrong with a notice: the input field (`holidays[3]`), a stable code, and what to do. */
export interface NoticeViolation {
  field: string;
  code:
    | 'YEAR_INVALID'
    | 'DAY_INVALID'
    | 'DAY_OUTSIDE_YEAR'
    | 'DAY_LISTED_TWICE'
    | 'DAY_BOTH_HOLIDAY_AND_WORKDAY'
    | 'HOLIDAY_ON_WEEKEND'
    | 'WORKDAY_NOT_ON_WEEKEND'
    | 'STATUTORY_DAY_MISSING'
    | 'TOTAL_UNUSUAL';
  message: string;
}

export interface NoticeCheckOptions {
  /**
   * Days off on Monday–Friday less make-up working days is, in every ordinary year, the number of
   * statutory days (13 since 2025): a statutory day on a weekend is made up on a weekday (补休)
   * and every bridging weekday off is paid back by a weekend day worked. A notice that gives
   * another total (a one-off holiday, as on 3 September 2015) is taken only when confirmed.
   */
  unusualTotalConfirmed?: boolean;
}

/**
 * Everything wrong with `notice`, empty when none: each day a real date, in the notice's year
 * (or the December before: New Year bridging), listed once and in one list only; days off on
 * Monday–Friday and days worked on weekends; every statutory holiday on a weekday given off (a
 * notice never takes one away); and the usual total, unless confirmed.
 */
export function noticeViolations(
  notice: Pick<WorkingDayNotice, 'year' | 'holidays' | 'workdays'>,
  options: NoticeCheckOptions = {},
): NoticeViolation[] {
  const violations: NoticeViolation[] = [];
  const { year } = notice;
  if (!Number.isInteger(year) || year < FIRST_STATUTORY_YEAR || year > LAST_STATUTORY_YEAR) {
    return [
      {
        field: 'year',
        code: 'YEAR_INVALID',
        message: `the year is one from ${FIRST_STATUTORY_YEAR} to ${LAST_STATUTORY_YEAR}, got ${String(year)}`,
      },
    ];
  }
  const seen = new Map<string, string>();
  const check = (list: readonly unknown[], name: 'holidays' | 'workdays') => {
    list.forEach((day, i) => {
      const field = `${name}[${i}]`;
      if (typeof day !== 'string' || !isIsoDay(day)) {
        violations.push({
          field,
          code: 'DAY_INVALID',
          message: `${JSON.stringify(day)} is not a real date as YYYY-MM-DD`,
        });
        return;
      }
      const dayYear = Number(day.slice(0, 4));
      if (dayYear !== year && !(dayYear === year - 1 && day.slice(5, 7) === '12')) {
        violations.push({
          field,
          code: 'DAY_OUTSIDE_YEAR',
          message: `${day} is not in ${year} (nor in the December before, for the New Year holiday)`,
        });
        return;
      }
      const earlier = seen.get(day);
      if (earlier === name) violations.push({ field, code: 'DAY_LISTED_TWICE', message: `${day} is listed twice` });
      else if (earlier)
        violations.push({
          field,
          code: 'DAY_BOTH_HOLIDAY_AND_WORKDAY',
          message: `${day} is listed both as a day off and as a working day`,
        });
      seen.set(day, name);
      if (name === 'holidays' && isWeekendDay(day)) {
        violations.push({
          field,
          code: 'HOLIDAY_ON_WEEKEND',
          message: `${day} is a weekend day, off anyway: list only Monday–Friday days off`,
        });
      }
      if (name === 'workdays' && !isWeekendDay(day)) {
        violations.push({
          field,
          code: 'WORKDAY_NOT_ON_WEEKEND',
          message: `${day} is a Monday–Friday day, worked anyway: list only weekend days worked (调休上班)`,
        });
      }
    });
  };
  check(Array.isArray(notice.holidays) ? notice.holidays : [], 'holidays');
  check(Array.isArray(notice.workdays) ? notice.workdays : [], 'workdays');
  if (violations.length > 0) return violations;

  const holidays = new Set(notice.holidays);
  for (const statutory of statutoryHolidays(year)) {
    if (!isWeekendDay(statutory.day) && !holidays.has(statutory.day)) {
      violations.push({
        field: 'holidays',
        code: 'STATUTORY_DAY_MISSING',
        message: `${statutory.day} (${statutory.name}) is a statutory holiday on a weekday: the notice gives it off`,
      });
    }
  }
  const inYear = (day: string) => day.startsWith(`${year}-`);
  const total = notice.holidays.filter(inYear).length - notice.workdays.filter(inYear).length;
  const expected = statutoryDayCount(year);
  if (violations.length === 0 && total !== expected && !options.unusualTotalConfirmed) {
    violations.push({
      field: 'holidays',
      code: 'TOTAL_UNUSUAL',
      message: `${year}'s weekdays off less its weekend days worked make ${total}, not the ${expected} statutory days: check the lists against the notice, or confirm an unusual year (unusualTotalConfirmed)`,
    });
  }
  return violations;
}
