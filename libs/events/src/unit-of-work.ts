import type { EntityManager } from 'typeorm';
import type { CloudEvent, NewEvent } from './cloud-event.js';
import { appendToOutbox } from './outbox.js';
import type { SqlExecutor } from './sql.js';

/**
 * One transaction of a unit of work: `manager` is the transaction's database handle (what
 * repositories run their statements on), `publish` appends events to the outbox in it. The events
 * exist exactly when the transaction commits.
 */
export class Transaction<M extends SqlExecutor = EntityManager> implements SqlExecutor {
  private published = 0;

  constructor(
    readonly manager: M,
    private readonly schema: string,
  ) {}

  /** Writes events into the outbox in this transaction; returns them as CloudEvents. */
  async publish(events: NewEvent[]): Promise<CloudEvent[]> {
    const written = await appendToOutbox(this.manager, this.schema, events);
    this.published += written.length;
    return written;
  }

  /** A statement in this transaction (for code that takes any SqlExecutor, such as older consumers). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as EntityManager.query: callers type the rows
  query(sql: string, parameters?: unknown[]): Promise<any> {
    return this.manager.query(sql, parameters);
  }

  /** Events written in this transaction so far. */
  get eventCount(): number {
    return this.published;
  }
}

/** Runs work in one database transaction (TypeORM's `dataSource.transaction`, or a pg client's BEGIN/COMMIT). */
export type TransactionRunner<M extends SqlExecutor> = <R>(work: (manager: M) => Promise<R>) => Promise<R>;

/** What the unit of work wakes after a commit: the outbox relay. */
export interface RelayWaker {
  nudge(): void;
}

/**
 * Runs business work in one transaction that may publish events, commits it, and only then wakes
 * the outbox relay so the events go out now rather than at its next poll. Waking before the commit
 * would let the relay poll, find nothing yet and go back to sleep; waking after a rollback is
 * pointless. So callers never wake the relay themselves.
 */
export class UnitOfWork<M extends SqlExecutor = EntityManager> {
  constructor(
    private readonly transaction: TransactionRunner<M>,
    private readonly schema: string,
    private readonly relay: RelayWaker,
  ) {}

  async run<R>(work: (tx: Transaction<M>) => Promise<R>): Promise<R> {
    let tx: Transaction<M> | undefined;
    const result = await this.transaction((manager) => {
      tx = new Transaction(manager, this.schema);
      return work(tx);
    });
    if (tx && tx.eventCount > 0) this.relay.nudge();
    return result;
  }
}
