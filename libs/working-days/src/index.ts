// @hub/working-days: the Chinese working-day calendar (Monday–Friday, minus public holidays, plus
// the State Council's weekend make-up working days, 调休) and the answer deadline of sharing
// applications (共享申请: 10 working days, the submission day not counted). A year without its
// notice counts the statutory holidays the law fixes in advance, and deadlines touching it are
// provisional. Days are 'YYYY-MM-DD' in China Standard Time. The only I/O is reading a calendar
// file on request (and CoverageWatch's timer).

import { readFileSync } from 'node:fs';
import {
  WorkingDayCalendar,
  type WorkingDayCalendarOptions,
  type WorkingDayCalendarSpec,
} from './working-day-calendar.js';

export {
  WorkingDayCalendar,
  isIsoDay,
  type OfficialYear,
  type WorkingDayCalendarOptions,
  type WorkingDayCalendarSpec,
  type WorkingDayNotice,
} from './working-day-calendar.js';
export {
  calendarCoverage,
  deadlineOf,
  isOverdue,
  recountDeadline,
  responseDeadline,
  workingDaysLeft,
  type CalendarCoverage,
  type Deadline,
  type DeadlineChange,
  type DeadlineChangeCause,
} from './deadline.js';
export { statutoryDayCount, statutoryHolidays, type StatutoryHoliday } from './statutory-holidays.js';
export { noticeViolations, type NoticeCheckOptions, type NoticeViolation } from './notice.js';
export { CoverageWatch, type CoverageWatchOptions } from './coverage-watch.js';

/** The calendar the hub ships, relative to the process's working directory. */
export const WORKING_DAY_CALENDAR_PATH = 'schemas/catalog/working-day-calendar.json';

/**
 * Reads a working-day calendar from a JSON file holding a `WorkingDayCalendarSpec`; fields it does
 * not know (such as `source`, naming the notices the lists come from) are ignored.
 *
 * The file is `path` when given, else the file named by the environment variable
 * `WORKING_DAY_CALENDAR` (so a deployment can carry a newer year's holidays without a release),
 * else `schemas/catalog/working-day-calendar.json`. Relative paths resolve against the process's
 * working directory. A missing, unparsable or invalid file throws an Error naming the file: a
 * wrong calendar would silently move deadlines. Years the file does not cover count their
 * statutory holidays (provisional) unless `options` say otherwise.
 */
export function loadWorkingDayCalendar(path?: string, options?: WorkingDayCalendarOptions): WorkingDayCalendar {
  const file = path ?? (process.env.WORKING_DAY_CALENDAR || WORKING_DAY_CALENDAR_PATH);
  let spec: unknown;
  try {
    spec = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `Cannot read the working-day calendar ${file}: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  try {
    return WorkingDayCalendar.fromSpec(spec as WorkingDayCalendarSpec, options);
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
