import type { EventConsumerEntry } from '@hub/events';
import { WorkingDayNoticeConsumer } from './calendar/working-day-notice.consumer.js';
import { CorrectionEventsConsumer } from './correction/correction-events.consumer.js';
import { EvidenceEventsConsumer } from './recognition/evidence-events.consumer.js';
import { SubjectEventsConsumer } from './recognition/subject-events.consumer.js';

/** Every consumer of the once-only app (each its own consumer group), a provider of OnceOnlyConsumersModule. */
export const ONCE_ONLY_CONSUMERS = [SubjectEventsConsumer, EvidenceEventsConsumer, CorrectionEventsConsumer, WorkingDayNoticeConsumer] satisfies EventConsumerEntry[];
