import { toTransportMessage, type CloudEvent } from './cloud-event.js';
import type { EventTransport } from './event-transport.js';
import { schemaName, type SqlExecutor } from './sql.js';
import { endSendSpans, startSendSpan } from './tracing.js';

/** A database connection the relay owns (not one borrowed from the app's pool). */
export interface RelayConnection extends SqlExecutor {
  release(): Promise<void>;
}

export interface OutboxRelayOptions {
  schema: string;
  /** The app relaying (named on its send spans). */
  app?: string;
  transport: EventTransport;
  /**
   * Opens the relay's own connection. The relay keeps it while it works and opens a new one after
   * a failure. It must not come from the app's pool: with a pool of one (the embedded database)
   * a relay holding the pool's only connection would starve every request.
   */
  connect(): Promise<RelayConnection>;
  /**
   * Take a session advisory lock per schema, so that only one instance of an app publishes —
   * which keeps per-subject order across instances. Off for the embedded database, where every
   * connection shares one session (and there is one instance anyway).
   */
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
  traceparent: string | null;
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
  /** Resolvers of drain() calls, settled by the next poll that finds the outbox empty. */
  private emptyWaiters: Array<() => void> = [];
  lastError?: string;
  /** When the oldest event the relay last saw unpublished was written; undefined once it caught up. */
  oldestPending?: Date;

  /** Seconds the oldest unpublished event has waited (0 when the outbox is caught up): the outbox lag. */
  lagSeconds(now = Date.now()): number {
    return this.oldestPending ? Math.max(0, (now - this.oldestPending.getTime()) / 1000) : 0;
  }

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
    for (const resolve of this.emptyWaiters.splice(0)) resolve();
  }

  /** Resolves once a poll that started after this call found nothing left to publish; rejects after `timeoutMs`. */
  drain(timeoutMs: number): Promise<void> {
    if (!this.running) return Promise.reject(new Error('the relay is not running'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.emptyWaiters = this.emptyWaiters.filter((w) => w !== done);
        reject(new Error(`outbox of ${this.options.schema} still had unpublished events after ${timeoutMs} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      // Only a poll that starts after this point counts: it sees every row committed so far.
      this.emptyWaiters.push(done);
      this.nudged = true;
      this.wake?.();
    });
  }

  /** Unpublished rows right now (on a connection of its own: for tests and tools). */
  async pending(): Promise<number> {
    const conn = await this.options.connect();
    try {
      const [row] = await conn.query(
        `SELECT count(*)::int AS n FROM ${schemaName(this.options.schema)}.outbox WHERE published_at IS NULL`,
      );
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
            await this.pause(5_000);
            continue;
          }
        }
        while (this.running) {
          const waiting = this.emptyWaiters.splice(0);
          if ((await this.cycle(conn)) === 0) {
            for (const resolve of waiting) resolve();
            await this.pause(this.options.pollIntervalMs ?? 500);
          } else {
            this.emptyWaiters.unshift(...waiting);
          }
        }
        if (this.options.leaderLock) await conn.query('SELECT pg_advisory_unlock($1::bigint)', [lockKey]);
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
      `SELECT id, event_id, topic, type, source, subject, time, data, traceparent FROM ${s}.outbox
       WHERE published_at IS NULL ORDER BY id LIMIT $1`,
      [this.options.batchSize ?? 500],
    );
    if (rows.length === 0) {
      await this.cleanup(conn);
      // A poll that worked is a recovery too: a library that writes nothing after an outage must
      // not report the outage's error until its next event (it did, for half an hour).
      this.failures = 0;
      this.lastError = undefined;
      return 0;
    }
    const ids = rows.map((r) => r.id);
    this.oldestPending = new Date(rows[0].time);
    // A send span per event written in a trace: its context goes out in the message's headers.
    const sends = rows.map((r) => startSendSpan(this.options.transport.kind, this.options.app, r));
    try {
      await this.options.transport.publish(
        rows.map((r, i) => {
          const message = toTransportMessage(r.topic, toCloudEvent(r));
          return sends[i] ? { ...message, headers: { ...message.headers, ...sends[i]!.headers } } : message;
        }),
      );
      endSendSpans(sends);
    } catch (error) {
      endSendSpans(sends, error);
      await conn.query(`UPDATE ${s}.outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])`, [
        ids,
        String(error instanceof Error ? error.message : error).slice(0, 1000),
      ]);
      throw error;
    }
    await conn.query(
      `UPDATE ${s}.outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::bigint[])`,
      [ids],
    );
    this.failures = 0;
    this.lastError = undefined;
    this.options.onPublished?.(rows.length);
    // A full batch leaves more behind: the next poll names the oldest of those.
    if (rows.length < (this.options.batchSize ?? 500)) this.oldestPending = undefined;
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
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
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
