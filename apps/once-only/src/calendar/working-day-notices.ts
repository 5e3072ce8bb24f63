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

/** The advisory lock between giving deadlines and counting them again. */
const NOTICE_LOCK = `${ONCE_ONLY_SCHEMA}.working_day_notice`;

/**
 * The calendar to give a deadline with, in the transaction that stores it: waits while a notice is
 * being applied, and holds the next one off until `tx` ends, so that no deadline escapes a recount.
 */
export async function calendarForDeadline(tx: SqlExecutor, base?: WorkingDayCalendar): Promise<WorkingDayCalendar> {
  await tx.query(`SELECT pg_advisory_xact_lock_shared(hashtext('${NOTICE_LOCK}'))`);
  return calendarWithNotices(tx, base);
}

/** Taken by a transaction that counts deadlines again (a notice received, the start). */
export async function lockForRecount(tx: SqlExecutor): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('${NOTICE_LOCK}'))`);
}
