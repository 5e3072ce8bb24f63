import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface SessionStoreOptions {
  /** How long a session lives at most from sign-in, active or not. */
  maxAgeMs: number;
  /** How long a session lives without a request. */
  idleMs: number;
  /** Sessions this gateway process holds at most; past it the least recently used is forgotten. */
  maxSessions: number;
  now?: () => number;
}

/** What a session remembers: whose key signed in (re-checked against the policy on every request), never the key itself. */
export interface ConsoleSession {
  keyId: string;
  createdAt: number;
  lastSeenAt: number;
  /** createdAt + maxAgeMs: the absolute end. */
  expiresAt: number;
  /** The CSRF token: given at sign-in and again to a reloaded page (GET /console/session); worth nothing without the cookie. */
  csrfToken: string;
}

export interface OpenedSession {
  /** The cookie's value: 256 random bits. Only its hash is kept. */
  id: string;
  session: ConsoleSession;
}

export type SessionLookup = { session: ConsoleSession } | { error: 'SESSION_INVALID' | 'SESSION_EXPIRED' };

const hash = (value: string): Buffer => createHash('sha256').update(value).digest();
const handle = (id: string): string => hash(id).toString('hex');

/**
 * The console's sign-in sessions, in this gateway process's memory. Keyed by the SHA-256 of the
 * session id, so that what the process holds (a heap dump, a debugger) cannot be replayed as a
 * cookie. A session ends at its absolute lifetime, after `idleMs` without a request, on sign-out,
 * or when it is the least recently used one of a full store. Nothing here knows keys or roles:
 * the caller re-checks the session's key against the policy on every request.
 */
export class SessionStore {
  /** By handle; in order of last use (a used session is moved to the end), so the first is the one to forget. */
  private readonly sessions = new Map<string, ConsoleSession>();
  private readonly now: () => number;

  constructor(private readonly options: SessionStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.sessions.size;
  }

  open(keyId: string): OpenedSession {
    const id = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = this.now();
    const session: ConsoleSession = {
      keyId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + this.options.maxAgeMs,
      csrfToken,
    };
    if (this.sessions.size >= this.options.maxSessions) this.sweep();
    while (this.sessions.size >= this.options.maxSessions) this.sessions.delete(this.sessions.keys().next().value!);
    this.sessions.set(handle(id), session);
    return { id, session };
  }

  /** The live session of a cookie's value, its idle timer restarted; an ended one is forgotten. */
  use(id: string): SessionLookup {
    const key = handle(id);
    const session = this.sessions.get(key);
    if (!session) return { error: 'SESSION_INVALID' };
    const now = this.now();
    if (now >= session.expiresAt || now - session.lastSeenAt >= this.options.idleMs) {
      this.sessions.delete(key);
      return { error: 'SESSION_EXPIRED' };
    }
    session.lastSeenAt = now;
    this.sessions.delete(key);
    this.sessions.set(key, session);
    return { session };
  }

  /** Ends a session (sign-out, or its key no longer valid); true when there was one. */
  end(id: string): boolean {
    return this.sessions.delete(handle(id));
  }

  /** Ends every session of a key. */
  endAllOf(keyId: string): number {
    let ended = 0;
    for (const [key, session] of this.sessions) {
      if (session.keyId === keyId && this.sessions.delete(key)) ended++;
    }
    return ended;
  }

  /** Whether `token` is the session's CSRF token, compared in constant time (of equal-length digests). */
  static csrfMatches(session: ConsoleSession, token: string | string[] | undefined): boolean {
    if (typeof token !== 'string' || token.length === 0 || token.length > 200) return false;
    return timingSafeEqual(hash(token), hash(session.csrfToken));
  }

  /** The time an idle session ends, if not used before. */
  idleEndOf(session: ConsoleSession): number {
    return Math.min(session.expiresAt, session.lastSeenAt + this.options.idleMs);
  }

  /** Forgets ended sessions. */
  private sweep(): void {
    const now = this.now();
    for (const [key, session] of this.sessions) {
      if (now >= session.expiresAt || now - session.lastSeenAt >= this.options.idleMs) this.sessions.delete(key);
    }
  }
}
