import { describe, expect, it } from 'vitest';
import { parseCitizenId } from './citizen-id.js';
import { isDivisionInForce } from './division-codes.js';
import { generateCitizenId, generateUscc, seededRandom } from './generators.js';
import { parseUscc, USCC_CHARSET } from './uscc.js';
import { LegalEntityKind } from './uscc-categories.js';

const COUNT = 500;
const TODAY = '2025-06-30';
const CITIZEN_ID_CHARACTERS = '0123456789X';

// Replace one character at a random position by a different one from the same alphabet.
function mutateOne(random: () => number, value: string, alphabet: string): string {
  const position = Math.floor(random() * value.length);
  const choices = [...alphabet].filter((character) => character !== value[position]);
  const replacement = choices[Math.floor(random() * choices.length)] ?? '';
  return value.slice(0, position) + replacement + value.slice(position + 1);
}

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const take = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => random());
    };
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
  });

  it('stays within [0, 1)', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 10_000; i += 1) {
      const value = random();
      expect(value >= 0 && value < 1).toBe(true);
    }
  });
});

describe('generateCitizenId', () => {
  it(`generates ${COUNT} IDs that all parse, with area codes in force in the table`, () => {
    const random = seededRandom(2017);
    for (let i = 0; i < COUNT; i += 1) {
      const id = generateCitizenId(random);
      const result = parseCitizenId(id, { today: TODAY });
      expect(result.ok, id).toBe(true);
      expect(isDivisionInForce(id.slice(0, 6), '2024-12-31'), id).toBe(true);
    }
  });

  it(`rejects each of ${COUNT} generated IDs after one character is changed`, () => {
    const random = seededRandom(11643);
    for (let i = 0; i < COUNT; i += 1) {
      const mutated = mutateOne(random, generateCitizenId(random), CITIZEN_ID_CHARACTERS);
      const result = parseCitizenId(mutated, { today: TODAY });
      expect(result.ok, mutated).toBe(false);
      if (!result.ok) expect(['CITIZEN_ID_CHECK_DIGIT', 'CITIZEN_ID_FORMAT']).toContain(result.error.code);
    }
  });

  it('honours the requested area code, birth date and gender', () => {
    const random = seededRandom(1);
    for (const gender of ['male', 'female'] as const) {
      const id = generateCitizenId(random, { areaCode: '440606', birthDate: '1988-02-29', gender });
      const result = parseCitizenId(id, { today: TODAY });
      expect(result.ok && result.value).toMatchObject({ areaCode: '440606', birthDate: '1988-02-29', gender });
    }
  });

  it('gives the same IDs for the same seed', () => {
    const run = () => {
      const random = seededRandom(99);
      return Array.from({ length: 20 }, () => generateCitizenId(random));
    };
    expect(run()).toEqual(run());
  });

  it('refuses impossible options', () => {
    const random = seededRandom(1);
    expect(() => generateCitizenId(random, { areaCode: '4406' })).toThrow(RangeError);
    expect(() => generateCitizenId(random, { birthDate: '1949-02-30' })).toThrow(RangeError);
  });
});

describe('generateUscc', () => {
  it(`generates ${COUNT} codes that all parse without warnings`, () => {
    const random = seededRandom(32100);
    const kinds = new Set<LegalEntityKind>();
    for (let i = 0; i < COUNT; i += 1) {
      const code = generateUscc(random);
      const result = parseUscc(code);
      expect(result.ok, code).toBe(true);
      if (result.ok) {
        expect(result.value.warnings, code).toEqual([]);
        kinds.add(result.value.kind);
      }
    }
    // Every kind is reachable from a random authority+category.
    expect(kinds.size).toBe(Object.keys(LegalEntityKind).length);
  });

  it(`rejects each of ${COUNT} generated codes after one character is changed`, () => {
    const random = seededRandom(31);
    for (let i = 0; i < COUNT; i += 1) {
      const mutated = mutateOne(random, generateUscc(random), USCC_CHARSET);
      const result = parseUscc(mutated);
      expect(result.ok ? undefined : result.error.code, mutated).toBe('USCC_CHECK_DIGIT');
    }
  });

  it('honours the requested authority, category and area code', () => {
    const random = seededRandom(5);
    const result = parseUscc(generateUscc(random, { authority: 'N', category: '1', areaCode: '330881' }));
    expect(result.ok && result.value).toMatchObject({ kind: LegalEntityKind.RURAL_COLLECTIVE, areaCode: '330881' });
    const enterprise = parseUscc(generateUscc(random, { authority: '9', category: '1' }));
    expect(enterprise.ok && enterprise.value.kind).toBe(LegalEntityKind.ENTERPRISE);
  });

  it('refuses an undefined authority or category', () => {
    const random = seededRandom(1);
    expect(() => generateUscc(random, { authority: 'B' })).toThrow(RangeError);
    expect(() => generateUscc(random, { authority: '9', category: '9' })).toThrow(RangeError);
    expect(() => generateUscc(random, { areaCode: '33010' })).toThrow(RangeError);
  });
});
