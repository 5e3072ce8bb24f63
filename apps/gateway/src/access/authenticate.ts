import { Role, parseApiKey, secretMatches, type Principal } from '@hub/auth';
import type { PolicyKey } from '@hub/policy';

export type AuthenticationError = {
  code: 'UNAUTHENTICATED' | 'API_KEY_INVALID' | 'API_KEY_EXPIRED' | 'API_KEY_REVOKED';
  message: string;
};

/**
 * The principal of an `Authorization: Bearer <hub key>` header, or why there is none. Whether a key
 * is revoked or expired is told only to a caller who proves it holds the key (the secret matches);
 * anything else is just an invalid key.
 */
export function authenticate(
  header: string | undefined,
  keys: ReadonlyMap<string, PolicyKey>,
  now = Date.now(),
): { principal: Principal } | { error: AuthenticationError } {
  if (!header)
    return { error: { code: 'UNAUTHENTICATED', message: 'send your hub API key: Authorization: Bearer <key>' } };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const parsed = match ? parseApiKey(match[1]) : null;
  const key = parsed ? keys.get(parsed.id) : undefined;
  if (!parsed || !key || !secretMatches(parsed.secret, key.secretHash)) {
    return {
      error: { code: 'API_KEY_INVALID', message: 'this is not a valid hub API key (Authorization: Bearer hubk_…)' },
    };
  }
  return principalOfKey(key, now);
}

/** The principal of a known key, unless it is revoked or expired. */
export function principalOfKey(
  key: PolicyKey,
  now = Date.now(),
): { principal: Principal } | { error: AuthenticationError } {
  if (key.revokedAt)
    return { error: { code: 'API_KEY_REVOKED', message: `key ${key.id} was revoked on ${key.revokedAt}` } };
  if (Date.parse(key.expiresAt) <= now)
    return { error: { code: 'API_KEY_EXPIRED', message: `key ${key.id} expired on ${key.expiresAt}` } };
  return {
    principal: {
      keyId: key.id,
      roles: key.roles.filter((r): r is Role => (Object.values(Role) as string[]).includes(r)),
      departmentUscc: key.departmentUscc,
      systemCode: key.systemCode,
      name: key.holderName,
    },
  };
}
