import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Hub API keys: `hubk_<id>_<secret>`. The id (12 base-32 characters) finds the key; the secret
 * (32 random bytes, base64url) proves it. Only SHA-256 of the secret is stored: a 256-bit random
 * secret needs no slow hash, and a stolen table gives no usable key. The whole key is shown once,
 * when issued.
 */
const KEY_PATTERN = /^hubk_([a-z2-7]{12})_([A-Za-z0-9_-]{43})$/;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export interface IssuedKey {
  id: string;
  /** The whole key, to hand to its holder once. */
  key: string;
  secretHash: string;
}

export function generateApiKey(random: (n: number) => Buffer = randomBytes): IssuedKey {
  const idBytes = random(12);
  const id = Array.from(idBytes, (b) => BASE32[b % 32]).join('');
  const secret = random(32).toString('base64url');
  return { id, key: `hubk_${id}_${secret}`, secretHash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The id and secret of a key, or null when the text is not shaped like a hub key. */
export function parseApiKey(text: string): { id: string; secret: string } | null {
  const match = KEY_PATTERN.exec(text.trim());
  return match ? { id: match[1], secret: match[2] } : null;
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
