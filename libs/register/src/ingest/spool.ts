import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** How long an upload may send nothing before it is given up (INGEST_IDLE_TIMEOUT_MS). */
export const DEFAULT_INGEST_IDLE_TIMEOUT_MS = 30_000;

export function ingestIdleTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.INGEST_IDLE_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_INGEST_IDLE_TIMEOUT_MS;
}

/** The sender sent nothing for the idle timeout: the upload is dropped, nothing is stored. */
export class IngestStalledError extends Error {
  readonly code = 'INGEST_STALLED';
  constructor(readonly idleMs: number) {
    super(`the upload sent nothing for ${idleMs / 1000} s; nothing was stored — send the extract again`);
  }
}

/** The extract is larger than one request may carry. */
export class ExtractTooLargeError extends Error {
  readonly code = 'EXTRACT_TOO_LARGE';
  constructor(readonly max: number) {
    super(`the extract is larger than ${max} bytes; split it`);
  }
}

/** The upload ended before its end (the sender went away) or was stopped (the hub is stopping). */
export class IngestInterruptedError extends Error {
  readonly code = 'INGEST_INTERRUPTED';
}

export interface Spooled {
  path: string;
  bytes: number;
  /** Removes the file (and its folder); safe to call twice. */
  remove(): Promise<void>;
}

export interface SpoolOptions {
  maxBytes: number;
  idleMs: number;
  /** Where the upload is kept until it is complete (INGEST_SPOOL_DIR); default the OS's temp folder. */
  dir?: string;
  /** Aborts the upload (the app is stopping). */
  signal?: AbortSignal;
  onBytes?(total: number): void;
}

/**
 * Receives a whole upload into a private temporary file before anything touches the database.
 * A sender that stalls or dies mid-upload then costs a file, never a database connection or an
 * open transaction — which on the embedded database (one connection) would stop the whole hub.
 * The upload is given up when nothing arrives for `idleMs`, when it passes `maxBytes`, when the
 * sender goes away, or on `signal`; the file is removed whenever it is not returned.
 */
export async function spoolUpload(body: Readable, options: SpoolOptions): Promise<Spooled> {
  const folder = await mkdtemp(join(options.dir ?? tmpdir(), 'hub-ingest-'));
  const path = join(folder, 'extract');
  const remove = () => rm(folder, { recursive: true, force: true });
  let bytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > options.maxBytes) return callback(new ExtractTooLargeError(options.maxBytes));
      arm();
      options.onBytes?.(bytes);
      callback(null, chunk);
    },
  });
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => guard.destroy(new IngestStalledError(options.idleMs)), options.idleMs);
  };
  const onAbort = () =>
    guard.destroy(new IngestInterruptedError('the hub is stopping; nothing was stored — send the extract again'));
  const onError = () =>
    guard.destroy(
      new IngestInterruptedError(
        'the upload ended before its end (the sender went away); nothing was stored — send the extract again',
      ),
    );
  // The sender's connection closing before the body's end is the sender going away.
  const onClose = () => {
    if (!body.readableEnded) onError();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  body.on('error', onError);
  body.on('close', onClose);
  arm();
  try {
    if (options.signal?.aborted) onAbort();
    // Gone already (while the folder was made): its 'close' has passed.
    if (body.destroyed && !body.readableEnded) onError();
    const written = pipeline(guard, createWriteStream(path, { mode: 0o600 }));
    // Piped, not part of the pipeline: a stalled body is left open (not destroyed), so the
    // refusal can still be answered on its connection.
    body.pipe(guard);
    await written;
    return { path, bytes, remove };
  } catch (error) {
    body.unpipe(guard);
    await remove();
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    body.off('error', onError);
    body.off('close', onClose);
  }
}
