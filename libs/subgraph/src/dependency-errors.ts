/**
 * Errors that mean "a dependency of this app is unavailable right now" rather than "a bug": the
 * database refusing or dropping connections (restarting, shut down, not accepting connections,
 * unreachable, out of connection slots). They reach callers as SERVICE_UNAVAILABLE — retryable,
 * the dependency named in words — and the operators' log gets the driver's own message.
 */

/** Seconds a caller is told to wait (Retry-After) before trying again after a dependency outage. */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 5;

// SQLSTATE classes and codes of a database that cannot serve now (not of a statement that is wrong):
// 08 connection exception; 57P01–57P05 admin/crash shutdown, cannot connect now, idle timeouts;
// 53300 too many connections; 55000 "database … is not currently accepting connections" (at connect).
const UNAVAILABLE_SQLSTATES = /^(08[0-9A-Z]{3}|57P0[1-5]|53300|55000)$/;
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// What node-postgres and its pool say when a connection is gone or cannot be had in time.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|Cannot use a pool after calling end|terminating connection due to/i;

/** The dependency (in words) an error says is unavailable, or null when it is some other error. */
export function unavailableDependency(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    const e = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      originalError?: unknown;
      cause?: unknown;
    };
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNAVAILABLE_SQLSTATES.test(code) || NETWORK_CODES.has(code)) return 'database';
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return 'database';
    current = e.driverError ?? e.originalError ?? e.cause;
  }
  return null;
}

// SQLSTATEs of a value that does not fit the column it is compared with: the caller sent an id that
// is not a UUID, a number out of range, a date that is none — the caller's mistake, not a bug.
const INVALID_VALUE_SQLSTATES = new Set(['22P02', '22003', '22007', '22008']);

/** True when the database refused a value the caller sent as not of its column's form (e.g. an id that is not a UUID). */
export function isInvalidValue(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    const e = current as { code?: unknown; driverError?: unknown; originalError?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && INVALID_VALUE_SQLSTATES.has(e.code)) return true;
    current = e.driverError ?? e.originalError ?? e.cause;
  }
  return false;
}
