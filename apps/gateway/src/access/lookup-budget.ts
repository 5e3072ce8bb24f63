import { parseCitizenId, parseUscc } from '@hub/identifiers';
import type { BudgetedLookup } from '@hub/policy';

/**
 * The lookup budget (docs/catalog.md, "Arguments are reads"): a caller that does not read an
 * identifier in full may still look records up by it — a department types in the citizen ID from
 * an application — but each key it asks for that turns out not to exist (a miss) is counted, per API
 * key and sliding window, and a lookup that could take the key past its budget is refused before it
 * runs. So a key cannot learn which of a few dozen candidate IDs exists beyond its budget: the worst
 * case (every key asked a miss) is reserved before execution, and only the keys the answering
 * subgraph reports as served are given back afterwards.
 *
 * Memory is one fixed-size record per API key that looked up within the last two windows; a record
 * idle that long holds nothing and is dropped, oldest first, in amortised constant time. Each
 * gateway instance keeps its own budgets (N instances behind a balancer allow up to N × the budget).
 */
export class LookupBudget {
  private readonly keys = new Map<string, KeyState>();

  constructor(private readonly options: { budget: number; windowMs: number; now?: () => number }) {
    if (!(options.budget >= 1) || !(options.windowMs >= 1))
      throw new Error('a lookup budget needs a budget and a window of at least 1');
  }

  get budget(): number {
    return this.options.budget;
  }

  get windowMs(): number {
    return this.options.windowMs;
  }

  /** API keys with a record now (for the gauge and the tests). */
  get tracked(): number {
    return this.keys.size;
  }

  /**
   * Reserves `count` keys for API key `keyId` as misses, if its budget allows: what the window has
   * counted (the previous window's misses weighted by how much of it still overlaps), plus what
   * lookups in flight have reserved, plus `count`, must not exceed the budget. Otherwise says when
   * it could pass (null: never, `count` alone exceeds the budget).
   */
  reserve(
    keyId: string,
    count: number,
  ): { ok: true; reservation: Reservation } | { ok: false; remaining: number; retryAfterSeconds: number | null } {
    const now = this.now();
    this.evictIdle(now);
    const state = this.touch(keyId, now);
    const { budget, windowMs } = this.options;
    const used = this.scaledUse(state, now);
    if (used + count * windowMs <= budget * windowMs) {
      state.reserved += count;
      return { ok: true, reservation: { keyId, count } };
    }
    return {
      ok: false,
      remaining: Math.max(0, Math.floor((budget * windowMs - used) / windowMs)),
      retryAfterSeconds: this.retryAfter(state, count, now),
    };
  }

  /** Ends a reservation: of its keys, `misses` are counted in the window; the rest are given back. */
  settle(reservation: Reservation, misses: number): void {
    const now = this.now();
    const state = this.touch(reservation.keyId, now);
    state.reserved = Math.max(0, state.reserved - reservation.count);
    state.current += Math.min(Math.max(0, misses), reservation.count);
  }

  /** Misses the key may still have now (for tests and operators). */
  remaining(keyId: string): number {
    const now = this.now();
    const state = this.keys.get(keyId);
    if (!state) return this.options.budget;
    this.roll(state, now);
    return Math.max(
      0,
      Math.floor((this.options.budget * this.options.windowMs - this.scaledUse(state, now)) / this.options.windowMs),
    );
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The key's record, rolled to the current window, and moved to the back of the idle order. */
  private touch(keyId: string, now: number): KeyState {
    let state = this.keys.get(keyId);
    if (state) this.keys.delete(keyId);
    else state = { windowStart: this.windowStart(now), previous: 0, current: 0, reserved: 0, touchedAt: now };
    this.roll(state, now);
    state.touchedAt = now;
    this.keys.set(keyId, state);
    return state;
  }

  private windowStart(now: number): number {
    return now - (now % this.options.windowMs);
  }

  private roll(state: KeyState, now: number): void {
    const start = this.windowStart(now);
    if (start === state.windowStart) return;
    state.previous = start - state.windowStart === this.options.windowMs ? state.current : 0;
    state.current = 0;
    state.windowStart = start;
  }

  /**
   * Misses counted in the sliding window ending now — this window's, and the part of the previous
   * one's that still overlaps it — plus the keys reserved in flight; times the window in ms, so that
   * the arithmetic stays in integers (exact, at most budget × window ≈ 10^13).
   */
  private scaledUse(state: KeyState, now: number): number {
    const { windowMs } = this.options;
    return state.previous * (windowMs - (now - state.windowStart)) + (state.current + state.reserved) * windowMs;
  }

  /** Seconds until `count` more would fit, as the window slides (assuming no other lookup meanwhile). */
  private retryAfter(state: KeyState, count: number, now: number): number | null {
    const { budget, windowMs } = this.options;
    if (count > budget) return null;
    const room = budget - state.reserved - count;
    // Lookups in flight hold the rest: they settle within seconds.
    if (room < 0) return 1;
    let at: number;
    if (state.current <= room) {
      // Within this window, once enough of the previous one has slid out.
      at =
        state.windowStart +
        (state.previous > 0 ? (windowMs * (state.previous - room + state.current)) / state.previous : 0);
    } else {
      // In the next window, once enough of this one has slid out.
      at = state.windowStart + windowMs + (windowMs * (state.current - room)) / state.current;
    }
    return Math.max(1, Math.ceil((at - now) / 1000));
  }

  /** Drops the records idle for two windows (they count nothing any more), oldest first. */
  private evictIdle(now: number): void {
    for (const [keyId, state] of this.keys) {
      if (state.reserved > 0 || now - state.touchedAt < 2 * this.options.windowMs) return;
      this.keys.delete(keyId);
    }
  }
}

interface KeyState {
  windowStart: number;
  /** Misses counted in the previous window. */
  previous: number;
  /** Misses counted in the current window. */
  current: number;
  /** Keys reserved by lookups in flight. */
  reserved: number;
  touchedAt: number;
}

export interface Reservation {
  keyId: string;
  count: number;
}

/**
 * The keys of the budgeted lookups of one operation, per subgraph answering them: a key asked of
 * population and of the once-only app is two keys, each a hit only if that subgraph served it.
 * Citizen IDs as `PERSON:<id>`; a USCC is a legal entity's public identifier (企业信用信息公示) and is
 * not counted; anything else (not a valid identifier: it can never be served) counts, as given.
 */
export function lookupKeys(lookups: readonly BudgetedLookup[]): { count: number; byGraph: Map<string, Set<string>> } {
  const byGraph = new Map<string, Set<string>>();
  let count = 0;
  for (const lookup of lookups) {
    let keys = byGraph.get(lookup.graph);
    if (!keys) byGraph.set(lookup.graph, (keys = new Set()));
    for (const value of lookup.values) {
      const key = subjectKey(value);
      if (key === null || keys.has(key)) continue;
      keys.add(key);
      count++;
    }
  }
  return { count, byGraph };
}

function subjectKey(value: unknown): string | null {
  // Not a string: the operation fails coercion and serves nothing; one key, whatever its shape.
  if (typeof value !== 'string') return `OTHER:(${typeof value})`;
  const text = value;
  const person = parseCitizenId(text);
  if (person.ok) return `PERSON:${person.value.idNumber}`;
  if (parseUscc(text).ok) return null;
  return `OTHER:${text.slice(0, 64)}`;
}
