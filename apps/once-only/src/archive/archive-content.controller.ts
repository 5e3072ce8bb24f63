import { Controller, Get, Logger, Param, Put, Req, Res, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { Role, type Principal } from '@hub/auth';
import { Roles } from '@hub/subgraph';
import type { MaterialRow } from './archive.entities.js';
import { ARCHIVE_CONTENT_TYPES, ArchiveContentService, ContentRefusal } from './archive-content.service.js';

/** The header in which the archive names whose file a request touched (`PERSON:<id>`), for the gateway's access record. */
export const SUBJECTS_HEADER = 'x-hub-subjects';

const CONTENT_PATH = /^\/archive\/materials\/[^/]+\/content\/?$/;

/**
 * PUT /archive/materials/{id}/content uploads a material's content (the raw body, streamed);
 * GET streams it back with its type and the SHA-256 as ETag. Reached through the gateway, which
 * authenticates the caller, signs its principal and writes the access record: a request without
 * a valid signature is refused before it reaches this controller. Errors are JSON `{ code, message, requestId }`.
 */
@Controller('archive/materials/:id/content')
export class ArchiveContentController implements OnModuleInit {
  private readonly log = new Logger('ArchiveContent');

  constructor(
    private readonly content: ArchiveContentService,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // The body reaches the handler as the request stream itself: nothing is buffered.
    fastify.addContentTypeParser([...ARCHIVE_CONTENT_TYPES], (_request, payload, done) => done(null, payload));
    // Refusals that need no byte of the body come before Fastify picks a parser (which would
    // answer an unknown type in its own words) and before anything is read.
    fastify.addHook('preParsing', (request, reply, payload, done) => {
      const refusal =
        request.method === 'PUT' && CONTENT_PATH.test(request.url.split('?')[0]) ? this.earlyRefusal(request) : null;
      if (!refusal) return done(null, payload);
      send(request, reply, refusal);
    });
  }

  @Roles(Role.SYSTEM)
  @Put()
  async upload(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const by = caller(request);
      const type = mediaType(request);
      const material = await this.content.uploadTarget(id, by);
      reply.header(SUBJECTS_HEADER, subjectOf(material));
      const stored = await this.content.store(material, request.body as Readable | undefined, type);
      reply.status(200).send({
        id: stored.id,
        contentSha256: stored.contentSha256,
        contentSize: Number(stored.contentSize),
        contentType: stored.contentType,
        contentStoredAt: stored.contentStoredAt,
      });
    } catch (error) {
      this.fail(request, reply, error);
    }
  }

  @Roles(Role.SYSTEM, Role.STEWARD)
  @Get()
  async download(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const head = request.method === 'HEAD';
      const material = await this.content.find(id);
      reply.header(SUBJECTS_HEADER, subjectOf(material));
      const stream = await this.content.content(
        material,
        !head && request.headers['if-none-match'] !== `"${material.contentSha256}"`,
      );
      reply.header('etag', `"${material.contentSha256}"`).header('cache-control', 'private, no-cache');
      if (!head && !stream) {
        reply.status(304).send();
        return;
      }
      reply
        .status(200)
        .header('content-type', material.contentType!)
        .header('content-length', String(material.contentSize));
      reply.send(stream ?? undefined);
    } catch (error) {
      this.fail(request, reply, error);
    }
  }

  /** Why a PUT is refused before its body is read: no signed caller, a type the archive does not store, a declared length over the limit. */
  private earlyRefusal(request: FastifyRequest): ContentRefusal | null {
    try {
      caller(request);
      mediaType(request);
    } catch (error) {
      return error as ContentRefusal;
    }
    const declared = Number(request.headers['content-length']);
    const max = this.content.config.ARCHIVE_MAX_CONTENT_BYTES;
    if (declared > max)
      return new ContentRefusal(
        413,
        'CONTENT_TOO_LARGE',
        `the content declares ${declared} bytes; at most ${max} are stored`,
      );
    return null;
  }

  private fail(request: FastifyRequest, reply: FastifyReply, error: unknown): void {
    if (error instanceof ContentRefusal) return send(request, reply, error);
    this.log.error(
      `archive content request ${String(request.id)} failed: ${error instanceof Error ? error.stack : String(error)}`,
    );
    send(
      request,
      reply,
      new ContentRefusal(
        500,
        'INTERNAL_SERVER_ERROR',
        'the archive could not complete the request; nothing was stored',
      ),
    );
  }
}

/** The principal the gateway vouched for (checked before routing, see @hub/subgraph RequestAccess). */
function caller(request: FastifyRequest): Principal {
  const principal = request.hubAccess?.principal;
  if (!principal)
    throw new ContentRefusal(
      401,
      'UNAUTHENTICATED',
      'the archive is reached through the hub gateway, with a hub API key',
    );
  return principal;
}

/** The body's media type, one the archive stores. */
function mediaType(request: FastifyRequest): string {
  const type = String(request.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (!ARCHIVE_CONTENT_TYPES.includes(type)) {
    throw new ContentRefusal(
      415,
      'CONTENT_TYPE_NOT_ALLOWED',
      `the archive stores ${ARCHIVE_CONTENT_TYPES.join(', ')}; got ${type.slice(0, 100) || 'no Content-Type'}`,
    );
  }
  return type;
}

function subjectOf(material: MaterialRow): string {
  return `${material.subjectType}:${material.subjectId}`;
}

function send(request: FastifyRequest, reply: FastifyReply, refusal: ContentRefusal): void {
  if (reply.sent) return;
  reply
    .status(refusal.status)
    .header('content-type', 'application/json; charset=utf-8')
    .send({ code: refusal.code, message: refusal.message, requestId: String(request.id) });
}
