// Loaded only when tracing is on (see tracing.ts): the SDK, the OTLP exporter and the SQL spans.
import {
  DiagLogLevel,
  SpanKind,
  SpanStatusCode,
  context,
  diag,
  propagation,
  trace,
  type Context,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type Span,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import pg from 'pg';
import { createLogger } from './logger.js';
import { APP_ATTRIBUTE, APP_KEY, REQUEST_ID_ATTRIBUTE, REQUEST_ID_KEY, hubTracer } from './tracing.js';

/**
 * Registers the process's tracer provider: W3C trace context propagation, context kept across
 * async calls (AsyncLocalStorage), and spans batched to OTLP over HTTP — where the standard
 * OTEL_EXPORTER_OTLP_* variables say (endpoint, headers, timeout) — or each span handed to the
 * given exporter as it ends. The standard OTEL_TRACES_SAMPLER(_ARG) and OTEL_RESOURCE_ATTRIBUTES
 * apply as well.
 */
export function registerTracing(options: { serviceName: string; exporter?: SpanExporter }) {
  const resource = defaultResource()
    .merge(
      resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName, 'service.namespace': 'data-sharing-hub' }),
    )
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [
      new RequestAttributes(),
      options.exporter ? new SimpleSpanProcessor(options.exporter) : new BatchSpanProcessor(new OTLPTraceExporter()),
    ],
  });
  provider.register();
  reportSdkProblems();
  const restoreSql = traceSqlStatements();
  // An app closes, the hub stops, whether or not the collector takes the last spans: said in the log, never thrown.
  const unsent = (error: unknown) => diag.error('the last spans could not be sent', error);
  return {
    flush: () => provider.forceFlush().catch(unsent),
    async shutdown() {
      restoreSql();
      await provider.shutdown().catch(unsent);
      trace.disable();
      propagation.disable();
      context.disable();
      diag.disable();
    },
  };
}

/**
 * The SDK reports its problems (a collector that cannot be reached, a rejected export) to the
 * OpenTelemetry diag logger, which is silent by default: they go to the hub's log as warnings, the
 * same message at most once a minute (a collector that is down would otherwise add a line per batch).
 */
function reportSdkProblems(): void {
  const log = createLogger('tracing');
  const last = new Map<string, number>();
  const report = (message: string, ...args: unknown[]) => {
    const now = Date.now();
    if (now - (last.get(message) ?? 0) < 60_000) return;
    last.set(message, now);
    if (last.size > 100) last.clear();
    log.warn(
      {
        detail: args
          .map((a) => (a instanceof Error ? a.message : String(a)))
          .join('; ')
          .slice(0, 500),
      },
      `traces: ${message}`,
    );
  };
  const quiet = () => undefined;
  diag.setLogger(
    { error: report, warn: report, info: quiet, debug: quiet, verbose: quiet },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  );
}

/** Puts the request id and the app of the context a span starts in on the span itself: every span of a request can be found by its request id. */
class RequestAttributes implements SpanProcessor {
  onStart(span: Span, parent: Context): void {
    const requestId = parent.getValue(REQUEST_ID_KEY);
    if (typeof requestId === 'string') span.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
    const app = parent.getValue(APP_KEY);
    if (typeof app === 'string') span.setAttribute(APP_ATTRIBUTE, app);
  }
  onEnd(): void {}
  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * A span per SQL statement, at the one place every statement passes: node-postgres's
 * Client#query (TypeORM, the outbox relay and the events library all use it). Only statements
 * made inside a traced request, relay or consumer get one — the relays' polls would otherwise be
 * a trace each, every 500 ms. The span has the statement's text with every literal replaced by `?`
 * and never its parameter values: those are the personal data the statement is about. Statements
 * sent as stream objects (COPY, cursors) are left alone. Returns what undoes the patch.
 */
function traceSqlStatements(): () => void {
  const tracer = hubTracer();
  const original = pg.Client.prototype.query as unknown as Query;
  const traced: Query = function (this: pg.Client, ...args: unknown[]) {
    const parent = context.active();
    const config = args[0] as string | { text?: unknown; submit?: unknown } | undefined;
    const text =
      typeof config === 'string'
        ? config
        : typeof config?.text === 'string' && typeof config.submit !== 'function'
          ? config.text
          : undefined;
    if (text === undefined || !trace.getSpan(parent)) return original.apply(this, args);
    const operation = /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase() ?? 'SQL';
    const span = tracer.startSpan(
      operation,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'db.system.name': 'postgresql',
          // The name before semantic conventions 1.26, which many trace viewers still key on.
          'db.system': 'postgresql',
          'db.namespace': this.database ?? '',
          'db.operation.name': operation,
          'db.query.text': sqlShape(text),
        },
      },
      parent,
    );
    const end = (error?: unknown) => {
      if (error)
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: (error as { code?: string }).code ? `SQLSTATE ${(error as { code: string }).code}` : 'query failed',
        });
      span.end();
    };
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (error: unknown, ...rest: unknown[]) => unknown;
      args[last] = function (this: unknown, error: unknown, ...rest: unknown[]) {
        end(error);
        return callback.call(this, error, ...rest);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args) as Promise<unknown>;
    // Observed on a branch of its own: the caller's promise is returned untouched.
    void result.then(() => end(), end);
    return result;
  };
  pg.Client.prototype.query = traced as never;
  return () => {
    if (pg.Client.prototype.query === (traced as never)) pg.Client.prototype.query = original as never;
  };
}

/**
 * A statement's text without its literals: quoted strings, dollar-quoted strings and numbers become
 * `?` (parameters `$1` stay), so a statement built with a value inside cannot leak it. Error
 * messages are not recorded for the same reason (Postgres quotes the offending value in some).
 */
export function sqlShape(text: string): string {
  return text
    .replace(/\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$/g, '?')
    .replace(/(?<![\w$])[EeBbXxUu]?&?'(?:[^']|'')*'/g, '?')
    .replace(/(?<![\w$."])\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b/g, '?')
    .slice(0, 4000);
}
