import {
  BadRequestException,
  Controller,
  ForbiddenException,
  Inject,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
  ServiceUnavailableException,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable, Transform } from 'node:stream';
import { internalSecret, signedHeaders, type AccessPurpose, type Principal } from '@hub/auth';
import { accessPurpose } from '../access/access-purpose.js';
import { REQUEST_ID_HEADER } from '@hub/observability';
import type { AccessOutcome } from '@hub/policy';
import { AuditWriter } from '../access/audit-writer.js';
import { PolicyStore } from '../access/policy-store.js';
import { INGEST_ANCHORS, providedRegisters, writeRefusal } from '../access/register-writes.js';

export const INGEST_TARGETS = Symbol('INGEST_TARGETS');

/** The registers that accept bulk extracts, by the path segment a department posts to (e.g. `legal-entities`): their library and its URL. */
export type IngestTargets = Record<string, { subgraph: string; url: string }>;

const STREAMED_TYPES = ['application/x-ndjson', 'application/jsonl', 'text/csv'];
const FORWARDED = ['content-type', 'accept', 'content-length'];

/**
 * POST /ingest/<register> on the gateway is passed, streamed both ways, to its library's own ingest
 * endpoint: departments have one address for everything, and an extract of any size crosses the
 * gateway without being buffered. Only a system of the register's provider department (as the
 * catalog says) or an admin may send one, and every attempt leaves an access record.
 */
@Controller('ingest')
export class IngestProxyController implements OnModuleInit, OnModuleDestroy {
  /** Uploads being passed on: dropped when the gateway stops, so a stalled sender cannot hold the shutdown. */
  private readonly uploads = new Set<WatchedUpload>();

  constructor(
    @Inject(INGEST_TARGETS) private readonly targets: IngestTargets,
    private readonly adapterHost: HttpAdapterHost,
    private readonly policy: PolicyStore,
    private readonly audit: AuditWriter,
  ) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter
      .getInstance<FastifyInstance>()
      .addContentTypeParser(STREAMED_TYPES, (_request, payload, done) => done(null, payload));
  }

  onModuleDestroy(): void {
    for (const upload of this.uploads) upload.interrupt();
  }

  @Post(':register')
  async forward(
    @Param('register') library: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const target = Object.hasOwn(this.targets, library) ? this.targets[library] : undefined;
    if (!target)
      throw new NotFoundException({
        code: 'UNKNOWN_REGISTER',
        message: `no register "${library}" accepts extracts; known: ${Object.keys(this.targets).join(', ')}`,
      });
    const startedAt = new Date();
    const principal = request.hubPrincipal!;
    const anchor = INGEST_ANCHORS[library];
    // Why the extract is sent: optional for the register's own source system, the reason an admin
    // writing for a department must give (the library refuses its rows without one).
    const said = accessPurpose(request.headers, undefined);
    if ('error' in said) throw new BadRequestException({ ...said.error, requestId: String(request.id) });
    const purpose = said.purpose;
    const refusal = this.refusal(principal, anchor);
    if (refusal) {
      await this.record(request, principal, purpose, anchor, startedAt, 'REFUSED', refusal.code);
      throw new ForbiddenException(refusal);
    }
    // Recorded before a byte reaches the library: no extract is stored unrecorded. (The library's
    // report, with rows accepted and rejected, goes back to the sender.)
    await this.record(request, principal, purpose, anchor, startedAt, 'ALLOWED', null);
    const headers: Record<string, string> = { [REQUEST_ID_HEADER]: String(request.id) };
    for (const name of FORWARDED) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const url = `${target.url}${query}`;
    // Streamed when Fastify handed over the body unread (its parser matches the media type in any
    // spelling: `Application/X-NDJSON`, `text/csv ; charset=utf-8`); a parsed body is passed as JSON.
    const streamed = request.body instanceof Readable;
    const body = streamed ? null : JSON.stringify(request.body ?? null);
    if (!streamed) delete headers['content-length'];
    Object.assign(
      headers,
      signedFor(
        principal,
        purpose,
        providedRegisters(principal, this.policy.current!.policy),
        target.subgraph,
        url,
        body,
      ),
    );
    const upload = streamed ? watchedUpload(request.body as Readable) : undefined;
    if (upload) {
      this.uploads.add(upload);
      reply.raw.once('close', () => this.uploads.delete(upload));
    }
    let upstream: Response;
    try {
      upstream = await fetch(url, {
        method: 'POST',
        headers,
        body: body ?? (Readable.toWeb(upload!.stream) as ReadableStream),
        duplex: 'half',
        signal: upload?.signal,
      } as RequestInit);
    } catch {
      upload?.stop();
      const gone = upload?.ended();
      if (gone) {
        // The library dropped the upload too (it sees the same silence, or the connection end).
        await this.record(request, principal, purpose, anchor, startedAt, 'FAILED', gone.code);
        if (!reply.raw.destroyed)
          reply.status(gone.status).header('connection', 'close').send({ code: gone.code, message: gone.message });
        return;
      }
      await this.record(request, principal, purpose, anchor, startedAt, 'FAILED', 'SUBGRAPH_UNAVAILABLE');
      reply.status(503).send({
        code: 'SUBGRAPH_UNAVAILABLE',
        message: `the ${library} library is unavailable right now; nothing was stored — send the extract again`,
      });
      return;
    }
    // The watch lasts as long as the exchange: a streamed answer may start before the upload ends.
    if (upload) reply.raw.once('close', upload.stop);
    reply.status(upstream.status);
    // The library answered before the sender finished (it gave up on a stalled upload): the rest
    // of the body will not be read, so the connection cannot carry another request.
    if (streamed && !(request.body as Readable).readableEnded) reply.header('connection', 'close');
    const type = upstream.headers.get('content-type');
    if (type) reply.header('content-type', type);
    reply.send(upstream.body ? Readable.fromWeb(upstream.body as never) : undefined);
  }

  /** Why this caller may not send extracts of the register, or null when it may. */
  private refusal(principal: Principal, anchor: string): { code: string; message: string } | null {
    const loaded = this.policy.current;
    if (!loaded)
      throw new ServiceUnavailableException({
        code: 'POLICY_UNAVAILABLE',
        message: 'the hub has not loaded its sharing policy yet; try again in a moment',
      });
    const refused = writeRefusal(principal, loaded.policy, new Map([[anchor, anchor]]));
    if (!refused) return null;
    const provider = refused.refused[0].providerUscc;
    return {
      code: 'INGEST_FORBIDDEN',
      message: `only a system of the register's provider department${provider ? ` (${provider})` : ''} sends extracts of it; ${principal.name} is not one`,
    };
  }

  private async record(
    request: FastifyRequest,
    principal: Principal,
    said: AccessPurpose,
    anchor: string,
    startedAt: Date,
    outcome: AccessOutcome,
    errorCode: string | null,
  ): Promise<void> {
    try {
      await this.audit.write({
        requestId: String(request.id),
        keyId: principal.keyId,
        systemCode: principal.systemCode,
        departmentUscc: principal.departmentUscc,
        holderName: principal.name,
        roles: principal.roles,
        purpose: said.purpose ?? 'bulk ingest of a department extract',
        caseNumber: said.caseNumber,
        operationType: 'ingest',
        operationName: request.url.split('?')[0].slice(0, 200),
        fields: [anchor],
        subjects: [],
        outcome,
        errorCode,
        refusal: null,
        startedAt: startedAt.toISOString(),
        durationMs: Date.now() - startedAt.getTime(),
        timings: {},
      });
    } catch {
      throw new ServiceUnavailableException({
        code: 'AUDIT_UNAVAILABLE',
        message: 'the hub could not record this request, so it does not take it; try again in a moment',
      });
    }
  }
}

/**
 * The caller vouched for to the library, for this one request, with the registers its department
 * provides (checked here already; the library checks again). A streamed extract is bound by its path and query; the signature is good once.
 */
function signedFor(
  principal: Principal,
  said: AccessPurpose,
  provides: string[],
  subgraph: string,
  url: string,
  body: string | null,
): Record<string, string> {
  const secret = internalSecret();
  if (!secret)
    throw new ServiceUnavailableException({
      code: 'INGEST_UNAVAILABLE',
      message: 'the gateway has no HUB_INTERNAL_SECRET to vouch for callers',
    });
  const { pathname, search } = new URL(url);
  return signedHeaders(
    { principal, issuer: 'gateway', ...said, provides },
    subgraph,
    { method: 'POST', url: `${pathname}${search}`, body },
    secret,
  );
}

/** How long an upload may send nothing (INGEST_IDLE_TIMEOUT_MS, default 30 s; the libraries use the same). */
function idleTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.INGEST_IDLE_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 ? value : 30_000;
}

/**
 * The extract as it is passed on, watched: when the sender goes away mid-upload, or sends nothing
 * for the idle timeout plus a margin (the library gives up first and says so; this is the backstop
 * should it not), the request to the library is aborted, so neither end waits for bytes that will
 * not come.
 */
interface WatchedUpload {
  stream: Readable;
  signal: AbortSignal;
  stop(): void;
  /** Drops the upload: the hub is stopping. */
  interrupt(): void;
  ended(): { status: number; code: string; message: string } | undefined;
}

function watchedUpload(source: Readable): WatchedUpload {
  const idleMs = idleTimeoutMs();
  const abort = new AbortController();
  let ended: { status: number; code: string; message: string } | undefined;
  let timer: NodeJS.Timeout | undefined;
  const give = (why: NonNullable<typeof ended>) => {
    ended ??= why;
    clearTimeout(timer);
    guard.destroy(new Error(why.message));
    abort.abort();
  };
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(
      () =>
        give({
          status: 408,
          code: 'INGEST_STALLED',
          message: `the upload sent nothing for ${idleMs / 1000} s; nothing was stored — send the extract again`,
        }),
      idleMs + 5_000,
    );
  };
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      arm();
      callback(null, chunk);
    },
    flush(callback) {
      clearTimeout(timer);
      callback();
    },
  });
  const gone = () =>
    give({
      status: 503,
      code: 'INGEST_INTERRUPTED',
      message: 'the upload ended before its end; nothing was stored — send the extract again',
    });
  source.once('error', gone);
  source.once('close', () => {
    if (!source.readableEnded) gone();
  });
  source.pipe(guard);
  arm();
  return {
    stream: guard,
    signal: abort.signal,
    stop: () => clearTimeout(timer),
    interrupt: () =>
      give({
        status: 503,
        code: 'INGEST_INTERRUPTED',
        message: 'the hub is stopping; nothing was stored — send the extract again',
      }),
    ended: () => ended,
  };
}
