import { describe, expect, it } from 'vitest';
import { SessionStore } from './session-store.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A store on a clock the test moves. */
function storeAt(options: Partial<{ maxAgeMs: number; idleMs: number; maxSessions: number }> = {}) {
  const clock = { now: 100 * HOUR };
  const store = new SessionStore({
    maxAgeMs: 8 * HOUR,
    idleMs: 15 * MINUTE,
    maxSessions: 100,
    ...options,
    now: () => clock.now,
  });
  return { clock, store };
}

describe('SessionStore', () => {
  it('opens a session under a random id and finds it by that id only', () => {
    const { store } = storeAt();
    const a = store.open('key1');
    const b = store.open('key1');
    expect(a.id).not.toBe(b.id);
    expect(a.id).toMatch(/^[\w-]{43}$/);
    expect(a.session.csrfToken).not.toBe(b.session.csrfToken);
    expect(store.use(a.id)).toMatchObject({ session: { keyId: 'key1' } });
    expect(store.use(`${a.id.slice(0, -1)}${a.id.endsWith('A') ? 'B' : 'A'}`)).toEqual({ error: 'SESSION_INVALID' });
  });

  it('keeps only a hash of the session id: nothing it holds is a cookie', () => {
    const { store } = storeAt();
    const opened = store.open('key1');
    const held = JSON.stringify([...(store as unknown as { sessions: Map<string, unknown> }).sessions.keys()]);
    expect(held).not.toContain(opened.id);
  });

  it('ends a session idle for idleMs, and a used one not before', () => {
    const { clock, store } = storeAt();
    const opened = store.open('key1');
    clock.now += 14 * MINUTE;
    expect('session' in store.use(opened.id)).toBe(true);
    clock.now += 14 * MINUTE; // 28 minutes after sign-in, 14 after the last use
    expect('session' in store.use(opened.id)).toBe(true);
    clock.now += 15 * MINUTE;
    expect(store.use(opened.id)).toEqual({ error: 'SESSION_EXPIRED' });
    // Forgotten once ended.
    expect(store.use(opened.id)).toEqual({ error: 'SESSION_INVALID' });
    expect(store.size).toBe(0);
  });

  it('ends a session at its absolute lifetime however active', () => {
    const { clock, store } = storeAt({ maxAgeMs: HOUR });
    const opened = store.open('key1');
    for (let i = 0; i < 5; i++) {
      clock.now += 10 * MINUTE;
      expect('session' in store.use(opened.id)).toBe(true);
    }
    clock.now += 10 * MINUTE;
    expect(store.use(opened.id)).toEqual({ error: 'SESSION_EXPIRED' });
  });

  it('ends a session on sign-out, and every session of a key at once', () => {
    const { store } = storeAt();
    const a = store.open('key1');
    const b = store.open('key1');
    const c = store.open('key2');
    expect(store.end(a.id)).toBe(true);
    expect(store.end(a.id)).toBe(false);
    expect(store.use(a.id)).toEqual({ error: 'SESSION_INVALID' });
    expect(store.endAllOf('key1')).toBe(1);
    expect(store.use(b.id)).toEqual({ error: 'SESSION_INVALID' });
    expect('session' in store.use(c.id)).toBe(true);
  });

  it('holds at most maxSessions: ended ones go first, then the least recently used', () => {
    const { clock, store } = storeAt({ maxSessions: 3 });
    const stale = store.open('k1');
    clock.now += 20 * MINUTE; // stale is idle past its timeout
    const a = store.open('k2');
    const b = store.open('k3');
    const c = store.open('k4'); // full: the ended one is swept, not a live one
    expect(store.size).toBe(3);
    expect(store.use(stale.id)).toEqual({ error: 'SESSION_INVALID' });
    store.use(a.id); // a is now the most recently used, b the least
    store.open('k5');
    expect(store.size).toBe(3);
    expect(store.use(b.id)).toEqual({ error: 'SESSION_INVALID' });
    expect('session' in store.use(a.id)).toBe(true);
    expect('session' in store.use(c.id)).toBe(true);
  });

  it('matches the CSRF token exactly, and nothing else', () => {
    const { store } = storeAt();
    const { session } = store.open('key1');
    expect(SessionStore.csrfMatches(session, session.csrfToken)).toBe(true);
    expect(SessionStore.csrfMatches(session, `${session.csrfToken}x`)).toBe(false);
    expect(SessionStore.csrfMatches(session, session.csrfToken.slice(1))).toBe(false);
    expect(SessionStore.csrfMatches(session, '')).toBe(false);
    expect(SessionStore.csrfMatches(session, undefined)).toBe(false);
    expect(SessionStore.csrfMatches(session, [session.csrfToken, session.csrfToken])).toBe(false);
    expect(SessionStore.csrfMatches(session, store.open('key1').session.csrfToken)).toBe(false);
  });
});
