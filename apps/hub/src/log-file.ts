import { dirname, join } from 'node:path';

/**
 * Where `npm start` sends the JSON logs: HUB_LOG_FILE when set, else hub.log in the data folder
 * (beside ARCHIVE_DIR); undefined — standard output — when HUB_LOG_TO_TERMINAL=1.
 */
export function hubLogFile(env: NodeJS.ProcessEnv): string | undefined {
  if (env.HUB_LOG_FILE) return env.HUB_LOG_FILE;
  if (env.HUB_LOG_TO_TERMINAL === '1') return undefined;
  return join(dirname(env.ARCHIVE_DIR || '.data/archive'), 'hub.log');
}
