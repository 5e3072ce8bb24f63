import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '@hub/config';
import { AuditKey } from './audit-key.js';
import { signCheckpoint, type Checkpoint } from './checkpoint.js';
import { CheckpointStore } from './checkpoint-store.js';

const key = AuditKey.random();
const checkpoint = (no: number): Checkpoint =>
  signCheckpoint(key, {
    root: 'a'.repeat(64),
    no: String(no),
    prev: null,
    headSeq: String(no * 10),
    headHash: 'e'.repeat(64),
    keyedFrom: '1',
    time: '2026-12-07T08:00:00.000Z',
    instance: 'test',
    reason: 'interval',
  });

describe('CheckpointStore', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hub-checkpoints-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the file at boot, appends one line per checkpoint, and knows the newest', async () => {
    const store = new CheckpointStore(join(dir, 'sub', 'a.ndjson'), key);
    await store.load();
    expect((await stat(store.path)).size).toBe(0);
    expect(store.latest('a'.repeat(64))).toBeNull();
    await Promise.all([1, 2, 3].map((n) => store.append(checkpoint(n))));
    expect((await readFile(store.path, 'utf8')).split('\n')).toHaveLength(4);
    const reopened = new CheckpointStore(store.path, key);
    await reopened.load();
    expect(reopened.latest('a'.repeat(64))).toEqual(checkpoint(3));
    expect(reopened.latest('b'.repeat(64))).toBeNull();
    expect((await reopened.recent()).valid).toHaveLength(3);
  });

  it('refuses to start when the file cannot be appended to', async () => {
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'x');
    await expect(new CheckpointStore(join(blocker, 'checkpoints.ndjson'), key).load()).rejects.toBeInstanceOf(
      ConfigError,
    );
  });

  it('reads only the tail of a long file, naming lines from its end', async () => {
    const path = join(dir, 'long.ndjson');
    const line = `${JSON.stringify(checkpoint(1))}\n`;
    const lines = Math.ceil(CheckpointStore.TAIL_BYTES / line.length) + 50;
    await writeFile(path, `${line.repeat(lines)}not a checkpoint\n`);
    const { valid, invalid } = await new CheckpointStore(path, key).recent();
    expect(valid).toHaveLength(1); // the same checkpoint, counted once
    expect(invalid).toEqual([{ where: `line 1 from the end of ${path}`, reason: 'not a checkpoint: not JSON' }]);
  });
});
