import { Controller, Delete, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseApiKey, secretMatches, type Principal } from '@hub/auth';
import { Metrics, createLogger } from '@hub/observability';
import { PolicyStore } from '../access/policy-store.js';
import { CONSOLE_SESSION_PATH, ConsoleSessions } from './console-sessions.js';
import type { ConsoleSession } from './session-store.js';

/**
 * The console's sign-in: POST /console/session with `{ "key": "hubk_…" }` in a JSON body (never
 * in a URL, so never in a log or a browser's history) answers the signed-in principal, the
 * session's CSRF token and its end, and sets the session cookie. GET tells a reloaded page who
 * is signed in (and the CSRF token again: the page keeps it in memory only); DELETE signs out.
 * The gateway's key check skips this path (the key is in the body); it is bounded per address
 * instead. Every answer is `no-store`.
 */
@Controller()
export class ConsoleSessionController {
  private readonly log = createLogger('gateway.console');
  private readonly signIns;

  constructor(
    private readonly sessions: ConsoleSessions,
    private readonly policy: PolicyStore,
    metrics: Metrics,
  ) {
    this.signIns = metrics.counter(
      'hub_console_sign_ins_total',
      'Console sign-in attempts, by outcome (ok, or the refusal code)',
      ['outcome'],
    );
    metrics.gauge(
      'hub_console_sessions',
      'Console sessions this gateway process holds (ended ones included until swept or used)',
      [],
      (gauge) => gauge.set(sessions.store.size),
    );
  }

  @Post(CONSOLE_SESSION_PATH)
  signIn(@Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    reply.header('cache-control', 'no-store');
    const retryAfter = this.sessions.signInThrottled(request.ip);
    if (retryAfter !== null) {
      reply.header('retry-after', retryAfter);
      return this.refuse(
        reply,
        429,
        'SIGN_IN_RATE_LIMITED',
        `too many sign-in attempts from this address; try again in ${retryAfter} s`,
        { retryAfter },
      );
    }
    const loaded = this.policy.current;
    if (!loaded) {
      reply.header('retry-after', '5');
      return this.refuse(
        reply,
        503,
        'POLICY_UNAVAILABLE',
        'the hub has not loaded its keys and sharing policy yet; try again in a moment',
      );
    }
    // JSON only: Nest's Fastify adapter also parses forms, and a form can be posted from any site
    // (it would sign the browser in as whoever's key the form carries, a login CSRF).
    if (!/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
      return this.refuse(
        reply,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'send your key as JSON (content-type: application/json): { "key": "hubk_…" }',
      );
    }
    const body = request.body as { key?: unknown } | undefined;
    if (!body || typeof body !== 'object' || typeof body.key !== 'string' || body.key.length > 200) {
      return this.refuse(reply, 400, 'BAD_REQUEST', 'send your key as JSON: { "key": "hubk_…" }');
    }
    const parsed = parseApiKey(body.key.trim());
    const key = parsed ? loaded.keys.get(parsed.id) : undefined;
    // As for a key in a header: whether a key is revoked or expired is told only to whoever holds it.
    if (!parsed || !key || !secretMatches(parsed.secret, key.secretHash)) {
      return this.refuse(reply, 401, 'API_KEY_INVALID', 'this is not a valid hub API key (hubk_…)');
    }
    const result = ConsoleSessions.consolePrincipal(key);
    if ('error' in result)
      return this.refuse(
        reply,
        result.error.code === 'CONSOLE_ROLE_REQUIRED' ? 403 : 401,
        result.error.code,
        result.error.message,
      );
    const opened = this.sessions.store.open(key.id);
    this.signIns.inc({ outcome: 'ok' });
    this.log.info({ requestId: String(request.id), keyId: key.id, ip: request.ip }, 'console session opened');
    reply.header('set-cookie', this.sessions.setCookie(request, opened.id, opened.session));
    return reply.status(200).send(this.summary(result.principal, opened.session));
  }

  @Get(CONSOLE_SESSION_PATH)
  current(@Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    reply.header('cache-control', 'no-store');
    const id = ConsoleSessions.cookieOf(request);
    const loaded = this.policy.current;
    if (!id) return this.refuse(reply, 401, 'UNAUTHENTICATED', 'not signed in to the console');
    if (!loaded)
      return this.refuse(
        reply,
        503,
        'POLICY_UNAVAILABLE',
        'the hub has not loaded its keys and sharing policy yet; try again in a moment',
      );
    const result = this.sessions.resolve(id, loaded.keys);
    if ('error' in result) {
      reply.header('set-cookie', this.sessions.clearCookies());
      return this.refuse(reply, 401, result.error.code, result.error.message);
    }
    return reply.status(200).send(this.summary(result.principal, result.session));
  }

  /** Signs out: the session is forgotten and the cookie cleared. No CSRF token needed — ending a session harms nobody, and a page that lost its token can always sign out. */
  @Delete(CONSOLE_SESSION_PATH)
  signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    reply.header('cache-control', 'no-store');
    const id = ConsoleSessions.cookieOf(request);
    const ended = id ? this.sessions.store.end(id) : false;
    reply.header('set-cookie', this.sessions.clearCookies());
    if (ended) this.log.info({ requestId: String(request.id), ip: request.ip }, 'console session ended (sign-out)');
    return reply.status(200).send({ signedOut: ended });
  }

  /** Who is signed in, the CSRF token, until when. Never the key. */
  private summary(principal: Principal, session: ConsoleSession) {
    return {
      principal: {
        keyId: principal.keyId,
        name: principal.name,
        roles: principal.roles,
        departmentUscc: principal.departmentUscc,
      },
      csrfToken: session.csrfToken,
      expiresAt: new Date(session.expiresAt).toISOString(),
      idleExpiresAt: new Date(this.sessions.store.idleEndOf(session)).toISOString(),
    };
  }

  private refuse(
    reply: FastifyReply,
    status: number,
    code: string,
    message: string,
    details: Record<string, unknown> = {},
  ): FastifyReply {
    if (reply.request.method === 'POST') this.signIns.inc({ outcome: code });
    return reply
      .status(status)
      .type('application/json')
      .send({ code, message, requestId: String(reply.request.id), ...details });
  }
}
