import { Controller, Inject, NotFoundException, Param, Post, Req, Res, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { REQUEST_ID_HEADER } from '@hub/observability';

export const INGEST_TARGETS = Symbol('INGEST_TARGETS');

/** The registers that accept bulk extracts, by the path segment a department posts to (e.g. `legal-entities`). */
export type IngestTargets = Record<string, string>;

const STREAMED_TYPES = ['application/x-ndjson', 'application/jsonl', 'text/csv'];
const FORWARDED = ['content-type', 'accept', 'content-length'];

/**
 * POST /ingest/<register> on the gateway is passed, streamed both ways, to its library's own ingest
 * endpoint: departments have one address for everything, and an extract of any size crosses the
 * gateway without being buffered.
 */
@Controller('ingest')
export class IngestProxyController implements OnModuleInit {
  constructor(
    @Inject(INGEST_TARGETS) private readonly targets: IngestTargets,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter.getInstance<FastifyInstance>().addContentTypeParser(STREAMED_TYPES, (_request, payload, done) => done(null, payload));
  }

  @Post(':register')
  async forward(@Param('register') library: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const target = Object.hasOwn(this.targets, library) ? this.targets[library] : undefined;
    if (!target) throw new NotFoundException({ code: 'UNKNOWN_REGISTER', message: `no register "${library}" accepts extracts; known: ${Object.keys(this.targets).join(', ')}` });
    const headers: Record<string, string> = { [REQUEST_ID_HEADER]: String(request.id) };
    for (const name of FORWARDED) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    let upstream: Response;
    try {
      upstream = await fetch(`${target}${query}`, {
        method: 'POST',
        headers,
        body: STREAMED_TYPES.includes(String(headers['content-type']).split(';')[0]) ? (Readable.toWeb(request.body as Readable) as ReadableStream) : JSON.stringify(request.body ?? null),
        duplex: 'half',
      } as RequestInit);
    } catch {
      reply.status(503).send({ code: 'SUBGRAPH_UNAVAILABLE', message: `the ${library} library is unavailable right now; nothing was stored — send the extract again` });
      return;
    }
    reply.status(upstream.status);
    const type = upstream.headers.get('content-type');
    if (type) reply.header('content-type', type);
    reply.send(upstream.body ? Readable.fromWeb(upstream.body as never) : undefined);
  }
}
