import { describe, expect, it } from 'vitest';
import { ETHNICITY_CODES, FAMILY_RELATION_CODES, MARITAL_STATUS_CODES } from './national-codes.js';

describe('national code tables', () => {
  it('lists the 56 ethnic groups of GB 3304 plus 97 and 98', () => {
    expect(ETHNICITY_CODES.size).toBe(58);
    expect(ETHNICITY_CODES.get('01')).toBe('汉族');
    expect(ETHNICITY_CODES.get('22')).toBe('畲族');
    expect(ETHNICITY_CODES.get('56')).toBe('基诺族');
    expect(ETHNICITY_CODES.has('57')).toBe(false);
  });

  it('has the marital status and family relation codes written as two digits', () => {
    for (const code of [...MARITAL_STATUS_CODES.keys(), ...FAMILY_RELATION_CODES.keys()])
      expect(code).toMatch(/^\d{2}$/);
    expect(MARITAL_STATUS_CODES.get('20')).toBe('已婚');
    expect(FAMILY_RELATION_CODES.get('02')).toBe('户主');
    expect(FAMILY_RELATION_CODES.get('10')).toBe('配偶');
  });
});
