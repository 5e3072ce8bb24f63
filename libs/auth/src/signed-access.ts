import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AccessPurpose, Principal } from './principal.js';

/**
 * The one header by which an app of the hub vouches for a request to another app of the hub: the
 * gateway for the caller it authenticated (to a subgraph, for each subgraph fetch of a query plan),
 * the once-only app for the caller it serves (to the gateway), the gateway as itself (to the
 * catalog's internal routes). Anything a client sends under this name is replaced or refused.
 *
 *   x-hub-access: v1.<claims>.<envelope>.<signature>
 *
 * - claims (base64url JSON): who is calling and why — the principal (null when the app calls as
 *   itself), purpose, case number, the issuing app, and what the catalog says of the principal
 *   (`provides`: the registers its department is the source of). The same for every request of
 *   one operation, so it is encoded once.
 * - envelope (base64url JSON): what this one request is — the app it is for (`aud`), when it was
 *   issued and when it expires (a short life), a single-use nonce, and a digest of the method, the
 *   path with its query and the body (the operation and its variables). A captured header is
 *   useless for another query, for another app, after a minute, or a second time.
 * - signature: HMAC-SHA256 under HUB_INTERNAL_SECRET over `v1.<claims>.<envelope>`, base64url.
 *
 * A body that is streamed (a bulk extract, an archive file) is not read before it is handled, so
 * the digest then covers the method and path only; the nonce still makes the header single-use.
 * Used nonces are remembered by the receiving process; a header issued before it started is
 * refused as possibly used (a restart does not reopen the last minute).
 */
export const ACCESS_HEADER = 'x-hub-access';

/** How long a signed request stays valid. */
export const ACCESS_MAX_AGE_MS = 60_000;
/** Clocks of two hosts may disagree a little: an envelope issued this far in the future is still taken. */
const CLOCK_SKEW_MS = 5_000;
const VERSION = 'v1';

/** Who a request is made for, as the signing app vouches. */
export interface AccessClaims extends AccessPurpose {
  /** The caller the signing app vouches for; null when the app calls as itself (app to app). */
  principal: Principal | null;
  /** The app that signed (gateway, once-only, a tool of the hub). */
  issuer: string;
  /**
   * The base-library registers (`persons`, `legal-entities`, `credit-records`, `addresses`) whose
   * provider department the principal belongs to, as the catalog said when the gateway signed: a
   * library lets only those callers write its register, as the gateway does.
   */
  provides?: readonly string[];
}

/** What a verified request carries. */
export interface SignedAccess extends AccessClaims {
  /** The app the request was signed for. */
  audience: string;
  issuedAt: number;
  expiresAt: number;
  nonce: string;
}

/** The parts of an HTTP request a signature is bound to. `body` null: streamed, not bound. */
export interface SignedRequest {
  method: string;
  /** Path and query, as the receiving server sees them (`/graphql`, `/ingest/persons?sourceSystem=x`). */
  url: string;
  body: string | Uint8Array | null;
}

interface Envelope {
  aud: string;
  iat: number;
  exp: number;
  nonce: string;
  digest: string;
}

/** Stable codes of a refused signature; the receiving app answers 401 with one of them. */
export type AccessSignatureError =
  | 'ACCESS_SIGNATURE_MISSING'
  | 'ACCESS_SIGNATURE_INVALID'
  | 'ACCESS_SIGNATURE_EXPIRED'
  | 'ACCESS_SIGNATURE_WRONG_AUDIENCE'
  | 'ACCESS_SIGNATURE_REPLAYED'
  | 'ACCESS_SIGNATURE_WRONG_REQUEST';

const ERROR_MESSAGES: Record<AccessSignatureError, string> = {
  ACCESS_SIGNATURE_MISSING:
    'this app answers only requests the hub gateway signed: send your request to the gateway, with your hub API key',
  ACCESS_SIGNATURE_INVALID: 'the signed access of this request is not valid',
  ACCESS_SIGNATURE_EXPIRED: 'the signed access of this request has expired',
  ACCESS_SIGNATURE_WRONG_AUDIENCE: 'the signed access of this request was issued for another app',
  ACCESS_SIGNATURE_REPLAYED: 'the signed access of this request was already used',
  ACCESS_SIGNATURE_WRONG_REQUEST: 'the signed access of this request was issued for another request',
};

export function accessSignatureMessage(code: AccessSignatureError): string {
  return ERROR_MESSAGES[code];
}

/** The claims part of the header: encode once per operation, sign each request with `signRequest`. */
export function encodeClaims(claims: AccessClaims): string {
  const { principal, issuer, purpose, caseNumber, provides } = claims;
  return Buffer.from(
    JSON.stringify({ principal, issuer, purpose, caseNumber, ...(provides ? { provides } : {}) }),
  ).toString('base64url');
}

/** The `x-hub-access` value for one request to `audience`. */
export function signRequest(
  encodedClaims: string,
  audience: string,
  request: SignedRequest,
  secret: string,
  now = Date.now(),
): string {
  const envelope: Envelope = {
    aud: audience,
    iat: now,
    exp: now + ACCESS_MAX_AGE_MS,
    nonce: randomBytes(12).toString('base64url'),
    digest: requestDigest(request),
  };
  const signed = `${VERSION}.${encodedClaims}.${Buffer.from(JSON.stringify(envelope)).toString('base64url')}`;
  return `${signed}.${mac(signed, secret)}`;
}

/** Headers that vouch for `claims` on one request (a convenience for single requests). */
export function signedHeaders(
  claims: AccessClaims,
  audience: string,
  request: SignedRequest,
  secret: string,
  now = Date.now(),
): Record<string, string> {
  return { [ACCESS_HEADER]: signRequest(encodeClaims(claims), audience, request, secret, now) };
}

/**
 * What a request's header vouches for, checked in two steps because the body arrives after the
 * headers: `openAccess` (signature, audience, expiry, single use) as soon as the request comes in —
 * so an unsigned request is refused before its body is read —, then `matchesRequest` once the body is there.
 */
export function openAccess(
  header: string | string[] | undefined,
  audience: string,
  secret: string | undefined,
  now = Date.now(),
): { access: SignedAccess; digest: string } | { error: AccessSignatureError } {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return { error: 'ACCESS_SIGNATURE_MISSING' };
  if (!secret) return { error: 'ACCESS_SIGNATURE_INVALID' };
  const parts = value.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) return { error: 'ACCESS_SIGNATURE_INVALID' };
  const signed = `${parts[0]}.${parts[1]}.${parts[2]}`;
  const expected = Buffer.from(mac(signed, secret), 'base64url');
  const given = Buffer.from(parts[3], 'base64url');
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { error: 'ACCESS_SIGNATURE_INVALID' };
  const envelope = decodeJson(parts[2]) as Partial<Envelope> | null;
  const claims = claimsOf(parts[1]);
  if (!claims || !isEnvelope(envelope)) return { error: 'ACCESS_SIGNATURE_INVALID' };
  if (envelope.aud !== audience) return { error: 'ACCESS_SIGNATURE_WRONG_AUDIENCE' };
  if (envelope.exp <= now || envelope.iat > now + CLOCK_SKEW_MS || envelope.exp - envelope.iat > ACCESS_MAX_AGE_MS)
    return { error: 'ACCESS_SIGNATURE_EXPIRED' };
  // Issued before this process started (beyond clock skew): it may have been used at the previous
  // run of this app, whose ledger of used nonces is gone — a restart must not reopen the last minute.
  if (envelope.iat < STARTED_AT - CLOCK_SKEW_MS) return { error: 'ACCESS_SIGNATURE_REPLAYED' };
  if (!nonces.use(`${envelope.aud}:${envelope.nonce}`, envelope.exp, now))
    return { error: 'ACCESS_SIGNATURE_REPLAYED' };
  return {
    access: {
      ...claims,
      principal: claims.principal && { ...claims.principal, roles: [...claims.principal.roles] },
      audience: envelope.aud,
      issuedAt: envelope.iat,
      expiresAt: envelope.exp,
      nonce: envelope.nonce,
    },
    digest: envelope.digest,
  };
}

/** True when the opened header's digest is this request's (its method, path, query and body). */
export function matchesRequest(digest: string, request: SignedRequest): boolean {
  const actual = Buffer.from(requestDigest(request));
  const expected = Buffer.from(digest);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Both steps at once, for a request whose body is already at hand. */
export function verifyRequest(
  header: string | string[] | undefined,
  audience: string,
  request: SignedRequest,
  secret: string | undefined,
  now = Date.now(),
): { access: SignedAccess } | { error: AccessSignatureError } {
  const opened = openAccess(header, audience, secret, now);
  if ('error' in opened) return opened;
  return matchesRequest(opened.digest, request)
    ? { access: opened.access }
    : { error: 'ACCESS_SIGNATURE_WRONG_REQUEST' };
}

function requestDigest(request: SignedRequest): string {
  const hash = createHash('sha256').update(
    `${request.method.toUpperCase()}\n${request.url}\n${request.body === null ? 'stream' : 'body'}\n`,
  );
  if (request.body !== null) hash.update(request.body);
  return hash.digest('base64url');
}

function mac(signed: string, secret: string): string {
  return createHmac('sha256', secret).update(signed).digest('base64url');
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

function isEnvelope(value: Partial<Envelope> | null): value is Envelope {
  return (
    !!value &&
    typeof value.aud === 'string' &&
    typeof value.nonce === 'string' &&
    value.nonce.length >= 8 &&
    typeof value.digest === 'string' &&
    Number.isFinite(value.iat) &&
    Number.isFinite(value.exp)
  );
}

/**
 * Decoded claims by their encoded text: the requests of one operation carry the same claims, and
 * only text whose signature was checked is decoded. Bounded; cleared when full.
 */
const decodedClaims = new Map<string, AccessClaims>();
const MAX_DECODED_CLAIMS = 1_000;

function claimsOf(encoded: string): AccessClaims | null {
  const known = decodedClaims.get(encoded);
  if (known) return known;
  const value = decodeJson(encoded) as Partial<AccessClaims> | null;
  if (!value || typeof value.issuer !== 'string') return null;
  const principal = value.principal;
  if (
    principal !== null &&
    (typeof principal !== 'object' ||
      !principal ||
      typeof principal.keyId !== 'string' ||
      !Array.isArray(principal.roles))
  )
    return null;
  if (
    value.provides !== undefined &&
    (!Array.isArray(value.provides) || value.provides.some((p) => typeof p !== 'string'))
  )
    return null;
  const claims: AccessClaims = {
    principal: principal ?? null,
    issuer: value.issuer,
    purpose: typeof value.purpose === 'string' ? value.purpose : null,
    caseNumber: typeof value.caseNumber === 'string' ? value.caseNumber : null,
    ...(value.provides ? { provides: Object.freeze([...value.provides]) } : {}),
  };
  if (decodedClaims.size >= MAX_DECODED_CLAIMS) decodedClaims.clear();
  decodedClaims.set(encoded, claims);
  return claims;
}

/** When this process started: the nonce ledger below knows nothing used before then. */
const STARTED_AT = Date.now();

/**
 * Nonces seen, until their envelope expires. In this process's memory: each instance of an app has
 * its own (see docs/architecture.md, known limits). Envelopes live at most ACCESS_MAX_AGE_MS, so entries
 * arrive in nearly expiry order: expired ones are dropped from the front as new ones come in —
 * memory is bounded by the request rate times a minute.
 */
class NonceLedger {
  private readonly seen = new Map<string, number>();

  use(nonce: string, expiresAt: number, now: number): boolean {
    for (const [key, expiry] of this.seen) {
      if (expiry > now - CLOCK_SKEW_MS) break;
      this.seen.delete(key);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, expiresAt);
    return true;
  }
}

const nonces = new NonceLedger();
