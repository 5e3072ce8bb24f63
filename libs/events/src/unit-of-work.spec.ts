import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScratchDatabase } from '@hub/persistence';
import type { TransportMessage } from './cloud-event.js';
import type { EventTransport } from './event-transport.js';
import { outboxTablesSql, outboxTraceparentSql } from './outbox.js';
import { OutboxRelay, type RelayConnection } from './outbox-relay.js';
import type { SqlExecutor } from './sql.js';
import { UnitOfWork, type TransactionRunner } from './unit-of-work.js';

class RecordingTransport implements EventTransport {
  readonly kind = 'in-process' as const;
  published: TransportMessage[] = [];
  async ensureTopics() {}
  async publish(messages: TransportMessage[]) {
    this.published.push(...messages);
  }
  async subscribe(): Promise<never> {
    throw new Error('not used');
  }
  async ping() {}
  async close() {}
}

describe('unit of work on a real database', () => {
  let database: ScratchDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await ScratchDatabase.create();
    pool = new pg.Pool({ connectionString: database.url, max: database.poolSize });
    await pool.query('CREATE SCHEMA uow');
    for (const sql of outboxTablesSql('uow')) await pool.query(sql);
    await pool.query(outboxTraceparentSql('uow').up);
    await pool.query('CREATE TABLE uow.thing (name text PRIMARY KEY)');
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  /** Where the last transaction is: the waker notes it when woken. */
  let state: 'open' | 'committed' | 'rolled back' = 'committed';
  const transaction: TransactionRunner<SqlExecutor> = async (work) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      state = 'open';
      const result = await work({ query: async (sql, params) => (await client.query(sql, params)).rows });
      await client.query('COMMIT');
      state = 'committed';
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      state = 'rolled back';
      throw error;
    } finally {
      client.release();
    }
  };
  const event = (subject: string) => ({
    topic: 'hub.test.v1',
    type: 'hub.test.happened.v1',
    source: '/hub/test',
    subject,
    data: { subject },
  });
  const outboxRows = async (subject: string) =>
    (await pool.query('SELECT count(*)::int AS n FROM uow.outbox WHERE subject = $1', [subject])).rows[0].n as number;
  const things = async (name: string) =>
    (await pool.query('SELECT count(*)::int AS n FROM uow.thing WHERE name = $1', [name])).rows[0].n as number;

  /** A relay stand-in that, when woken, notes the transaction's state and looks (on another connection) at what the relay would find. */
  function watchingWaker(subject: string) {
    const seen: number[] = [];
    const states: string[] = [];
    const pending: Array<Promise<void>> = [];
    return {
      seen,
      states,
      settled: () => Promise.all(pending),
      nudge() {
        states.push(state);
        pending.push(outboxRows(subject).then((n) => void seen.push(n)));
      },
    };
  }

  it('commits the change and its events together, then wakes the relay, which then sees them', async () => {
    const waker = watchingWaker('committed');
    const unit = new UnitOfWork(transaction, 'uow', waker);
    const result = await unit.run(async (tx) => {
      await tx.manager.query(`INSERT INTO uow.thing (name) VALUES ('committed')`);
      const written = await tx.publish([event('committed'), event('committed')]);
      // Not yet: the relay must not be woken before the commit.
      expect(waker.seen).toEqual([]);
      return written.map((e) => e.subject);
    });
    await waker.settled();
    expect(result).toEqual(['committed', 'committed']);
    expect(await things('committed')).toBe(1);
    // One wake, after the commit: both events were visible to the relay's own connection by then.
    expect(waker.states).toEqual(['committed']);
    expect(waker.seen).toEqual([2]);
  });

  it('on a rollback writes neither the change nor its events, and does not wake the relay', async () => {
    const waker = watchingWaker('rolled-back');
    const unit = new UnitOfWork(transaction, 'uow', waker);
    await expect(
      unit.run(async (tx) => {
        await tx.query(`INSERT INTO uow.thing (name) VALUES ('rolled-back')`);
        await tx.publish([event('rolled-back')]);
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await things('rolled-back')).toBe(0);
    expect(await outboxRows('rolled-back')).toBe(0);
    expect(waker.seen).toEqual([]);
  });

  it('does not wake the relay for a transaction that published nothing', async () => {
    const waker = watchingWaker('quiet');
    await new UnitOfWork(transaction, 'uow', waker).run((tx) =>
      tx.query(`INSERT INTO uow.thing (name) VALUES ('quiet')`),
    );
    expect(await things('quiet')).toBe(1);
    expect(waker.seen).toEqual([]);
  });

  it('makes a real relay publish at once rather than at its next poll', async () => {
    const connect = async (): Promise<RelayConnection> => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      return { query: async (sql, params) => (await client.query(sql, params)).rows, release: () => client.end() };
    };
    const transport = new RecordingTransport();
    // A poll a minute: only the wake can make it publish within the test.
    const relay = new OutboxRelay({ schema: 'uow', transport, connect, leaderLock: false, pollIntervalMs: 60_000 });
    relay.start();
    try {
      await relay.drain(5_000);
      transport.published = [];
      await new UnitOfWork(transaction, 'uow', relay).run((tx) => tx.publish([event('woken')]));
      const started = Date.now();
      while (transport.published.length === 0 && Date.now() - started < 5_000)
        await new Promise((r) => setTimeout(r, 10));
      expect(transport.published.map((m) => m.key)).toEqual(['woken']);
    } finally {
      await relay.stop();
    }
  });
});
