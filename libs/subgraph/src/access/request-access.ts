import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common/enums/request-method.enum.js';
import { DiscoveryService, HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ACCESS_HEADER,
  accessRuleOf,
  accessSignatureMessage,
  internalSecret,
  isOperator,
  matchesRequest,
  openAccess,
  type AccessRule,
  type AccessSignatureError,
  type SignedAccess,
} from '@hub/auth';
import { Metrics, createLogger } from '@hub/observability';
import { accessRuleGaps } from './access-rule-gaps.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** What the signing app vouched for (the caller, its purpose): set before the handler runs. */
    hubAccess?: SignedAccess;
    /** The digest the signature was issued for; checked against the body once it is read. */
    hubAccessDigest?: string;
  }
}

/** The name this app is signed for (`aud`): its name in the supergraph. */
export const APP_AUDIENCE = Symbol('APP_AUDIENCE');

/**
 * Every request to an app of the hub proves where it comes from before anything else happens:
 * a route declared `@Public()` needs nothing (health probes), `@Operator()` the operators' token,
 * every other route — the GraphQL endpoint with `_entities` and `_service`, ingest, the archive,
 * internal routes, and any path no route declares — a signature by an app of the hub (the gateway),
 * issued for this app, this request (method, path, query and body), within the last minute, used
 * once. The signature is checked when the request arrives (an unsigned request is refused before
 * its body is read) and bound to the body once it is parsed. Which roles may call what is each
 * handler's own rule, checked by AccessGuard.
 *
 * At start, every controller route and every query and mutation must declare its rule: an app
 * with an undeclared one refuses to start.
 */
@Injectable()
export class RequestAccess implements OnModuleInit {
  private readonly log = createLogger('access');
  private readonly refusals;
  /** `METHOD /path` of each controller route → its rule. */
  private readonly routes = new Map<string, AccessRule>();

  constructor(
    @Inject(APP_AUDIENCE) private readonly audience: string,
    private readonly adapterHost: HttpAdapterHost,
    private readonly discovery: DiscoveryService,
    metrics: Metrics,
  ) {
    this.refusals = metrics.counter('hub_access_refusals_total', 'Requests refused before a handler ran, by code', [
      'code',
    ]);
  }

  onModuleInit(): void {
    const classes = [...this.discovery.getControllers(), ...this.discovery.getProviders()]
      .map((w) => w.metatype)
      .filter((m): m is new (...args: never[]) => unknown => typeof m === 'function');
    const gaps = accessRuleGaps(classes);
    if (gaps.length > 0) {
      throw new Error(
        `${this.audience}: every route declares who may call it (@Public, @Operator, @Internal, @AnyCaller, @Roles, @ProviderOnly), every query and mutation a caller's rule (@AnyCaller, @Roles, @ProviderOnly); these do not: ${gaps.join(', ')}`,
      );
    }
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller) continue;
      const base = pathsOf(Reflect.getMetadata(PATH_METADATA, controller));
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const rule = accessRuleOf(handler, controller)!;
        for (const prefix of base)
          for (const path of pathsOf(Reflect.getMetadata(PATH_METADATA, handler)))
            this.routes.set(`${method} ${join(prefix, path)}`, rule);
      }
    }
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', async (request, reply) => this.onRequest(request, reply));
    fastify.addHook('preHandler', async (request, reply) => this.preHandler(request, reply));
  }

  /** The rule of the route a request was routed to; a signed caller for anything undeclared (GraphQL, unknown paths). */
  ruleOf(request: FastifyRequest): AccessRule {
    const url = request.routeOptions.url;
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    return (
      (url && (this.routes.get(`${method} ${url}`) ?? this.routes.get(`ALL ${url}`))) || { kind: 'caller', roles: [] }
    );
  }

  private async onRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const rule = this.ruleOf(request);
    if (rule.kind === 'public') return;
    if (rule.kind === 'operator') {
      if (!isOperator(request.headers.authorization))
        return this.deny(
          request,
          reply,
          'OPERATOR_TOKEN_REQUIRED',
          "this needs the operators' token: Authorization: Bearer <HUB_METRICS_TOKEN>",
        );
      return;
    }
    const opened = openAccess(request.headers[ACCESS_HEADER], this.audience, internalSecret());
    if ('error' in opened) return this.deny(request, reply, opened.error, accessSignatureMessage(opened.error));
    const { access, digest } = opened;
    if (
      rule.kind === 'internal'
        ? access.principal !== null || !rule.issuers.includes(access.issuer)
        : access.principal === null
    ) {
      return this.deny(
        request,
        reply,
        'ACCESS_SIGNATURE_INVALID',
        rule.kind === 'internal'
          ? "this route is for the hub's own apps"
          : 'this route serves a caller; the request names none',
      );
    }
    request.hubAccess = access;
    request.hubAccessDigest = digest;
  }

  /** Once the body is parsed: the signature must be this request's. A streamed body is bound by method and path. */
  private async preHandler(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const digest = request.hubAccessDigest;
    if (digest === undefined) return;
    const body =
      request.rawBody ??
      (request.body === undefined || request.body === null ? '' : isStream(request.body) ? null : undefined);
    if (body === undefined || !matchesRequest(digest, { method: request.method, url: request.url, body })) {
      request.hubAccess = undefined;
      return this.deny(
        request,
        reply,
        'ACCESS_SIGNATURE_WRONG_REQUEST',
        accessSignatureMessage('ACCESS_SIGNATURE_WRONG_REQUEST'),
      );
    }
  }

  private async deny(
    request: FastifyRequest,
    reply: FastifyReply,
    code: AccessSignatureError | 'OPERATOR_TOKEN_REQUIRED',
    message: string,
  ): Promise<void> {
    const requestId = String(request.id);
    this.refusals.inc({ code });
    this.log.warn(
      { requestId, code, method: request.method, path: request.url.split('?')[0], ip: request.ip },
      'request refused: no valid credential',
    );
    const graphql = request.url.split('?')[0] === '/graphql';
    await reply
      .status(401)
      .header('www-authenticate', 'Bearer realm="hub"')
      .type('application/json')
      .send(graphql ? { errors: [{ message, extensions: { code, requestId } }] } : { code, message, requestId });
  }
}

function isStream(body: unknown): boolean {
  return typeof (body as { pipe?: unknown }).pipe === 'function';
}

function pathsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [value === undefined ? '/' : String(value)];
}

function join(prefix: string, path: string): string {
  const joined = `/${[prefix, path]
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
  return joined;
}
