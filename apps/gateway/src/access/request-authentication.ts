import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ACCESS_HEADER, accessSignatureMessage, internalSecret, isOperator, matchesRequest, openAccess } from '@hub/auth';
import { Metrics, createLogger } from '@hub/observability';
import { authenticate, principalOfKey } from './authenticate.js';
import type { PolicyKey } from '@hub/policy';
import { PolicyStore } from './policy-store.js';

/** Paths anyone may fetch: health probes and GraphiQL's static page and assets. */
const OPEN = [/^\/health(\/live)?$/, /^\/$/, /^\/graphiql\/?(index\.html)?$/, /^\/graphiql\/assets\/[^/]+$/];
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

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly policy: PolicyStore,
    metrics: Metrics,
  ) {
    this.refusals = metrics.counter('hub_authentication_refusals_total', 'Requests refused before authentication succeeded, by code', ['code']);
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0];
      // No method is exempt: the hub serves no CORS, so an OPTIONS is just another unauthenticated request.
      if (OPEN.some((p) => p.test(path))) return;
      if (OPERATOR.test(path)) {
        if (!isOperator(request.headers.authorization)) return this.deny(reply, path, 401, 'OPERATOR_TOKEN_REQUIRED', 'this needs the operators\' token: Authorization: Bearer <HUB_METRICS_TOKEN>');
        return;
      }
      const loaded = this.policy.current;
      if (!loaded) return this.deny(reply, path, 503, 'POLICY_UNAVAILABLE', 'the hub has not loaded its keys and sharing policy yet; try again in a moment');
      const result =
        !request.headers.authorization && path === '/graphql' && request.headers[ACCESS_HEADER] !== undefined
          ? this.onBehalfOf(request, loaded.keys)
          : authenticate(request.headers.authorization, loaded.keys);
      if ('error' in result) return this.deny(reply, path, 401, result.error.code, result.error.message);
      request.hubPrincipal = result.principal;
    });
    // A request signed by an app of the hub is bound to its body: checked once the body is parsed.
    fastify.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      const digest = request.hubOnBehalfDigest;
      if (digest === undefined) return;
      if (!request.rawBody || !matchesRequest(digest, { method: request.method, url: request.url, body: request.rawBody })) {
        request.hubPrincipal = undefined;
        return this.deny(reply, '/graphql', 401, 'ACCESS_SIGNATURE_WRONG_REQUEST', accessSignatureMessage('ACCESS_SIGNATURE_WRONG_REQUEST'));
      }
    });
  }

  /** The principal an app of the hub vouches for (signed for the gateway and this request, recent, its key still valid), or why not. */
  private onBehalfOf(request: FastifyRequest, keys: ReadonlyMap<string, PolicyKey>): ReturnType<typeof authenticate> {
    const opened = openAccess(request.headers[ACCESS_HEADER], 'gateway', internalSecret());
    if ('error' in opened) return { error: { code: 'API_KEY_INVALID', message: accessSignatureMessage(opened.error) } };
    const key = opened.access.principal ? keys.get(opened.access.principal.keyId) : undefined;
    if (!key) return { error: { code: 'API_KEY_INVALID', message: 'the signed access of this request names no valid key' } };
    request.hubOnBehalfDigest = opened.digest;
    return principalOfKey(key);
  }

  private deny(reply: FastifyReply, path: string, status: number, code: string, message: string) {
    const requestId = String(reply.request.id);
    this.refusals.inc({ code });
    this.log.info({ requestId, code, path, ip: reply.request.ip }, 'request refused before authentication');
    if (status === 401) reply.header('www-authenticate', 'Bearer realm="hub"');
    if (status === 503) reply.header('retry-after', '5');
    return reply
      .status(status)
      .type('application/json')
      .send(path === '/graphql' ? { errors: [{ message, extensions: { code, requestId } }] } : { code, message, requestId });
  }
}
