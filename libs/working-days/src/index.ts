// @hub/working-days: the Chinese working-day calendar (Monday–Friday, minus public holidays, plus
// the State Council's weekend make-up working days, 调休) and the answer deadline of sharing
// applications (共享申请: 10 working days, the submission day not counted). Days are
// 'YYYY-MM-DD' in China Standard Time. The only I/O is reading a calendar file on request.

import { readFileSync } from 'node:fs';
import { WorkingDayCalendar, type WorkingDayCalendarSpec } from './working-day-calendar.js';

export { WorkingDayCalendar, type WorkingDayCalendarSpec } from './working-day-calendar.js';
export { calendarCoverageProblem, isOverdue, responseDeadline } from './deadline.js';

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
 * wrong calendar would silently move deadlines.
 */
export function loadWorkingDayCalendar(path?: string): WorkingDayCalendar {
  const file = path ?? (process.env.WORKING_DAY_CALENDAR || WORKING_DAY_CALENDAR_PATH);
  let spec: unknown;
  try {
    spec = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the working-day calendar ${file}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  try {
    return WorkingDayCalendar.fromSpec(spec as WorkingDayCalendarSpec);
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
