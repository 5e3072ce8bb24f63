// The working-day calendar of the once-only app: the calendar file with the notices the catalog's
// admins entered (this app's copy, fed by the catalog's policy events) on top.

import type { SqlExecutor } from '@hub/events';
import { loadWorkingDayCalendar, type WorkingDayCalendar } from '@hub/working-days';
import { ONCE_ONLY_SCHEMA } from '../once-only.schema.js';

/** `base` with every notice this app holds, as `tx` sees them. */
export async function calendarWithNotices(tx: SqlExecutor, base: WorkingDayCalendar = loadWorkingDayCalendar()): Promise<WorkingDayCalendar> {
  const rows: Array<{ year: number; version: number; holidays: string[]; workdays: string[]; source: string }> = await tx.query(
    `SELECT year, version, holidays, workdays, source FROM ${ONCE_ONLY_SCHEMA}.working_day_notice ORDER BY year`,
  );
  return rows.reduce((calendar, n) => calendar.withNotice({ year: n.year, holidays: n.holidays, workdays: n.workdays, source: n.source, version: n.version }), base);
}
