import {
  Controller,
  Headers,
  HttpException,
  HttpStatus,
  Inject,
  Logger,
  Param,
  Post,
  Query,
  Req,
  Res,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { IsOptional, Matches } from 'class-validator';
import { IsUscc, HubError, InputError, ProviderOnly, validateInput } from '@hub/subgraph';
import { Role, hasRole } from '@hub/auth';
import { attributionViolations, type WriteCaller } from '../attribution.js';
import type { IngestOptions } from './bulk-ingest.js';
import type { IngestReport } from './ingest-report.js';
import {
  ACCEPTED_CHARSETS,
  ExtractEncodingError,
  ExtractHeaderError,
  UnsupportedCharsetError,
  charsetOf,
  charsetParameter,
  type ExtractCharset,
  type ExtractFormat,
} from './record-stream.js';
import {
  ExtractTooLargeError,
  IngestInterruptedError,
  IngestStalledError,
  ingestIdleTimeoutMs,
  spoolUpload,
  type Spooled,
} from './spool.js';

/** The registers of an app that take bulk extracts, by the path segment they are posted to (e.g. `legal-entities`). */
export const INGEST_REGISTERS = Symbol('INGEST_REGISTERS');
export type IngestRegisters = Record<
  string,
  { ingest(input: Readable, options: IngestOptions): Promise<IngestReport> }
>;

/** The largest extract one request may carry (bytes); larger extracts are split by the sender. */
export const INGEST_MAX_BYTES = 4 * 1024 ** 3;

const FORMAT_OF_TYPE: Record<string, ExtractFormat> = {
  'application/x-ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'text/csv': 'csv',
};

class IngestQuery {
  @IsOptional()
  @IsUscc()
  sourceDepartment?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'INVALID_FORMAT: 1–64 letters, digits, ".", "_" or "-"' })
  sourceSystem?: string;
}

/**
 * POST /ingest/<register> (e.g. /ingest/legal-entities) with an NDJSON (`application/x-ndjson`) or CSV (`text/csv`) body.
 * Every row's source must be the sending system's own (its department and code, which rows
 * without them get); an admin names the department it acts for and says why (the purpose).
 * Query `sourceDepartment` / `sourceSystem` apply to rows that do not carry their own. The answer
 * is the ingest report; with `Accept: application/x-ndjson` progress lines come first, then the
 * report (`{"event":"report",…}`), so a client can show progress on a long extract.
 *
 * The body is received whole into a temporary file (INGEST_SPOOL_DIR) before a transaction is
 * opened: a sender that stalls (nothing for INGEST_IDLE_TIMEOUT_MS: 408 INGEST_STALLED) or goes
 * away mid-upload never holds a database connection. The encoding is the Content-Type's `charset`
 * (utf-8, gbk, gb18030), or detected (see record-stream.ts).
 */
@Controller('ingest')
export class IngestController implements OnModuleInit, OnModuleDestroy {
  constructor(
    @Inject(INGEST_REGISTERS) private readonly registers: IngestRegisters,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    // Hand the request body to the controller as a stream instead of buffering it.
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addContentTypeParser(Object.keys(FORMAT_OF_TYPE), (_request, payload, done) => done(null, payload));
  }

  /** Aborted when the app stops: uploads in progress are dropped (nothing stored) instead of holding the shutdown. */
  private readonly stopping = new AbortController();
  private readonly idleMs = ingestIdleTimeoutMs();

  onModuleDestroy(): void {
    this.stopping.abort();
  }

  @ProviderOnly(':register')
  @Post(':register')
  async ingest(
    @Param('register') name: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Headers('content-type') contentType: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Query() query: Record<string, string>,
  ): Promise<void> {
    const register = Object.hasOwn(this.registers, name) ? this.registers[name] : undefined;
    if (!register) {
      throw new HttpException(
        {
          code: 'UNKNOWN_REGISTER',
          message: `no register "${name}" here; known: ${Object.keys(this.registers).join(', ')}`,
        },
        HttpStatus.NOT_FOUND,
      );
    }
    const format = FORMAT_OF_TYPE[(contentType ?? '').split(';')[0].trim().toLowerCase()];
    if (!format) {
      throw new HttpException(
        { code: 'UNSUPPORTED_MEDIA_TYPE', message: `send ${Object.keys(FORMAT_OF_TYPE).join(' or ')}` },
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      );
    }
    let charset: ExtractCharset | undefined;
    try {
      charset = charsetOf(charsetParameter(contentType));
    } catch (error) {
      if (!(error instanceof UnsupportedCharsetError)) throw error;
      throw new HttpException(
        { code: error.code, message: error.message, charset: error.charset, accepted: ACCEPTED_CHARSETS },
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      );
    }
    const checked = await validateInput(IngestQuery, query);
    if (!checked.ok)
      throw new HttpException({ code: 'BAD_USER_INPUT', violations: checked.violations }, HttpStatus.BAD_REQUEST);
    const caller = request.hubAccess ?? null;
    const defaults = sourceDefaults(checked.value, caller);
    const streaming = (accept ?? '').includes('application/x-ndjson');
    const out = streaming ? new PassThrough() : undefined;
    if (out) reply.status(200).header('content-type', 'application/x-ndjson').send(out);
    let spooled: Spooled | undefined;
    try {
      let shown = 0;
      spooled = await spoolUpload(request.body as Readable, {
        maxBytes: INGEST_MAX_BYTES,
        idleMs: this.idleMs,
        dir: process.env.INGEST_SPOOL_DIR || undefined,
        signal: this.stopping.signal,
        onBytes: (bytes) => {
          if (!out || Date.now() - shown < 1000) return;
          shown = Date.now();
          out.write(
            JSON.stringify({
              event: 'progress',
              rowsRead: 0,
              accepted: 0,
              rejected: 0,
              bytesRead: bytes,
              phase: 'receiving',
            }) + '\n',
          );
        },
      });
      const report = await register.ingest(createReadStream(spooled.path), {
        format,
        charset,
        defaults,
        caller,
        signal: this.stopping.signal,
        onProgress: out ? (p) => out.write(JSON.stringify({ event: 'progress', ...p }) + '\n') : undefined,
      });
      if (out) out.end(JSON.stringify({ event: 'report', ...report }) + '\n');
      else reply.status(200).send(report);
    } catch (error) {
      const { status, payload } = failure(error);
      // A stalled or interrupted sender's body is left unread: the connection cannot be reused.
      if (!out && (error instanceof IngestStalledError || error instanceof IngestInterruptedError))
        reply.header('connection', 'close');
      if (out) out.end(JSON.stringify({ event: 'error', ...payload }) + '\n');
      else if (!reply.raw.destroyed) reply.status(status).send(payload);
    } finally {
      await spooled?.remove();
    }
  }
}

/**
 * What rows without a source of their own are attributed to: a system sends as itself, so its own
 * department and code (a query naming another is refused at once: every row would be). An admin
 * names the department it acts for, per row or in the query.
 */
function sourceDefaults(query: IngestQuery, caller: WriteCaller): IngestQuery {
  const principal = caller?.principal;
  if (!principal || hasRole(principal, Role.ADMIN)) return query;
  const own = {
    sourceDepartment: principal.departmentUscc ?? undefined,
    sourceSystem: principal.systemCode ?? undefined,
  };
  const violations = attributionViolations(
    {
      sourceDepartment: query.sourceDepartment ?? own.sourceDepartment ?? '',
      sourceSystem: query.sourceSystem ?? own.sourceSystem ?? '',
    },
    caller,
  );
  if (violations.length > 0)
    throw new HttpException(
      {
        code: 'SOURCE_NOT_CALLER',
        message: `an extract is sent by its source system: ${violations[0].message}`,
        violations,
      },
      HttpStatus.BAD_REQUEST,
    );
  return {
    sourceDepartment: query.sourceDepartment ?? own.sourceDepartment,
    sourceSystem: query.sourceSystem ?? own.sourceSystem,
  };
}

const logger = new Logger('IngestController');

function failure(error: unknown): { status: number; payload: Record<string, unknown> } {
  if (error instanceof ExtractTooLargeError)
    return { status: 413, payload: { code: error.code, message: error.message } };
  if (error instanceof IngestStalledError)
    return { status: 408, payload: { code: error.code, message: error.message, idleTimeoutMs: error.idleMs } };
  if (error instanceof IngestInterruptedError)
    return { status: 503, payload: { code: error.code, message: error.message } };
  if (error instanceof ExtractEncodingError)
    return {
      status: 400,
      payload: { code: error.code, message: error.message, encoding: error.encoding, line: error.line },
    };
  if (error instanceof ExtractHeaderError) {
    return { status: 400, payload: { code: 'UNKNOWN_COLUMNS', message: error.message, columns: error.unknown } };
  }
  if (error instanceof InputError)
    return { status: 400, payload: { code: error.code, message: error.message, violations: error.violations } };
  if (error instanceof HubError) return { status: 409, payload: { code: error.code, message: error.message } };
  logger.error(`ingest failed: ${error instanceof Error ? error.stack : String(error)}`);
  return {
    status: 503,
    payload: { code: 'INGEST_FAILED', message: 'the extract could not be applied; nothing was stored — send it again' },
  };
}
