import type { FastifyRequest } from 'fastify';
import { Role, type Principal } from '@hub/auth';
import type { PolicyKey } from '@hub/policy';
import { principalOfKey, type AuthenticationError } from '../access/authenticate.js';
import { SessionStore, type ConsoleSession } from './session-store.js';

export const CONSOLE_SESSION_PATH = '/console/session';
/** The header a cookie-authenticated request other than GET/HEAD carries the session's CSRF token in. */
export const CSRF_HEADER = 'x-hub-csrf';
/**
 * The cookie's name: `__Host-` when it is Secure (the browser then refuses it unless it is Secure,
 * host-only and Path=/, so no sibling host can plant or overwrite it); plain on loopback http,
 * where a browser would refuse a `__Host-` cookie that is not Secure.
 */
export const SESSION_COOKIE = { secure: '__Host-hub_session', loopback: 'hub_session' } as const;

/** Roles that may open a console session: stewards (of a department, hub-wide, or the data bureau's supervisors) and admins. */
export const CONSOLE_ROLES: readonly Role[] = [Role.STEWARD, Role.ADMIN];

export interface ConsoleSessionsOptions {
  maxAgeMs: number;
  idleMs: number;
  maxSessions: number;
  /** Sign-in attempts per minute from one address. */
  signInsPerMinute: number;
  /** 'auto': Secure unless the browser addressed the hub by a loopback name over plain http; 'always': Secure in every case. */
  cookieSecure: 'auto' | 'always';
  now?: () => number;
}

export type SessionError =
  AuthenticationError | { code: 'SESSION_INVALID' | 'SESSION_EXPIRED' | 'CONSOLE_ROLE_REQUIRED'; message: string };

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;
const MAX_TRACKED_ADDRESSES = 10_000;

/**
 * The stewards' console signs in once with a key and then sends a session cookie instead
 * (POST /console/session). A cookie stands for its key: every request re-checks that key against
 * the policy in force (revoked or expired ends the session there and then) and then goes through
 * exactly what a request with the key goes through — rate, policy, masking, access record.
 */
export class ConsoleSessions {
  readonly store: SessionStore;
  private readonly now: () => number;
  /** Sign-in attempts per address in the current minute (fixed windows, bounded). */
  private readonly attempts = new Map<string, { count: number; resetAt: number }>();

  constructor(readonly options: ConsoleSessionsOptions) {
    this.now = options.now ?? Date.now;
    this.store = new SessionStore({
      maxAgeMs: options.maxAgeMs,
      idleMs: options.idleMs,
      maxSessions: options.maxSessions,
      now: this.now,
    });
  }

  /** The session cookie's value in a request, if any (either name). */
  static cookieOf(request: FastifyRequest): string | undefined {
    const header = request.headers.cookie;
    if (!header) return undefined;
    for (const part of header.split(';')) {
      const at = part.indexOf('=');
      if (at < 0) continue;
      const name = part.slice(0, at).trim();
      if (name === SESSION_COOKIE.secure || name === SESSION_COOKIE.loopback) {
        const value = part.slice(at + 1).trim();
        if (/^[\w-]{20,100}$/.test(value)) return value;
      }
    }
    return undefined;
  }

  /**
   * Whether the cookie is Secure: always, except when the browser reached the hub by a loopback name
   * over plain http (a steward's own machine, the tests), where a browser would not send it back.
   * Behind a proxy that ends TLS the Host is the public name, so the cookie is Secure.
   */
  secureFor(request: FastifyRequest): boolean {
    if (this.options.cookieSecure === 'always' || request.protocol === 'https') return true;
    return !LOOPBACK_HOST.test(request.headers.host ?? '');
  }

  setCookie(request: FastifyRequest, id: string, session: ConsoleSession): string {
    const secure = this.secureFor(request);
    const maxAge = Math.max(0, Math.ceil((session.expiresAt - this.now()) / 1000));
    return `${secure ? SESSION_COOKIE.secure : SESSION_COOKIE.loopback}=${id}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  }

  /** Cookies that delete the session cookie, under both names. */
  clearCookies(): string[] {
    return [
      `${SESSION_COOKIE.secure}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict; Secure`,
      `${SESSION_COOKIE.loopback}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict`,
    ];
  }

  /** Counts a sign-in attempt from an address; the seconds to wait when it is over its bound. */
  signInThrottled(address: string): number | null {
    const now = this.now();
    let window = this.attempts.get(address);
    if (!window || window.resetAt <= now) {
      if (this.attempts.size >= MAX_TRACKED_ADDRESSES) this.attempts.clear();
      window = { count: 0, resetAt: now + 60_000 };
      this.attempts.set(address, window);
    }
    window.count++;
    return window.count > this.options.signInsPerMinute ? Math.max(1, Math.ceil((window.resetAt - now) / 1000)) : null;
  }

  /** The principal of a console key, or why it may not sign in. */
  static consolePrincipal(key: PolicyKey): { principal: Principal } | { error: SessionError } {
    const result = principalOfKey(key);
    if ('error' in result) return result;
    if (!result.principal.roles.some((r) => CONSOLE_ROLES.includes(r))) {
      return {
        error: {
          code: 'CONSOLE_ROLE_REQUIRED',
          message: `key ${key.id} is not a steward's or an admin's: a system's key cannot open a console session`,
        },
      };
    }
    return result;
  }

  /** The session of a cookie and the principal of its key as the policy has it now; a session whose key no longer qualifies is ended. */
  resolve(
    id: string,
    keys: ReadonlyMap<string, PolicyKey>,
  ): { principal: Principal; session: ConsoleSession } | { error: SessionError } {
    const found = this.store.use(id);
    if ('error' in found) {
      return {
        error: {
          code: found.error,
          message:
            found.error === 'SESSION_EXPIRED'
              ? 'the console session has ended (idle too long, or past its lifetime): sign in again'
              : 'no such console session: sign in again',
        },
      };
    }
    const key = keys.get(found.session.keyId);
    const result: { principal: Principal } | { error: SessionError } = key
      ? ConsoleSessions.consolePrincipal(key)
      : {
          error: {
            code: 'API_KEY_INVALID',
            message: `the key of this session (${found.session.keyId}) is no longer known to the hub`,
          },
        };
    if ('error' in result) {
      this.store.endAllOf(found.session.keyId);
      return result;
    }
    return { principal: result.principal, session: found.session };
  }
}
