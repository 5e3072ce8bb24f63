import { describe, expect, it } from 'vitest';
import { eventsSettled } from './settled.js';
import type { SqlExecutor } from './sql.js';

/** A ledger whose counts follow a script, one step per poll (the last step repeats). */
function scripted(steps: Array<{ pending: number; consumed: number }>): SqlExecutor & { polls: number } {
  const db = {
    polls: 0,
    query: async () => {
      const step = steps[Math.min(db.polls++, steps.length - 1)];
      return [{ pending: String(step.pending), consumed: String(step.consumed) }];
    },
  };
  return db as SqlExecutor & { polls: number };
}

describe('eventsSettled', () => {
  it('waits while events are pending or being consumed, then for the quiet period', async () => {
    const db = scripted([
      { pending: 3, consumed: 0 },
      { pending: 1, consumed: 2 },
      { pending: 0, consumed: 3 },
      { pending: 0, consumed: 5 },
      { pending: 0, consumed: 5 },
    ]);
    expect(await eventsSettled([{ db, schema: 's' }], { quietMs: 30, pollMs: 5, timeoutMs: 5_000 })).toBe(true);
    // Settled only after the counts stopped moving (poll 5) and then stayed still for quietMs.
    expect(db.polls).toBeGreaterThan(5);
  });

  it('gives up with false when the events never settle', async () => {
    let consumed = 0;
    const db: SqlExecutor = {
      query: async () => [{ pending: '0', consumed: String(consumed++) }],
    } as unknown as SqlExecutor;
    expect(await eventsSettled([{ db, schema: 's' }], { quietMs: 30, pollMs: 5, timeoutMs: 200 })).toBe(false);
  });
});
