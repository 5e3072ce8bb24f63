import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AccessPurpose, Principal } from './principal.js';

/** Headers the gateway sets on every subgraph request; anything a client sends under these names is replaced. */
export const PRINCIPAL_HEADER = 'x-hub-principal';
export const PRINCIPAL_SIGNATURE_HEADER = 'x-hub-principal-signature';

/** What the gateway vouches for on one subgraph request. */
export interface SignedAccess extends AccessPurpose {
  principal: Principal;
  /** Milliseconds since the epoch when signed: old signatures are refused, so a captured header is soon useless. */
  issuedAt: number;
}

const MAX_AGE_MS = 5 * 60_000;

/**
 * Signatures already checked, by signature: the subgraph requests of one operation carry the same
 * signed access, and an HMAC costs more than the rest of a request's context. Only valid ones are
 * kept, with the payload and secret they were checked against; the age is checked on every use.
 */
const verified = new Map<string, { payload: string; secret: string; access: SignedAccess }>();
const MAX_VERIFIED = 1_000;

/**
 * The principal travels from the gateway to the subgraphs as base64url JSON with an HMAC-SHA256
 * signature under HUB_INTERNAL_SECRET, which every app of one hub shares. A subgraph believes
 * only a valid, recent signature: a client calling a subgraph directly cannot claim to be anyone.
 */
export function signAccess(access: SignedAccess, secret: string): Record<string, string> {
  const payload = Buffer.from(JSON.stringify(access)).toString('base64url');
  return { [PRINCIPAL_HEADER]: payload, [PRINCIPAL_SIGNATURE_HEADER]: hmac(payload, secret) };
}

/** The signed access of a request, or null when absent, forged, malformed or too old. */
export function verifyAccess(headers: Record<string, string | string[] | undefined>, secret: string | undefined, now = Date.now()): SignedAccess | null {
  const payload = single(headers[PRINCIPAL_HEADER]);
  const signature = single(headers[PRINCIPAL_SIGNATURE_HEADER]);
  if (!secret || !payload || !signature) return null;
  const known = verified.get(signature);
  if (known && known.payload === payload && known.secret === secret) return fresh(known.access, now);
  const expected = Buffer.from(hmac(payload, secret), 'hex');
  const given = Buffer.from(signature, 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let access: SignedAccess;
  try {
    access = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SignedAccess;
  } catch {
    return null;
  }
  if (!access || typeof access.issuedAt !== 'number' || !access.principal || !Array.isArray(access.principal.roles)) return null;
  if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value!);
  verified.set(signature, { payload, secret, access });
  return fresh(access, now);
}

/** The access if its signature is recent enough; a copy, as every request presenting the same signature gets its own. */
function fresh(access: SignedAccess, now: number): SignedAccess | null {
  if (Math.abs(now - access.issuedAt) > MAX_AGE_MS) return null;
  return { ...access, principal: { ...access.principal, roles: [...access.principal.roles] } };
}

function hmac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
