import { loadConfig } from '@hub/config';
import type { CloudEvent, EventConsumer, SqlExecutor } from '@hub/events';
import { CorrectionConfig } from '../correction/correction.config.js';
import { CATALOG_EVENT, CATALOG_POLICY_TOPIC, type CatalogWorkingDayNoticeEntered as NoticeEntered } from '@hub/contracts';
import { ONCE_ONLY_SCHEMA } from '../once-only.schema.js';
import { recountCorrectionDeadlines } from './correction-deadlines.js';
import { calendarWithNotices, lockForRecount } from './working-day-notices.js';

/**
 * Follows the working-day notices the catalog's admins enter: keeps the latest version of each
 * year (an older version arriving late is ignored) and, in the same transaction, counts again the
 * deadlines of the data corrections that count a day of that year. The calendar store reads the
 * copy within two seconds.
 */
export const workingDayNoticeConsumer: EventConsumer = {
  name: 'working-day-notices',
  topics: [CATALOG_POLICY_TOPIC],
  async handle(event: CloudEvent, tx: SqlExecutor): Promise<void> {
    if (event.type !== CATALOG_EVENT.workingDayNoticeEntered) return;
    const notice = event.data as NoticeEntered;
    await lockForRecount(tx);
    const stored: unknown[] = await tx.query(
      `INSERT INTO ${ONCE_ONLY_SCHEMA}.working_day_notice (year, version, holidays, workdays, source, entered_at, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (year) DO UPDATE SET version = EXCLUDED.version, holidays = EXCLUDED.holidays, workdays = EXCLUDED.workdays,
              source = EXCLUDED.source, entered_at = EXCLUDED.entered_at, received_at = EXCLUDED.received_at
        WHERE ${ONCE_ONLY_SCHEMA}.working_day_notice.version < EXCLUDED.version
       RETURNING year`,
      [notice.year, notice.version, notice.holidays, notice.workdays, notice.source, notice.enteredAt, new Date()],
    );
    if (stored.length === 0) return; // this version or a later one is here already
    const calendar = await calendarWithNotices(tx);
    await recountCorrectionDeadlines(tx, calendar, { kind: 'notice', year: notice.year, version: notice.version }, loadConfig(CorrectionConfig).DATA_CORRECTION_WORKING_DAYS);
  },
};
