import rateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '@hub/auth';
import '../gateway-context.js'; // FastifyRequest.hubPrincipal

/** The window the rates are counted in. */
export const RATE_WINDOW_MS = 60_000;
/** Callers (systems, or keys of no system) whose counts one gateway keeps at most; the least recently seen are forgotten first. */
const MAX_TRACKED_CALLERS = 10_000;

export interface RateDecision {
  allowed: boolean;
  /** Requests per minute the caller may send. */
  limit: number;
  remaining: number;
  /** Whole seconds until the window resets. */
  resetSeconds: number;
}

/**
 * Per-caller request rates, counted by `@fastify/rate-limit` (fixed one-minute windows, in this
 * gateway process's memory, at most MAX_TRACKED_CALLERS callers): a system's keys share its rate
 * (rotating keys does not reset it); a key of no system (an admin's, a steward's) has its own.
 * Applies to requests authenticated already (`hubPrincipal`). `limitOf` gives the caller's requests per minute: the catalog's limit for its system, else the
 * default. The counts are per process: behind N gateways a system may send up to N times its rate.
 */
export async function perCallerRateLimit(
  fastify: FastifyInstance,
  limitOf: (principal: Principal) => number,
): Promise<(request: FastifyRequest) => Promise<RateDecision>> {
  // global: false — the hub decides where it applies (after authentication), and answers itself.
  // Applied to the root instance directly (it is a fastify-plugin, meant for the instance it is
  // given): an awaited register() from a Nest lifecycle hook returns before avvio has loaded it.
  // (Typed as a callback plugin; it is an async function.)
  const apply = rateLimit as unknown as (instance: FastifyInstance, options: RateLimitPluginOptions) => Promise<void>;
  if (!fastify.hasDecorator('createRateLimit')) await apply(fastify, { global: false, cache: MAX_TRACKED_CALLERS });
  const check = fastify.createRateLimit({
    timeWindow: RATE_WINDOW_MS,
    keyGenerator: (request) => callerKey(request.hubPrincipal!),
    max: (request) => limitOf(request.hubPrincipal!),
  });
  return async (request) => {
    if (!request.hubPrincipal) throw new Error('the rate limit applies to authenticated requests only');
    const result = await check(request);
    if (result.isAllowed) return { allowed: true, limit: Infinity, remaining: Infinity, resetSeconds: 0 };
    return {
      allowed: !result.isExceeded,
      limit: result.max,
      remaining: result.remaining,
      resetSeconds: Math.max(1, result.ttlInSeconds),
    };
  };
}

/** What a caller's requests are counted under: its system, or its key when it belongs to none. */
export function callerKey(principal: Principal): string {
  return principal.systemCode ? `system:${principal.systemCode}` : `key:${principal.keyId}`;
}
