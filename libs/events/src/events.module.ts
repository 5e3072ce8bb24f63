import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { loadConfig } from '@hub/config';
import { HealthRegistry, Metrics, createLogger } from '@hub/observability';
import { DATABASE_LOCATION, type DatabaseLocation } from '@hub/persistence';
import type { NewEvent, CloudEvent } from './cloud-event.js';
import type { EventTransport, Subscription, TopicSpec } from './event-transport.js';
import { subscribeIdempotent } from './idempotent-consumer.js';
import { EventsConfig } from './events.config.js';
import { InProcessTransport } from './in-process-transport.js';
import { KafkaTransport } from './kafka-transport.js';
import { appendToOutbox } from './outbox.js';
import { OutboxRelay } from './outbox-relay.js';
import type { SqlExecutor } from './sql.js';
import { Transaction, UnitOfWork } from './unit-of-work.js';

export const EVENT_TRANSPORT = Symbol('EVENT_TRANSPORT');
export const EVENTS_OPTIONS = Symbol('EVENTS_OPTIONS');

export interface EventsModuleOptions {
  /** The app's name: the Kafka client id and the prefix of its consumer groups. */
  app: string;
  /** The library schema whose outbox this app relays. */
  schema: string;
  /** The topics this app publishes to; created at first publish when missing. */
  topics: TopicSpec[];
  /**
   * How this app reacts to other libraries' events. Each event id takes effect once. A class here
   * is a provider of one of the app's modules, looked up (not created) when the app starts.
   */
  consumers?: EventConsumerEntry[];
}

/**
 * A reaction to other libraries' events: `handle` runs in a transaction of this app's database
 * (which also records the event id), so its writes — including events it appends to the outbox —
 * happen exactly once per event.
 */
export interface EventConsumer {
  /** Unique within the app; the consumer group is `<KAFKA_TOPIC_PREFIX>hub.<app>.<name>`. */
  name: string;
  topics: string[];
  /** `tx` is the consumer's unit of work: repositories run in `tx.manager`, events go out with `tx.publish`. */
  handle(event: CloudEvent, tx: Transaction): Promise<void>;
}

/**
 * How an app lists its consumers: plain objects, or Nest providers (classes implementing
 * EventConsumer) resolved from the app's module when it starts.
 */
export type EventConsumerEntry = EventConsumer | (abstract new (...args: never[]) => EventConsumer);

export function createTransport(app: string, config: EventsConfig): EventTransport {
  if (!config.KAFKA_BROKERS) return new InProcessTransport(config.KAFKA_TOPIC_PREFIX);
  const logger = createLogger(`${app}.kafka`);
  return new KafkaTransport({
    brokers: config.KAFKA_BROKERS.split(','),
    clientId: `hub-${app}`,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    log: (level, message, extra) => logger[level](extra ?? {}, message),
  });
}

/**
 * What business code uses to emit events: `record` writes them into the outbox through the
 * caller's transaction; `committed` tells the relay to publish now rather than at its next poll.
 */
@Injectable()
export class EventPublisher {
  constructor(
    @Inject(EVENTS_OPTIONS) private readonly options: EventsModuleOptions,
    private readonly relay: OutboxRelay,
  ) {}

  record(tx: SqlExecutor, events: NewEvent[]): Promise<CloudEvent[]> {
    return appendToOutbox(tx, this.options.schema, events);
  }

  committed(): void {
    this.relay.nudge();
  }
}

@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly subscriptions: Subscription[] = [];
  private stopped = false;

  constructor(
    private readonly relay: OutboxRelay,
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    private readonly health: HealthRegistry,
    @Inject(EVENTS_OPTIONS) private readonly options: EventsModuleOptions,
    private readonly unitOfWork: UnitOfWork,
    private readonly metrics: Metrics,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** The consumers, a class looked up among the app's providers: one that is not there stops the start (it would never consume). */
  private consumers(): EventConsumer[] {
    return (this.options.consumers ?? []).map((entry) => {
      if (typeof entry !== 'function') return entry;
      try {
        return this.moduleRef.get(entry, { strict: false });
      } catch {
        throw new Error(
          `event consumer ${entry.name} is not a provider of any module of ${this.options.app}: add it to a module's providers`,
        );
      }
    });
  }

  /**
   * Subscribes the consumers, retrying in the background while the broker is unreachable: an app
   * must start (and serve reads and writes) even when Kafka is down.
   */
  private async startConsumers(consumers: EventConsumer[]): Promise<void> {
    if (consumers.length === 0) return;
    const logger = createLogger(`${this.options.app}.consumers`);
    const consumed = this.metrics.counter('hub_events_consumed_total', 'Events consumed from other libraries', [
      'consumer',
      'outcome',
    ]);
    // Set where each event is handled: how old the event was when this consumer got to it. A
    // consumer that stops consuming stops moving it, so alerts pair it with the consumed rate.
    const lag = this.metrics.gauge(
      'hub_events_consumer_lag_seconds',
      'Age of the last event a consumer handled when it handled it, by consumer and topic',
      ['consumer', 'topic'],
    );
    const topics = [...new Set(consumers.flatMap((c) => c.topics))].map((topic) => ({ topic, partitions: 6 }));
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.transport.ensureTopics(topics);
        for (const consumer of consumers) {
          this.subscriptions.push(
            await subscribeIdempotent({
              name: `hub.${this.options.app}.${consumer.name}`,
              app: this.options.app,
              schema: this.options.schema,
              topics: consumer.topics,
              transport: this.transport,
              transaction: (work) => this.unitOfWork.run((tx) => work(tx)),
              handle: async (event, tx, message) => {
                lag.set(
                  { consumer: consumer.name, topic: message.topic },
                  Math.max(0, (Date.now() - Date.parse(event.time)) / 1000),
                );
                await consumer.handle(event, tx as Transaction);
                consumed.inc({ consumer: consumer.name, outcome: 'applied' });
              },
              onDuplicate: () => consumed.inc({ consumer: consumer.name, outcome: 'duplicate' }),
              // The unit of work wakes the relay for events published with tx.publish; a consumer
              // may also append through the plain SqlExecutor (appendToOutbox), which it cannot see.
              onCommitted: () => this.relay.nudge(),
            }),
          );
        }
        return;
      } catch (error) {
        if (attempt === 1 || attempt % 20 === 0)
          logger.warn({ attempt, err: error }, 'cannot subscribe the event consumers yet; retrying');
        await new Promise((r) => setTimeout(r, Math.min(500 * attempt, 5_000)));
      }
    }
  }

  onApplicationBootstrap(): void {
    const consumers = this.consumers();
    let lastPing = 0;
    this.health.register({
      name: 'events',
      critical: false,
      check: async () => {
        if (this.relay.lastError) throw new Error(`outbox relay: ${this.relay.lastError}`);
        // Pinging Kafka opens a connection: do it at most every 5 s.
        if (Date.now() - lastPing > 5_000) {
          await this.transport.ping();
          lastPing = Date.now();
        }
      },
    });
    this.relay.start();
    void this.startConsumers(consumers);
  }

  /** Before the database closes (TypeORM closes it on application shutdown): publish what was committed, bounded. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.subscriptions.map((s) => s.close()));
    await this.relay.stop(5_000);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}

/** The outbox relay and event transport of one app (Kafka with KAFKA_BROKERS, in-process otherwise). */
@Module({})
export class EventsModule {
  static forRoot(options: EventsModuleOptions): DynamicModule {
    return {
      module: EventsModule,
      global: true,
      providers: [
        { provide: EVENTS_OPTIONS, useValue: options },
        // Read when the app is created, not when this module is imported: the environment is final then.
        { provide: EventsConfig, useFactory: () => loadConfig(EventsConfig) },
        {
          provide: EVENT_TRANSPORT,
          inject: [EventsConfig],
          useFactory: (config: EventsConfig) => createTransport(options.app, config),
        },
        {
          provide: OutboxRelay,
          inject: [DATABASE_LOCATION, EVENT_TRANSPORT, Metrics, EventsConfig],
          useFactory: (
            location: DatabaseLocation,
            transport: EventTransport,
            metrics: Metrics,
            config: EventsConfig,
          ) => {
            const logger = createLogger(`${options.app}.outbox`);
            const published = metrics.counter('hub_outbox_published_total', 'Events published from the outbox');
            const failures = metrics.counter(
              'hub_outbox_publish_failures_total',
              'Failed attempts to publish a batch from the outbox',
            );
            let topicsReady = false;
            const relay = new OutboxRelay({
              schema: options.schema,
              app: options.app,
              transport: {
                ...transport,
                kind: transport.kind,
                publish: async (messages) => {
                  if (!topicsReady) {
                    await transport.ensureTopics(options.topics);
                    topicsReady = true;
                  }
                  await transport.publish(messages);
                },
              } as EventTransport,
              leaderLock: !location.embedded,
              connect: async () => {
                const client = new pg.Client({
                  connectionString: location.url,
                  application_name: `hub-${options.app}-relay`,
                });
                client.on('error', () => undefined); // a broken connection fails the next query; the relay reconnects
                await client.connect();
                // The relay's poll (unpublished rows in id order) must walk the pending index in order: a
                // bitmap scan instead visits every row published since the last vacuum on every poll, and
                // never marks them dead in the index, so a busy outbox makes each poll slower. (Not on the
                // embedded database, whose connections share one session.)
                if (!location.embedded) await client.query('SET enable_bitmapscan = off');
                return {
                  query: async (sql, params) => (await client.query(sql, params)).rows,
                  release: () => client.end(),
                };
              },
              batchSize: config.OUTBOX_BATCH_SIZE,
              pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
              retentionDays: config.OUTBOX_RETENTION_DAYS,
              onPublished: (n) => published.inc(n),
              onFailure: (error, attempt) => {
                failures.inc();
                // One line per failure streak milestone, not one per retry: a broker outage can last hours.
                if (attempt === 1 || attempt % 20 === 0) {
                  logger.warn(
                    { attempt, error: error instanceof Error ? error.message : String(error) },
                    'publishing events failed; they stay in the outbox and will be retried',
                  );
                }
              },
            });
            metrics.gauge(
              'hub_outbox_lag_seconds',
              'Seconds the oldest event not yet published from the outbox has waited (0: caught up)',
              [],
              (g) => g.set(relay.lagSeconds()),
            );
            metrics.gauge('hub_outbox_relay_failing', 'Whether the last publish attempt failed', [], (g) =>
              g.set(relay.lastError ? 1 : 0),
            );
            return relay;
          },
        },
        {
          provide: UnitOfWork,
          inject: [getDataSourceToken(), OutboxRelay],
          useFactory: (dataSource: DataSource, relay: OutboxRelay) =>
            new UnitOfWork<EntityManager>(
              (work) => dataSource.transaction((manager) => work(manager)),
              options.schema,
              relay,
            ),
        },
        EventPublisher,
        RelayLifecycle,
      ],
      exports: [EVENT_TRANSPORT, EventPublisher, OutboxRelay, UnitOfWork],
    };
  }
}
