import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { EmbeddedDatabase } from './embedded/embedded-database.js';

/**
 * A throw-away database for a test suite or a tool (migration generation): a fresh database on
 * the server at `adminUrl` (DATABASE_URL) when given, otherwise a fresh embedded database in a
 * temporary folder. Either way nothing is shared with other runs.
 */
export class ScratchDatabase {
  private constructor(
    readonly url: string,
    readonly embedded: boolean,
    private readonly cleanup: () => Promise<void>,
    /** The embedded database's folder (files and socket); undefined on a server. */
    readonly dataDir?: string,
  ) {}

  get poolSize(): number {
    return this.embedded ? 1 : 10;
  }

  static async create(
    adminUrl: string | undefined = process.env.DATABASE_URL,
    label = 'hub_t',
  ): Promise<ScratchDatabase> {
    if (adminUrl) {
      const name = `${label}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return new ScratchDatabase(url.toString(), false, async () => {
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        try {
          await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await c.end();
        }
      });
    }
    const dir = await mkdtemp(join(tmpdir(), `${label}-`));
    // mkdtemp's folder is owner-only (0700) already; it holds the files and the socket.
    const db = await EmbeddedDatabase.start({ dataDir: dir });
    return new ScratchDatabase(
      db.url,
      true,
      async () => {
        await db.stop();
        await rm(dir, { recursive: true, force: true });
      },
      db.dataDir,
    );
  }

  async drop(): Promise<void> {
    await this.cleanup();
  }
}
