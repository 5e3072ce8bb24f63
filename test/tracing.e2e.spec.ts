import { createRequire } from 'node:module';
import { trace } from '@opentelemetry/api';
import type { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_ID_ATTRIBUTE, startTracing, stopTracing, tracingEnabled } from '@hub/observability';
import { syntheticCity } from '@hub/synthetic-data';
import { LEGAL_ENTITY_TOPIC } from '@hub/contracts';
import { COMPANY_PROFILE as PROFILE, REGISTER, aLegalEntity } from './support/fixtures.js';
import { TestHub } from './support/test-hub.js';

const BASE_LIBRARIES = ['legal-entity', 'population', 'credit', 'geospatial'];
const OTEL_VARIABLES = [
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_SDK_DISABLED',
  'OTEL_SERVICE_NAME',
];

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const attribute = (span: ReadableSpan, name: string) => span.attributes[name];

/** Whether `ancestor` is above `span` in the trace (following parents through `byId`). */
function descends(span: ReadableSpan, ancestor: ReadableSpan, byId: Map<string, ReadableSpan>): boolean {
  for (let id = parentOf(span); id; id = byId.get(id) && parentOf(byId.get(id)!)) {
    if (id === ancestor.spanContext().spanId) return true;
  }
  return false;
}

/** Everything a span could show a reader: name, attributes, events, status. */
const shown = (span: ReadableSpan) =>
  JSON.stringify({
    name: span.name,
    attributes: span.attributes,
    events: span.events,
    status: span.status,
    links: span.links,
  });

describe('tracing is off and free without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  let hub: TestHub;
  const saved = Object.fromEntries(OTEL_VARIABLES.map((name) => [name, process.env[name]]));

  beforeAll(async () => {
    for (const name of OTEL_VARIABLES) delete process.env[name];
    hub = await TestHub.start();
  });
  afterAll(async () => {
    await hub?.close();
    // Forgets this process's "off" decision, for the suites below.
    await stopTracing();
    for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
  });

  it('registers no tracer provider and loads no SDK, and answers as always', async () => {
    const response = await hub.graphqlResponse(PROFILE, { u: [aLegalEntity().build().uscc] });
    expect(response.status).toBe(200);
    expect(await tracingEnabled()).toBe(false);
    // The API's global provider is still its proxy without a delegate: every span is a no-op.
    const probe = trace.getTracer('probe').startSpan('probe');
    expect(probe.isRecording()).toBe(false);
    expect(probe.spanContext().traceId).toBe('00000000000000000000000000000000');
    // Neither the SDK nor the OTLP exporter was imported (Apollo Gateway brings an older metrics SDK of its own, nested below it).
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    expect(
      loaded.filter(
        (path) =>
          /node_modules\/@opentelemetry\/(sdk-trace-node|sdk-trace-base|exporter-trace-otlp-http)\//.test(path) &&
          !/node_modules\/@opentelemetry\/[^/]+\/node_modules\//.test(path),
      ),
    ).toEqual([]);
    expect(loaded.some((path) => path.includes('node_modules/@opentelemetry/api/'))).toBe(true);
  });
});

describe('traces of exchanges (in-memory exporter)', () => {
  let exporter: InMemorySpanExporter;
  let hub: TestHub;
  let city: Awaited<ReturnType<typeof syntheticCity>>;

  beforeAll(async () => {
    // Imported here: the suite above proves that nothing loads the SDK while tracing is off.
    const { InMemorySpanExporter } = await import('@opentelemetry/sdk-trace-base');
    exporter = new InMemorySpanExporter();
    expect(await startTracing({ serviceName: 'hub', exporter })).toBe(true);
    hub = await TestHub.start();
    city = await syntheticCity({ addresses: 40, persons: 80, legalEntities: 10, creditRecords: 20 }, 31);
    for (const [register, records] of [
      ['addresses', city.addresses],
      ['persons', city.persons],
      ['legal-entities', city.legalEntities],
      ['credit-records', city.creditRecords],
    ] as const) {
      const sent = records
        .map(({ sourceDepartment: _department, sourceSystem: _system, ...r }) => JSON.stringify(r))
        .join('\n');
      const report = (await (await hub.ingest(register, sent, 'application/x-ndjson')).json()) as {
        registered: number;
      };
      expect(report.registered, register).toBe(records.length);
    }
    // The geospatial library locates companies and persons from their events: wait until it has.
    await hub.eventually(async () => {
      expect(await hub.metric('geospatial', 'hub_events_consumed_total')).toBeGreaterThanOrEqual(
        city.persons.length + city.legalEntities.length,
      );
    }, 120_000);
  });
  afterAll(async () => {
    await hub?.close();
    await stopTracing();
  });

  /** The spans of the trace whose gateway request span has this request id, once that span has ended. */
  async function traceOf(requestId: string, until: (spans: ReadableSpan[]) => boolean = () => true) {
    return hub.eventually(async () => {
      const gateway = exporter
        .getFinishedSpans()
        .find(
          (s) =>
            attribute(s, 'hub.app') === 'gateway' &&
            s.kind === 1 /* SERVER */ &&
            attribute(s, REQUEST_ID_ATTRIBUTE) === requestId,
        );
      expect(gateway, 'the gateway request span').toBeDefined();
      const spans = exporter
        .getFinishedSpans()
        .filter((s) => s.spanContext().traceId === gateway!.spanContext().traceId);
      expect(until(spans)).toBe(true);
      return { gateway: gateway!, spans, byId: new Map(spans.map((s) => [s.spanContext().spanId, s])) };
    });
  }

  it('shows the company profile as one trace: the gateway, the four base libraries and their SQL, tagged with the request id and nothing personal', async () => {
    // Since the hub started: a library traced only requests that belong to a trace — not the
    // gateway's policy polls (every 2 s), access-record batches or forwarded extracts.
    const libraryRoots = exporter
      .getFinishedSpans()
      .filter((s) => s.kind === 1 && attribute(s, 'hub.app') !== 'gateway' && !s.parentSpanContext);
    expect(libraryRoots.map((s) => `${attribute(s, 'hub.app')} ${s.name}`)).toEqual([]);
    expect(exporter.getFinishedSpans().filter((s) => s.name === 'POST /ingest/:register').length).toBe(4);

    const companies = city.legalEntities.slice(0, 3);
    const usccs = companies.map((c) => c.uscc as string);
    exporter.reset();
    const response = await hub.graphqlResponse(PROFILE, { u: usccs });
    const body = (await response.json()) as {
      data?: { legalEntities: Array<{ legalRepresentative: { name: string } | null }> };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    const requestId = response.headers.get('x-request-id')!;
    expect(requestId).toBeTruthy();

    const { gateway, spans, byId } = await traceOf(requestId, (all) =>
      BASE_LIBRARIES.every((name) => all.some((s) => attribute(s, 'hub.app') === name && s.kind === 1)),
    );
    // Every span made for this request id is in this one trace.
    const tagged = exporter.getFinishedSpans().filter((s) => attribute(s, REQUEST_ID_ATTRIBUTE) === requestId);
    expect(new Set(tagged.map((s) => s.spanContext().traceId))).toEqual(new Set([gateway.spanContext().traceId]));
    expect(gateway.parentSpanContext).toBeUndefined();
    expect(gateway.attributes).toMatchObject({
      'http.route': '/graphql',
      'http.response.status_code': 200,
      'graphql.operation.name': 'Profile',
      'graphql.operation.type': 'query',
      'hub.caller.system': expect.any(String),
    });
    // Apollo Gateway's own spans are in it: the request, and a fetch per subgraph.
    expect(spans.some((s) => s.name === 'gateway.request' && descends(s, gateway, byId))).toBe(true);
    const fetched = new Set(spans.filter((s) => s.name === 'gateway.fetch').map((s) => attribute(s, 'service')));
    for (const name of BASE_LIBRARIES) expect(fetched).toContain(name);

    for (const name of BASE_LIBRARIES) {
      const servers = spans.filter((s) => attribute(s, 'hub.app') === name && s.kind === 1);
      expect(servers.length, `${name}: request spans`).toBeGreaterThan(0);
      for (const server of servers) {
        expect(server.name).toBe('POST /graphql');
        expect(descends(server, gateway, byId), `${name} below the gateway's span`).toBe(true);
        expect(attribute(server, REQUEST_ID_ATTRIBUTE)).toBe(requestId);
      }
      const sql = spans.filter(
        (s) => attribute(s, 'db.system.name') === 'postgresql' && servers.some((server) => descends(s, server, byId)),
      );
      expect(sql.length, `${name}: SQL spans`).toBeGreaterThan(0);
      for (const statement of sql) {
        expect(statement.attributes).toMatchObject({
          'db.system': 'postgresql',
          'hub.app': name,
          [REQUEST_ID_ATTRIBUTE]: requestId,
        });
        expect(attribute(statement, 'db.query.text')).toMatch(
          /^\s*(SELECT|WITH|BEGIN|START|COMMIT|SET|INSERT|UPDATE)/i,
        );
      }
    }

    // Nothing a span shows names a company or a person: no USCC, no citizen ID, no name.
    const persons = new Map(city.persons.map((p) => [p.idNumber as string, p]));
    const personal = companies.flatMap((c) => {
      const representative = persons.get(c.legalRepresentativeIdNumber as string)!;
      return [c.uscc, c.name, representative.idNumber, representative.name] as string[];
    });
    expect(body.data!.legalEntities.map((e) => e.legalRepresentative?.name)).toEqual(
      companies.map((c) => persons.get(c.legalRepresentativeIdNumber as string)!.name),
    );
    for (const span of spans) for (const value of personal) expect(shown(span), span.name).not.toContain(value);
  });

  it('follows a write through the outbox, the relay and Kafka to the consumers, in the same trace', async () => {
    exporter.reset();
    const input = aLegalEntity().build();
    const response = await hub.graphqlResponse(REGISTER, { input });
    expect(
      ((await response.json()) as { data?: { registerLegalEntity: { outcome: string } } }).data?.registerLegalEntity
        .outcome,
    ).toBe('REGISTERED');
    const requestId = response.headers.get('x-request-id')!;

    // The credit and geospatial libraries both consume the legal-entity topic.
    const consumedBy = (all: ReadableSpan[], app: string) =>
      all.some((s) => s.name === `process ${LEGAL_ENTITY_TOPIC}` && attribute(s, 'hub.app') === app);
    const { gateway, spans, byId } = await traceOf(
      requestId,
      (all) => consumedBy(all, 'credit') && consumedBy(all, 'geospatial'),
    );
    const writer = spans.find((s) => attribute(s, 'hub.app') === 'legal-entity' && s.kind === 1)!;
    expect(descends(writer, gateway, byId)).toBe(true);
    const create = spans.find((s) => s.name === `create ${LEGAL_ENTITY_TOPIC}`)!;
    expect(create.attributes).toMatchObject({
      'messaging.operation.type': 'create',
      'hub.app': 'legal-entity',
      [REQUEST_ID_ATTRIBUTE]: requestId,
    });
    expect(descends(create, writer, byId)).toBe(true);
    // The statement that wrote the record and its event runs inside the create span.
    expect(
      spans.some((s) => attribute(s, 'db.system.name') === 'postgresql' && parentOf(s) === create.spanContext().spanId),
    ).toBe(true);

    const send = spans.find((s) => s.name === `send ${LEGAL_ENTITY_TOPIC}`)!;
    expect(parentOf(send)).toBe(create.spanContext().spanId);
    expect(send.attributes).toMatchObject({
      'messaging.system': hub.kafkaBrokers ? 'kafka' : 'in-process',
      'messaging.operation.type': 'send',
      'hub.app': 'legal-entity',
    });
    for (const app of ['credit', 'geospatial']) {
      const process = spans.find((s) => s.name === `process ${LEGAL_ENTITY_TOPIC}` && attribute(s, 'hub.app') === app)!;
      expect(parentOf(process), `${app}'s consumer span is the child of the send span`).toBe(send.spanContext().spanId);
      expect(process.attributes).toMatchObject({
        'messaging.consumer.group.name': expect.stringContaining(`hub.${app}.`),
        'messaging.message.id': send.attributes['messaging.message.id'],
      });
      // The consumer's transaction (recording the event id, applying it) is in the trace too.
      expect(
        spans.some((s) => attribute(s, 'db.system.name') === 'postgresql' && descends(s, process, byId)),
        `${app}: SQL of the consumer`,
      ).toBe(true);
    }
    for (const span of spans)
      for (const value of [input.uscc, input.name as string, input.legalRepresentativeIdNumber as string])
        expect(shown(span), span.name).not.toContain(value);
  });
});
