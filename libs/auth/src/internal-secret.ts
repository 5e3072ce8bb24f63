import { randomBytes } from 'node:crypto';
import { readSecretFiles } from '@hub/config';

export const INTERNAL_SECRET_VARIABLE = 'HUB_INTERNAL_SECRET';

/**
 * The secret the apps of one hub share to sign what the gateway vouches for; undefined when not
 * configured. From HUB_INTERNAL_SECRET, or from the file HUB_INTERNAL_SECRET_FILE names (a mounted
 * secret, as in docker-compose.yml), read once.
 */
export function internalSecret(env: NodeJS.ProcessEnv = process.env): string | undefined {
  readSecretFiles([INTERNAL_SECRET_VARIABLE], env);
  const secret = env[INTERNAL_SECRET_VARIABLE];
  if (secret !== undefined && secret.length < 32) {
    throw new Error(`${INTERNAL_SECRET_VARIABLE} must be at least 32 characters (e.g. \`openssl rand -hex 32\`)`);
  }
  return secret || undefined;
}

/**
 * For a process that runs every app itself (npm start, tests, benchmarks): a fresh random secret
 * unless one is configured. Separate processes must be given the same secret.
 */
export function ensureInternalSecret(env: NodeJS.ProcessEnv = process.env): string {
  const existing = internalSecret(env);
  if (existing) return existing;
  const secret = randomBytes(32).toString('hex');
  env[INTERNAL_SECRET_VARIABLE] = secret;
  return secret;
}
