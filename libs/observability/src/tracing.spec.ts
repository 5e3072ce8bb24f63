import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlShape } from './tracing-sdk.js';
import { hubTracer, startTracing, stopTracing } from './tracing.js';

describe('SQL in spans', () => {
  it('keeps a statement\'s shape and drops every literal in it', () => {
    expect(sqlShape(`SELECT * FROM "legal_entity"."legal_entity" WHERE uscc = ANY($1::text[]) LIMIT 500`)).toBe(`SELECT * FROM "legal_entity"."legal_entity" WHERE uscc = ANY($1::text[]) LIMIT ?`);
    expect(sqlShape(`SELECT * FROM pg_database WHERE datname='张三''s db' AND id=E'\\x41' AND n = 3.5e2`)).toBe(`SELECT * FROM pg_database WHERE datname=? AND id=? AND n = ?`);
    expect(sqlShape(`DO $body$ BEGIN PERFORM '110101199003070011'; END $body$; SELECT $$secret$$, t1.c2 FROM t1`)).toBe(`DO ?; SELECT ?, t1.c2 FROM t1`);
    expect(sqlShape(`SAVEPOINT typeorm_1`)).toBe(`SAVEPOINT typeorm_1`);
  });
});

describe('export over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set', () => {
  const received: Array<{ url?: string; type?: string; body: Buffer }> = [];
  const collector = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      received.push({ url: request.url, type: request.headers['content-type'], body: Buffer.concat(chunks) });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const saved = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;

  beforeAll(async () => {
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await stopTracing();
    if (saved === undefined) delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    else process.env.OTEL_EXPORTER_OTLP_ENDPOINT = saved;
    await new Promise((resolve) => collector.close(resolve));
  });

  it('sends the spans, with the service name, to <endpoint>/v1/traces once flushed', async () => {
    expect(await startTracing({ serviceName: 'tracing-spec' })).toBe(true);
    hubTracer().startSpan('probe span').end();
    await stopTracing();
    expect(received.map((r) => [r.url, r.type])).toEqual([['/v1/traces', 'application/json']]);
    const body = received[0].body.toString('latin1');
    expect(body).toContain('probe span');
    expect(body).toContain('tracing-spec');
  });
});
