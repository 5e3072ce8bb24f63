import { toTransportMessage, type CloudEvent } from './cloud-event.js';
import type { EventTransport } from './event-transport.js';
import { schemaName, type SqlExecutor } from './sql.js';

export interface RelayConnection extends SqlExecutor {
  release(): Promise<void>;
}

export interface OutboxRelayOptions {
  schema: string;
  transport: EventTransport;
  /**
   * Gives the relay a connection for one working session. With `leaderLock` the relay holds it
   * (and a session advisory lock on it) so that only one relay per schema publishes — which keeps
   * per-subject order across several instances of an app. Without it (the embedded single-process
   * mode, where the pool has one connection) the relay takes a connection per poll and lets it go.
   */
  connect(): Promise<RelayConnection>;
  leaderLock: boolean;
  batchSize?: number;
  pollIntervalMs?: number;
  maxBackoffMs?: number;
  retentionDays?: number;
  onPublished?(count: number): void;
  onFailure?(error: unknown, attempt: number): void;
}

interface OutboxRow {
  id: string;
  event_id: string;
  topic: string;
  type: string;
  source: string;
  subject: string;
  time: Date;
  data: unknown;
}

/**
 * Publishes outbox rows to the transport in id order and marks them published. At-least-once: if
 * the process dies between publishing and marking, the rows go out again on restart (consumers
 * are idempotent). While the broker is down, rows simply wait and the relay retries with backoff.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private nudged = false;
  private backingOff = false;
  private lastCleanup = 0;
  private failures = 0;
  lastError?: string;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Asks the relay to look at the outbox now (a write just committed) instead of at the next poll. */
  nudge(): void {
    this.nudged = true;
    // During a failure backoff a nudge must not cut the wait short, or a busy writer would make the
    // relay hammer a broker that is down.
    if (!this.backingOff) this.wake?.();
  }

  /** Stops the loop; with `drainMs`, first keeps publishing until the outbox is empty or the time is up. */
  async stop(drainMs = 0): Promise<void> {
    if (drainMs > 0 && this.running) await this.drain(drainMs).catch(() => undefined);
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Resolves once every row committed so far has been published; rejects after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const pending = await this.pending();
      if (pending === 0) return;
      if (Date.now() > deadline) throw new Error(`outbox of ${this.options.schema} still has ${pending} unpublished events`);
      this.nudge();
      await sleep(50);
    }
  }

  async pending(): Promise<number> {
    const conn = await this.options.connect();
    try {
      const [row] = await conn.query(`SELECT count(*)::int AS n FROM ${schemaName(this.options.schema)}.outbox WHERE published_at IS NULL`);
      return row.n as number;
    } finally {
      await conn.release();
    }
  }

  private async run(): Promise<void> {
    const lockKey = this.lockKey();
    while (this.running) {
      let conn: RelayConnection | undefined;
      try {
        conn = await this.options.connect();
        if (this.options.leaderLock) {
          const [row] = await conn.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [lockKey]);
          if (!row.locked) {
            // Another instance is the publisher for this schema; stand by and try again later.
            await conn.release();
            conn = undefined;
            await this.pause(5_000);
            continue;
          }
          // Hold this connection and the lock until stopped or the connection fails.
          while (this.running) {
            if ((await this.cycle(conn)) === 0) await this.pause(this.options.pollIntervalMs ?? 500);
          }
          await conn.query('SELECT pg_advisory_unlock($1::bigint)', [lockKey]);
        } else {
          const published = await this.cycle(conn);
          await conn.release();
          conn = undefined;
          if (published === 0) await this.pause(this.options.pollIntervalMs ?? 500);
        }
      } catch (error) {
        this.recordFailure(error);
        this.backingOff = true;
        await this.pause(this.backoff(), false);
        this.backingOff = false;
      } finally {
        if (conn) await conn.release().catch(() => undefined);
      }
    }
  }

  /** One poll: publishes one batch and returns its size (0 when the outbox is empty). */
  private async cycle(conn: RelayConnection): Promise<number> {
    const s = schemaName(this.options.schema);
    this.nudged = false;
    const rows: OutboxRow[] = await conn.query(
      `SELECT id, event_id, topic, type, source, subject, time, data FROM ${s}.outbox
       WHERE published_at IS NULL ORDER BY id LIMIT $1`,
      [this.options.batchSize ?? 500],
    );
    if (rows.length === 0) {
      await this.cleanup(conn);
      return 0;
    }
    const ids = rows.map((r) => r.id);
    try {
      await this.options.transport.publish(rows.map((r) => toTransportMessage(r.topic, toCloudEvent(r))));
    } catch (error) {
      await conn.query(`UPDATE ${s}.outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])`, [
        ids,
        String(error instanceof Error ? error.message : error).slice(0, 1000),
      ]);
      throw error;
    }
    await conn.query(`UPDATE ${s}.outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::bigint[])`, [ids]);
    this.failures = 0;
    this.lastError = undefined;
    this.options.onPublished?.(rows.length);
    return rows.length;
  }

  private async cleanup(conn: RelayConnection): Promise<void> {
    if (Date.now() - this.lastCleanup < 10 * 60_000) return;
    this.lastCleanup = Date.now();
    const days = this.options.retentionDays ?? 7;
    await conn.query(
      `DELETE FROM ${schemaName(this.options.schema)}.outbox WHERE published_at < now() - make_interval(days => $1::int)`,
      [days],
    );
  }

  private recordFailure(error: unknown): void {
    this.failures++;
    this.lastError = error instanceof Error ? error.message : String(error);
    this.options.onFailure?.(error, this.failures);
  }

  private backoff(): number {
    return Math.min(100 * 2 ** Math.min(this.failures, 10), this.options.maxBackoffMs ?? 5_000);
  }

  /** Waits `ms`, or less when nudged (a nudge that came in during the last poll skips the wait). */
  private pause(ms: number, skipWhenNudged = true): Promise<void> {
    if ((skipWhenNudged && this.nudged) || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() { clearTimeout(timer); resolve(); }
      this.wake = () => { this.wake = undefined; done(); };
    });
  }

  private lockKey(): string {
    // A stable 63-bit key per schema for pg_try_advisory_lock.
    let h = 0n;
    for (const c of `hub.outbox.${this.options.schema}`) h = (h * 31n + BigInt(c.charCodeAt(0))) & 0x7fffffffffffffffn;
    return h.toString();
  }
}

function toCloudEvent(row: OutboxRow): CloudEvent {
  return {
    specversion: '1.0',
    id: row.event_id,
    source: row.source,
    type: row.type,
    subject: row.subject,
    time: new Date(row.time).toISOString(),
    datacontenttype: 'application/json',
    data: row.data,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
