import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { ExtractTooLargeError, IngestInterruptedError, IngestStalledError, spoolUpload } from './spool.js';

describe('spooling an upload before any transaction (issue 10)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spool-spec-'));
  });

  it('keeps a complete upload in an owner-only file, and removes it on request', async () => {
    const body = new PassThrough();
    const spooled = spoolUpload(body, { maxBytes: 1000, idleMs: 60_000, dir });
    body.write('{"a":1}\n');
    body.end('{"a":2}\n');
    const file = await spooled;
    expect(await readFile(file.path, 'utf8')).toBe('{"a":1}\n{"a":2}\n');
    expect(file.bytes).toBe(16);
    await file.remove();
    expect(await readdir(dir)).toEqual([]);
  });

  it('gives up a body that sends nothing for the idle time, leaves the body open (to answer on it) and no file', async () => {
    const body = new PassThrough();
    const spooled = spoolUpload(body, { maxBytes: 1000, idleMs: 50, dir });
    body.write('{"a":1}\n');
    await expect(spooled).rejects.toBeInstanceOf(IngestStalledError);
    expect(body.destroyed).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  it('gives up a body that ends before its end (the sender went away)', async () => {
    const body = new PassThrough();
    const spooled = spoolUpload(body, { maxBytes: 1000, idleMs: 60_000, dir });
    body.write('{"a":1}\n');
    body.destroy();
    await expect(spooled).rejects.toBeInstanceOf(IngestInterruptedError);
    // …also once the upload is under way.
    const later = new PassThrough();
    const lost = spoolUpload(later, { maxBytes: 1000, idleMs: 60_000, dir });
    later.write('{"a":1}\n');
    await new Promise((r) => setTimeout(r, 50));
    later.destroy(new Error('aborted'));
    await expect(lost).rejects.toBeInstanceOf(IngestInterruptedError);
    expect(await readdir(dir)).toEqual([]);
  });

  it('gives up when stopped (the app is closing) and when the body passes the size limit', async () => {
    const stopping = new AbortController();
    const slow = new PassThrough();
    const stopped = spoolUpload(slow, { maxBytes: 1000, idleMs: 60_000, dir, signal: stopping.signal });
    slow.write('x');
    stopping.abort();
    await expect(stopped).rejects.toBeInstanceOf(IngestInterruptedError);

    const big = new PassThrough();
    const refused = spoolUpload(big, { maxBytes: 10, idleMs: 60_000, dir });
    big.end('x'.repeat(11));
    await expect(refused).rejects.toBeInstanceOf(ExtractTooLargeError);
    expect(await readdir(dir)).toEqual([]);
  });
});
