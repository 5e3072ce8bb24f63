import { describe, expect, it } from 'vitest';
import {
  E_LICENCE_ID_CHARSET,
  eLicenceIdCheckCharacter,
  formatELicenceId,
  isValidELicenceId,
  isValidMod3736,
  parseELicenceId,
  type ELicenceIdParts,
  type ELicenceIdResult,
} from './e-licence-id.js';
import { generateUscc, seededRandom, type RandomSource } from './generators.js';
import { usccCheckCharacter } from './uscc.js';

// 佛山市市场监督管理局 and a central government body (DOMAIN.md).
const FOSHAN_SAMR = '11440600MB2C50125L';
const CENTRAL_BODY = '11100000000013338W';

const SAMPLE_PARTS: ELicenceIdParts = {
  typeCode: `${CENTRAL_BODY}009`,
  issuerUscc: FOSHAN_SAMR,
  serial: '2024000123',
  version: '001',
};
const SAMPLE = `1.2.156.3005.2.${CENTRAL_BODY}009.${FOSHAN_SAMR}.2024000123.001.1`;

function errorCode(result: ELicenceIdResult): string | undefined {
  return result.ok ? undefined : result.error.code;
}

function randomCode(random: RandomSource, minLength: number, maxLength: number): string {
  const length = minLength + Math.floor(random() * (maxLength - minLength + 1));
  let code = '';
  for (let i = 0; i < length; i += 1) code += E_LICENCE_ID_CHARSET.charAt(Math.floor(random() * 36));
  return code;
}

// Positions in the identifier of the characters covered by the check (segments 6–9), in order.
function dataPositions(id: string): number[] {
  const checkStart = id.lastIndexOf('.') + 1;
  const dataStart = '1.2.156.3005.2.'.length;
  const positions: number[] = [];
  for (let i = dataStart; i < checkStart; i += 1) if (id.charAt(i) !== '.') positions.push(i);
  return positions;
}

function replaceAt(text: string, position: number, character: string): string {
  return text.slice(0, position) + character + text.slice(position + 1);
}

describe('eLicenceIdCheckCharacter', () => {
  it('computes the hybrid MOD 37,36 check of "A1" as worked by hand', () => {
    // Values: A = 10, 1 = 1. Start with p = 36.
    //   A: s = (36 + 10) mod 36 = 10;  p = 2·10 mod 37 = 20
    //   1: s = (20 + 1) mod 36 = 21;   p = 2·21 mod 37 = 42 − 37 = 5
    // Check value (37 − 5) mod 36 = 32, the character W (A = 10 … W = 32).
    // Proof with the check appended, W = 32: s = (5 + 32) mod 36 = 37 mod 36 = 1, as ISO 7064 requires.
    expect(eLicenceIdCheckCharacter('A1')).toBe('W');
    expect(isValidMod3736('A1W')).toBe(true);
  });

  it('reads s = 0 as 36, and maps p = 1 onto check 0 rather than a 37th character', () => {
    // "0": s = (36 + 0) mod 36 = 0 → 36; p = 72 mod 37 = 35; check (37 − 35) mod 36 = 2.
    expect(eLicenceIdCheckCharacter('0')).toBe('2');
    // "IJ": I = 18 → s = 18, p = 36; J = 19 → s = (36 + 19) mod 36 = 19, p = 38 mod 37 = 1;
    // check (37 − 1) mod 36 = 0.
    expect(eLicenceIdCheckCharacter('IJ')).toBe('0');
  });

  it.each([
    [
      '1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0',
      'seen in an OFD file name in Zhejiang',
    ],
    ['1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S', 'published format example'],
    ['1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U', 'same, version 001'],
    ['1.2.156.3005.2.11100000000013338W087.11370800MB28559184.37080001202411010001.001.3', 'published test data'],
  ])('agrees with the check character of %s (%s)', (id) => {
    const segments = id.split('.');
    expect(eLicenceIdCheckCharacter(segments.slice(5, 9).join(''))).toBe(segments[9]);
  });

  it('agrees with the ISO 7064 validity recursion on many random inputs', () => {
    // isValidMod3736 runs the recursion over data + check and requires the final s to be 1; the
    // check character solves for that. Exactly one of the 36 candidates may pass.
    const random = seededRandom(36904);
    for (let round = 0; round < 2000; round += 1) {
      const data = randomCode(random, 1, 120);
      const check = eLicenceIdCheckCharacter(data);
      for (const candidate of E_LICENCE_ID_CHARSET) {
        expect(isValidMod3736(data + candidate), `${data}+${candidate}`).toBe(candidate === check);
      }
    }
  });

  it('catches every single substitution in random data and in the check', () => {
    const random = seededRandom(17710);
    for (let round = 0; round < 200; round += 1) {
      const valid = randomCode(random, 1, 60);
      const withCheck = valid + eLicenceIdCheckCharacter(valid);
      for (let position = 0; position < withCheck.length; position += 1) {
        for (const replacement of E_LICENCE_ID_CHARSET) {
          if (replacement === withCheck[position]) continue;
          expect(isValidMod3736(replaceAt(withCheck, position, replacement))).toBe(false);
        }
      }
    }
  });

  it('misses an adjacent transposition only for the 36 consecutive pairs landing on s = 18 and 19', () => {
    // A hybrid system does NOT catch every adjacent transposition: if the two characters, added to
    // the running p, give s = 18 and s = 19, both orders lead to the same state (2·18 = 36 and
    // 2·19 ≡ 1 (mod 37), and the next step adds one more to the smaller). One leading character
    // reaches every state p = 1..36, so this enumerates every case, including the check position.
    const missed: string[] = [];
    for (const lead of E_LICENCE_ID_CHARSET) {
      for (const a of E_LICENCE_ID_CHARSET) {
        for (const b of E_LICENCE_ID_CHARSET) {
          if (a >= b) continue;
          if (eLicenceIdCheckCharacter(lead + a + b) === eLicenceIdCheckCharacter(lead + b + a))
            missed.push(lead + a + b);
        }
      }
    }
    expect(missed).toHaveLength(36);
    for (const triple of missed) {
      const [a, b] = [E_LICENCE_ID_CHARSET.indexOf(triple.charAt(1)), E_LICENCE_ID_CHARSET.indexOf(triple.charAt(2))];
      expect((b - a + 36) % 36 === 1 || (a - b + 36) % 36 === 1, triple).toBe(true);
    }
    // The smallest such case: "IJ" and "JI" share the check 0.
    expect(eLicenceIdCheckCharacter('JI')).toBe(eLicenceIdCheckCharacter('IJ'));
  });

  it.each(['', 'a1', 'A.1', 'A-1', 'A 1', 'É'])('refuses %j', (data) => {
    expect(() => eLicenceIdCheckCharacter(data)).toThrow(RangeError);
  });
});

describe('parseELicenceId', () => {
  it('splits a valid identifier into its parts', () => {
    expect(parseELicenceId(SAMPLE)).toEqual({
      ok: true,
      value: { id: SAMPLE, ...SAMPLE_PARTS, check: '1' },
    });
    expect(isValidELicenceId(SAMPLE)).toBe(true);
  });

  it('normalises lower case and surrounding whitespace', () => {
    const result = parseELicenceId(`  ${SAMPLE.toLowerCase()}\n`);
    expect(result.ok && result.value.id).toBe(SAMPLE);
  });

  it('rejects every single-character substitution of the sample, naming the right problem', () => {
    let mutations = 0;
    const issuerStart = SAMPLE.indexOf(FOSHAN_SAMR);
    const versionStart = SAMPLE.lastIndexOf('.001.') + 1;
    for (const position of dataPositions(SAMPLE)) {
      for (const replacement of E_LICENCE_ID_CHARSET) {
        if (replacement === SAMPLE[position]) continue;
        const mutated = replaceAt(SAMPLE, position, replacement);
        let expected = 'ELICENCE_ID_CHECK';
        // The issuer's own MOD 31 check catches its substitutions first; a letter breaks the version.
        if (position >= issuerStart && position < issuerStart + 18) expected = 'ELICENCE_ID_ISSUER';
        else if (position >= versionStart && /[A-Z]/.test(replacement)) expected = 'ELICENCE_ID_FORMAT';
        expect(errorCode(parseELicenceId(mutated)), mutated).toBe(expected);
        mutations += 1;
      }
    }
    expect(mutations).toBe(dataPositions(SAMPLE).length * 35);
  });

  it('rejects every substitution of the check character', () => {
    for (const replacement of E_LICENCE_ID_CHARSET) {
      if (replacement === '1') continue;
      expect(parseELicenceId(replaceAt(SAMPLE, SAMPLE.length - 1, replacement))).toEqual({
        ok: false,
        error: { code: 'ELICENCE_ID_CHECK', message: `check character is ${replacement}, expected 1` },
      });
    }
  });

  it.each([SAMPLE, '1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0'])(
    'rejects every adjacent transposition of distinct characters in %s, across dots and with the check',
    (id) => {
      const positions = [...dataPositions(id), id.length - 1];
      let transpositions = 0;
      for (let i = 0; i + 1 < positions.length; i += 1) {
        const [left, right] = [positions[i], positions[i + 1]];
        if (id[left] === id[right]) continue;
        const swapped = replaceAt(replaceAt(id, left, id.charAt(right)), right, id.charAt(left));
        expect(isValidELicenceId(swapped), swapped).toBe(false);
        // Caught by MOD 37,36 itself, not only by the issuer's own check.
        const data = swapped.split('.').slice(5).join('');
        expect(isValidMod3736(data), swapped).toBe(false);
        transpositions += 1;
      }
      expect(transpositions).toBeGreaterThan(20);
    },
  );

  it('accepts a type code, serial and check drawing on letters USCCs never use', () => {
    const serial = '209FA4E88F9E4C878F3E9BED2CE7EA49';
    const id = formatELicenceId({ typeCode: 'SZOV1', issuerUscc: CENTRAL_BODY, serial, version: '003' });
    expect(isValidELicenceId(id)).toBe(true);
  });

  it.each([
    ['', 'starts with 1.2.156.3005.2.'],
    ['2.2.156.3005.2.A.11100000000013338W.1.001.X', 'starts with 1.2.156.3005.2.'],
    ['1.2.156.3005.20.A.11100000000013338W.1.001.X', 'starts with 1.2.156.3005.2.'],
    ['1.2.156.3005.2', 'got 0'],
    ['1.2.156.3005.2.A.11100000000013338W.1.001', 'got 4'],
    ['1.2.156.3005.2.A.11100000000013338W.1.001.X.', 'got 6'],
    ['1.2.156.3005.2.A.11100000000013338W.1.2.001.X', 'got 6'],
    ['1.2.156.3005.2..11100000000013338W.1.001.X', 'licence type code (segment 6) is empty'],
    [`1.2.156.3005.2.${'1'.repeat(41)}.11100000000013338W.1.001.X`, 'licence type code (segment 6) has 41 characters'],
    ['1.2.156.3005.2.A_1.11100000000013338W.1.001.X', 'licence type code (segment 6) has "_" at character 2'],
    ['1.2.156.3005.2.A..1.001.X', 'issuer USCC (segment 7) is empty'],
    ['1.2.156.3005.2.A.1110000000001333-W.1.001.X', 'issuer USCC (segment 7) has "-" at character 17'],
    ['1.2.156.3005.2.A.11100000000013338W..001.X', 'serial (segment 8) is empty'],
    [`1.2.156.3005.2.A.11100000000013338W.${'Z'.repeat(41)}.001.X`, 'serial (segment 8) has 41 characters'],
    ['1.2.156.3005.2.A.11100000000013338W.2024 01.001.X', 'serial (segment 8) has " " at character 5'],
    ['1.2.156.3005.2.A.11100000000013338W.1.01.X', 'version (segment 9) must be exactly 3 digits, got 2 characters'],
    ['1.2.156.3005.2.A.11100000000013338W.1.0001.X', 'version (segment 9) must be exactly 3 digits, got 4 characters'],
    ['1.2.156.3005.2.A.11100000000013338W.1.00A.X', 'version (segment 9) must be exactly 3 digits, got "00A"'],
    ['1.2.156.3005.2.A.11100000000013338W.1.001.', 'check (segment 10) must be one character'],
    ['1.2.156.3005.2.A.11100000000013338W.1.001.XY', 'check (segment 10) must be one character'],
    ['1.2.156.3005.2.A.11100000000013338W.1.001.-', 'check (segment 10) must be one character'],
  ])('rejects %j as ELICENCE_ID_FORMAT: %s', (id, message) => {
    const result = parseELicenceId(id);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('ELICENCE_ID_FORMAT');
      expect(result.error.message).toContain(message);
    }
  });

  it.each([
    ['11100000000013338X', 'check character is X, expected W'],
    ['1110000000001333', 'USCC must be 18 characters, got 16'],
    ['11100000000013338WW', 'USCC must be 18 characters, got 19'],
    ['111000000000I3338W', 'character 13 is "I"'],
    ['B1100000000013338W', 'check character is W'],
  ])('rejects the issuer %s as ELICENCE_ID_ISSUER, with the USCC error', (issuer, uscc) => {
    const data = `A${issuer}1001`;
    const id = `1.2.156.3005.2.A.${issuer}.1.001.${eLicenceIdCheckCharacter(data)}`;
    const result = parseELicenceId(id);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('ELICENCE_ID_ISSUER');
      expect(result.error.message).toContain(`issuer USCC ${issuer} is invalid`);
      expect(result.error.message).toContain(uscc);
    }
  });

  it('rejects an issuer with a valid check but an undefined category', () => {
    // Registering authority B does not exist; the USCC's own check character is right.
    const issuer = `B1100000000013338${usccCheckCharacter('B1100000000013338')}`;
    const result = parseELicenceId(`1.2.156.3005.2.A.${issuer}.1.001.0`);
    expect(errorCode(result)).toBe('ELICENCE_ID_ISSUER');
    expect(!result.ok && result.error.message).toContain('registering authority code B is not defined');
  });

  it('checks the issuer before the check character', () => {
    expect(errorCode(parseELicenceId('1.2.156.3005.2.A.11100000000013338X.1.001.0'))).toBe('ELICENCE_ID_ISSUER');
  });

  it('never throws, whatever the input', () => {
    const random = seededRandom(7);
    const alphabet = `${E_LICENCE_ID_CHARSET}.abc -_é中\u0000`;
    for (let round = 0; round < 2000; round += 1) {
      let input = '1.2.156.3005.2.';
      const length = Math.floor(random() * 60);
      for (let i = 0; i < length; i += 1) input += alphabet.charAt(Math.floor(random() * alphabet.length));
      expect(() => parseELicenceId(input)).not.toThrow();
    }
  });
});

describe('formatELicenceId', () => {
  it('builds the sample, check character included', () => {
    expect(formatELicenceId(SAMPLE_PARTS)).toBe(SAMPLE);
  });

  it('round-trips through parseELicenceId for random parts', () => {
    const random = seededRandom(3005);
    const issuers = [FOSHAN_SAMR, CENTRAL_BODY, ...Array.from({ length: 20 }, () => generateUscc(random))];
    for (let round = 0; round < 500; round += 1) {
      const parts: ELicenceIdParts = {
        typeCode: randomCode(random, 1, 40),
        issuerUscc: issuers[Math.floor(random() * issuers.length)],
        serial: randomCode(random, 1, 40),
        version: String(Math.floor(random() * 1000)).padStart(3, '0'),
      };
      const id = formatELicenceId(parts);
      const result = parseELicenceId(id);
      expect(result.ok, id).toBe(true);
      if (result.ok) {
        expect(result.value).toEqual({ id, ...parts, check: id.charAt(id.length - 1) });
        expect(isValidMod3736(id.split('.').slice(5).join(''))).toBe(true);
      }
    }
  });

  it('normalises the parts like parsed input', () => {
    const parts = { ...SAMPLE_PARTS, issuerUscc: ` ${FOSHAN_SAMR.toLowerCase()} `, serial: ' 2024000123' };
    expect(formatELicenceId(parts)).toBe(SAMPLE);
  });

  it.each([
    [{ typeCode: '' }, 'licence type code (segment 6) is empty'],
    [{ typeCode: 'A.B' }, 'licence type code (segment 6) has "." at character 2'],
    [
      { issuerUscc: '11440600MB2C50125M' },
      'issuer USCC 11440600MB2C50125M is invalid: check character is M, expected L',
    ],
    [{ serial: '1'.repeat(41) }, 'serial (segment 8) has 41 characters'],
    [{ version: '1' }, 'version (segment 9) must be exactly 3 digits'],
  ])('throws a RangeError for the invalid part %j', (change, message) => {
    const format = () => formatELicenceId({ ...SAMPLE_PARTS, ...change });
    expect(format).toThrow(RangeError);
    expect(format).toThrow(`formatELicenceId: ${message}`);
  });
});
