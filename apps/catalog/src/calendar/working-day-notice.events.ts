import type { NewEvent } from '@hub/events';
import { CATALOG_EVENT, CATALOG_POLICY_TOPIC, type CatalogWorkingDayNoticeEntered } from '@hub/contracts';
import { CATALOG_SOURCE } from '../catalog.events.js';
import type { WorkingDayNoticeRow } from './working-day-notice.entity.js';

/** hub.catalog.working-day-notice-entered.v1, keyed by the year (the once-only app follows it for its own deadlines). */
export function workingDayNoticeEnteredEvent(notice: WorkingDayNoticeRow): NewEvent {
  return {
    topic: CATALOG_POLICY_TOPIC,
    type: CATALOG_EVENT.workingDayNoticeEntered,
    source: CATALOG_SOURCE,
    subject: String(notice.year),
    data: { ...notice, enteredAt: notice.enteredAt.toISOString() } satisfies CatalogWorkingDayNoticeEntered,
  };
}
