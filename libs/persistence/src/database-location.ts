import { loadConfig } from '@hub/config';
import { DatabaseConfig } from './database.config.js';
import { EmbeddedDatabase } from './embedded/embedded-database.js';

export interface DatabaseLocation {
  url: string;
  poolSize: number;
  embedded: boolean;
}

let embedded: Promise<EmbeddedDatabase> | undefined;

/**
 * Where this process's apps find their database: DATABASE_URL when set, otherwise one embedded
 * PGlite + PostGIS started on first use and shared by every app in the process. The embedded
 * database serves one session for all connections, so its pool is 1 (a second pooled connection
 * waiting inside a transaction would hang).
 */
export async function resolveDatabase(env: NodeJS.ProcessEnv = process.env): Promise<DatabaseLocation> {
  const config = loadConfig(DatabaseConfig, env);
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, embedded: false };
  embedded ??= EmbeddedDatabase.start({ dataDir: config.EMBEDDED_DATA_DIR, port: 0 }).catch((error: unknown) => {
    embedded = undefined;
    throw error;
  });
  const db = await embedded;
  return { url: db.url, poolSize: 1, embedded: true };
}

/** Stops the embedded database if this process started one (graceful shutdown of the all-in-one hub). */
export async function stopEmbeddedDatabase(): Promise<void> {
  const pending = embedded;
  embedded = undefined;
  if (pending) await (await pending).stop();
}
