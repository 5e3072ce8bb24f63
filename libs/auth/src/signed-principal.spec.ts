import { describe, expect, it } from 'vitest';
import { PRINCIPAL_HEADER, PRINCIPAL_SIGNATURE_HEADER, Role, signAccess, verifyAccess, type SignedAccess } from './index.js';

const SECRET = 'c'.repeat(64);

function access(): SignedAccess {
  return {
    principal: { keyId: 'abcdefghijkl', roles: [Role.SYSTEM], departmentUscc: '114406000000000000', systemCode: 'fs-hrss-social', name: 'social insurance' },
    purpose: 'pension eligibility check',
    caseNumber: null,
    issuedAt: Date.now(),
  };
}

describe('signed principal, checked once per signature', () => {
  it('gives every request presenting a signature it has checked the same access, in a copy of its own', () => {
    const signed = access();
    const headers = signAccess(signed, SECRET);
    const first = verifyAccess(headers, SECRET)!;
    const second = verifyAccess(headers, SECRET)!;
    expect(first).toEqual(signed);
    expect(second).toEqual(signed);
    first.principal.roles.push(Role.ADMIN);
    expect(second.principal.roles).toEqual([Role.SYSTEM]);
    expect(verifyAccess(headers, SECRET)!.principal.roles).toEqual([Role.SYSTEM]);
  });

  it('still refuses a known signature once it is too old, under another secret, or over another payload', () => {
    const headers = signAccess(access(), SECRET);
    expect(verifyAccess(headers, SECRET)).not.toBeNull();
    expect(verifyAccess(headers, SECRET, Date.now() + 10 * 60_000)).toBeNull();
    expect(verifyAccess(headers, 'd'.repeat(64))).toBeNull();
    const other = signAccess({ ...access(), purpose: 'something else' }, SECRET);
    expect(verifyAccess({ [PRINCIPAL_HEADER]: other[PRINCIPAL_HEADER], [PRINCIPAL_SIGNATURE_HEADER]: headers[PRINCIPAL_SIGNATURE_HEADER] }, SECRET)).toBeNull();
  });
});
