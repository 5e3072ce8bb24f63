import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScratchDatabase } from '@hub/persistence';
import { skipUnless } from '../../../test/support/infrastructure.js';
import type { TransportMessage } from './cloud-event.js';
import type { EventTransport } from './event-transport.js';
import { subscribeIdempotent } from './idempotent-consumer.js';
import { InProcessLog, InProcessTransport } from './in-process-transport.js';
import { appendToOutbox, outboxTablesSql, outboxTraceparentSql } from './outbox.js';
import { OutboxRelay, type RelayConnection } from './outbox-relay.js';
import type { SqlExecutor } from './sql.js';

/** A transport that records what it publishes and can be told to fail, like a broker that is down. */
class RecordingTransport implements EventTransport {
  readonly kind = 'in-process' as const;
  published: TransportMessage[] = [];
  down = false;
  attempts = 0;
  async ensureTopics() {}
  async publish(messages: TransportMessage[]) {
    this.attempts++;
    if (this.down) throw new Error('broker unreachable');
    this.published.push(...messages);
  }
  async subscribe(): Promise<never> {
    throw new Error('not used');
  }
  async ping() {}
  async close() {}
}

describe('transactional outbox, relay and idempotent consumer on a real database', () => {
  let database: ScratchDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await ScratchDatabase.create();
    pool = new pg.Pool({ connectionString: database.url, max: database.poolSize });
    for (const schema of ['relay_a', 'relay_b', 'consumer']) {
      await pool.query(`CREATE SCHEMA ${schema}`);
      for (const sql of outboxTablesSql(schema)) await pool.query(sql);
      await pool.query(outboxTraceparentSql(schema).up);
    }
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  // The relay's own connection, outside the pool (as in EventsModule).
  const connect = async (): Promise<RelayConnection> => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    return { query: async (sql, params) => (await client.query(sql, params)).rows, release: () => client.end() };
  };
  const tx = async <R>(work: (t: SqlExecutor) => Promise<R>): Promise<R> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work({ query: async (sql, params) => (await client.query(sql, params)).rows });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
  const event = (subject: string, n: number) => ({
    topic: 'hub.test.v1',
    type: 'hub.test.happened.v1',
    source: '/hub/test',
    subject,
    data: { n },
  });

  it('writes no event when the transaction that wrote it rolls back', async () => {
    await expect(
      tx(async (t) => {
        await appendToOutbox(t, 'relay_a', [event('rolled-back', 0)]);
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(
      (await pool.query(`SELECT count(*)::int AS n FROM relay_a.outbox WHERE subject = 'rolled-back'`)).rows[0].n,
    ).toBe(0);
  });

  it('keeps events while the transport fails and publishes them in order once it recovers', async () => {
    const transport = new RecordingTransport();
    transport.down = true;
    const relay = new OutboxRelay({
      schema: 'relay_a',
      transport,
      connect,
      leaderLock: !database.embedded,
      pollIntervalMs: 20,
      maxBackoffMs: 50,
      batchSize: 7,
    });
    relay.start();
    await tx((t) =>
      appendToOutbox(
        t,
        'relay_a',
        Array.from({ length: 20 }, (_, i) => event(`s${i % 3}`, i)),
      ),
    );
    relay.nudge();
    while (transport.attempts < 3) await new Promise((r) => setTimeout(r, 10));
    expect(transport.published).toEqual([]);
    expect(await relay.pending()).toBe(20);
    const [{ attempts, last_error }] = (
      await pool.query('SELECT attempts, last_error FROM relay_a.outbox ORDER BY id LIMIT 1')
    ).rows;
    expect(attempts).toBeGreaterThan(0);
    expect(last_error).toBe('broker unreachable');
    // The outbox lag (hub_outbox_lag_seconds) counts from the oldest event still waiting.
    const oldest = (await pool.query<{ time: Date }>('SELECT min(time) AS time FROM relay_a.outbox')).rows[0].time;
    expect(relay.oldestPending).toEqual(oldest);
    expect(relay.lagSeconds(oldest.getTime() + 90_000)).toBe(90);

    transport.down = false;
    await relay.drain(5000);
    await relay.stop();
    expect(relay.lagSeconds()).toBe(0);
    expect(transport.published.map((m) => JSON.parse(m.value).n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(new Set(transport.published.map((m) => m.headers.ce_id)).size).toBe(20);
  });

  it(
    'lets one relay per schema publish at a time (advisory lock), the other standing by',
    skipUnless('postgres'),
    async () => {
      const a = new RecordingTransport();
      const b = new RecordingTransport();
      const relayA = new OutboxRelay({
        schema: 'relay_b',
        transport: a,
        connect,
        leaderLock: true,
        pollIntervalMs: 20,
      });
      const relayB = new OutboxRelay({
        schema: 'relay_b',
        transport: b,
        connect,
        leaderLock: true,
        pollIntervalMs: 20,
      });
      relayA.start();
      await new Promise((r) => setTimeout(r, 100));
      relayB.start();
      await tx((t) =>
        appendToOutbox(
          t,
          'relay_b',
          Array.from({ length: 10 }, (_, i) => event('same', i)),
        ),
      );
      relayA.nudge();
      await relayA.drain(5000);
      await Promise.all([relayA.stop(), relayB.stop()]);
      expect(a.published).toHaveLength(10);
      expect(b.published).toHaveLength(0);
    },
  );

  it('clears its failure once the database is back, even with nothing to publish', async () => {
    // A library that writes nothing for a while: before, the database error of an outage stayed
    // in its /health ("events") until the next event was published — half an hour after the database was back.
    let databaseDown = true;
    const flaky = async (): Promise<RelayConnection> => {
      if (databaseDown)
        throw Object.assign(new Error('database "x" is not currently accepting connections'), { code: '55000' });
      return connect();
    };
    const relay = new OutboxRelay({
      schema: 'relay_b',
      transport: new RecordingTransport(),
      connect: flaky,
      leaderLock: false,
      pollIntervalMs: 20,
      maxBackoffMs: 50,
    });
    relay.start();
    try {
      while (!relay.lastError) await new Promise((r) => setTimeout(r, 10));
      expect(relay.lastError).toMatch(/not currently accepting connections/);
      databaseDown = false;
      await relay.drain(5000);
      expect(relay.lastError).toBeUndefined();
    } finally {
      await relay.stop();
    }
  });

  it('applies each event id once although the transport delivers it twice', async () => {
    const transport = new InProcessTransport('', new InProcessLog());
    const applied: number[] = [];
    const duplicates: string[] = [];
    const subscription = await subscribeIdempotent<{ n: number }>({
      name: 'test-consumer',
      schema: 'consumer',
      topics: ['hub.test.v1'],
      transport,
      transaction: tx,
      handle: async (e) => void applied.push(e.data.n),
      onDuplicate: (e) => void duplicates.push(e.id),
    });
    const publisher = new RecordingTransport();
    await tx((t) => appendToOutbox(t, 'consumer', [event('k', 1), event('k', 2)]));
    const relay = new OutboxRelay({
      schema: 'consumer',
      transport: publisher,
      connect,
      leaderLock: false,
      pollIntervalMs: 20,
    });
    relay.start();
    await relay.drain(5000);
    await relay.stop();
    // The relay died after publishing and before marking: the same two messages go out again.
    await transport.publish([...publisher.published, ...publisher.published]);
    while (applied.length + duplicates.length < 4) await new Promise((r) => setTimeout(r, 10));
    expect(applied).toEqual([1, 2]);
    expect(duplicates).toHaveLength(2);
    const recorded = (
      await pool.query(`SELECT count(*)::int AS n FROM consumer.processed_event WHERE consumer = 'test-consumer'`)
    ).rows[0].n;
    expect(recorded).toBe(2);
    await subscription.close();
  });
});
