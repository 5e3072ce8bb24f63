import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import { internalSecret, operatorToken } from '@hub/auth';
import type { Logger } from 'pino';
import { PinoNestLogger, createLogger } from './logger.js';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.js';
import { startTracing, traceHttpRequests } from './tracing.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** A JSON body as received (Nest's rawBody option): what a signed request is checked against. */
    rawBody?: Buffer;
  }
}

export interface HttpAppOptions {
  name: string;
  port: number;
  host: string;
  /** Largest request body accepted (bytes); bulk ingest raises it for its own route. */
  bodyLimit?: number;
  logger?: Logger;
  /**
   * Close the app on SIGINT/SIGTERM (default). The all-in-one hub turns this off and closes its
   * apps itself, in order.
   */
  shutdownHooks?: boolean;
  /**
   * Whether this app continues its caller's trace (W3C `traceparent`) and traces only requests that
   * carry one (default: yes, a library called by the gateway); the gateway, which anyone may call,
   * starts a trace of its own per request (see traceHttpRequests).
   */
  continueTrace?: boolean;
}

/**
 * Creates and starts one app of the hub on Fastify: JSON logs with the request id (taken from
 * `x-request-id` when the caller — usually the gateway — sends one, so a request can be followed
 * across apps), graceful shutdown hooks, and the given port on the given host.
 */
export async function startHttpApp(module: unknown, options: HttpAppOptions): Promise<NestFastifyApplication> {
  // The hub's shared credentials are read on every request that needs them: one set too short
  // stops the app here, with its reason, instead of answering each such request with a 500.
  operatorToken();
  internalSecret();
  // Decided before the app exists: a traced app adds its hooks, an untraced one has none to run.
  const traced = await startTracing({ serviceName: options.name });
  const logger = options.logger ?? createLogger(options.name);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Per-request access lines would dominate the logs; metrics count requests instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) =>
      requestIdFrom(req.headers[REQUEST_ID_HEADER]),
    keepAliveTimeout: 65_000,
  });
  const app = await NestFactory.create<NestFastifyApplication>(module as never, adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    // JSON bodies are kept as received as well: a signed request is checked against its exact bytes.
    rawBody: true,
  });
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  if (traced) traceHttpRequests(fastify, options.name, { continueTrace: options.continueTrace !== false });
  await app.listen(options.port, options.host);
  return app;
}
