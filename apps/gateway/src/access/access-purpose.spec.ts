import { describe, expect, it } from 'vitest';
import { accessPurpose } from './access-purpose.js';

describe('the purpose of an operation', () => {
  it('comes from the request extensions, else from percent-encoded headers', () => {
    expect(accessPurpose({}, { purpose: ' 核验申请人身份 ', caseNumber: 'FS-2026-1' })).toEqual({ purpose: { purpose: '核验申请人身份', caseNumber: 'FS-2026-1' } });
    expect(accessPurpose({ 'x-hub-purpose': encodeURIComponent('办理社保'), 'x-hub-case-number': 'A/1' }, undefined)).toEqual({ purpose: { purpose: '办理社保', caseNumber: 'A/1' } });
    expect(accessPurpose({ 'x-hub-purpose': 'header' }, { purpose: 'extension' })).toEqual({ purpose: { purpose: 'extension', caseNumber: null } });
    expect(accessPurpose({}, { purpose: '   ' })).toEqual({ purpose: { purpose: null, caseNumber: null } });
  });

  it('refuses what could not be read back from the access log as plain text', () => {
    for (const purpose of ['a\u0000b', 'line\nbreak', 'bell\u0007', 'c1\u0085', 'lone \ud800 surrogate', 'x'.repeat(201)]) {
      expect(accessPurpose({}, { purpose }), JSON.stringify(purpose)).toMatchObject({ error: { code: 'PURPOSE_INVALID' } });
    }
    expect(accessPurpose({ 'x-hub-purpose': '%00' }, undefined)).toMatchObject({ error: { code: 'PURPOSE_INVALID' } });
    // A character outside the BMP is a valid surrogate pair, not broken text.
    expect(accessPurpose({}, { purpose: '𠮷野家食品许可核验' })).toEqual({ purpose: { purpose: '𠮷野家食品许可核验', caseNumber: null } });
    expect(accessPurpose({}, { caseNumber: 'bad case number!' })).toMatchObject({ error: { code: 'PURPOSE_INVALID' } });
  });
});
