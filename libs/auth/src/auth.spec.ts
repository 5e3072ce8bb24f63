import { describe, expect, it } from 'vitest';
import {
  ACCESS_HEADER,
  ACCESS_MAX_AGE_MS,
  Role,
  encodeClaims,
  ensureInternalSecret,
  generateApiKey,
  internalSecret,
  isStewardOf,
  parseApiKey,
  isOperator,
  secretMatches,
  signedHeaders,
  verifyRequest,
  type AccessClaims,
  type SignedRequest,
} from './index.js';

const SECRET = 'a'.repeat(64);
const claims: AccessClaims = {
  principal: {
    keyId: 'abcdefghijkl',
    roles: [Role.SYSTEM],
    departmentUscc: '114406000000000000',
    systemCode: 'fs-hrss-social',
    name: 'social insurance',
  },
  issuer: 'gateway',
  purpose: 'pension eligibility check',
  caseNumber: 'CASE-1',
};

describe('API keys', () => {
  it('are generated in the hub format, parse back, and match only their own secret', () => {
    const issued = generateApiKey();
    expect(issued.key).toMatch(/^hubk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$/);
    const parsed = parseApiKey(issued.key)!;
    expect(parsed.id).toBe(issued.id);
    expect(secretMatches(parsed.secret, issued.secretHash)).toBe(true);
    const other = parseApiKey(generateApiKey().key)!;
    expect(secretMatches(other.secret, issued.secretHash)).toBe(false);
    expect(issued.secretHash).not.toContain(parsed.secret);
  });

  it('refuses text that is not a hub key', () => {
    for (const text of [
      '',
      'Bearer x',
      'hubk_short_secret',
      `hubk_ABCDEFGHIJKL_${'a'.repeat(43)}`,
      `hubk_abcdefghijkl_${'a'.repeat(42)}`,
    ]) {
      expect(parseApiKey(text)).toBeNull();
    }
  });
});

describe('signed access', () => {
  const request = {
    method: 'POST',
    url: '/graphql',
    body: '{"query":"{ person(idNumber: \\"11010519491231002X\\") { name } }"}',
  };
  const signed = () => signedHeaders(claims, 'population', request, SECRET);

  it('round-trips with the shared secret, for its audience and its request', () => {
    const verified = verifyRequest(signed()[ACCESS_HEADER], 'population', request, SECRET);
    expect(verified).toMatchObject({ access: { ...claims, audience: 'population' } });
  });

  it('is refused when absent, forged, under another secret, tampered with, expired, for another app, replayed or for another request', () => {
    const header = signed()[ACCESS_HEADER];
    const error = (
      h: string | undefined,
      r: SignedRequest = request,
      audience = 'population',
      secret: string | null = SECRET,
      now = Date.now(),
    ) => {
      const result = verifyRequest(h, audience, r, secret ?? undefined, now);
      return 'error' in result ? result.error : 'accepted';
    };
    expect(error(undefined)).toBe('ACCESS_SIGNATURE_MISSING');
    expect(error(header, request, 'population', 'b'.repeat(64))).toBe('ACCESS_SIGNATURE_INVALID');
    expect(error(header, request, 'population', null)).toBe('ACCESS_SIGNATURE_INVALID');
    const [version, , envelope, signature] = header.split('.');
    const admin = encodeClaims({ ...claims, principal: { ...claims.principal!, roles: [Role.ADMIN] } });
    expect(error([version, admin, envelope, signature].join('.'))).toBe('ACCESS_SIGNATURE_INVALID');
    expect(error(signed()[ACCESS_HEADER], request, 'population', SECRET, Date.now() + ACCESS_MAX_AGE_MS + 1)).toBe(
      'ACCESS_SIGNATURE_EXPIRED',
    );
    expect(error(signed()[ACCESS_HEADER], request, 'credit')).toBe('ACCESS_SIGNATURE_WRONG_AUDIENCE');
    expect(error(signed()[ACCESS_HEADER], { ...request, body: request.body.replace('1231002X', '12310011') })).toBe(
      'ACCESS_SIGNATURE_WRONG_REQUEST',
    );
    expect(error(signed()[ACCESS_HEADER], { ...request, url: '/graphql?x=1' })).toBe('ACCESS_SIGNATURE_WRONG_REQUEST');
    expect(error(signed()[ACCESS_HEADER], { ...request, body: null })).toBe('ACCESS_SIGNATURE_WRONG_REQUEST');
    const once = signed()[ACCESS_HEADER];
    expect(error(once)).toBe('accepted');
    expect(error(once)).toBe('ACCESS_SIGNATURE_REPLAYED');
  });

  it('binds a streamed body to its method and path only, and still once', () => {
    const stream = { method: 'POST', url: '/ingest/persons', body: null as string | null };
    const header = signedHeaders(claims, 'population', stream, SECRET)[ACCESS_HEADER];
    expect(verifyRequest(header, 'population', { ...stream, url: '/ingest/legal-entities' }, SECRET)).toEqual({
      error: 'ACCESS_SIGNATURE_WRONG_REQUEST',
    });
  });

  it('gives each request its own copy of the principal', () => {
    const first = verifyRequest(signed()[ACCESS_HEADER], 'population', request, SECRET) as {
      access: { principal: { roles: Role[] } };
    };
    first.access.principal.roles.push(Role.ADMIN);
    const second = verifyRequest(signed()[ACCESS_HEADER], 'population', request, SECRET) as {
      access: { principal: { roles: Role[] } };
    };
    expect(second.access.principal.roles).toEqual([Role.SYSTEM]);
  });
});

describe("the operators' token", () => {
  const env = { HUB_METRICS_TOKEN: 'm'.repeat(40) };
  it('lets only its holder read metrics, and is refused when short', () => {
    expect(isOperator(`Bearer ${'m'.repeat(40)}`, env)).toBe(true);
    expect(isOperator(`Bearer ${'m'.repeat(39)}`, env)).toBe(false);
    expect(isOperator(undefined, env)).toBe(false);
    expect(isOperator(`Bearer ${'m'.repeat(40)}`, {})).toBe(false);
    expect(() => isOperator('Bearer x', { HUB_METRICS_TOKEN: 'short' })).toThrow(/at least 32/);
  });
});

describe('roles and the internal secret', () => {
  it('makes a department steward a steward of that department only, and a hub-wide steward of all', () => {
    const steward = { ...claims.principal!, roles: [Role.STEWARD], departmentUscc: 'D1' };
    expect(isStewardOf(steward, 'D1')).toBe(true);
    expect(isStewardOf(steward, 'D2')).toBe(false);
    expect(isStewardOf({ ...steward, departmentUscc: null }, 'D2')).toBe(true);
    expect(isStewardOf(claims.principal, 'D1')).toBe(false);
  });

  it('refuses a short secret and creates one only when none is configured', () => {
    expect(() => internalSecret({ HUB_INTERNAL_SECRET: 'short' })).toThrow(/at least 32/);
    const env: NodeJS.ProcessEnv = {};
    const made = ensureInternalSecret(env);
    expect(made).toHaveLength(64);
    expect(env.HUB_INTERNAL_SECRET).toBe(made);
    expect(ensureInternalSecret(env)).toBe(made);
  });
});
