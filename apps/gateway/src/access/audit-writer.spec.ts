import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureInternalSecret } from '@hub/auth';
import { Metrics } from '@hub/observability';
import type { AccessRecordInput } from '@hub/policy';
import { ACCESS_RECORDS_PATH, AuditWriter } from './audit-writer.js';

const record = (purpose: string): AccessRecordInput => ({
  requestId: `r-${purpose}`,
  keyId: 'abcdefghijkl',
  systemCode: 'fs-cc-one-window',
  departmentUscc: '11440604MB2D07312X',
  holderName: 'one-window',
  roles: ['SYSTEM'],
  purpose,
  caseNumber: null,
  operationType: 'query',
  operationName: null,
  fields: ['Query.person'],
  subjects: [],
  outcome: 'ALLOWED',
  errorCode: null,
  refusal: null,
  startedAt: new Date().toISOString(),
  durationMs: 1,
  timings: {},
});

/** A stand-in for the catalog's endpoint: refuses (400) any batch holding a record whose purpose is "bad". */
function catalog(): Promise<{ server: Server; url: string; stored: string[]; posts: number[] }> {
  const stored: string[] = [];
  const posts: number[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { records } = JSON.parse(body) as { records: AccessRecordInput[] };
      posts.push(records.length);
      if (request.url !== ACCESS_RECORDS_PATH || records.some((r) => r.purpose === 'bad')) {
        response.writeHead(400, { 'content-type': 'application/json' }).end('{"code":"BAD_REQUEST"}');
        return;
      }
      stored.push(...records.map((r) => r.purpose!));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stored, posts }),
    ),
  );
}

// The writer signs each batch as the gateway, with the hub's internal secret.
ensureInternalSecret();

describe('AuditWriter', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('commits records in groups, and fails only the operation whose record the catalog refuses', async () => {
    const c = await catalog();
    server = c.server;
    const writer = new AuditWriter({
      catalogUrl: c.url,
      batchSize: 500,
      timeoutMs: 2000,
      metrics: new Metrics('test'),
    });
    const purposes = ['a', 'b', 'c', 'bad', 'd', 'e', 'f', 'g'];
    const settled = await Promise.allSettled(purposes.map((p) => writer.write(record(p))));
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(c.stored.sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    // The first record goes alone (nothing else waited); the rest share commits, split around the bad one.
    expect(c.posts.length).toBeLessThan(purposes.length * 2);
  });

  it('counts operations by calling system and outcome (hub_requests_by_system_total)', async () => {
    const c = await catalog();
    server = c.server;
    const metrics = new Metrics('test');
    const writer = new AuditWriter({ catalogUrl: c.url, batchSize: 500, timeoutMs: 2000, metrics });
    await Promise.all([
      writer.write(record('a')),
      writer.write({ ...record('b'), outcome: 'REFUSED' }),
      writer.write({ ...record('c'), systemCode: null, keyId: null, outcome: 'REFUSED' }),
    ]);
    const text = await metrics.text();
    expect(text).toContain('hub_requests_by_system_total{system="fs-cc-one-window",outcome="ALLOWED",app="test"} 1');
    expect(text).toContain('hub_requests_by_system_total{system="fs-cc-one-window",outcome="REFUSED",app="test"} 1');
    expect(text).toContain('hub_requests_by_system_total{system="none",outcome="REFUSED",app="test"} 1');
  });

  it('fails the waiting operations when the catalog cannot be reached in time', async () => {
    // A port nothing listens on any more.
    const closed = await catalog();
    const url = closed.url;
    await new Promise((resolve) => closed.server.close(resolve));
    const writer = new AuditWriter({ catalogUrl: url, batchSize: 10, timeoutMs: 300, metrics: new Metrics('test') });
    await expect(writer.write(record('a'))).rejects.toThrow();
  });

  it('never keeps an operation waiting longer than its timeout, even queued behind a commit that hangs', async () => {
    // A catalog that takes the request and never answers: the first batch hangs.
    const hanging = createServer(() => undefined);
    server = hanging;
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    // The clock is the test's: what is asserted is which deadline applies, not how fast a machine is.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const timeoutMs = 1000;
      const writer = new AuditWriter({ catalogUrl: url, batchSize: 1, timeoutMs, metrics: new Metrics('test') });
      const outcome = (p: Promise<unknown>) => {
        const o = { state: 'waiting' };
        p.then(
          () => (o.state = 'committed'),
          () => (o.state = 'failed'),
        );
        return o;
      };
      const first = outcome(writer.write(record('a')));
      await vi.advanceTimersByTimeAsync(timeoutMs / 2);
      // Handed over while the first batch is in flight: before, it got a full timeout of its own
      // only once that batch gave up (up to twice the setting in all).
      const second = outcome(writer.write(record('b')));
      await vi.advanceTimersByTimeAsync(timeoutMs / 2 + 1);
      expect(first.state).toBe('failed');
      await vi.advanceTimersByTimeAsync(timeoutMs / 2);
      expect(second.state).toBe('failed');
    } finally {
      vi.useRealTimers();
      hanging.closeAllConnections();
    }
  });

  it('tells each operation where its record is in the log', async () => {
    const numbered = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () =>
        response.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            firstSeq: '41',
            lastSeq: String(40 + (JSON.parse(body) as { records: unknown[] }).records.length),
          }),
        ),
      );
    });
    server = numbered;
    await new Promise<void>((resolve) => numbered.listen(0, '127.0.0.1', resolve));
    const writer = new AuditWriter({
      catalogUrl: `http://127.0.0.1:${(numbered.address() as AddressInfo).port}`,
      batchSize: 500,
      timeoutMs: 2000,
      metrics: new Metrics('test'),
    });
    expect(await writer.write(record('a'))).toBe('41');
  });
});
