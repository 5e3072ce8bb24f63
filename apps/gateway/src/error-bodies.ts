import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isHubErrorCode } from '@hub/subgraph';

/** The hub's code for an error answer that came without one (Fastify's, Nest's, Apollo's), by HTTP status. */
const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'BAD_REQUEST',
  406: 'NOT_ACCEPTABLE',
  413: 'REQUEST_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Every error answer of the gateway has the same shape, whoever produced it — the hub's own code,
 * Fastify (empty or malformed JSON, too large a body), Nest (no such route), Apollo (a request
 * blocked as possible CSRF, an Accept header it cannot satisfy): a stable `code` and the
 * `requestId` that finds it in the logs, as a GraphQL error on /graphql and as `{ code, message,
 * requestId }` elsewhere. Fastify's internal codes (FST_ERR_…) are replaced by the hub's.
 */
export function normalizeErrorBody(
  status: number,
  contentType: string,
  text: string,
  requestId: string,
  graphql: boolean,
): string | undefined {
  let body: unknown;
  if (/json/i.test(contentType)) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  const fallbackCode = CODE_OF_STATUS[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
  if (isObject(body) && Array.isArray(body.errors)) {
    const errors = body.errors as Array<{ message?: unknown; extensions?: Record<string, unknown> }>;
    if (
      errors.every(
        (e) =>
          isObject(e) &&
          isObject(e.extensions) &&
          e.extensions.requestId === requestId &&
          typeof e.extensions.code === 'string',
      )
    )
      return undefined;
    return JSON.stringify({
      ...body,
      errors: errors.map((e) => ({
        ...e,
        extensions: {
          ...e.extensions,
          code: typeof e.extensions?.code === 'string' ? e.extensions.code : fallbackCode,
          requestId,
        },
      })),
    });
  }
  let code = fallbackCode;
  let message = text.trim().slice(0, 500) || `HTTP ${status}`;
  let rest: Record<string, unknown> = {};
  if (isObject(body)) {
    const { code: given, message: said, statusCode: _status, error: _error, requestId: _id, ...others } = body;
    if (typeof given === 'string' && isHubErrorCode(given)) code = given;
    if (typeof said === 'string') message = said;
    else if (Array.isArray(said)) message = said.join('; ');
    rest = others;
    if (body.requestId === requestId && code === given) return undefined;
  }
  return JSON.stringify(
    graphql
      ? { errors: [{ message, extensions: { ...rest, code, requestId } }] }
      : { code, message, ...rest, requestId },
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Applies normalizeErrorBody to every error answer the gateway sends (streamed bodies are passed as they are). */
@Injectable()
export class ErrorBodies implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (reply.statusCode < 400 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
      const path = request.url.split('?')[0];
      const normalized = normalizeErrorBody(
        reply.statusCode,
        String(reply.getHeader('content-type') ?? ''),
        payload.toString(),
        String(request.id),
        path === '/graphql',
      );
      if (normalized === undefined) return payload;
      reply.header('content-type', 'application/json; charset=utf-8');
      reply.removeHeader('content-length');
      return normalized;
    });
  }
}
