import { readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlShape } from './tracing-sdk.js';
import { hubTracer, startTracing, stopTracing } from './tracing.js';

describe('SQL in spans', () => {
  it("keeps a statement's shape and drops every literal in it", () => {
    expect(sqlShape(`SELECT * FROM "legal_entity"."legal_entity" WHERE uscc = ANY($1::text[]) LIMIT 500`)).toBe(
      `SELECT * FROM "legal_entity"."legal_entity" WHERE uscc = ANY($1::text[]) LIMIT ?`,
    );
    expect(sqlShape(`SELECT * FROM pg_database WHERE datname='张三''s db' AND id=E'\\x41' AND n = 3.5e2`)).toBe(
      `SELECT * FROM pg_database WHERE datname=? AND id=? AND n = ?`,
    );
    expect(sqlShape(`DO $body$ BEGIN PERFORM '110101199003070011'; END $body$; SELECT $$secret$$, t1.c2 FROM t1`)).toBe(
      `DO ?; SELECT ?, t1.c2 FROM t1`,
    );
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

describe('a tracing setup that cannot work is said so', () => {
  const saved = {
    endpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
    logFile: process.env.HUB_LOG_FILE,
    timeout: process.env.OTEL_EXPORTER_OTLP_TIMEOUT,
  };
  const logFile = join(tmpdir(), `hub-tracing-spec-${process.pid}.log`);
  afterAll(async () => {
    await stopTracing();
    for (const [name, value] of [
      ['OTEL_EXPORTER_OTLP_ENDPOINT', saved.endpoint],
      ['HUB_LOG_FILE', saved.logFile],
      ['OTEL_EXPORTER_OTLP_TIMEOUT', saved.timeout],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await rm(logFile, { force: true });
  });

  it('refuses an endpoint that is not an http(s) URL, naming the variable', async () => {
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = 'otel-collector:4318';
    await expect(startTracing({ serviceName: 'tracing-spec' })).rejects.toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT must be the http\(s\) URL/,
    );
    await stopTracing();
  });

  it('logs a collector that cannot be reached as a warning', async () => {
    // A port nothing listens on: bound, then closed.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${port}`;
    process.env.HUB_LOG_FILE = logFile;
    // The exporter retries within this time (10 s by default).
    process.env.OTEL_EXPORTER_OTLP_TIMEOUT = '1000';
    expect(await startTracing({ serviceName: 'tracing-spec' })).toBe(true);
    hubTracer().startSpan('lost span').end();
    await stopTracing();
    const lines = (await readFile(logFile, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { level: number; msg: string; app: string });
    expect(lines.some((l) => l.app === 'tracing' && l.level === 40 && l.msg.startsWith('traces: '))).toBe(true);
  });
});
