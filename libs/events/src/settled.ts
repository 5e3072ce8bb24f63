import { schemaName, type SqlExecutor } from './sql.js';

export interface EventLedger {
  db: SqlExecutor;
  /** The schema holding the app's `outbox` and `processed_event` tables. */
  schema: string;
}

export interface SettledOptions {
  /** How long nothing may happen before the events count as settled. */
  quietMs?: number;
  /** Gives up (returns false) after this long. */
  timeoutMs?: number;
  pollMs?: number;
}

/**
 * Waits until the apps' events have been relayed and consumed: no outbox row pending and no
 * consumer applying an event for `quietMs`. For a start that loads data and should announce itself
 * only once the libraries have reacted to it (locations geocoded, standings recorded…), and for
 * benchmarks that must not measure that work. True when settled, false on timeout.
 */
export async function eventsSettled(ledgers: readonly EventLedger[], options: SettledOptions = {}): Promise<boolean> {
  const { quietMs = 1500, timeoutMs = 120_000, pollMs = 250 } = options;
  const state = async () => {
    let pending = 0;
    let consumed = 0;
    for (const { db, schema } of ledgers) {
      const s = schemaName(schema);
      const [row]: Array<{ pending: string; consumed: string }> = await db.query(
        `SELECT (SELECT count(*) FROM ${s}.outbox WHERE published_at IS NULL) AS pending, (SELECT count(*) FROM ${s}.processed_event) AS consumed`,
      );
      pending += Number(row.pending);
      consumed += Number(row.consumed);
    }
    return { pending, consumed };
  };
  const deadline = Date.now() + timeoutMs;
  let last = await state();
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const now = await state();
    if (now.pending > 0 || now.consumed !== last.consumed) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return true;
    last = now;
  }
  return false;
}
