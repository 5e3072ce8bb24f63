import { Injectable } from '@nestjs/common';
import { loadConfig } from '@hub/config';
import type { CloudEvent, EventConsumer, Transaction } from '@hub/events';
import { CorrectionConfig } from '../correction/correction.config.js';
import { DataCorrectionRepository } from '../correction/data-correction.repository.js';
import { CATALOG_EVENT, CATALOG_POLICY_TOPIC } from '@hub/contracts';
import { recountCorrectionDeadlines } from './correction-deadlines.js';
import { WorkingDayNoticeRepository, type ReceivedNotice } from './working-day-notice.repository.js';
import { WorkingDayCalendarStore } from './working-day-calendar.store.js';

/**
 * Follows the working-day notices the catalog's admins enter: keeps the latest version of each
 * year (an older version arriving late is ignored) and, in the same transaction, counts again the
 * deadlines of the data corrections that count a day of that year. The calendar store reads the
 * copy within two seconds.
 */
@Injectable()
export class WorkingDayNoticeConsumer implements EventConsumer {
  readonly name = 'working-day-notices';
  readonly topics = [CATALOG_POLICY_TOPIC];

  constructor(
    private readonly notices: WorkingDayNoticeRepository,
    private readonly corrections: DataCorrectionRepository,
    private readonly calendars: WorkingDayCalendarStore,
  ) {}

  async handle(event: CloudEvent, tx: Transaction): Promise<void> {
    if (event.type !== CATALOG_EVENT.workingDayNoticeEntered) return;
    // What this consumer reads of hub.catalog.working-day-notice-entered.v1 (schemas/events).
    const notice = event.data as ReceivedNotice;
    await this.calendars.lockForRecount(tx);
    const stored = await this.notices.keepIfNewer(tx, notice, new Date());
    if (!stored) return; // this version or a later one is here already
    const calendar = await this.calendars.calendarIn(tx);
    await recountCorrectionDeadlines(
      this.corrections,
      tx,
      calendar,
      { kind: 'notice', year: notice.year, version: notice.version },
      loadConfig(CorrectionConfig).DATA_CORRECTION_WORKING_DAYS,
    );
  }
}
