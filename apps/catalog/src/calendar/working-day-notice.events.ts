import type { NewEvent } from '@hub/events';
import { CATALOG_EVENT, CATALOG_SOURCE, POLICY_TOPIC } from '../catalog.events.js';
import type { WorkingDayNoticeRow } from './working-day-notice.entity.js';

/** The payload of hub.catalog.working-day-notice-entered.v1 (schemas/events). */
export interface WorkingDayNoticeEntered {
  year: number;
  version: number;
  holidays: string[];
  workdays: string[];
  source: string;
  publishedOn: string | null;
  reason: string | null;
  unusualTotal: boolean;
  deadlinesChanged: number;
  enteredBy: string;
  enteredAt: string;
}

/** hub.catalog.working-day-notice-entered.v1, keyed by the year (the once-only app follows it for its own deadlines). */
export function workingDayNoticeEnteredEvent(notice: WorkingDayNoticeRow): NewEvent {
  return {
    topic: POLICY_TOPIC,
    type: CATALOG_EVENT.workingDayNoticeEntered,
    source: CATALOG_SOURCE,
    subject: String(notice.year),
    data: { ...notice, enteredAt: notice.enteredAt.toISOString() } satisfies WorkingDayNoticeEntered,
  };
}
