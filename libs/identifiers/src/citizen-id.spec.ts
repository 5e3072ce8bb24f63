import { describe, expect, it } from 'vitest';
import {
  citizenIdCheckDigit,
  convertCitizenId15To18,
  isValidCitizenId,
  parseCitizenId,
  type CitizenIdResult,
} from './citizen-id.js';

const TODAY = '2025-06-30';
const STANDARD_EXAMPLE = '11010519491231002X';

function withCheckDigit(first17: string): string {
  return first17 + citizenIdCheckDigit(first17);
}

function errorCode(result: CitizenIdResult): string | undefined {
  return result.ok ? undefined : result.error.code;
}

describe('parseCitizenId', () => {
  it("accepts the standard's example 11010519491231002X as a woman born 1949-12-31 in 110105", () => {
    expect(parseCitizenId(STANDARD_EXAMPLE, { today: TODAY })).toEqual({
      ok: true,
      value: {
        idNumber: STANDARD_EXAMPLE,
        areaCode: '110105',
        birthDate: '1949-12-31',
        gender: 'female',
        sequence: '002',
        legacy15: false,
      },
    });
  });

  it('accepts a lower-case x check character and normalises it to X', () => {
    const result = parseCitizenId('11010519491231002x', { today: TODAY });
    expect(result.ok && result.value.idNumber).toBe(STANDARD_EXAMPLE);
  });

  it('ignores surrounding whitespace', () => {
    expect(isValidCitizenId(`  ${STANDARD_EXAMPLE}\n`, { today: TODAY })).toBe(true);
  });

  it('reads an odd sequence as male', () => {
    const result = parseCitizenId(withCheckDigit('33010619850715123'), { today: TODAY });
    expect(result.ok && result.value.gender).toBe('male');
  });

  it('names the wrong and the expected check digit', () => {
    expect(parseCitizenId('110105194912310023', { today: TODAY })).toEqual({
      ok: false,
      error: { code: 'CITIZEN_ID_CHECK_DIGIT', message: 'check digit is 3, expected X' },
    });
  });

  it('rejects every single-character substitution of a valid ID with the check-digit code, or the format code when a letter lands among the digits', () => {
    const alphabet = '0123456789X';
    let mutations = 0;
    for (let position = 0; position < 18; position += 1) {
      for (const replacement of alphabet) {
        if (replacement === STANDARD_EXAMPLE[position]) continue;
        const mutated = STANDARD_EXAMPLE.slice(0, position) + replacement + STANDARD_EXAMPLE.slice(position + 1);
        const expected = replacement === 'X' && position < 17 ? 'CITIZEN_ID_FORMAT' : 'CITIZEN_ID_CHECK_DIGIT';
        expect(errorCode(parseCitizenId(mutated, { today: TODAY })), mutated).toBe(expected);
        mutations += 1;
      }
    }
    expect(mutations).toBe(18 * 10);
  });

  it.each([
    ['19490230', 'not a real calendar date'],
    ['19491301', 'not a real calendar date'],
    ['19000229', 'not a real calendar date'],
    ['20991231', 'in the future'],
    ['18991231', 'before 1900-01-01'],
  ])('rejects birth date %s as %s', (yyyymmdd, reason) => {
    const result = parseCitizenId(withCheckDigit(`110105${yyyymmdd}002`), { today: TODAY });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('CITIZEN_ID_BIRTH_DATE');
      expect(result.error.message).toContain(reason);
    }
  });

  it.each(['20000229', '19000101'])('accepts the boundary birth date %s', (yyyymmdd) => {
    expect(isValidCitizenId(withCheckDigit(`110105${yyyymmdd}002`), { today: TODAY })).toBe(true);
  });

  it('accepts a birth date of today and rejects tomorrow', () => {
    expect(isValidCitizenId(withCheckDigit('11010520250630002'), { today: TODAY })).toBe(true);
    expect(isValidCitizenId(withCheckDigit('11010520250701002'), { today: TODAY })).toBe(false);
  });

  it('reads a Date for today in Beijing time', () => {
    // 17:00 UTC on 1 March is already 2 March in Beijing.
    const today = new Date('2024-03-01T17:00:00Z');
    expect(isValidCitizenId(withCheckDigit('11010520240302002'), { today })).toBe(true);
  });

  it.each([
    ['330103', 'a code retired in 2021 (legal for IDs issued before)'],
    ['339005', 'a pre-1995 province-administered city code'],
    ['710000', 'Taiwan'],
    ['810000', "a Hong Kong resident's residence permit"],
    ['830000', "a Taiwan resident's residence permit"],
    ['469001', 'a county code the division table does not list'],
  ])('accepts area code %s (%s)', (areaCode) => {
    expect(isValidCitizenId(withCheckDigit(`${areaCode}19800101002`), { today: TODAY })).toBe(true);
  });

  it.each(['000000', '100000', '160000', '390000', '910000', '990000'])(
    'rejects area code %s whose first two digits are no province',
    (areaCode) => {
      expect(errorCode(parseCitizenId(withCheckDigit(`${areaCode}19800101002`), { today: TODAY }))).toBe(
        'CITIZEN_ID_AREA_CODE',
      );
    },
  );

  it.each([
    ['', 'got 0'],
    ['1101051949123100', 'got 16'],
    ['1101051949123100211', 'got 19'],
    ['11010519491231A02X', 'character 15 is "A"'],
    ['11010519491231002Y', 'check character is "Y"'],
    ['11010549123100A', 'character 15 is "A"'],
  ])('rejects %j as badly formed (%s)', (input, detail) => {
    const result = parseCitizenId(input, { today: TODAY });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('CITIZEN_ID_FORMAT');
      expect(result.error.message).toContain(detail);
    }
  });
});

describe('15-digit legacy numbers', () => {
  const legacy = '110105491231002';

  it('converts to the 18-character number with century 19 and a check digit', () => {
    expect(convertCitizenId15To18(legacy)).toBe(STANDARD_EXAMPLE);
  });

  it('parses to the same person as the 18-character number, flagged legacy15', () => {
    const fromLegacy = parseCitizenId(legacy, { today: TODAY });
    const fromModern = parseCitizenId(STANDARD_EXAMPLE, { today: TODAY });
    expect(fromLegacy.ok && fromModern.ok).toBe(true);
    if (fromLegacy.ok && fromModern.ok) {
      expect(fromLegacy.value).toEqual({ ...fromModern.value, legacy15: true });
    }
  });

  it.each(['110105491231002', '440602850101001', '330103991231998', '330821000101013'])(
    'round-trips %s: 15 → 18 → 15 gives the original back',
    (id15) => {
      const id18 = convertCitizenId15To18(id15);
      expect(id18.slice(6, 8)).toBe('19');
      expect(id18.slice(0, 6) + id18.slice(8, 17)).toBe(id15);
      expect(parseCitizenId(id18, { today: TODAY }).ok).toBe(true);
    },
  );

  it('rejects a legacy number with an impossible date', () => {
    expect(errorCode(parseCitizenId('110105490230002', { today: TODAY }))).toBe('CITIZEN_ID_BIRTH_DATE');
  });

  it('refuses to convert anything but 15 digits', () => {
    expect(() => convertCitizenId15To18('11010549123100')).toThrow(RangeError);
    expect(() => convertCitizenId15To18('11010549123100X')).toThrow(RangeError);
  });
});

describe('citizenIdCheckDigit', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44060219850101001', '7'],
    ['33010619850715123', '5'],
  ])('computes the check digit of %s', (first17, expected) => {
    expect(citizenIdCheckDigit(first17)).toBe(expected);
  });

  it('maps every remainder mod 11 onto 1 0 X 9 8 7 6 5 4 3 2', () => {
    // Only the last weighted position (weight 2) varies: the remainders cover all of 0..10.
    const seen = new Set<string>();
    for (let a = 0; a < 10; a += 1) {
      for (let b = 0; b < 10; b += 1) seen.add(citizenIdCheckDigit(`110105194912310${a}${b}`));
    }
    expect([...seen].sort()).toEqual([...'0123456789X'].sort());
  });

  it('refuses input that is not 17 digits', () => {
    expect(() => citizenIdCheckDigit('1101051949123100')).toThrow(RangeError);
    expect(() => citizenIdCheckDigit('1101051949123100A')).toThrow(RangeError);
  });
});
