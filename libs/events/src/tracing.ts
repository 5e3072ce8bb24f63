import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { APP_KEY, hubTracer } from '@hub/observability';
import type { ReceivedMessage } from './event-transport.js';

/**
 * An event's way through a trace: `create <topic>` where the outbox row is written (its W3C
 * traceparent is stored with the row, the CloudEvents distributed-tracing idea), `send <topic>`
 * when the relay publishes it (its traceparent travels as the message header `traceparent`), and
 * `process <topic>` where a consumer applies it, a child of the send span. All no-ops while tracing
 * is off: no span is active, so nothing is started and no traceparent is stored or sent.
 * Attributes name topics, event ids and consumer groups — never a message key or body (a key is a
 * USCC or a citizen ID).
 */

/** The message header (Kafka, in-process) that carries the context of the span that sent the message. */
export const TRACEPARENT_HEADER = 'traceparent';

function traceparentOf(ctx: Context): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier[TRACEPARENT_HEADER] ?? null;
}

function contextOf(traceparent: string | null | undefined): Context | undefined {
  if (!traceparent) return undefined;
  const ctx = propagation.extract(ROOT_CONTEXT, { [TRACEPARENT_HEADER]: traceparent });
  return trace.getSpanContext(ctx) ? ctx : undefined;
}

/**
 * Runs `write` (the statement that writes events into the outbox) in a `create` span when the
 * caller is traced, and gives it the traceparent to store with the rows (null when not traced).
 */
export async function inCreateSpan<T>(
  outbox: { schema: string; topics: string[]; eventIds?: string[] },
  write: (traceparent: string | null) => Promise<T>,
): Promise<T> {
  const parent = context.active();
  if (!trace.getSpan(parent)?.isRecording()) return write(null);
  const topics = [...new Set(outbox.topics)];
  const ids = outbox.eventIds ?? [];
  const span = hubTracer().startSpan(
    topics.length === 1 ? `create ${topics[0]}` : 'create',
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.operation.type': 'create',
        ...(topics.length === 1 ? { 'messaging.destination.name': topics[0] } : {}),
        ...(ids.length ? { 'messaging.batch.message_count': ids.length } : {}),
        ...(ids.length === 1 ? { 'messaging.message.id': ids[0] } : {}),
        'hub.outbox.schema': outbox.schema,
      },
    },
    parent,
  );
  const ctx = trace.setSpan(parent, span);
  try {
    return await context.with(ctx, () => write(traceparentOf(ctx)));
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

/**
 * A `send` span for one outbox row the relay publishes, the child of the span that wrote it, and
 * the headers that make the consumer's span its child. Undefined for a row written outside a trace.
 */
export function startSendSpan(
  transport: string,
  app: string | undefined,
  row: { topic: string; event_id: string; traceparent?: string | null },
): { span: Span; headers: Record<string, string> } | undefined {
  const created = contextOf(row.traceparent);
  if (!created) return undefined;
  const parent = app ? created.setValue(APP_KEY, app) : created;
  const span = hubTracer().startSpan(
    `send ${row.topic}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': transport,
        'messaging.operation.type': 'send',
        'messaging.destination.name': row.topic,
        'messaging.message.id': row.event_id,
      },
    },
    parent,
  );
  const traceparent = traceparentOf(trace.setSpan(parent, span));
  return { span, headers: traceparent ? { [TRACEPARENT_HEADER]: traceparent } : {} };
}

/** Ends the relay's send spans, as failed when the publish failed. */
export function endSendSpans(spans: Array<{ span: Span } | undefined>, error?: unknown): void {
  for (const s of spans) {
    if (!s) continue;
    if (error)
      s.span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'publish failed' });
    s.span.end();
  }
}

/** Runs a consumer's handling of a message in a `process` span, the child of the message's send span; without a traceparent, untraced. */
export async function inProcessSpan<T>(
  consumer: string,
  app: string | undefined,
  message: ReceivedMessage,
  work: () => Promise<T>,
): Promise<T> {
  const sent = contextOf(message.headers[TRACEPARENT_HEADER]);
  if (!sent) return work();
  const parent = app ? sent.setValue(APP_KEY, app) : sent;
  const span = hubTracer().startSpan(
    `process ${message.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.operation.type': 'process',
        'messaging.destination.name': message.topic,
        'messaging.destination.partition.id': String(message.partition),
        'messaging.consumer.group.name': consumer,
        ...(message.headers.ce_id ? { 'messaging.message.id': message.headers.ce_id } : {}),
      },
    },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), work);
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'handling failed' });
    throw error;
  } finally {
    span.end();
  }
}
