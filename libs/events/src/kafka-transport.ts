import { Kafka, Partitioners, logLevel, type Consumer, type IHeaders, type Producer } from 'kafkajs';
import type { TransportMessage } from './cloud-event.js';
import type { EventTransport, MessageHandler, Subscription, TopicSpec } from './event-transport.js';
import { stopKafkajsIdleSpinning } from './kafkajs-idle-timer.js';

stopKafkajsIdleSpinning();

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  /** Prepended to every logical topic name; lets test runs and environments share one cluster. */
  topicPrefix?: string;
  /** How long one publish may take before it is reported failed (the outbox keeps the rows). */
  requestTimeoutMs?: number;
  log?: (level: 'error' | 'warn' | 'info', message: string, extra?: Record<string, unknown>) => void;
}

/**
 * The Kafka side of the event transport, on kafkajs. The producer is idempotent with one request in
 * flight, so a retried batch is neither duplicated nor reordered within a partition. A failed
 * publish throws and drops the producer; the next publish connects afresh — the outbox relay
 * retries, so nothing here needs to remember undelivered messages.
 */
export class KafkaTransport implements EventTransport {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private producer?: Promise<Producer>;
  private readonly consumers = new Set<Consumer>();
  private readonly prefix: string;

  constructor(private readonly options: KafkaTransportOptions) {
    this.prefix = options.topicPrefix ?? '';
    const log = options.log ?? (() => {});
    // kafkajs logs every reconnect attempt as an error; during a broker outage that is a line per
    // attempt for hours. The same message is logged at most every 30 s, as a warning (the outbox
    // relay reports the outage itself).
    const lastLogged = new Map<string, number>();
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout: 3_000,
      requestTimeout: options.requestTimeoutMs ?? 10_000,
      retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2_000 },
      logLevel: logLevel.WARN,
      logCreator:
        () =>
        ({ level, log: entry }) => {
          const { message, ...extra } = entry as { message: string } & Record<string, unknown>;
          // Bounded producer retries are deliberate: the outbox relay retries the batch itself, so
          // a broker outage shows up as failed publishes instead of a send that never returns.
          if (message.startsWith('Limiting retries for the idempotent producer')) return;
          const now = Date.now();
          if (now - (lastLogged.get(message) ?? 0) < 30_000) return;
          lastLogged.set(message, now);
          if (lastLogged.size > 1000) lastLogged.clear();
          log(level === logLevel.INFO ? 'info' : 'warn', `kafka: ${message}`, extra);
        },
    });
  }

  async ensureTopics(topics: TopicSpec[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.ensureTopicsOnce(topics);
      } catch (error) {
        // A broker electing leaders (after a restart, or busy) answers retriable errors for a
        // while, longer than kafkajs's own retries wait: an app starting then should wait too.
        if (!retriable(error) || attempt >= 8) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 3_000)));
      }
    }
  }

  private async ensureTopicsOnce(topics: TopicSpec[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((t) => !existing.has(this.prefix + t.topic));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((t) => ({
            topic: this.prefix + t.topic,
            numPartitions: t.partitions,
            replicationFactor: -1,
          })),
        });
      }
    } finally {
      await admin.disconnect();
    }
  }

  async publish(messages: TransportMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<string, TransportMessage[]>();
    for (const m of messages) {
      const list = byTopic.get(m.topic) ?? [];
      list.push(m);
      byTopic.set(m.topic, list);
    }
    const producer = await this.connectedProducer();
    try {
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic: this.prefix + topic,
          messages: list.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
        })),
      });
    } catch (error) {
      await this.dropProducer();
      throw error;
    }
  }

  async subscribe(groupId: string, topics: string[], handler: MessageHandler): Promise<Subscription> {
    // The topic prefix names an environment; its consumer groups must not meet another environment's,
    // or one broker serving two environments rebalances both every time either starts.
    const consumer = this.kafka.consumer({
      groupId: this.prefix + groupId,
      allowAutoTopicCreation: false,
      retry: { retries: 10 },
    });
    await consumer.connect();
    for (const topic of topics) await consumer.subscribe({ topic: this.prefix + topic, fromBeginning: true });
    this.consumers.add(consumer);
    await consumer.run({
      autoCommit: true,
      eachMessage: async ({ topic, partition, message }) => {
        // An exception here makes kafkajs seek back and deliver the message again: at-least-once.
        await handler({
          topic: topic.slice(this.prefix.length),
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? '',
          value: message.value?.toString() ?? '',
          headers: headersToStrings(message.headers),
        });
      },
    });
    return {
      close: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  async ping(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.describeCluster();
    } finally {
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    await this.dropProducer();
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // Java-compatible murmur2: a key lands in the same partition as with any other Kafka client.
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      try {
        await producer.connect();
        return producer;
      } catch (error) {
        this.producer = undefined;
        throw error;
      }
    })();
    return this.producer;
  }

  private async dropProducer(): Promise<void> {
    const pending = this.producer;
    this.producer = undefined;
    if (!pending) return;
    try {
      await (await pending).disconnect();
    } catch {
      // Already broken: nothing left to close.
    }
  }
}

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.map(String).join(',') : value.toString();
  }
  return out;
}

/** True for a kafkajs error worth trying again: flagged retriable (itself or its cause), or kafkajs's retries ran out. */
function retriable(error: unknown): boolean {
  const e = error as { name?: string; retriable?: boolean; cause?: { retriable?: boolean } } | null;
  return (
    !!e &&
    (e.retriable === true ||
      e.cause?.retriable === true ||
      e.name === 'KafkaJSNumberOfRetriesExceeded' ||
      e.name === 'KafkaJSConnectionError')
  );
}
