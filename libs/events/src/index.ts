export {
  createCloudEvent,
  toTransportMessage,
  fromTransportMessage,
  MalformedEventError,
  type CloudEvent,
  type NewEvent,
  type TransportMessage,
} from './cloud-event.js';
export type { EventTransport, TopicSpec, MessageHandler, ReceivedMessage, Subscription } from './event-transport.js';
export { InProcessTransport, InProcessLog } from './in-process-transport.js';
export { KafkaTransport, type KafkaTransportOptions } from './kafka-transport.js';
export { partitionFor } from './partition.js';
export { outboxTablesSql, outboxTraceparentSql, dropOutboxTablesSql, appendToOutbox } from './outbox.js';
export { TRACEPARENT_HEADER, inCreateSpan } from './tracing.js';
export { OutboxRelay, type OutboxRelayOptions, type RelayConnection } from './outbox-relay.js';
export { subscribeIdempotent, type IdempotentConsumerOptions } from './idempotent-consumer.js';
export { eventsSettled, type EventLedger, type SettledOptions } from './settled.js';
export type { SqlExecutor } from './sql.js';
export {
  EventsModule,
  EventPublisher,
  EVENT_TRANSPORT,
  createTransport,
  type EventsModuleOptions,
  type EventConsumer,
  type EventConsumerEntry,
} from './events.module.js';
export { UnitOfWork, Transaction, type TransactionRunner, type RelayWaker } from './unit-of-work.js';
export { EventsConfig } from './events.config.js';
