import { randomBytes } from 'node:crypto';

export const INTERNAL_SECRET_VARIABLE = 'HUB_INTERNAL_SECRET';

/** The secret the apps of one hub share to sign what the gateway vouches for; undefined when not configured. */
export function internalSecret(env: NodeJS.ProcessEnv = process.env): string | undefined {
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
