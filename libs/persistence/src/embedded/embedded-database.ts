/**
 * Embedded database mode of the hub: PGlite (Postgres 18 compiled to WASM) with PostGIS, served over
 * the Postgres wire protocol by `PGLiteSocketServer`, so TypeORM and `pg` run exactly the same code
 * as against a real Postgres. Used by `npm start` when `DATABASE_URL` is unset.
 *
 * PGlite accepts any user with no password, so whoever can connect owns every table (and can plant
 * an API key the gateway honours). Hence no TCP port: the server listens only on a Unix socket in
 * `<dataDir>/socket/`, a folder only the owner may enter, inside a data folder only the owner may
 * enter (its files would otherwise be readable: PGlite writes them 0644). The OS checks who
 * connects; other local users get EACCES. Root and processes of the same OS user can still connect
 * or read the files: this guards the hub from the machine's other users, not from its own account.
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
import { chmod, link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

import { installWireGuard, type WireGuard } from './wire-guard.js';

export interface EmbeddedDatabaseOptions {
  /**
   * Folder holding the database files and the socket; created if missing (owner-only), reused on
   * the next start. It must belong to this process's user; it is made owner-only if it is not.
   */
  dataDir: string;
  /** Most socket connections accepted at once. Default 32 (see below). */
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

/** The owner-only folder inside `dataDir` that holds the socket (and nothing else). */
export const SOCKET_DIR_NAME = 'socket';

/**
 * `pg` and libpq connect to `<host>/.s.PGSQL.<port>` when host is a folder; the server listens
 * there under the default port's name, so clients need no port.
 */
const SOCKET_FILE_NAME = '.s.PGSQL.5432';

/** Longest Unix socket path in bytes (sun_path less its NUL): 107 on Linux, 103 on macOS and BSD. */
const MAX_SOCKET_PATH_BYTES = process.platform === 'linux' ? 107 : 103;

/** Thrown when the data folder cannot hold the socket safely (too long a path, another owner). */
export class EmbeddedDataDirError extends Error {
  readonly dataDir: string;

  constructor(dataDir: string, reason: string) {
    super(`embedded database at ${dataDir}: ${reason}`);
    this.name = 'EmbeddedDataDirError';
    this.dataDir = dataDir;
  }
}

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
  /** `postgres://` URL for `pg` / TypeORM / psql, naming the socket's folder as its host. */
  readonly url: string;
  readonly dataDir: string;
  /** The owner-only folder of the socket: `<dataDir>/socket`. */
  readonly socketDir: string;
  /** The socket itself: `<socketDir>/.s.PGSQL.5432`. */
  readonly socketPath: string;

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
    log: (msg: string) => void,
  ) {
    this.#db = db;
    this.#server = server;
    this.#guard = guard;
    this.#log = log;
    this.dataDir = dataDir;
    this.socketDir = join(dataDir, SOCKET_DIR_NAME);
    this.socketPath = join(this.socketDir, SOCKET_FILE_NAME);
    // A folder as `host` means a Unix socket to pg and libpq (psql) alike; TypeORM hands the URL to
    // pg, whose parse of it wins. PGlite accepts any user, with no password.
    this.url = `postgres://postgres@/postgres?host=${encodeURIComponent(this.socketDir)}`;
  }

  static async start(opts: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
    const log = opts.log ?? (() => undefined);
    const dataDir = resolve(opts.dataDir);
    const socketDir = join(dataDir, SOCKET_DIR_NAME);
    const socketPath = join(socketDir, SOCKET_FILE_NAME);
    const maxConnections = opts.maxConnections ?? DEFAULT_MAX_CONNECTIONS;

    assertSocketPathFits(dataDir, socketPath);
    await prepareDataDir(dataDir, log);
    // PGlite keeps a postmaster.pid, but its pid is always 42, so Postgres takes any existing one
    // for its own stale file: it does not stop a second process from opening (and corrupting) the
    // same files. Our own lock file does.
    await acquireLock(dataDir);

    const started = performance.now();
    let db: PGlite | undefined;
    let server: PGLiteSocketServer | undefined;
    try {
      await prepareSocketDir(socketDir);
      // Extensions must be bundled to be available: PostGIS (created here, every app needs it) and
      // pg_trgm (the legal-entity migration creates it for name search).
      db = await PGlite.create({ dataDir, extensions: { postgis, pg_trgm } });
      await db.exec('CREATE EXTENSION IF NOT EXISTS postgis');
      server = new PGLiteSocketServer({ db, path: socketPath, maxConnections });
      const guard = installWireGuard(server, db, {
        log,
        onFatal: opts.onFatal ?? ((err) => console.error(`embedded database terminated: ${err.message}`)),
        maxCopyBytes: opts.maxCopyBytes ?? 256 * 1024 * 1024,
      });
      await server.start();
      // bind() made the socket 0777 less the umask; nobody else could reach it meanwhile (its
      // folder is 0700). Connecting needs write permission on the socket: the owner's alone.
      await chmod(socketPath, 0o600);
      const instance = new EmbeddedDatabase(db, server, guard, dataDir, log);
      log(
        `embedded database (PGlite + PostGIS) at ${dataDir} listening on ${socketPath} (owner only), ` +
          `ready in ${Math.round(performance.now() - started)} ms`,
      );
      return instance;
    } catch (err) {
      await server?.stop().catch(() => undefined);
      await db?.close().catch(() => undefined);
      await rm(socketDir, { recursive: true, force: true }).catch(() => undefined);
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
      // Closing the server removed the socket; the folder goes too (the next start makes a new one).
      await rm(this.socketDir, { recursive: true, force: true }).catch(() => undefined);
      await releaseLock(this.dataDir);
    }
  }
}

/**
 * A longer socket path is cut short by the kernel (Node binds the truncated name without a word):
 * refuse it, naming the setting to change, rather than listen somewhere unexpected.
 */
function assertSocketPathFits(dataDir: string, socketPath: string): void {
  if (process.platform === 'win32') {
    throw new EmbeddedDataDirError(
      dataDir,
      'the embedded database needs Unix sockets (Linux, macOS): on Windows set DATABASE_URL',
    );
  }
  const bytes = Buffer.byteLength(socketPath);
  if (bytes <= MAX_SOCKET_PATH_BYTES) return;
  const room = MAX_SOCKET_PATH_BYTES - (bytes - Buffer.byteLength(dataDir));
  throw new EmbeddedDataDirError(
    dataDir,
    `its socket ${socketPath} would be ${bytes} bytes long, more than the ${MAX_SOCKET_PATH_BYTES} a Unix socket ` +
      `path may have: set EMBEDDED_DATA_DIR to a folder whose absolute path has at most ${room} bytes`,
  );
}

/**
 * The data folder is the owner's alone: PGlite writes its files world-readable (0644), so another
 * user who could enter the folder could copy every table without connecting at all.
 */
async function prepareDataDir(dataDir: string, log: (msg: string) => void): Promise<void> {
  // mode applies to every folder created on the way (and is only ever narrowed by the umask).
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const info = await stat(dataDir);
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw new EmbeddedDataDirError(
      dataDir,
      `the folder belongs to uid ${info.uid}, not to this process's user (uid ${uid}); run the hub as its owner or choose another EMBEDDED_DATA_DIR`,
    );
  }
  const mode = info.mode & 0o777;
  if (mode === 0o700) return;
  await chmod(dataDir, 0o700);
  if (mode & 0o077)
    log(`embedded database folder ${dataDir} was open to others (mode ${mode.toString(8)}): made owner-only (700)`);
}

/**
 * A fresh, empty socket folder, 0700 before anything listens in it. Whatever is there is from a
 * process that is gone (this one holds the lock): a stale socket would make listen() fail with
 * EADDRINUSE. Nobody else can race to create the folder: the data folder is already owner-only.
 */
async function prepareSocketDir(socketDir: string): Promise<void> {
  await rm(socketDir, { recursive: true, force: true });
  await mkdir(socketDir, { mode: 0o700 });
  // The umask may have taken the owner's own bits away; it cannot have added anyone else's.
  await chmod(socketDir, 0o700);
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
