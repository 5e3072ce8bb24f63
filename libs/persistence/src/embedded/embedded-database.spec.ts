import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  EmbeddedDatabase,
  EmbeddedDatabaseInUseError,
  EmbeddedDataDirError,
  LOCK_FILE_NAME,
} from './embedded-database.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A process that stays alive until killed, to stand for "another hub". */
function spawnIdleProcess(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
}

/** Permission bits and owner of a path. */
async function modeOf(path: string): Promise<{ mode: string; uid: number }> {
  const info = await stat(path);
  return { mode: (info.mode & 0o777).toString(8), uid: info.uid };
}

/** A frontend protocol message: type byte, int32 length, body. */
function message(type: string, ...parts: Array<string | number[]>): Buffer {
  const body = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(`${p}\0`) : Buffer.from(p))));
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

function startupMessage(): Buffer {
  const body = Buffer.from('user\0postgres\0database\0postgres\0\0');
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + body.length, 0);
  head.writeInt32BE(196608, 4);
  return Buffer.concat([head, body]);
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('EmbeddedDatabase (PGlite + PostGIS over the Postgres wire protocol, on an owner-only Unix socket)', () => {
  let dataDir: string;
  let db: EmbeddedDatabase;

  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'hub-embedded-')), 'data');
    db = await EmbeddedDatabase.start({ dataDir }); // cold start: creates the folder, runs initdb
  }, 180_000); // a cold start creates the cluster: ≈ 11 s alone, far more on a loaded machine

  afterAll(async () => {
    await db?.stop();
    if (dataDir) await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('starts in a new folder and lets pg run SELECT postgis_version() over its Unix socket, with no TCP port', async () => {
    expect(db.url).toBe(`postgres://postgres@/postgres?host=${encodeURIComponent(join(dataDir, 'socket'))}`);
    expect(db.socketPath).toBe(join(dataDir, 'socket', '.s.PGSQL.5432'));
    expect(db).not.toHaveProperty('port');
    expect(db).not.toHaveProperty('host');
    const version = await withClient(db.url, async (c) => (await c.query('SELECT postgis_version() AS v')).rows[0].v);
    expect(version).toMatch(/^3\./);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
  });

  it('keeps its files and its socket for the owner alone: data and socket folders 700, socket 600', async () => {
    const uid = process.getuid!();
    expect(await modeOf(dataDir)).toEqual({ mode: '700', uid });
    expect(await modeOf(db.socketDir)).toEqual({ mode: '700', uid });
    expect(await modeOf(db.socketPath)).toEqual({ mode: '600', uid });
    expect((await stat(db.socketPath)).isSocket()).toBe(true);
  });

  it('keeps committed data in the folder across stop and start', async () => {
    await withClient(db.url, async (c) => {
      await c.query('CREATE TABLE kept(id int PRIMARY KEY, place geometry(Point, 4490))');
      await c.query('INSERT INTO kept VALUES (1, ST_SetSRID(ST_MakePoint(116.4, 39.9), 4490))');
    });
    await db.stop();
    db = await EmbeddedDatabase.start({ dataDir });
    const rows = await withClient(
      db.url,
      async (c) => (await c.query('SELECT id, ST_SRID(place) AS srid FROM kept')).rows,
    );
    expect(rows).toEqual([{ id: 1, srid: 4490 }]);
  }, 30_000);

  it('refuses a second start on the same folder while this process holds it', async () => {
    const second = EmbeddedDatabase.start({ dataDir });
    await expect(second).rejects.toBeInstanceOf(EmbeddedDatabaseInUseError);
    await expect(second).rejects.toThrow(`embedded database at ${dataDir} is in use by pid ${process.pid}`);
    // The running instance is untouched.
    expect(
      await withClient(db.url, async (c) => (await c.query('SELECT count(*)::int AS n FROM kept')).rows[0].n),
    ).toBe(1);
  });

  it('serialises a transaction on one connection against a write on another', async () => {
    const a = new pg.Client({ connectionString: db.url });
    const b = new pg.Client({ connectionString: db.url });
    await Promise.all([a.connect(), b.connect()]);
    try {
      await a.query('CREATE TABLE serial_check(who text)');
      const order: string[] = [];
      await Promise.all([
        (async () => {
          await a.query('BEGIN');
          await a.query("INSERT INTO serial_check VALUES ('a')");
          await sleep(200);
          await a.query('ROLLBACK');
          order.push('a rolled back');
        })(),
        (async () => {
          await sleep(20);
          await b.query("INSERT INTO serial_check VALUES ('b')");
          order.push('b committed');
        })(),
      ]);
      // b waited for a's transaction to end instead of running inside it.
      expect(order).toEqual(['a rolled back', 'b committed']);
      expect((await b.query('SELECT who FROM serial_check')).rows).toEqual([{ who: 'b' }]);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it('runs each Parse…Sync exchange as one unit, so another connection cannot slip in between', async () => {
    const socket = connect(db.socketPath);
    let received = Buffer.alloc(0);
    socket.on('data', (d: Buffer) => (received = Buffer.concat([received, d])));
    await new Promise((r) => socket.once('connect', r));
    const readyForQuery = async () => {
      while (!received.includes(Buffer.from([0x5a, 0, 0, 0, 5]))) await sleep(10);
      const seen = received.toString('latin1');
      received = Buffer.alloc(0);
      return seen;
    };
    try {
      socket.write(startupMessage());
      await readyForQuery();
      // As when a large Bind reaches the server in several TCP reads: Parse first, the rest later.
      socket.write(message('P', '', 'SELECT 1 AS from_a', [0, 0]));
      await sleep(50);
      const other = await withClient(db.url, async (c) => (await c.query('SELECT $1::text AS from_b', ['b'])).rows);
      expect(other).toEqual([{ from_b: 'b' }]);
      socket.write(
        Buffer.concat([
          message('B', '', '', [0, 0, 0, 0, 0, 0]),
          message('D', [0x50], ''),
          message('E', '', [0, 0, 0, 0]),
          message('S'),
        ]),
      );
      const reply = await readyForQuery();
      expect(reply).toContain('from_a');
      expect(reply).not.toContain('bind message supplies');
    } finally {
      socket.destroy();
    }
  });

  it('accepts COPY FROM STDIN from pg-copy-streams (csv and text) and stays usable after a failed COPY', async () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    try {
      await pool.query('CREATE TABLE staging(id int, name text)');
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const csv = client.query(copyStreams.from("COPY staging FROM STDIN WITH (FORMAT csv, DELIMITER ';')"));
        await pipeline(Readable.from(['1;"one; quoted"\n', '2;two\n']), csv);
        const text = client.query(copyStreams.from('COPY staging FROM STDIN'));
        await pipeline(Readable.from(['3\tthree\n']), text);
        await client.query('COMMIT');
        expect([csv.rowCount, text.rowCount]).toEqual([2, 1]);

        const broken = client.query(copyStreams.from('COPY no_such_table FROM STDIN'));
        await expect(pipeline(Readable.from(['1\n']), broken)).rejects.toMatchObject({ code: '42P01' });

        // An ingest that gives up mid-COPY (destroy() sends CopyFail) can still roll back.
        await client.query('BEGIN');
        const aborted = client.query(copyStreams.from('COPY staging FROM STDIN'));
        const failure = new Promise((r) => aborted.once('error', r));
        aborted.write('9\tnine\n');
        aborted.destroy(new Error('ingest aborted'));
        expect(await failure).toMatchObject({ code: '57014' });
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
      const rows = (await pool.query('SELECT id, name FROM staging ORDER BY id')).rows;
      expect(rows).toEqual([
        { id: 1, name: 'one; quoted' },
        { id: 2, name: 'two' },
        { id: 3, name: 'three' },
      ]);
    } finally {
      await pool.end();
    }
  });

  it('refuses what PGlite cannot survive (unexpected message types, FATAL session timeouts) with an error, and keeps serving', async () => {
    const socket = connect(db.socketPath);
    const received: Buffer[] = [];
    socket.on('data', (d) => received.push(d));
    await new Promise((r) => socket.once('connect', r));
    // A password message nobody asked for: Postgres would raise FATAL, which never returns in PGlite.
    socket.write(Buffer.from([0x70, 0, 0, 0, 7, 0x61, 0x62, 0]));
    await sleep(100);
    socket.destroy();
    expect(Buffer.concat(received).toString('latin1')).toContain('invalid frontend message type');
    // When it fires, this timeout ends the session with FATAL, which blocks the Node process for good.
    await expect(
      withClient(db.url, (c) => c.query("SET idle_in_transaction_session_timeout = '1s'")),
    ).rejects.toMatchObject({ code: '0A000' });
    expect(await withClient(db.url, async (c) => (await c.query('SELECT 1 AS ok')).rows[0].ok)).toBe(1);
    expect(db.fatalError).toBeUndefined();
  });

  it('refuses to start while another live process holds the lock, and takes over a dead one', async () => {
    await db.stop();
    const lockPath = join(dataDir, LOCK_FILE_NAME);
    expect(existsSync(lockPath)).toBe(false);

    const other = spawnIdleProcess();
    try {
      await writeFile(lockPath, `${other.pid}\n`);
      await expect(EmbeddedDatabase.start({ dataDir })).rejects.toThrow(
        `embedded database at ${dataDir} is in use by pid ${other.pid}`,
      );
      expect(await readFile(lockPath, 'utf8')).toBe(`${other.pid}\n`);
    } finally {
      other.kill('SIGKILL');
      await new Promise((r) => other.once('exit', r));
    }

    // The holder died without stop() (as after SIGKILL): its lock is stale.
    db = await EmbeddedDatabase.start({ dataDir });
    expect(await readFile(lockPath, 'utf8')).toBe(`${process.pid}\n`);
  }, 30_000);

  it('starts after a kill that left its socket and lock behind, and makes a data folder open to others owner-only', async () => {
    await db.stop();
    // A process that had the socket when it was killed: the socket file and the lock stay.
    await mkdir(join(dataDir, 'socket'), { mode: 0o755 });
    const killed = spawn(
      process.execPath,
      ['-e', `require('net').createServer().listen(${JSON.stringify(db.socketPath)}, () => console.log('listening'))`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((r) => killed.stdout!.once('data', r));
    await writeFile(join(dataDir, LOCK_FILE_NAME), `${killed.pid}\n`);
    killed.kill('SIGKILL');
    await new Promise((r) => killed.once('exit', r));
    expect((await stat(db.socketPath)).isSocket()).toBe(true);
    // As a folder made by an older hub or by hand with a usual umask.
    await chmod(dataDir, 0o755);

    const logged: string[] = [];
    db = await EmbeddedDatabase.start({ dataDir, log: (m) => logged.push(m) });
    expect(
      await withClient(db.url, async (c) => (await c.query('SELECT count(*)::int AS n FROM kept')).rows[0].n),
    ).toBe(1);
    expect(await modeOf(dataDir)).toMatchObject({ mode: '700' });
    expect(await modeOf(db.socketDir)).toMatchObject({ mode: '700' });
    expect(await modeOf(db.socketPath)).toMatchObject({ mode: '600' });
    expect(logged.join('\n')).toContain('was open to others (mode 755): made owner-only (700)');
  }, 30_000);

  it('stops idempotently: twice in a row and concurrently, removing the socket and releasing the lock', async () => {
    const { url } = db;
    await Promise.all([db.stop(), db.stop()]);
    await db.stop();
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
    expect(existsSync(db.socketDir)).toBe(false);
    await expect(withClient(url, async () => undefined)).rejects.toThrow();
  });
});

describe('EmbeddedDatabase: where its socket may live', () => {
  let base: string;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'hub-embedded-place-'));
  });

  afterAll(async () => {
    if (base) await rm(base, { recursive: true, force: true });
  });

  it('makes the socket owner-only even with umask 000 (no moment where others may connect)', async () => {
    const dir = join(base, 'umask', 'data');
    const previous = process.umask(0o000);
    let db: EmbeddedDatabase | undefined;
    try {
      db = await EmbeddedDatabase.start({ dataDir: dir });
      // The folders are owner-only before the socket exists, so its wider first mode was unreachable.
      expect(await modeOf(join(base, 'umask'))).toMatchObject({ mode: '700' });
      expect(await modeOf(dir)).toMatchObject({ mode: '700' });
      expect(await modeOf(db.socketDir)).toMatchObject({ mode: '700' });
      expect(await modeOf(db.socketPath)).toMatchObject({ mode: '600' });
      expect(await withClient(db.url, async (c) => (await c.query('SELECT 1 AS ok')).rows[0].ok)).toBe(1);
    } finally {
      process.umask(previous);
      await db?.stop();
    }
  }, 180_000); // a cold start creates the cluster: far more than its ≈ 11 s on a loaded machine

  it('refuses a data folder whose socket path would be too long for a Unix socket, naming EMBEDDED_DATA_DIR, and creates nothing', async () => {
    const dir = join(base, 'x'.repeat(Math.max(1, 100 - base.length)), 'data');
    const start = EmbeddedDatabase.start({ dataDir: dir });
    await expect(start).rejects.toBeInstanceOf(EmbeddedDataDirError);
    await expect(start).rejects.toThrow(
      /its socket .*\/socket\/\.s\.PGSQL\.5432 would be \d+ bytes long, more than the 10[37] .*set EMBEDDED_DATA_DIR to a folder whose absolute path has at most 8[26] bytes/,
    );
    expect(existsSync(dir)).toBe(false);
  });

  it.runIf(process.getuid?.() === 0)('refuses a data folder that belongs to another user', async () => {
    const dir = join(base, 'foreign');
    await mkdir(dir, { mode: 0o700 });
    await chown(dir, 65534, 65534);
    await expect(EmbeddedDatabase.start({ dataDir: dir })).rejects.toThrow(
      `embedded database at ${dir}: the folder belongs to uid 65534, not to this process's user (uid 0)`,
    );
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
  });
});
