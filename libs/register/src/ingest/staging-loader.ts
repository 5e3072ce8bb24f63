import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Streams rows into a staging table. `write` resolves when the row may be followed by another (backpressure). */
export interface StagingLoader {
  write(values: unknown[]): Promise<void>;
  finish(): Promise<void>;
  /** Gives up: leaves the connection ready for ROLLBACK. */
  abort(): Promise<void>;
}

/** Rows are sent in chunks of about this many characters: one socket write per row costs more than the COPY itself. */
const CHUNK_CHARS = 64 * 1024;

/**
 * COPY … FROM STDIN in CSV form: the fastest way into Postgres, and constant memory because the
 * parser waits whenever the socket is full. NULL is an unquoted empty field; every value is quoted
 * otherwise, so an empty string stays an empty string.
 */
export class CopyStagingLoader implements StagingLoader {
  private readonly stream: Writable;
  private failed?: Error;
  private chunk = '';

  constructor(client: PoolClient, table: string, columns: string[]) {
    this.stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
    this.stream.on('error', (error: Error) => {
      this.failed = error;
    });
  }

  async write(values: unknown[]): Promise<void> {
    if (this.failed) throw this.failed;
    this.chunk += values.map(csvField).join(',') + '\n';
    if (this.chunk.length >= CHUNK_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.chunk;
    this.chunk = '';
    if (chunk && !this.stream.write(chunk))
      await Promise.race([once(this.stream, 'drain'), once(this.stream, 'error')]);
    if (this.failed) throw this.failed;
  }

  async abort(): Promise<void> {
    if (this.stream.writableFinished || this.stream.destroyed) return;
    // destroy() sends CopyFail; the server answers with an error, after which the connection
    // accepts ROLLBACK again (a connection left in COPY mode would hang it).
    const settled = once(this.stream, 'close').catch(() => undefined);
    this.stream.destroy(new Error('ingest aborted'));
    await settled;
  }

  async finish(): Promise<void> {
    await this.flush();
    const done = Promise.race([
      once(this.stream, 'finish'),
      once(this.stream, 'error').then(([e]) => Promise.reject(e)),
    ]);
    this.stream.end();
    await done;
  }
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  // A jsonb column (originals) is staged as its JSON text.
  const text = typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}
