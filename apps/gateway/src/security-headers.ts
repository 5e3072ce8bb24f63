import helmet from '@fastify/helmet';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * The usual security headers on every answer of the gateway (@fastify/helmet): nosniff, no
 * framing, no referrer, same-origin resource and opener policies, HSTS for deployments behind
 * TLS. The API answers JSON only, so its content security policy allows nothing; GraphiQL sets
 * its own (GRAPHIQL_CSP) over it.
 */
@Injectable()
export class SecurityHeaders implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Applied to the root instance directly, as the rate limit is (see perCallerRateLimit).
    await helmet(fastify, {
      global: true,
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    });
  }
}
