import { mkdir, open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '@hub/config';
import type { AuditKey } from './audit-key.js';
import { latestCheckpoint, parseCheckpoint, type Checkpoint, type InvalidCheckpoint } from './checkpoint.js';

/**
 * The checkpoints this catalog process knows: the append-only NDJSON file (AUDIT_CHECKPOINT_FILE)
 * and, for each log (root), the newest one it wrote or read, kept in memory — so a verification
 * still has an anchor when the file is lost while the process runs. Verification reads the file's
 * last TAIL_BYTES: enough for hundreds of checkpoints; each one covers every record before it,
 * through the chain.
 */
export class CheckpointStore {
  static readonly TAIL_BYTES = 256 * 1024;
  readonly path: string;
  private readonly newest = new Map<string, Checkpoint>();
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    path: string,
    private readonly key: AuditKey,
  ) {
    this.path = resolve(path);
  }

  /** The newest valid checkpoint of the log whose record 1 has the hash `root` known to this process (written by it, or read from the file). */
  latest(root: string): Checkpoint | null {
    return this.newest.get(root) ?? null;
  }

  remember(checkpoint: Checkpoint): void {
    const known = this.newest.get(checkpoint.root);
    this.newest.set(checkpoint.root, latestCheckpoint(known ? [checkpoint, known] : [checkpoint])!);
  }

  /**
   * At boot: makes sure checkpoints can be appended (creating the file), and reads the file's newest
   * valid checkpoint into memory. A file that cannot be written stops the start: a catalog that
   * cannot seal its log must not look as if it did.
   */
  async load(): Promise<void> {
    try {
      await mkdir(dirname(this.path), { recursive: true });
      await (await open(this.path, 'a', 0o644)).close();
    } catch (error) {
      throw new ConfigError([`AUDIT_CHECKPOINT_FILE: cannot append to ${this.path}: ${(error as Error).message}`]);
    }
    const { valid } = await this.recent();
    for (const checkpoint of valid) this.remember(checkpoint);
  }

  /** Appends one line and fsyncs it; writes of this process never interleave. The file is created when missing (0644: checkpoints are not secret). */
  append(checkpoint: Checkpoint): Promise<void> {
    const write = this.writes.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      const file = await open(this.path, 'a', 0o644);
      try {
        await file.write(`${JSON.stringify(checkpoint)}\n`);
        await file.sync();
      } finally {
        await file.close();
      }
    });
    this.writes = write.catch(() => undefined);
    return write;
  }

  /** The checkpoints at the end of the file (and the one in memory), valid ones apart from the lines that are not this hub's checkpoints. */
  async recent(): Promise<{ valid: Checkpoint[]; invalid: InvalidCheckpoint[] }> {
    const valid = new Map<string, Checkpoint>();
    const invalid: InvalidCheckpoint[] = [];
    const { lines, whole } = await this.tail();
    lines.forEach((text, i) => {
      if (text.trim() === '') return;
      const where = whole ? `line ${i + 1} of ${this.path}` : `line ${lines.length - i} from the end of ${this.path}`;
      const parsed = parseCheckpoint(text, this.key);
      if (parsed.ok) valid.set(parsed.checkpoint.signature, parsed.checkpoint);
      else invalid.push({ where, reason: parsed.reason });
    });
    for (const checkpoint of this.newest.values()) valid.set(checkpoint.signature, checkpoint);
    return { valid: [...valid.values()], invalid };
  }

  private async tail(): Promise<{ lines: string[]; whole: boolean }> {
    let file;
    try {
      file = await open(this.path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], whole: true };
      throw error;
    }
    try {
      const { size } = await file.stat();
      const start = Math.max(0, size - CheckpointStore.TAIL_BYTES);
      const buffer = Buffer.alloc(size - start);
      await file.read(buffer, 0, buffer.length, start);
      const lines = buffer.toString('utf8').split('\n');
      // Reading from the middle of the file: the first line is cut.
      if (start > 0) lines.shift();
      if (lines.at(-1) === '') lines.pop();
      return { lines, whole: start === 0 };
    } finally {
      await file.close();
    }
  }
}
