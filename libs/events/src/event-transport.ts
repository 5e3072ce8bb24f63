import type { TransportMessage } from './cloud-event.js';

export interface TopicSpec {
  topic: string;
  partitions: number;
}

export interface ReceivedMessage extends TransportMessage {
  partition: number;
  offset: string;
}

/** Called once per message, in order within a partition. A rejection means "not processed": it is delivered again. */
export type MessageHandler = (message: ReceivedMessage) => Promise<void>;

export interface Subscription {
  close(): Promise<void>;
}

/**
 * Where events go once they leave the outbox: Kafka in production, an in-process log without it.
 * Both keep the same semantics — per-key order, consumer groups with committed positions, and
 * at-least-once delivery — so business code has one path. Topic names here are logical; a
 * transport may add a configured prefix.
 */
export interface EventTransport {
  readonly kind: 'kafka' | 'in-process';
  ensureTopics(topics: TopicSpec[]): Promise<void>;
  /** Resolves only when every message is durably accepted; rejects otherwise (nothing is assumed sent). */
  publish(messages: TransportMessage[]): Promise<void>;
  subscribe(groupId: string, topics: string[], handler: MessageHandler): Promise<Subscription>;
  /** Throws when the transport cannot currently reach its broker (used by readiness checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
