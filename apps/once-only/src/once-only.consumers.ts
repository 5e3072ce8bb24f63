import type { EventConsumer } from '@hub/events';
import { workingDayNoticeConsumer } from './calendar/working-day-notice.consumer.js';
import { correctionEventsConsumer } from './correction/correction-events.consumer.js';
import { evidenceEventsConsumer } from './recognition/evidence-events.consumer.js';
import { subjectEventsConsumer } from './recognition/subject-events.consumer.js';

/** Every consumer of the once-only app (each its own consumer group). */
export const ONCE_ONLY_CONSUMERS: EventConsumer[] = [subjectEventsConsumer, evidenceEventsConsumer, correctionEventsConsumer, workingDayNoticeConsumer];
