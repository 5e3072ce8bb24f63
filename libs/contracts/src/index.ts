// The hub's event contracts: topic names, event types and payload types, generated from
// schemas/events (npm run contracts:generate), and the few types that put them to use. Producers
// and consumers import these instead of writing a topic name or a payload shape of their own, so a
// payload change in a schema fails the typecheck of the code that reads what changed.
import type { CloudEvent, EventConsumer, NewEvent, SqlExecutor } from '@hub/events';
import type { EventPayloads, TopicEventTypes } from './generated/index.js';

export * from './generated/index.js';

/** An event type of the hub (a schema in schemas/events). */
export type EventType = keyof EventPayloads;
/** A topic of the hub (schemas/events/topics.json). */
export type Topic = keyof TopicEventTypes;
/** The topic that carries an event type. */
export type TopicOf<T extends EventType> = { [K in Topic]: T extends TopicEventTypes[K] ? K : never }[Topic];

/** A received event of one type (or of each of several): its `type` narrows its `data`. */
export type EventOf<T extends EventType> = T extends EventType
  ? Omit<CloudEvent<EventPayloads[T]>, 'type' | 'data'> & { type: T; data: EventPayloads[T] }
  : never;

/** Any event the topic (or one of the topics) carries: switch on `type` to read its `data`. */
export type TopicEvent<T extends Topic> = EventOf<TopicEventTypes[T]>;

/** An event to write to the outbox, checked against its contract: the payload its type's schema gives, on the topic that carries it. */
export type NewEventOf<T extends EventType> = T extends EventType
  ? Omit<NewEvent<EventPayloads[T]>, 'type' | 'topic' | 'data'> & { type: T; topic: TopicOf<T>; data: EventPayloads[T] }
  : never;

/** Checks an event against its contract at compile time (the outbox takes any NewEvent). */
export function contractEvent<T extends EventType>(event: NewEventOf<T>): NewEvent {
  return event;
}

type KeysOfEach<U> = U extends unknown ? keyof U : never;
type ValueIn<U, K extends PropertyKey> = U extends unknown ? (K extends keyof U ? U[K] : never) : never;

/**
 * Several payloads read through one view (e.g. a registration and a status change, for the status):
 * the properties every one of them has, and the others as optional, each with the types it has in
 * the payloads that carry it.
 */
export type Combined<U> = { [K in keyof U]: U[K] } & { [K in Exclude<KeysOfEach<U>, keyof U>]?: ValueIn<U, K> };

/** A consumer whose handler receives the events of its topics typed by their contracts. */
export interface ContractConsumer<T extends Topic> {
  /** Unique within the app; the consumer group is `<KAFKA_TOPIC_PREFIX>hub.<app>.<name>`. */
  name: string;
  topics: readonly T[];
  handle(event: TopicEvent<T>, tx: SqlExecutor): Promise<void>;
}

/**
 * An EventConsumer of hub topics. The transports deliver whatever the topics carry; the contract
 * is that they carry only the types topics.json lists, with the payloads their schemas give (the
 * producers' events are checked against those schemas in the tests).
 */
export function eventConsumer<const T extends Topic>(consumer: ContractConsumer<T>): EventConsumer {
  return {
    name: consumer.name,
    topics: [...consumer.topics],
    handle: (event, tx) => consumer.handle(event as TopicEvent<T>, tx),
  };
}
