import { describe, expect, it } from 'vitest';
import { SharingType, type BudgetedLookup, type PolicyItem } from '@hub/policy';
import { LookupBudget, lookupKeys } from './lookup-budget.js';

const HOUR = 3_600_000;

/** A budget on a clock the test moves. */
function budgetAt(budget = 30, windowMs = HOUR) {
  const clock = { now: 10 * HOUR };
  return { clock, budget: new LookupBudget({ budget, windowMs, now: () => clock.now }) };
}

describe('LookupBudget', () => {
  it('reserves the worst case before a lookup runs: a batch larger than what is left is refused whole', () => {
    const { budget } = budgetAt(30);
    const big = budget.reserve('k1', 31);
    expect(big).toEqual({ ok: false, remaining: 30, retryAfterSeconds: null });
    const first = budget.reserve('k1', 20);
    expect(first.ok).toBe(true);
    // In flight: the 20 count until settled.
    expect(budget.reserve('k1', 11)).toMatchObject({ ok: false, remaining: 10 });
  });

  it('gives back the hits after the lookup and counts only the misses', () => {
    const { budget } = budgetAt(30);
    const first = budget.reserve('k1', 20);
    if (!first.ok) throw new Error('refused');
    budget.settle(first.reservation, 2);
    expect(budget.remaining('k1')).toBe(28);
    // Small batches pass until the misses reach the budget, then each is refused.
    for (let i = 0; i < 28; i++) {
      const one = budget.reserve('k1', 1);
      if (!one.ok) throw new Error(`refused at ${i}`);
      budget.settle(one.reservation, 1);
    }
    expect(budget.reserve('k1', 1)).toMatchObject({ ok: false, remaining: 0 });
    // A key that only hits never runs out.
    for (let i = 0; i < 1000; i++) {
      const hit = budget.reserve('k2', 30);
      if (!hit.ok) throw new Error(`refused at ${i}`);
      budget.settle(hit.reservation, 0);
    }
    expect(budget.remaining('k2')).toBe(30);
  });

  it('budgets each API key on its own', () => {
    const { budget } = budgetAt(5);
    const spent = budget.reserve('k1', 5);
    if (!spent.ok) throw new Error('refused');
    budget.settle(spent.reservation, 5);
    expect(budget.reserve('k1', 1).ok).toBe(false);
    expect(budget.reserve('k2', 5).ok).toBe(true);
  });

  it('slides: misses count less as their window slides out, and nothing after two windows', () => {
    const { clock, budget } = budgetAt(30);
    clock.now = 10 * HOUR + HOUR / 2;
    const spent = budget.reserve('k1', 30);
    if (!spent.ok) throw new Error('refused');
    budget.settle(spent.reservation, 30);
    const refused = budget.reserve('k1', 10);
    expect(refused.ok).toBe(false);
    // In the next window the 30 misses weigh less as that window goes by: 10 fit once a third of
    // it has passed (30 × (1 − 1/3) = 20), which is what the refusal said.
    const wait = (refused as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(wait).toBe(HOUR / 2 / 1000 + HOUR / 3 / 1000);
    clock.now += wait * 1000 - 1000;
    expect(budget.reserve('k1', 10).ok).toBe(false);
    clock.now += 1000;
    const later = budget.reserve('k1', 10);
    if (!later.ok) throw new Error('refused');
    budget.settle(later.reservation, 0);
    clock.now = 12 * HOUR + 1;
    expect(budget.remaining('k1')).toBe(30);
  });

  it('forgets a key idle for two windows, and keeps one with a lookup in flight', () => {
    const { clock, budget } = budgetAt(30);
    const idle = budget.reserve('idle', 3);
    if (!idle.ok) throw new Error('refused');
    budget.settle(idle.reservation, 3);
    const busy = budget.reserve('busy', 3);
    if (!busy.ok) throw new Error('refused');
    clock.now += 2 * HOUR;
    const other = budget.reserve('other', 1);
    if (!other.ok) throw new Error('refused');
    budget.settle(other.reservation, 0);
    // 'idle' is gone (its misses would count nothing now); 'busy' holds a reservation.
    expect(budget.tracked).toBe(2);
    expect(budget.remaining('idle')).toBe(30);
    budget.settle(busy.reservation, 0);
    clock.now += 2 * HOUR;
    budget.reserve('last', 1);
    expect(budget.tracked).toBe(1);
  });

  it('holds one fixed-size record per key and answers in constant time, whatever the number of keys asked', () => {
    const { budget } = budgetAt(1000);
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) {
      const answer = budget.reserve(`key${i % 100}`, 1000);
      if (answer.ok) budget.settle(answer.reservation, 0);
    }
    expect(budget.tracked).toBe(100);
    // 10,000 reservations of 1,000 keys each: counting, not iterating over the keys.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a budget or window below 1', () => {
    expect(() => new LookupBudget({ budget: 0, windowMs: HOUR })).toThrow();
    expect(() => new LookupBudget({ budget: 1, windowMs: 0 })).toThrow();
  });
});

describe('lookupKeys', () => {
  const item = { id: '101001001/000001#1', sharingType: SharingType.UNCONDITIONAL } as PolicyItem;
  const lookup = (argument: string, graph: string, values: unknown[]): BudgetedLookup => ({
    argument,
    item,
    graph,
    values,
  });

  it('counts each citizen ID once per answering subgraph, normalised; not USCCs; invalid keys as given', () => {
    const keys = lookupKeys([
      lookup('Query.persons(idNumbers)', 'population', ['11010519491231002x', '11010519491231002X', 'not-an-id']),
      lookup('Query.person(idNumber)', 'population', ['11010519491231002X']),
      lookup('Query.materials(subject)', 'once-only', ['11010519491231002X', '91440604KCM5J6WP2T']),
    ]);
    expect(keys.count).toBe(3);
    // Values of any shape (coercion fails on them) count, without being walked.
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(lookupKeys([lookup('Query.persons(idNumbers)', 'population', [deep, { a: 1 }])]).count).toBe(1);
    expect([...keys.byGraph].map(([graph, set]) => [graph, [...set]])).toEqual([
      ['population', ['PERSON:11010519491231002X', 'OTHER:not-an-id']],
      ['once-only', ['PERSON:11010519491231002X']],
    ]);
  });
});
