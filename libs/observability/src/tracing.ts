import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  createContextKey,
  propagation,
  trace,
  type Context,
  type Link,
  type Tracer,
} from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * OpenTelemetry traces of every exchange (gateway → subgraphs → SQL → outbox → Kafka → consumer).
 * This module is all the hub loads when tracing is off: the OpenTelemetry API, whose calls are
 * no-ops until a provider is registered. The SDK, the OTLP exporter and the SQL instrumentation sit
 * in tracing-sdk.ts and are imported only by startTracing() when tracing is on, so an operator who
 * does not set OTEL_EXPORTER_OTLP_ENDPOINT pays nothing for them.
 *
 * Spans never carry personal data: no GraphQL variables or documents, no SQL parameter values (and
 * literals in SQL text are replaced by `?`), no message keys or bodies (a key is a USCC or a citizen
 * ID). What they carry: the request id, the app, the operation name, the calling system and
 * department, routes, SQL statement shapes, topics and event ids.
 */

/** The attribute that ties every span of a request to its request id (the `x-request-id` the gateway answers with). */
export const REQUEST_ID_ATTRIBUTE = 'hub.request_id';
/** The hub app a span was made in (in the all-in-one process every app shares one service name). */
export const APP_ATTRIBUTE = 'hub.app';

/** Carried in the context so that every span started below a request gets its request id and app (see tracing-sdk.ts). */
export const REQUEST_ID_KEY = createContextKey(REQUEST_ID_ATTRIBUTE);
export const APP_KEY = createContextKey(APP_ATTRIBUTE);

export interface TracingOptions {
  /** service.name of this process's spans (OTEL_SERVICE_NAME wins): the app's name, or `hub` for the all-in-one process. */
  serviceName: string;
  /** Export to this exporter instead of OTLP, each span as it ends (tests: an InMemorySpanExporter). Turns tracing on. */
  exporter?: SpanExporter;
}

interface Started {
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

let started: Promise<Started | undefined> | undefined;

/**
 * Turns tracing on for this process when OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set and OTEL_SDK_DISABLED is not `true`, or when an
 * exporter is given. Must run before the apps start (startHttpApp calls it with the app's name;
 * the all-in-one hub calls it first, with `hub`): apps decide at start whether to trace. Later
 * calls return the first call's answer. Resolves to whether tracing is on.
 */
export async function startTracing(options: TracingOptions): Promise<boolean> {
  started ??= (async () => {
    const env = process.env;
    const wanted = options.exporter || env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
    if (!wanted || env.OTEL_SDK_DISABLED?.toLowerCase() === 'true') return undefined;
    // A mistyped endpoint would otherwise leave the exporter sending nowhere, silently.
    for (const name of ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) {
      const value = env[name];
      if (value && !/^https?:\/\/[^/\s]+/.test(value))
        throw new Error(
          `${name} must be the http(s) URL of an OTLP/HTTP receiver (e.g. http://otel-collector:4318), not ${JSON.stringify(value)}`,
        );
    }
    const sdk = await import('./tracing-sdk.js');
    return sdk.registerTracing({
      serviceName: env.OTEL_SERVICE_NAME || options.serviceName,
      exporter: options.exporter,
    });
  })();
  return (await started) !== undefined;
}

/** Whether startTracing() turned tracing on (resolved). */
export async function tracingEnabled(): Promise<boolean> {
  return (await started) !== undefined;
}

/** Sends the spans still buffered (an app closing; the process may exit next). */
export async function flushTracing(): Promise<void> {
  await (await started)?.flush();
}

/** Flushes, unregisters the provider and forgets the start: the process traces no more (the end of a test, of the process). */
export async function stopTracing(): Promise<void> {
  const current = started;
  started = undefined;
  await (await current?.catch(() => undefined))?.shutdown();
}

/** The hub's tracer (a no-op one while tracing is off). */
export function hubTracer(): Tracer {
  return trace.getTracer('data-sharing-hub');
}

/** Operators' and probes' routes: a trace per health check or scrape would bury the exchanges. */
const UNTRACED = /^\/(health|metrics)(\/|\?|$)/;

/**
 * A server span per HTTP request of an app (not for /health and /metrics), active while its
 * handler runs, with the request id and the app in its context so that every span below it
 * carries them. With `continueTrace` (a library, called by the gateway) only a request that
 * carries a W3C `traceparent` is traced, as that trace's child: the gateway's own background calls
 * (policy polls every 2 s, access-record batches) would otherwise be a trace each. Without it (the
 * gateway, which anyone may call) every request starts a trace of its own, and a caller's
 * traceparent is only linked: callers outside the hub do not decide the hub's traces or their sampling.
 */
export function traceHttpRequests(fastify: FastifyInstance, app: string, options: { continueTrace: boolean }): void {
  const tracer = hubTracer();
  const active = new WeakMap<FastifyRequest, Context>();
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (UNTRACED.test(request.url)) return done();
    const remote = propagation.extract(ROOT_CONTEXT, request.headers);
    const links: Link[] = [];
    const remoteSpan = trace.getSpanContext(remote);
    if (options.continueTrace && !remoteSpan) return done();
    if (!options.continueTrace && remoteSpan) links.push({ context: remoteSpan });
    const parent = (options.continueTrace ? remote : ROOT_CONTEXT)
      .setValue(REQUEST_ID_KEY, String(request.id))
      .setValue(APP_KEY, app);
    // The route's pattern, never the URL itself: a query string or a path may hold an identifier.
    const route = request.routeOptions.url ?? 'unmatched route';
    const span = tracer.startSpan(
      `${request.method} ${route}`,
      { kind: SpanKind.SERVER, links, attributes: { 'http.request.method': request.method, 'http.route': route } },
      parent,
    );
    active.set(request, trace.setSpan(parent, span));
    done();
  });
  // Entered here, after the body was read: body parsing runs in the socket's async context, so a
  // context entered in onRequest would be lost by the time the handler runs.
  fastify.addHook('preHandler', (request, _reply, done) => {
    const ctx = active.get(request);
    if (ctx) context.with(ctx, done);
    else done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const span = trace.getSpan(active.get(request) ?? ROOT_CONTEXT);
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      active.delete(request);
    }
    done();
  });
  // Spans wait in a buffer for their batch: an app that closes sends them first.
  fastify.addHook('onClose', async () => flushTracing());
}
