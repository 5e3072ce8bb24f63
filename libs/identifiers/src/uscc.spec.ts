import { describe, expect, it } from 'vitest';
import { organisationCodeCheckCharacter } from './organisation-code.js';
import { isValidUscc, parseUscc, USCC_CHARSET, usccCheckCharacter, type UsccResult } from './uscc.js';
import { LegalEntityKind } from './uscc-categories.js';

function withCheck(first17: string): string {
  return first17 + usccCheckCharacter(first17);
}

// A USCC whose embedded organisation code is correct too, for the given authority+category.
function aUscc(authorityAndCategory: string, areaCode = '330106', body = 'MA2B3C4D'): string {
  return withCheck(authorityAndCategory + areaCode + body + organisationCodeCheckCharacter(body));
}

function errorCode(result: UsccResult): string | undefined {
  return result.ok ? undefined : result.error.code;
}

describe('parseUscc', () => {
  it.each([
    ['11100000000013338W', '100000', LegalEntityKind.GOVERNMENT_BODY, 'DOMAIN.md: a central government body'],
    ['11330105002500287C', '330105', LegalEntityKind.GOVERNMENT_BODY, 'DOMAIN.md: a body in Hangzhou 拱墅区'],
    ['91440300708461136T', '440300', LegalEntityKind.ENTERPRISE, "published: Tencent's Shenzhen operating company"],
    ['914403001922038216', '440300', LegalEntityKind.ENTERPRISE, 'published: Huawei Technologies Co., Ltd.'],
    ['91330100799655058B', '330100', LegalEntityKind.ENTERPRISE, 'published: Alibaba (China) Co., Ltd.'],
    ['91110000710925462X', '110000', LegalEntityKind.ENTERPRISE, 'published: PetroChina Company Limited'],
  ])('accepts the real code %s (area %s, %s; %s) without warnings', (code, areaCode, kind) => {
    const result = parseUscc(code);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).toMatchObject({
        uscc: code,
        areaCode,
        kind,
        organisationCode: code.slice(8, 17),
        warnings: [],
      });
    }
  });

  it('decodes authority and category with Chinese and English names', () => {
    const result = parseUscc('11330105002500287C');
    expect(result.ok && result.value.registeringAuthority).toEqual({
      code: '1',
      name: '机构编制',
      nameEn: 'Institutional establishment (staffing) authorities',
    });
    expect(result.ok && result.value.category).toEqual({ code: '1', name: '机关', nameEn: 'Government body' });
  });

  it('normalises lower case and surrounding whitespace', () => {
    const result = parseUscc(' 11100000000013338w ');
    expect(result.ok && result.value.uscc).toBe('11100000000013338W');
  });

  it('names the wrong and the expected check character', () => {
    expect(parseUscc('111000000000133383')).toEqual({
      ok: false,
      error: { code: 'USCC_CHECK_DIGIT', message: 'check character is 3, expected W' },
    });
  });

  it('rejects every single-character substitution within the charset, because the MOD 31 check catches all of them', () => {
    // 31 is prime and no weight is a multiple of it, so changing one character by a difference
    // d (0 < |d| < 31) changes the weighted sum by w·d ≢ 0 (mod 31): every substitution shows.
    for (const valid of ['11100000000013338W', '91440300708461136T', aUscc('N2')]) {
      let mutations = 0;
      for (let position = 0; position < 18; position += 1) {
        for (const replacement of USCC_CHARSET) {
          if (replacement === valid[position]) continue;
          const mutated = valid.slice(0, position) + replacement + valid.slice(position + 1);
          expect(errorCode(parseUscc(mutated)), mutated).toBe('USCC_CHECK_DIGIT');
          mutations += 1;
        }
      }
      expect(mutations).toBe(18 * 30);
    }
  });

  it.each([
    ['111000000000I3338W', 13, 'I'],
    ['O1100000000013338W', 1, 'O'],
    ['1110000000001333SW', 17, 'S'],
    ['11100V000000I3338W', 6, 'V'],
    ['11100000000013338Z', 18, 'Z'],
    ['1110000000-013338W', 11, '-'],
  ])('rejects %s naming position %i and the character %s', (code, position, character) => {
    const result = parseUscc(code);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('USCC_CHARSET');
      expect(result.error.message).toContain(`character ${position} is "${character}"`);
    }
  });

  it.each(['', '11100000000013338', '11100000000013338WW', '1110 0000000013338W'])(
    'rejects %j as the wrong length',
    (code) => {
      expect(errorCode(parseUscc(code))).toBe('USCC_FORMAT');
    },
  );

  it.each([
    ['94', 'category 4 is not defined for registering authority 9'],
    ['99', 'category 9 is not defined for registering authority 9'],
    ['Y2', 'category 2 is not defined for registering authority Y'],
    ['B1', 'registering authority code B is not defined'],
    ['01', 'registering authority code 0 is not defined'],
  ])('rejects the undefined combination %s even with a correct check character', (prefix, message) => {
    const result = parseUscc(aUscc(prefix));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('USCC_CATEGORY');
      expect(result.error.message).toContain(message);
    }
  });

  it('accepts an agricultural collective (N), which a [1-9A-GY] pattern would wrongly reject', () => {
    const result = parseUscc(aUscc('N2', '330881'));
    expect(result.ok && result.value.kind).toBe(LegalEntityKind.RURAL_COLLECTIVE);
    expect(result.ok && result.value.registeringAuthority.name).toBe('农业');
    expect(result.ok && result.value.category.name).toBe('村级集体经济组织');
  });

  it('accepts a code whose embedded organisation code fails its own check, with a warning', () => {
    const body = '70846113';
    const wrongInnerCheck = organisationCodeCheckCharacter(body) === '5' ? '4' : '5';
    const code = withCheck(`91440300${body}${wrongInnerCheck}`);
    const result = parseUscc(code);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.warnings).toEqual([
        {
          code: 'USCC_ORGANISATION_CODE_CHECK',
          message: `embedded organisation code ${body}${wrongInnerCheck} has check character ${wrongInnerCheck}, expected 6`,
        },
      ]);
    }
  });

  it('warns when the area code is not six digits', () => {
    const result = parseUscc(aUscc('91', '33A106'));
    expect(result.ok && result.value.warnings.map((warning) => warning.code)).toEqual(['USCC_AREA_CODE']);
  });

  it.each([
    ['11', LegalEntityKind.GOVERNMENT_BODY],
    ['12', LegalEntityKind.PUBLIC_INSTITUTION],
    ['13', LegalEntityKind.MASS_ORGANISATION],
    ['19', LegalEntityKind.OTHER],
    ['21', LegalEntityKind.FOREIGN_REPRESENTATIVE],
    ['29', LegalEntityKind.OTHER],
    ['31', LegalEntityKind.LEGAL_SERVICE],
    ['32', LegalEntityKind.LEGAL_SERVICE],
    ['33', LegalEntityKind.LEGAL_SERVICE],
    ['34', LegalEntityKind.LEGAL_SERVICE],
    ['35', LegalEntityKind.LEGAL_SERVICE],
    ['39', LegalEntityKind.OTHER],
    ['41', LegalEntityKind.FOREIGN_REPRESENTATIVE],
    ['49', LegalEntityKind.OTHER],
    ['51', LegalEntityKind.SOCIAL_ORGANISATION],
    ['52', LegalEntityKind.PRIVATE_NON_ENTERPRISE],
    ['53', LegalEntityKind.FOUNDATION],
    ['59', LegalEntityKind.OTHER],
    ['61', LegalEntityKind.FOREIGN_REPRESENTATIVE],
    ['62', LegalEntityKind.FOREIGN_REPRESENTATIVE],
    ['69', LegalEntityKind.OTHER],
    ['71', LegalEntityKind.RELIGIOUS],
    ['72', LegalEntityKind.RELIGIOUS],
    ['79', LegalEntityKind.OTHER],
    ['81', LegalEntityKind.TRADE_UNION],
    ['89', LegalEntityKind.OTHER],
    ['91', LegalEntityKind.ENTERPRISE],
    ['92', LegalEntityKind.INDIVIDUAL_BUSINESS],
    ['93', LegalEntityKind.FARMER_COOPERATIVE],
    ['A1', LegalEntityKind.PUBLIC_INSTITUTION],
    ['A9', LegalEntityKind.OTHER],
    ['N1', LegalEntityKind.RURAL_COLLECTIVE],
    ['N2', LegalEntityKind.RURAL_COLLECTIVE],
    ['N3', LegalEntityKind.RURAL_COLLECTIVE],
    ['N9', LegalEntityKind.OTHER],
    ['Y1', LegalEntityKind.OTHER],
  ])('decodes authority+category %s as %s', (prefix, kind) => {
    const result = parseUscc(aUscc(prefix));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.kind).toBe(kind);
      expect(result.value.registeringAuthority.code + result.value.category.code).toBe(prefix);
      expect(result.value.registeringAuthority.nameEn.length).toBeGreaterThan(0);
      expect(result.value.category.nameEn.length).toBeGreaterThan(0);
      expect(result.value.warnings).toEqual([]);
    }
  });
});

describe('usccCheckCharacter', () => {
  it('computes the check characters of the published examples', () => {
    expect(usccCheckCharacter('11100000000013338')).toBe('W');
    expect(usccCheckCharacter('11330105002500287')).toBe('C');
  });

  it('maps a weighted sum that is a multiple of 31 onto 0, not onto the 32nd character', () => {
    expect(usccCheckCharacter('00000000000000000')).toBe('0');
  });

  it.each(['1110000000001333', '111000000000I3338', '11100000000013338W'])('refuses %j', (first17) => {
    expect(() => usccCheckCharacter(first17)).toThrow(RangeError);
  });
});

describe('isValidUscc', () => {
  it('agrees with parseUscc', () => {
    expect(isValidUscc('11100000000013338W')).toBe(true);
    expect(isValidUscc('11100000000013338X')).toBe(false);
  });
});
