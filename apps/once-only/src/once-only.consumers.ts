import { Module } from '@nestjs/common';
import type { EventConsumerEntry } from '@hub/events';
import { WorkingDayNoticeConsumer } from './calendar/working-day-notice.consumer.js';
import { CorrectionEventsConsumer } from './correction/correction-events.consumer.js';
import { EvidenceEventsConsumer } from './recognition/evidence-events.consumer.js';
import { SubjectEventsConsumer } from './recognition/subject-events.consumer.js';

/** Every consumer of the once-only app (each its own consumer group); EventsModule looks each up by its class when the app starts. */
export const ONCE_ONLY_CONSUMERS = [
  SubjectEventsConsumer,
  EvidenceEventsConsumer,
  CorrectionEventsConsumer,
  WorkingDayNoticeConsumer,
] satisfies EventConsumerEntry[];

/** The consumers as providers, with the repositories they use (global). */
@Module({ providers: ONCE_ONLY_CONSUMERS })
export class OnceOnlyConsumersModule {}
