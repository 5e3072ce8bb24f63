import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ACCESS_HEADER,
  accessSignatureMessage,
  internalSecret,
  isOperator,
  matchesRequest,
  openAccess,
  type Principal,
} from '@hub/auth';
import { Metrics, createLogger } from '@hub/observability';
import { authenticate, principalOfKey } from './authenticate.js';
import type { PolicyKey } from '@hub/policy';
import { PolicyStore } from './policy-store.js';
import { CONSOLE_SESSION_PATH, CSRF_HEADER, ConsoleSessions } from '../console/console-sessions.js';
import { SessionStore, type ConsoleSession } from '../console/session-store.js';
import { RATE_WINDOW_MS, callerKey, perCallerRateLimit } from './rate-limit.js';

/** Requests per minute a system may send when the catalog sets no limit of its own (GatewayConfig.RATE_LIMIT_PER_MINUTE). */
export const DEFAULT_RATE_LIMIT = Symbol('DEFAULT_RATE_LIMIT');

/** Paths anyone may fetch: health probes and GraphiQL's static page and assets. */
const OPEN = [/^\/health(\/live)?$/, /^\/$/, /^\/graphiql\/?(index\.html)?$/, /^\/graphiql\/assets\/[^/]+$/];
/**
 * The stewards' console's files (page, assets, client routes), to GET only: they hold no data.
 * /console/session is not among them: signing in and out is the session's own business.
 */
const OPEN_CONSOLE = /^\/console(?:\/(?!session(?:\/|$))[\w\-./]*)?$/;
/** Paths for the operators' token only. */
const OPERATOR = /^\/metrics$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** The digest an app of the hub signed this request for, checked against the body once it is read. */
    hubOnBehalfDigest?: string;
  }
}

/**
 * Every other request to the gateway carries a hub API key (`Authorization: Bearer <key>`): the
 * key is checked before routing, and a request without a valid one is answered 401 with a stable
 * code (UNAUTHENTICATED, API_KEY_INVALID, API_KEY_EXPIRED, API_KEY_REVOKED) — as a GraphQL error
 * on /graphql, as JSON elsewhere. Such refusals leave no access record (whoever has no key could
 * otherwise fill the log at will): they are counted (`hub_authentication_refusals_total{code}`)
 * and logged with the caller's address and request id. /metrics takes the operators' token instead.
 *
 * An authenticated request is then counted against its system's rate (perCallerRateLimit): over
 * it, 429 RATE_LIMITED with Retry-After, before the body is read.
 *
 * The stewards' console sends a session cookie instead (no Authorization header; /graphql only):
 * it stands for the key that signed in, re-checked against the policy on every request, and a
 * request other than GET must carry the session's CSRF token (see ConsoleSessions).
 *
 * The hub's own apps may also call /graphql on behalf of a caller they are serving (the once-only
 * app reading base-library data for reuse): no key, but the caller's access signed with
 * HUB_INTERNAL_SECRET for the gateway and for that one request (its body), as the gateway signs
 * for the subgraphs. The signed key must still be valid, and the operation goes through the same
 * policy, masking and access record as any other.
 */
@Injectable()
export class RequestAuthentication implements OnModuleInit {
  private readonly log = createLogger('gateway.authentication');
  private readonly refusals;
  private readonly rateLimited;
  /** Callers whose rate refusals were logged, until when (their window's end). */
  private readonly rateLogged = new Map<string, number>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly policy: PolicyStore,
    metrics: Metrics,
    @Inject(DEFAULT_RATE_LIMIT) private readonly defaultRateLimit: number,
    private readonly sessions: ConsoleSessions,
  ) {
    this.refusals = metrics.counter(
      'hub_authentication_refusals_total',
      'Requests refused before authentication succeeded, by code',
      ['code'],
    );
    this.rateLimited = metrics.counter(
      'hub_rate_limited_total',
      'Requests refused because their system (or key) was over its rate (RATE_LIMITED); who, in the log',
    );
  }

  /** Requests per minute a caller may send: the catalog's limit for its system, else the default. */
  rateLimitOf(principal: Principal): number {
    return (
      (principal.systemCode ? this.policy.current?.rateLimits.get(principal.systemCode) : undefined) ??
      this.defaultRateLimit
    );
  }

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0];
      // No method is exempt: the hub serves no CORS, so an OPTIONS is just another unauthenticated request.
      if (OPEN.some((p) => p.test(path))) return;
      // The console's sign-in takes the key in its body and checks it itself (ConsoleSessionController).
      if (path === CONSOLE_SESSION_PATH) return;
      if ((request.method === 'GET' || request.method === 'HEAD') && OPEN_CONSOLE.test(path)) return;
      if (OPERATOR.test(path)) {
        if (!isOperator(request.headers.authorization))
          return this.deny(
            reply,
            path,
            401,
            'OPERATOR_TOKEN_REQUIRED',
            "this needs the operators' token: Authorization: Bearer <HUB_METRICS_TOKEN>",
          );
        return;
      }
      const loaded = this.policy.current;
      if (!loaded)
        return this.deny(
          reply,
          path,
          503,
          'POLICY_UNAVAILABLE',
          'the hub has not loaded its keys and sharing policy yet; try again in a moment',
        );
      const session =
        !request.headers.authorization && path === '/graphql' ? ConsoleSessions.cookieOf(request) : undefined;
      const result =
        !request.headers.authorization && path === '/graphql' && request.headers[ACCESS_HEADER] !== undefined
          ? this.onBehalfOf(request, loaded.keys)
          : session !== undefined
            ? this.sessions.resolve(session, loaded.keys)
            : authenticate(request.headers.authorization, loaded.keys);
      if ('error' in result) return this.deny(reply, path, 401, result.error.code, result.error.message);
      // A cookie is sent by the browser whoever made the page ask: anything but a read needs the
      // token only the console's own page was given (SameSite=Strict is the first line, this the second).
      const consoleSession = 'session' in result ? (result as { session: ConsoleSession }).session : undefined;
      if (
        consoleSession &&
        request.method !== 'GET' &&
        request.method !== 'HEAD' &&
        !SessionStore.csrfMatches(consoleSession, request.headers[CSRF_HEADER])
      ) {
        return this.deny(
          reply,
          path,
          403,
          'CSRF_TOKEN_INVALID',
          `a console request other than GET needs the session's CSRF token in the ${CSRF_HEADER} header`,
        );
      }
      request.hubPrincipal = result.principal;
    });
    // Then the caller's rate (after authentication: it is counted per system, and a request without
    // a valid key was refused above at no cost). Before the body is read or anything planned.
    const rate = await perCallerRateLimit(fastify, (principal) => this.rateLimitOf(principal));
    fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const principal = request.hubPrincipal;
      if (!principal) return;
      const decision = await rate(request);
      reply
        .header('x-ratelimit-limit', decision.limit)
        .header('x-ratelimit-remaining', decision.remaining)
        .header('x-ratelimit-reset', decision.resetSeconds);
      if (decision.allowed) return;
      const path = request.url.split('?')[0];
      this.rateLimited.inc();
      // Logged once per caller and window: a flood of refusals must not become a flood of log lines.
      const caller = callerKey(principal);
      if ((this.rateLogged.get(caller) ?? 0) <= Date.now()) {
        if (this.rateLogged.size >= 10_000) this.rateLogged.clear();
        this.rateLogged.set(caller, Date.now() + decision.resetSeconds * 1000);
        this.log.warn(
          {
            requestId: String(request.id),
            keyId: principal.keyId,
            systemCode: principal.systemCode,
            limit: decision.limit,
            path,
          },
          'requests refused: the caller is over its rate (further refusals in this window are counted in hub_rate_limited_total, not logged)',
        );
      }
      reply.header('retry-after', decision.resetSeconds);
      return this.send(
        reply,
        path,
        429,
        'RATE_LIMITED',
        `${principal.systemCode ? `system ${principal.systemCode}` : `key ${principal.keyId}`} sent more than its ${decision.limit} requests per ${RATE_WINDOW_MS / 1000} s; try again in ${decision.resetSeconds} s`,
        {
          limit: decision.limit,
          windowSeconds: RATE_WINDOW_MS / 1000,
          retryAfter: decision.resetSeconds,
        },
      );
    });
    // A request signed by an app of the hub is bound to its body: checked once the body is parsed.
    fastify.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      const digest = request.hubOnBehalfDigest;
      if (digest === undefined) return;
      if (
        !request.rawBody ||
        !matchesRequest(digest, { method: request.method, url: request.url, body: request.rawBody })
      ) {
        request.hubPrincipal = undefined;
        return this.deny(
          reply,
          '/graphql',
          401,
          'ACCESS_SIGNATURE_WRONG_REQUEST',
          accessSignatureMessage('ACCESS_SIGNATURE_WRONG_REQUEST'),
        );
      }
    });
  }

  /** The principal an app of the hub vouches for (signed for the gateway and this request, recent, its key still valid), or why not. */
  private onBehalfOf(request: FastifyRequest, keys: ReadonlyMap<string, PolicyKey>): ReturnType<typeof authenticate> {
    const opened = openAccess(request.headers[ACCESS_HEADER], 'gateway', internalSecret());
    if ('error' in opened) return { error: { code: 'API_KEY_INVALID', message: accessSignatureMessage(opened.error) } };
    const key = opened.access.principal ? keys.get(opened.access.principal.keyId) : undefined;
    if (!key)
      return { error: { code: 'API_KEY_INVALID', message: 'the signed access of this request names no valid key' } };
    request.hubOnBehalfDigest = opened.digest;
    return principalOfKey(key);
  }

  private deny(reply: FastifyReply, path: string, status: number, code: string, message: string) {
    this.refusals.inc({ code });
    this.log.info(
      { requestId: String(reply.request.id), code, path, ip: reply.request.ip },
      'request refused before authentication',
    );
    if (status === 401) reply.header('www-authenticate', 'Bearer realm="hub"');
    if (status === 503) reply.header('retry-after', '5');
    return this.send(reply, path, status, code, message);
  }

  /** A refusal as a GraphQL error on /graphql, as JSON elsewhere; with the request id either way. */
  private send(
    reply: FastifyReply,
    path: string,
    status: number,
    code: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    const requestId = String(reply.request.id);
    return reply
      .status(status)
      .type('application/json')
      .send(
        path === '/graphql'
          ? { errors: [{ message, extensions: { code, requestId, ...details } }] }
          : { code, message, requestId, ...details },
      );
  }
}
