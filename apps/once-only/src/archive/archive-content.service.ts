import type { HubErrorCode } from '@hub/subgraph';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Role, hasRole, type Principal } from '@hub/auth';
import { UnitOfWork } from '@hub/events';
import type { MaterialRow } from './archive.entities.js';
import type { ArchiveConfig } from './archive.config.js';
import { MaterialRepository } from './material.repository.js';

export const ARCHIVE_CONFIG = Symbol('ARCHIVE_CONFIG');

/**
 * What the archive stores: PDF, OFD (GB/T 33190, the national format of e-licences), and scans as
 * JPEG or PNG. Anything else is refused before a byte is read.
 */
export const ARCHIVE_CONTENT_TYPES: readonly string[] = [
  'application/pdf',
  'application/ofd',
  'image/jpeg',
  'image/png',
];

/** A refusal of an upload or a download, as an HTTP status and a stable code. */
export class ContentRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: HubErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Temp files of uploads older than this are left from a crash: removed at boot. */
const STALE_UPLOAD_MS = 24 * 3600_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The content of archive items, stored by SHA-256 under ARCHIVE_DIR (`<dir>/<sha[0:2]>/<sha>`).
 * An upload streams into a temp file while it is hashed and counted, never held in memory; only a
 * complete body within the size limit that matches the declared hash is renamed to its address,
 * and the row is updated under a lock, so a file is either stored whole and referenced, or not
 * at all. Content-addressing makes the name a checksum (a download can be verified against its
 * ETag), stores a file sent for several materials once, and makes a rename that raced another
 * upload of the same bytes harmless.
 */
@Injectable()
export class ArchiveContentService implements OnModuleInit {
  private readonly log = new Logger('ArchiveContent');
  private readonly dir: string;
  private readonly tmp: string;

  constructor(
    private readonly materials: MaterialRepository,
    private readonly unitOfWork: UnitOfWork,
    @Inject(ARCHIVE_CONFIG) readonly config: ArchiveConfig,
  ) {
    this.dir = resolve(config.ARCHIVE_DIR);
    this.tmp = join(this.dir, 'tmp');
  }

  async onModuleInit(): Promise<void> {
    await mkdir(this.tmp, { recursive: true });
    const now = Date.now();
    for (const name of await readdir(this.tmp)) {
      const path = join(this.tmp, name);
      const info = await stat(path).catch(() => null);
      if (info && now - info.mtimeMs > STALE_UPLOAD_MS) await unlink(path).catch(() => undefined);
    }
  }

  /** The material a caller may upload the content of, checked before its body is read. */
  async uploadTarget(id: string, by: Principal): Promise<MaterialRow> {
    const material = await this.find(id);
    if (!hasRole(by, Role.SYSTEM) || by.departmentUscc !== material.filedByDepartment) {
      throw new ContentRefusal(
        403,
        'FORBIDDEN',
        `only a system of the department that filed it (${material.filedByDepartment}) uploads its content`,
      );
    }
    if (material.contentStoredAt)
      throw new ContentRefusal(
        409,
        'CONTENT_ALREADY_STORED',
        `the content of material ${id} is stored already (${material.contentSha256})`,
      );
    return material;
  }

  /**
   * Streams `body` into the archive as the content of the material: refused with
   * CONTENT_TOO_LARGE once it passes the limit (the rest of the body is drained, not stored),
   * CONTENT_EMPTY for an empty body,
   * CONTENT_HASH_MISMATCH when the filing declared other bytes, CONTENT_ALREADY_STORED when
   * another upload got there first.
   */
  async store(material: MaterialRow, body: Readable | undefined, contentType: string): Promise<MaterialRow> {
    if (!body) throw new ContentRefusal(400, 'CONTENT_EMPTY', 'the body is the content, and it is empty');
    const temp = join(this.tmp, `${randomUUID()}.part`);
    let kept = false;
    try {
      const received = await receive(
        body,
        createWriteStream(temp, { flags: 'wx' }),
        this.config.ARCHIVE_MAX_CONTENT_BYTES,
      );
      if (received === 'too-large') {
        throw new ContentRefusal(
          413,
          'CONTENT_TOO_LARGE',
          `the content is larger than ${this.config.ARCHIVE_MAX_CONTENT_BYTES} bytes; nothing was stored`,
        );
      }
      if (received.size === 0)
        throw new ContentRefusal(400, 'CONTENT_EMPTY', 'the body is the content, and it is empty');
      if (material.contentSha256 && material.contentSha256 !== received.sha256) {
        throw new ContentRefusal(
          422,
          'CONTENT_HASH_MISMATCH',
          `the content's SHA-256 is ${received.sha256}, the filing declared ${material.contentSha256}; nothing was stored`,
        );
      }
      const stored = await this.unitOfWork.run(async (tx) => {
        const row = await this.materials.findLocked(tx, material.id);
        if (!row) throw new ContentRefusal(404, 'MATERIAL_UNKNOWN', `no material ${material.id}`);
        if (row.contentStoredAt)
          throw new ContentRefusal(
            409,
            'CONTENT_ALREADY_STORED',
            `the content of material ${row.id} is stored already (${row.contentSha256})`,
          );
        const target = this.pathOf(received.sha256);
        await mkdir(join(target, '..'), { recursive: true });
        // The same bytes may be stored already (for another material): the address is the content.
        await rename(temp, target);
        kept = true;
        Object.assign(row, {
          contentSha256: received.sha256,
          contentSize: String(received.size),
          contentType,
          contentStoredAt: new Date(),
        });
        await this.materials.update(tx, row.id, {
          contentSha256: row.contentSha256,
          contentSize: row.contentSize,
          contentType: row.contentType,
          contentStoredAt: row.contentStoredAt,
        });
        return row;
      });
      return stored;
    } finally {
      if (!kept) await unlink(temp).catch(() => undefined);
    }
  }

  /** The stored content of a material, opened for reading (`open: false`: only checked, for HEAD and a matching If-None-Match). */
  async content(material: MaterialRow, open: boolean): Promise<ReadStream | null> {
    if (!material.contentStoredAt || !material.contentSha256)
      throw new ContentRefusal(404, 'CONTENT_NOT_STORED', `no content of material ${material.id} is stored`);
    if (!open) return null;
    const path = this.pathOf(material.contentSha256);
    const stream = createReadStream(path);
    await new Promise<void>((ready, failed) => {
      stream.once('open', () => ready());
      stream.once('error', failed);
    }).catch((error: unknown) => {
      this.log.error(
        `the content of material ${material.id} is recorded but cannot be read at ${path}: ${String(error)}`,
      );
      throw new ContentRefusal(
        503,
        'CONTENT_UNAVAILABLE',
        `the content of material ${material.id} cannot be read right now`,
      );
    });
    return stream;
  }

  /** The material, or MATERIAL_UNKNOWN (a malformed id is unknown too). */
  async find(id: string): Promise<MaterialRow> {
    const material = UUID.test(id) ? await this.materials.findById(id.toLowerCase()) : null;
    if (!material) throw new ContentRefusal(404, 'MATERIAL_UNKNOWN', `no material ${id.slice(0, 40)}`);
    return material;
  }

  pathOf(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256);
  }
}

/**
 * Copies `body` into `file` while hashing and counting it, with backpressure. Past `max` bytes it
 * stops writing and drains the rest of the body unread (rather than destroying the request, which
 * would reset the connection before the caller reads the refusal) and answers 'too-large'.
 */
function receive(
  body: Readable,
  file: WriteStream,
  max: number,
): Promise<{ sha256: string; size: number } | 'too-large'> {
  const hash = createHash('sha256');
  let size = 0;
  return new Promise((settle, fail) => {
    const stop = () => {
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onError);
      body.off('close', onClose);
      file.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        stop();
        file.destroy();
        body.resume();
        settle('too-large');
        return;
      }
      hash.update(chunk);
      if (!file.write(chunk)) {
        body.pause();
        file.once('drain', () => body.resume());
      }
    };
    const onEnd = () => {
      stop();
      file.once('error', fail);
      file.end(() => settle({ sha256: hash.digest('hex'), size }));
    };
    const onError = (error: Error) => {
      stop();
      file.destroy();
      fail(error);
    };
    // The caller went away before the end: nothing is stored.
    const onClose = () => {
      if (!body.readableEnded) onError(new Error('the upload was aborted before its end'));
    };
    body.on('data', onData);
    body.once('end', onEnd);
    body.once('error', onError);
    body.once('close', onClose);
    file.once('error', onError);
  });
}
