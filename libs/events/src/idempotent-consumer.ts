import { fromTransportMessage, type CloudEvent } from './cloud-event.js';
import type { EventTransport, ReceivedMessage, Subscription } from './event-transport.js';
import { schemaName, type SqlExecutor } from './sql.js';
import { inProcessSpan } from './tracing.js';

export interface IdempotentConsumerOptions<T> {
  /** The consumer's name: its Kafka consumer group and its key in `<schema>.processed_event`. */
  name: string;
  /** The app consuming (named on its process spans). */
  app?: string;
  schema: string;
  topics: string[];
  transport: EventTransport;
  /** Runs `work` in one database transaction (e.g. TypeORM's `dataSource.transaction`). */
  transaction<R>(work: (tx: SqlExecutor) => Promise<R>): Promise<R>;
  /** Applies one event inside the transaction that also records its id. */
  handle(event: CloudEvent<T>, tx: SqlExecutor, message: ReceivedMessage): Promise<void>;
  onDuplicate?(event: CloudEvent<T>): void;
  /** After the handler's transaction committed (e.g. to publish the events it wrote to the outbox). */
  onCommitted?(event: CloudEvent<T>): void;
}

/**
 * Subscribes a handler so that each event id takes effect once, although the transports deliver
 * at least once: the event id is recorded in the same transaction as the handler's writes, and an
 * id already recorded is skipped.
 */
export async function subscribeIdempotent<T>(options: IdempotentConsumerOptions<T>): Promise<Subscription> {
  const table = `${schemaName(options.schema)}.processed_event`;
  return options.transport.subscribe(options.name, options.topics, (message) =>
    inProcessSpan(options.name, options.app, message, async () => {
      const event = fromTransportMessage<T>(message);
      const applied = await options.transaction(async (tx) => {
        const inserted = await tx.query(
          `INSERT INTO ${table} (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
          [options.name, event.id],
        );
        if (inserted.length === 0) return false;
        await options.handle(event, tx, message);
        return true;
      });
      if (applied) options.onCommitted?.(event);
      else options.onDuplicate?.(event);
    }),
  );
}
