import { createHash, timingSafeEqual } from 'node:crypto';
import { readSecretFiles } from '@hub/config';

/** The bearer token of the hub's operators: it reads /metrics of every app (Prometheus scrapes with it). */
export const OPERATOR_TOKEN_VARIABLE = 'HUB_METRICS_TOKEN';

/**
 * Metrics say how busy each department system is, which operations fail and why: not for anyone
 * who can reach a port. An operator's credential is a bearer token shared by the hub's apps and the
 * monitoring system (`Authorization: Bearer <HUB_METRICS_TOKEN>`, ≥ 32 characters); without one
 * configured, /metrics answers nobody. HUB_METRICS_TOKEN_FILE may name a file holding it instead (a
 * mounted secret, as in docker-compose.yml), read once.
 */
export function operatorToken(env: NodeJS.ProcessEnv = process.env): string | undefined {
  readSecretFiles([OPERATOR_TOKEN_VARIABLE], env);
  const token = env[OPERATOR_TOKEN_VARIABLE];
  if (token !== undefined && token !== '' && token.length < 32) {
    throw new Error(`${OPERATOR_TOKEN_VARIABLE} must be at least 32 characters (e.g. \`openssl rand -hex 32\`)`);
  }
  return token || undefined;
}

/** True when the Authorization header carries the operators' token. */
export function isOperator(
  authorization: string | string[] | undefined,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  const token = operatorToken(env);
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!token || !match) return false;
  // Compared as digests: equal length, constant time, whatever the caller sent.
  return timingSafeEqual(createHash('sha256').update(match[1]).digest(), createHash('sha256').update(token).digest());
}
