import { ConfigError, loadConfig, readSecretFiles } from '@hub/config';
import { createLogger } from '@hub/observability';
import { DatabaseConfig } from './database.config.js';
import { EmbeddedDatabase } from './embedded/embedded-database.js';

export interface DatabaseLocation {
  url: string;
  poolSize: number;
  embedded: boolean;
}

let embedded: Promise<EmbeddedDatabase> | undefined;

/**
 * Where this process's apps find their database: DATABASE_URL when set (with DATABASE_PASSWORD put
 * in when set; either may come from a file, `…_FILE`: readSecretFiles), otherwise one embedded
 * PGlite + PostGIS started on first use and shared by every app in the process, reached through an
 * owner-only Unix socket in its data folder (no TCP port). The embedded database serves one
 * session for all connections, so its pool is 1 (a second pooled connection waiting inside a
 * transaction would hang).
 */
export async function resolveDatabase(env: NodeJS.ProcessEnv = process.env): Promise<DatabaseLocation> {
  readSecretFiles(['DATABASE_URL', 'DATABASE_PASSWORD'], env);
  const config = loadConfig(DatabaseConfig, env);
  if (config.DATABASE_URL)
    return {
      url: withPassword(config.DATABASE_URL, config.DATABASE_PASSWORD),
      poolSize: config.DATABASE_POOL_SIZE,
      embedded: false,
    };
  if (config.DATABASE_PASSWORD !== undefined)
    throw new ConfigError([
      'DATABASE_PASSWORD is set but DATABASE_URL is not: the password is for the server DATABASE_URL names',
    ]);
  const log = createLogger('embedded-database');
  embedded ??= EmbeddedDatabase.start({
    dataDir: config.EMBEDDED_DATA_DIR,
    log: (message) => log.info(message),
    // The WASM backend is gone and cannot come back in this process: say so and stop, so that a
    // supervisor (or the developer) restarts the hub instead of it answering every query with errors.
    onFatal: (error) => {
      log.fatal({ err: error }, 'the embedded database terminated; restart the hub');
      process.exit(1);
    },
  }).catch((error: unknown) => {
    embedded = undefined;
    throw error;
  });
  const db = await embedded;
  return { url: db.url, poolSize: 1, embedded: true };
}

/**
 * DATABASE_URL with DATABASE_PASSWORD put in (percent-encoded, whatever characters it has). A URL
 * that already carries a password and a DATABASE_PASSWORD as well is refused: one of them would be
 * silently ignored.
 */
function withPassword(url: string, password: string | undefined): string {
  if (password === undefined) return url;
  const parsed = new URL(url);
  if (parsed.password !== '')
    throw new ConfigError(['DATABASE_URL carries a password and DATABASE_PASSWORD is set as well: set one of them']);
  if (parsed.username === '')
    throw new ConfigError(['DATABASE_PASSWORD is set but DATABASE_URL names no user (postgres://user@host/db)']);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/** Stops the embedded database if this process started one (graceful shutdown of the all-in-one hub). */
export async function stopEmbeddedDatabase(): Promise<void> {
  const pending = embedded;
  embedded = undefined;
  if (pending) await (await pending).stop();
}
