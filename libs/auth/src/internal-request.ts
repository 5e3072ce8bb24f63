import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying an app-to-app request's signature: `<ms since epoch>.<hex HMAC>`. */
export const INTERNAL_SIGNATURE_HEADER = 'x-hub-internal-signature';

const MAX_AGE_MS = 60_000;

/**
 * App-to-app calls inside one hub (the gateway fetching the policy, sending access records) are
 * signed with HUB_INTERNAL_SECRET over the time, the path and the body: nobody without the secret
 * can read the key table or write the audit trail, and a captured request is soon stale.
 */
export function signInternalRequest(path: string, body: string, secret: string, now = Date.now()): Record<string, string> {
  return { [INTERNAL_SIGNATURE_HEADER]: `${now}.${mac(now, path, body, secret)}` };
}

export function verifyInternalRequest(
  headers: Record<string, string | string[] | undefined>,
  path: string,
  body: string,
  secret: string | undefined,
  now = Date.now(),
): boolean {
  const header = headers[INTERNAL_SIGNATURE_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  if (!secret || !value) return false;
  const dot = value.indexOf('.');
  const at = Number(value.slice(0, dot));
  if (dot < 1 || !Number.isFinite(at) || Math.abs(now - at) > MAX_AGE_MS) return false;
  const expected = Buffer.from(mac(at, path, body, secret), 'hex');
  const given = Buffer.from(value.slice(dot + 1), 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function mac(at: number, path: string, body: string, secret: string): string {
  const digest = createHash('sha256').update(body).digest('hex');
  return createHmac('sha256', secret).update(`${at}\n${path}\n${digest}`).digest('hex');
}
