import { describe, expect, it } from 'vitest';
import { organisationCodeCheckCharacter } from './organisation-code.js';

describe('organisationCodeCheckCharacter', () => {
  it.each([
    ['D2143569', 'X', "GB 11714's own example D2143569-X: remainder 1 maps to 10, written X"],
    ['00000000', '0', 'a zero sum maps to 11, written 0'],
    ['00001333', '8', 'embedded in the published USCC 11100000000013338W'],
    ['00250028', '7', 'embedded in the published USCC 11330105002500287C'],
    ['70846113', '6', 'embedded in the published USCC 91440300708461136T'],
  ])('gives %s the check character %s (%s)', (first8, expected) => {
    expect(organisationCodeCheckCharacter(first8)).toBe(expected);
  });

  it('values letters A–Z as 10–35', () => {
    // Only the last position (weight 2) differs: A (10) and 0 differ by 20 ≡ 9 (mod 11).
    const withLetter = organisationCodeCheckCharacter('0000000A');
    const withDigit = organisationCodeCheckCharacter('00000000');
    expect([withLetter, withDigit]).toEqual(['2', '0']);
  });

  it.each(['0000000', '000000000', 'd2143569', 'D2143-69'])(
    'refuses %j, which is not 8 digits or capitals',
    (first8) => {
      expect(() => organisationCodeCheckCharacter(first8)).toThrow(RangeError);
    },
  );
});
