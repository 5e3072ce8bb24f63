/**
 * Embedded database mode of the hub: PGlite (Postgres 18 compiled to WASM) with PostGIS, served over
 * the Postgres wire protocol on loopback by `PGLiteSocketServer`, so TypeORM and `pg` run exactly the
 * same code as against a real Postgres. Used by `npm start` when `DATABASE_URL` is unset.
 *
 * Know the limits before you use it (measured, see the notes in this folder's spec):
 * - Every socket connection shares ONE Postgres session. The socket server serialises protocol
 *   messages and, while an explicit transaction is open, runs only the messages of the connection
 *   that opened it. Use a pool of exactly 1: with more, a request that waits for connection B while
 *   holding a transaction on connection A deadlocks, and concurrent parameterised queries from two
 *   connections can interleave their Parse/Bind/Execute messages in the one session.
 * - Session state (SET, temp tables, advisory locks, LISTEN) is shared by all connections.
 * - `COPY ... FROM STDIN` does not work over the socket: ingest must use a batched INSERT fallback.
 */
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedDatabaseOptions {
  /** Folder holding the database files; created if missing, reused on the next start. */
  dataDir: string;
  /** Interface to listen on. Default 127.0.0.1 — never expose this server beyond loopback. */
  host?: string;
  /** TCP port; 0 (default) picks a free port. */
  port?: number;
  /** Most socket connections accepted at once. Default 8 (see below). */
  maxConnections?: number;
  log?: (msg: string) => void;
}

/** Name of the lock file kept inside `dataDir` while a process has the database open. */
export const LOCK_FILE_NAME = 'hub-embedded.lock';

/** Thrown when another live process (or another instance in this process) holds `dataDir`. */
export class EmbeddedDatabaseInUseError extends Error {
  readonly dataDir: string;
  readonly pid: number;

  constructor(dataDir: string, pid: number) {
    super(`embedded database at ${dataDir} is in use by pid ${pid}`);
    this.name = 'EmbeddedDatabaseInUseError';
    this.dataDir = dataDir;
    this.pid = pid;
  }
}

/**
 * The pool size the app must use against this server is 1. The socket server refuses connections
 * beyond `maxConnections` with a bare "Too many connections" line (not a Postgres error), and it
 * frees a slot only one event-loop turn after a socket closes; a pool replacing a broken or idle-
 * expired client, a migration run beside the app's pool, or a second app in the same process
 * would then fail to connect. So allow several times the pool size. The extra connections add no
 * parallelism: they all share the one PGlite session and their statements are serialised.
 */
const DEFAULT_MAX_CONNECTIONS = 8;

/** dataDirs held by this process, so two instances in one process are refused too. */
const heldByThisProcess = new Set<string>();

export class EmbeddedDatabase {
  /** `postgres://` URL for `pg` / TypeORM. */
  readonly url: string;
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;

  readonly #db: PGlite;
  readonly #server: PGLiteSocketServer;
  readonly #log: (msg: string) => void;
  #stopping: Promise<void> | undefined;

  private constructor(
    db: PGlite,
    server: PGLiteSocketServer,
    dataDir: string,
    host: string,
    port: number,
    log: (msg: string) => void,
  ) {
    this.#db = db;
    this.#server = server;
    this.#log = log;
    this.dataDir = dataDir;
    this.host = host;
    this.port = port;
    // PGlite accepts any user and database name and needs no password (single-user mode).
    this.url = `postgres://postgres@${host.includes(':') ? `[${host}]` : host}:${port}/postgres`;
  }

  static async start(opts: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
    const log = opts.log ?? (() => undefined);
    const dataDir = resolve(opts.dataDir);
    const host = opts.host ?? '127.0.0.1';
    const maxConnections = opts.maxConnections ?? DEFAULT_MAX_CONNECTIONS;

    await mkdir(dataDir, { recursive: true });
    // PGlite keeps a postmaster.pid, but its pid is always 42, so Postgres takes any existing one
    // for its own stale file: it does not stop a second process from opening (and corrupting) the
    // same files. Our own lock file does.
    await acquireLock(dataDir);

    const started = performance.now();
    let db: PGlite | undefined;
    let server: PGLiteSocketServer | undefined;
    try {
      db = await PGlite.create({ dataDir, extensions: { postgis } });
      await db.exec('CREATE EXTENSION IF NOT EXISTS postgis');
      server = new PGLiteSocketServer({ db, host, port: opts.port ?? 0, maxConnections });
      await server.start();
      const port = Number(server.getServerConn().split(':').pop());
      const instance = new EmbeddedDatabase(db, server, dataDir, host, port, log);
      log(
        `embedded database (PGlite + PostGIS) at ${dataDir} listening on ${host}:${port}, ` +
          `ready in ${Math.round(performance.now() - started)} ms`,
      );
      return instance;
    } catch (err) {
      await server?.stop().catch(() => undefined);
      await db?.close().catch(() => undefined);
      await releaseLock(dataDir);
      throw err;
    }
  }

  /** Closes the socket server, then PGlite, then releases the lock. Safe to call more than once. */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  async #stop(): Promise<void> {
    try {
      // Drops any open client socket: close the app's pools first.
      await this.#server.stop();
      // A handler that is detached while its client has a transaction open rolls it back on the
      // next turn; let that run before PGlite closes.
      await new Promise((r) => setImmediate(r));
      await this.#db.close();
      this.#log(`embedded database at ${this.dataDir} stopped`);
    } finally {
      await releaseLock(this.dataDir);
    }
  }
}

async function acquireLock(dataDir: string): Promise<void> {
  if (heldByThisProcess.has(dataDir)) throw new EmbeddedDatabaseInUseError(dataDir, process.pid);
  const lockPath = resolve(dataDir, LOCK_FILE_NAME);
  // Write the pid to a private file, then hard-link it to the lock name: link() fails atomically
  // if the lock exists, and a lock that is visible always holds a complete pid.
  const tmpPath = `${lockPath}.${process.pid}.${Date.now()}`;
  await writeFile(tmpPath, `${process.pid}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(tmpPath, lockPath);
        heldByThisProcess.add(dataDir);
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const pid = await readLockPid(lockPath);
      // A lock left by a process that is gone (killed, crashed) is stale: take it over once. Our
      // own pid there is a previous run that had the same pid (containers reuse pids), since this
      // process does not hold the directory.
      if (attempt > 0 || (pid > 0 && pid !== process.pid && isAlive(pid))) {
        throw new EmbeddedDatabaseInUseError(dataDir, pid);
      }
      await rm(lockPath, { force: true });
    }
  } finally {
    await rm(tmpPath, { force: true });
  }
}

async function releaseLock(dataDir: string): Promise<void> {
  if (!heldByThisProcess.delete(dataDir)) return;
  const lockPath = resolve(dataDir, LOCK_FILE_NAME);
  if ((await readLockPid(lockPath)) === process.pid) await rm(lockPath, { force: true });
}

async function readLockPid(lockPath: string): Promise<number> {
  try {
    const pid = Number.parseInt((await readFile(lockPath, 'utf8')).trim(), 10);
    return Number.isInteger(pid) ? pid : 0;
  } catch {
    return 0;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
