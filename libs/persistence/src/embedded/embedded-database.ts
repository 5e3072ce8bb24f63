/**
 * Embedded database mode of the hub: PGlite (Postgres 18 compiled to WASM) with PostGIS, served over
 * the Postgres wire protocol on loopback by `PGLiteSocketServer`, so TypeORM and `pg` run exactly the
 * same code as against a real Postgres. Used by `npm start` when `DATABASE_URL` is unset.
 *
 * Know the limits before you use it (measured with pglite 0.5.8 / pglite-socket 0.2.11):
 * - Every socket connection shares ONE Postgres session, and statements are serialised: while a
 *   connection has an explicit transaction open, the socket server runs only that connection's
 *   messages; the others (even their startup) wait. Use a pool of exactly 1 per app. A request that
 *   holds a transaction on connection A and waits for a query on connection B hangs (give the pool
 *   a `connectionTimeoutMillis` so that shows as an error).
 * - Every query runs synchronously on the Node main thread: a 0.5 s query stalls the event loop
 *   (HTTP, Kafka heartbeats, timers) for 0.5 s. statement_timeout is not enforced.
 * - Session state is shared by all connections: SET, temp tables, prepared statement names, and
 *   advisory locks (two connections both get `pg_try_advisory_lock` on the same key). NOTIFY is
 *   delivered to the connection that sent it, not to the one that ran LISTEN.
 * - `wire-guard.ts` patches the socket server: it makes `COPY ... FROM STDIN` work (without it, the
 *   backend dies), runs each Parse…Sync exchange as one unit (otherwise another connection's
 *   Parse can slip in between), and refuses what would hang the process for good.
 */
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

import { installWireGuard, type WireGuard } from './wire-guard.js';

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
  /**
   * Called once if the PGlite backend terminates (a FATAL error exits the WASM Postgres). Every
   * query fails from then on; the hub should log and exit so that it is restarted. Default: write
   * to stderr.
   */
  onFatal?: (err: Error) => void;
  /** Largest `COPY ... FROM STDIN` payload, buffered in memory before it is inserted. Default 256 MiB. */
  maxCopyBytes?: number;
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
 * Connection limit: apps use a pool of 1 here, because all connections share ONE PGlite session
 * and their statements are serialised (more connections add no parallelism, only ways to hang).
 * Still allow several: the socket server frees a slot only after it has processed the close of a
 * socket, so with a limit equal to the pool size a pool that replaces a dropped client at once is
 * refused (measured: 30 of 30 reconnects failed with "Connection terminated unexpectedly"), and so
 * is a second app, a migration run or a health check in the same process. The all-in-one hub
 * alone holds 8 (four libraries × pool + outbox relay); the rest is headroom for tools and tests.
 */
const DEFAULT_MAX_CONNECTIONS = 32;

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
  readonly #guard: WireGuard;
  #stopping: Promise<void> | undefined;

  private constructor(
    db: PGlite,
    server: PGLiteSocketServer,
    guard: WireGuard,
    dataDir: string,
    host: string,
    port: number,
    log: (msg: string) => void,
  ) {
    this.#db = db;
    this.#server = server;
    this.#guard = guard;
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
      // Extensions must be bundled to be available: PostGIS (created here, every app needs it) and
      // pg_trgm (the legal-entity migration creates it for name search).
      db = await PGlite.create({ dataDir, extensions: { postgis, pg_trgm } });
      await db.exec('CREATE EXTENSION IF NOT EXISTS postgis');
      server = new PGLiteSocketServer({ db, host, port: opts.port ?? 0, maxConnections });
      const guard = installWireGuard(server, db, {
        log,
        onFatal: opts.onFatal ?? ((err) => console.error(`embedded database terminated: ${err.message}`)),
        maxCopyBytes: opts.maxCopyBytes ?? 256 * 1024 * 1024,
      });
      await server.start();
      const port = Number(server.getServerConn().split(':').pop());
      const instance = new EmbeddedDatabase(db, server, guard, dataDir, host, port, log);
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

  /** Set once the PGlite backend has terminated; the database then answers every query with an error. */
  get fatalError(): Error | undefined {
    return this.#guard.fatalError;
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
      // A backend that has exited cannot be closed (PGlite would spin); its files are as a crash
      // leaves them, and the next start recovers them.
      if (!this.fatalError) await this.#db.close();
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
