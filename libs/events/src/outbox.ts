import { createCloudEvent, type CloudEvent, type NewEvent } from './cloud-event.js';
import { schemaName, type SqlExecutor } from './sql.js';
import { inCreateSpan } from './tracing.js';

/**
 * The transactional outbox: each library writes its events into `<schema>.outbox` in the same
 * transaction as the change, so an event exists exactly when its change was committed. The relay
 * publishes rows in id order and marks them; `processed_event` backs idempotent consumers.
 * Called from an app's migration (the outbox is plain SQL, not an ORM entity).
 */
export function outboxTablesSql(schema: string): string[] {
  const s = schemaName(schema);
  return [
    `CREATE TABLE ${s}.outbox (
      id bigserial PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE,
      topic text NOT NULL,
      key text NOT NULL,
      type text NOT NULL,
      source text NOT NULL,
      subject text NOT NULL,
      time timestamptz NOT NULL DEFAULT now(),
      data jsonb NOT NULL,
      published_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      last_error text
    )`,
    `CREATE INDEX outbox_pending_idx ON ${s}.outbox (id) WHERE published_at IS NULL`,
    `CREATE TABLE ${s}.processed_event (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`,
  ];
}

/**
 * The outbox's `traceparent`: the W3C trace context of the span that wrote an event (null when
 * tracing is off), so that the relay's publish and the consumers' work join the writer's trace.
 * Added by each library's migration after its outbox.
 */
export function outboxTraceparentSql(schema: string): { up: string; down: string } {
  const s = schemaName(schema);
  return {
    up: `ALTER TABLE ${s}.outbox ADD COLUMN traceparent text`,
    down: `ALTER TABLE ${s}.outbox DROP COLUMN traceparent`,
  };
}

export function dropOutboxTablesSql(schema: string): string[] {
  const s = schemaName(schema);
  return [`DROP TABLE ${s}.processed_event`, `DROP TABLE ${s}.outbox`];
}

/** Appends events to the outbox through the caller's transaction; returns them as CloudEvents. */
export async function appendToOutbox(tx: SqlExecutor, schema: string, events: NewEvent[]): Promise<CloudEvent[]> {
  if (events.length === 0) return [];
  const cloudEvents = events.map((e) => ({ topic: e.topic, event: createCloudEvent(e) }));
  const outbox = { schema, topics: cloudEvents.map((c) => c.topic), eventIds: cloudEvents.map((c) => c.event.id) };
  return inCreateSpan(outbox, async (traceparent) => {
    const rows = cloudEvents.map(({ topic, event }) => ({
      event_id: event.id,
      topic,
      key: event.subject,
      type: event.type,
      source: event.source,
      subject: event.subject,
      time: event.time,
      data: event.data,
      traceparent,
    }));
    await tx.query(
      `INSERT INTO ${schemaName(schema)}.outbox (event_id, topic, key, type, source, subject, time, data, traceparent)
       SELECT event_id, topic, key, type, source, subject, time, data, traceparent
       FROM jsonb_to_recordset($1::jsonb) AS r(event_id uuid, topic text, key text, type text, source text, subject text, time timestamptz, data jsonb, traceparent text)`,
      [JSON.stringify(rows)],
    );
    return cloudEvents.map((c) => c.event);
  });
}
