import { describe, expect, it } from 'vitest';
import {
  PRINCIPAL_HEADER,
  PRINCIPAL_SIGNATURE_HEADER,
  Role,
  ensureInternalSecret,
  generateApiKey,
  internalSecret,
  isStewardOf,
  parseApiKey,
  secretMatches,
  signAccess,
  verifyAccess,
  type SignedAccess,
} from './index.js';

const SECRET = 'a'.repeat(64);
const access: SignedAccess = {
  principal: { keyId: 'abcdefghijkl', roles: [Role.SYSTEM], departmentUscc: '114406000000000000', systemCode: 'fs-hrss-social', name: 'social insurance' },
  purpose: 'pension eligibility check',
  caseNumber: 'CASE-1',
  issuedAt: Date.now(),
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
    for (const text of ['', 'Bearer x', 'hubk_short_secret', `hubk_ABCDEFGHIJKL_${'a'.repeat(43)}`, `hubk_abcdefghijkl_${'a'.repeat(42)}`]) {
      expect(parseApiKey(text)).toBeNull();
    }
  });
});

describe('signed principal', () => {
  it('round-trips with the shared secret', () => {
    const headers = signAccess(access, SECRET);
    expect(verifyAccess(headers, SECRET)).toEqual(access);
  });

  it('is refused when forged, signed with another secret, tampered with, too old, or absent', () => {
    const headers = signAccess(access, SECRET);
    expect(verifyAccess(headers, 'b'.repeat(64))).toBeNull();
    const forged = Buffer.from(JSON.stringify({ ...access, principal: { ...access.principal, roles: [Role.ADMIN] } })).toString('base64url');
    expect(verifyAccess({ ...headers, [PRINCIPAL_HEADER]: forged }, SECRET)).toBeNull();
    expect(verifyAccess({ ...headers, [PRINCIPAL_SIGNATURE_HEADER]: '00' }, SECRET)).toBeNull();
    expect(verifyAccess(signAccess({ ...access, issuedAt: Date.now() - 10 * 60_000 }, SECRET), SECRET)).toBeNull();
    expect(verifyAccess({}, SECRET)).toBeNull();
    expect(verifyAccess(headers, undefined)).toBeNull();
  });
});

describe('roles and the internal secret', () => {
  it('makes a department steward a steward of that department only, and a hub-wide steward of all', () => {
    const steward = { ...access.principal, roles: [Role.STEWARD], departmentUscc: 'D1' };
    expect(isStewardOf(steward, 'D1')).toBe(true);
    expect(isStewardOf(steward, 'D2')).toBe(false);
    expect(isStewardOf({ ...steward, departmentUscc: null }, 'D2')).toBe(true);
    expect(isStewardOf(access.principal, 'D1')).toBe(false);
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

describe('internal requests', () => {
  it('verify with the same secret, path and body only, and not when stale', async () => {
    const { signInternalRequest, verifyInternalRequest } = await import('./index.js');
    const headers = signInternalRequest('/internal/audit', '{"a":1}', SECRET);
    expect(verifyInternalRequest(headers, '/internal/audit', '{"a":1}', SECRET)).toBe(true);
    expect(verifyInternalRequest(headers, '/internal/audit', '{"a":2}', SECRET)).toBe(false);
    expect(verifyInternalRequest(headers, '/internal/policy', '{"a":1}', SECRET)).toBe(false);
    expect(verifyInternalRequest(headers, '/internal/audit', '{"a":1}', 'c'.repeat(64))).toBe(false);
    expect(verifyInternalRequest(headers, '/internal/audit', '{"a":1}', SECRET, Date.now() + 120_000)).toBe(false);
    expect(verifyInternalRequest({}, '/internal/audit', '{"a":1}', SECRET)).toBe(false);
  });
});
