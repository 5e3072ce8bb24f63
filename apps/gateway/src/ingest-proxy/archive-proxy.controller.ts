import { Controller, Get, Inject, Param, Put, Req, Res, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { internalSecret, signedHeaders, type AccessPurpose, type Principal } from '@hub/auth';
import { REQUEST_ID_HEADER } from '@hub/observability';
import type { AccessOutcome, AccessRecordInput } from '@hub/policy';
import { accessPurpose } from '../access/access-purpose.js';
import { AuditWriter } from '../access/audit-writer.js';

/** The once-only subgraph's base URL (no /graphql), or null when the supergraph has none. */
export const ARCHIVE_TARGET = Symbol('ARCHIVE_TARGET');

/**
 * The media types the archive stores (its own list is the authority, apps/once-only's
 * ARCHIVE_CONTENT_TYPES): the gateway streams these through, and refuses others itself, because
 * Fastify would otherwise answer an unknown type before the request reaches the proxy.
 */
const ARCHIVE_CONTENT_TYPES = ['application/pdf', 'application/ofd', 'image/jpeg', 'image/png'];
/** Where the archive names whose file a request touched (`PERSON:<id>`, comma-separated). */
const SUBJECTS_HEADER = 'x-hub-subjects';
const SUBJECT = /^(PERSON|LEGAL_ENTITY):[0-9A-Z]{15,18}$/;
const CONTENT_PATH = /^\/archive\/materials\/[^/]+\/content\/?$/;
/**
 * The field an archive file access is recorded as. It is not a GraphQL field, so no data item can
 * name it: who may download is the archive's own rule (any department system or steward), logged.
 */
const CONTENT_FIELD = 'Material.content';
const PASSED_BACK = ['content-type', 'content-length', 'etag', 'cache-control'];
/** An error answer is a small JSON object; more than this is not read for its code. */
const MAX_ERROR_BODY = 64 * 1024;

/**
 * /archive/materials/{id}/content on the gateway is passed, streamed both ways, to the once-only
 * app with the caller's principal and purpose signed, as for a subgraph request. Every upload and
 * download leaves an access record naming the subject whose file it is: an upload's is committed
 * before a byte of the file reaches the archive (a HEAD first asks whose file it is); a download's
 * before a byte of the file leaves the gateway.
 */
@Controller('archive/materials/:id/content')
export class ArchiveProxyController implements OnModuleInit {
  constructor(
    @Inject(ARCHIVE_TARGET) private readonly target: string | null,
    private readonly adapterHost: HttpAdapterHost,
    private readonly audit: AuditWriter,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addContentTypeParser(ARCHIVE_CONTENT_TYPES, (_request, payload, done) => done(null, payload));
    fastify.addHook('preParsing', (request, reply, payload, done) => {
      if (
        request.method !== 'PUT' ||
        !CONTENT_PATH.test(request.url.split('?')[0]) ||
        ARCHIVE_CONTENT_TYPES.includes(mediaType(request))
      )
        return done(null, payload);
      const startedAt = new Date();
      const message = `the archive stores ${ARCHIVE_CONTENT_TYPES.join(', ')}; got ${mediaType(request).slice(0, 100) || 'no Content-Type'}`;
      void this.record(request, 'mutation', null, [], startedAt, 'FAILED', 'CONTENT_TYPE_NOT_ALLOWED')
        .then(() => answer(request, reply, 415, 'CONTENT_TYPE_NOT_ALLOWED', message))
        .catch(() => auditUnavailable(request, reply));
    });
  }

  @Put()
  async upload(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const startedAt = new Date();
    const purpose = accessPurpose(request.headers, undefined);
    if ('error' in purpose) return answer(request, reply, 400, purpose.error.code, purpose.error.message);
    const target = this.target;
    if (!target) return answer(request, reply, 404, 'ARCHIVE_UNAVAILABLE', 'this hub has no archive (once-only) app');
    const url = contentUrl(target, id);
    if (!url) return this.unknown(request, reply, 'mutation', purpose.purpose, id, startedAt);
    // Whose file this is, so that the record names the subject before the upload goes through.
    let subjects: string[];
    try {
      subjects = subjectsOf(
        await fetch(url, {
          method: 'HEAD',
          headers: this.signed(request, purpose.purpose, 'HEAD', url, ''),
          signal: AbortSignal.timeout(10_000),
        }),
      );
    } catch {
      return this.unavailable(request, reply, 'mutation', purpose.purpose, startedAt);
    }
    if (!(await this.recorded(request, reply, 'mutation', purpose.purpose, subjects, startedAt, 'ALLOWED', null)))
      return;
    // The file is streamed: the signature binds the method and path, and is good once.
    const headers = this.signed(request, purpose.purpose, 'PUT', url, null);
    for (const name of ['content-type', 'content-length']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    let upstream: Response;
    try {
      upstream = await fetch(url, {
        method: 'PUT',
        headers,
        body: Readable.toWeb(request.body as Readable) as ReadableStream,
        duplex: 'half',
      } as RequestInit);
    } catch {
      return this.unavailable(request, reply, 'mutation', purpose.purpose, startedAt);
    }
    relay(reply, upstream, upstream.body ? Readable.fromWeb(upstream.body as never) : undefined);
  }

  @Get()
  async download(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const startedAt = new Date();
    const purpose = accessPurpose(request.headers, undefined);
    if ('error' in purpose) return answer(request, reply, 400, purpose.error.code, purpose.error.message);
    const target = this.target;
    if (!target) return answer(request, reply, 404, 'ARCHIVE_UNAVAILABLE', 'this hub has no archive (once-only) app');
    const method = request.method === 'HEAD' ? 'HEAD' : 'GET';
    const url = contentUrl(target, id);
    if (!url) return this.unknown(request, reply, 'query', purpose.purpose, id, startedAt);
    const headers = this.signed(request, purpose.purpose, method, url, '');
    const condition = request.headers['if-none-match'];
    if (typeof condition === 'string') headers['if-none-match'] = condition;
    let upstream: Response;
    try {
      upstream = await fetch(url, { method, headers });
    } catch {
      return this.unavailable(request, reply, 'query', purpose.purpose, startedAt);
    }
    // An error answer is small: read for its code (the record's) and passed on as it came.
    const error = upstream.status >= 400 ? await errorBody(upstream) : null;
    const outcome: AccessOutcome =
      upstream.status < 400 ? 'ALLOWED' : upstream.status === 401 || upstream.status === 403 ? 'REFUSED' : 'FAILED';
    if (
      !(await this.recorded(
        request,
        reply,
        'query',
        purpose.purpose,
        subjectsOf(upstream),
        startedAt,
        outcome,
        error?.code ?? null,
      ))
    ) {
      await upstream.body?.cancel().catch(() => undefined);
      return;
    }
    relay(reply, upstream, error ? error.text : upstream.body ? Readable.fromWeb(upstream.body as never) : undefined);
  }

  /** The caller and purpose vouched for to the archive, for this one request. */
  private signed(
    request: FastifyRequest,
    purpose: AccessPurpose,
    method: string,
    url: string,
    body: string | null,
  ): Record<string, string> {
    const secret = internalSecret();
    if (!secret) throw new Error('HUB_INTERNAL_SECRET is not set: the gateway cannot vouch for callers');
    const { pathname, search } = new URL(url);
    return {
      [REQUEST_ID_HEADER]: String(request.id),
      ...signedHeaders(
        { principal: request.hubPrincipal!, issuer: 'gateway', ...purpose },
        'once-only',
        { method, url: `${pathname}${search}`, body },
        secret,
      ),
    };
  }

  /** A material id no material can have: recorded, and answered as the archive answers an unknown id. */
  private async unknown(
    request: FastifyRequest,
    reply: FastifyReply,
    type: AccessRecordInput['operationType'],
    purpose: AccessPurpose,
    id: string,
    startedAt: Date,
  ): Promise<void> {
    if (!(await this.recorded(request, reply, type, purpose, [], startedAt, 'FAILED', 'MATERIAL_UNKNOWN'))) return;
    answer(request, reply, 404, 'MATERIAL_UNKNOWN', `no material ${id}`);
  }

  private async unavailable(
    request: FastifyRequest,
    reply: FastifyReply,
    type: AccessRecordInput['operationType'],
    purpose: AccessPurpose,
    startedAt: Date,
  ): Promise<void> {
    if (!(await this.recorded(request, reply, type, purpose, [], startedAt, 'FAILED', 'SUBGRAPH_UNAVAILABLE'))) return;
    answer(
      request,
      reply,
      503,
      'SUBGRAPH_UNAVAILABLE',
      'the archive is unavailable right now; nothing was stored — try again',
    );
  }

  /** Writes the access record; false (and AUDIT_UNAVAILABLE answered) when it could not be. */
  private async recorded(
    request: FastifyRequest,
    reply: FastifyReply,
    type: AccessRecordInput['operationType'],
    purpose: AccessPurpose,
    subjects: string[],
    startedAt: Date,
    outcome: AccessOutcome,
    errorCode: string | null,
  ): Promise<boolean> {
    try {
      await this.record(request, type, purpose, subjects, startedAt, outcome, errorCode);
      return true;
    } catch {
      auditUnavailable(request, reply);
      return false;
    }
  }

  private record(
    request: FastifyRequest,
    type: AccessRecordInput['operationType'],
    purpose: AccessPurpose | null,
    subjects: string[],
    startedAt: Date,
    outcome: AccessOutcome,
    errorCode: string | null,
  ): Promise<string | null> {
    const principal: Principal = request.hubPrincipal!;
    return this.audit.write({
      requestId: String(request.id),
      keyId: principal.keyId,
      systemCode: principal.systemCode,
      departmentUscc: principal.departmentUscc,
      holderName: principal.name,
      roles: principal.roles,
      purpose: purpose?.purpose ?? null,
      caseNumber: purpose?.caseNumber ?? null,
      operationType: type,
      operationName: `${request.method} ${request.url.split('?')[0]}`.slice(0, 200),
      fields: [CONTENT_FIELD],
      subjects,
      outcome,
      errorCode: errorCode?.slice(0, 64) ?? null,
      refusal: null,
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      timings: {},
    });
  }
}

/**
 * Where a material's content is, or null when `id` is a dot segment: `..` would otherwise be
 * resolved away by URL parsing (`/archive/materials/../content` is `/archive/content`), and the
 * gateway would vouch for its caller on a path it does not proxy.
 */
function contentUrl(target: string, id: string): string | null {
  if (id === '.' || id === '..') return null;
  return `${target}/archive/materials/${encodeURIComponent(id)}/content`;
}

function mediaType(request: FastifyRequest): string {
  return String(request.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

/** The subjects the archive named, well-formed ones only (the record is refused otherwise). */
function subjectsOf(response: Response): string[] {
  const named = (response.headers.get(SUBJECTS_HEADER) ?? '').split(',').map((s) => s.trim());
  return [...new Set(named.filter((s) => SUBJECT.test(s)))].sort();
}

async function errorBody(response: Response): Promise<{ text: string; code: string | null }> {
  const text = (await response.text().catch(() => '')).slice(0, MAX_ERROR_BODY);
  try {
    const code = (JSON.parse(text) as { code?: unknown }).code;
    return { text, code: typeof code === 'string' ? code : null };
  } catch {
    return { text, code: null };
  }
}

function relay(reply: FastifyReply, upstream: Response, body: Readable | string | undefined): void {
  reply.status(upstream.status);
  for (const name of PASSED_BACK) {
    // A body read as text is sent as Fastify measures it.
    if (name === 'content-length' && typeof body === 'string') continue;
    const value = upstream.headers.get(name);
    if (value !== null) reply.header(name, value);
  }
  reply.send(body);
}

function answer(request: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string): void {
  if (reply.sent) return;
  reply
    .status(status)
    .type('application/json')
    .send({ code, message, requestId: String(request.id) });
}

function auditUnavailable(request: FastifyRequest, reply: FastifyReply): void {
  answer(
    request,
    reply,
    503,
    'AUDIT_UNAVAILABLE',
    'the hub could not record this request, so it does not take it; try again in a moment',
  );
}
