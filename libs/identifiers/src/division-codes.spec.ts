import { afterEach, describe, expect, it } from 'vitest';
import { isIsoDate } from './calendar.js';
import {
  DIVISION_TABLE_VERSION,
  currentSuccessors,
  divisionChain,
  findDivision,
  isDivisionInForce,
  divisionFullName,
  extendDivisionTable,
  isKnownDivisionCode,
  listDivisions,
  parseDivisionCode,
  type DivisionCodeResult,
  type DivisionEntry,
  type DivisionTableExtension,
} from './division-codes.js';
import { DIVISION_TABLE } from './division-table.js';

const NOW = '2025-06-30';

function codes(entries: readonly DivisionEntry[]): string[] {
  return entries.map((entry) => entry.code).sort();
}

function errorCode(result: DivisionCodeResult): string | undefined {
  return result.ok ? undefined : result.error.code;
}

describe('the division table', () => {
  const byCode = new Map(DIVISION_TABLE.map((entry) => [entry.code, entry]));

  it('names its edition', () => {
    expect(DIVISION_TABLE_VERSION).toBe('2024');
  });

  it('lists each code once, as six digits, with real dates in order', () => {
    expect(byCode.size).toBe(DIVISION_TABLE.length);
    for (const entry of DIVISION_TABLE) {
      expect(entry.code, entry.code).toMatch(/^\d{6}$/);
      expect(isIsoDate(entry.validFrom), entry.code).toBe(true);
      if (entry.validTo !== null) {
        expect(isIsoDate(entry.validTo), entry.code).toBe(true);
        expect(entry.validTo > entry.validFrom, entry.code).toBe(true);
      }
    }
  });

  it('gives every entry a Chinese and an English name', () => {
    for (const entry of DIVISION_TABLE) {
      expect(entry.name.length, entry.code).toBeGreaterThan(0);
      expect(entry.nameEn?.length ?? 0, entry.code).toBeGreaterThan(0);
    }
  });

  it('links every division to an existing parent one level up (or to its province for province-administered cities)', () => {
    for (const entry of DIVISION_TABLE) {
      if (entry.level === 'province') {
        expect(entry.parent, entry.code).toBeNull();
        expect(entry.code.endsWith('0000'), entry.code).toBe(true);
        continue;
      }
      const parent = byCode.get(entry.parent ?? '');
      expect(parent, entry.code).toBeDefined();
      expect(entry.code.slice(0, 2)).toBe(parent?.code.slice(0, 2));
      if (entry.level === 'prefecture') expect(parent?.level, entry.code).toBe('province');
      if (entry.level === 'county' && parent?.level === 'prefecture') {
        expect(entry.code.slice(0, 4)).toBe(parent.code.slice(0, 4));
      }
    }
  });

  it('gives successors only to retired codes, and every successor is in the table and in force when its predecessor retires', () => {
    for (const entry of DIVISION_TABLE) {
      if (entry.validTo === null) {
        expect(entry.successors, entry.code).toBeUndefined();
        continue;
      }
      const retired = entry.validTo;
      for (const code of entry.successors ?? []) {
        const successor = byCode.get(code);
        expect(successor, `${entry.code} → ${code}`).toBeDefined();
        expect(successor !== undefined && successor.validFrom <= retired, `${entry.code} → ${code}`).toBe(true);
      }
    }
  });

  it('has all 34 province-level units in force', () => {
    expect(codes(listDivisions({ level: 'province', inForceAt: NOW }))).toEqual([
      '110000',
      '120000',
      '130000',
      '140000',
      '150000',
      '210000',
      '220000',
      '230000',
      '310000',
      '320000',
      '330000',
      '340000',
      '350000',
      '360000',
      '370000',
      '410000',
      '420000',
      '430000',
      '440000',
      '450000',
      '460000',
      '500000',
      '510000',
      '520000',
      '530000',
      '540000',
      '610000',
      '620000',
      '630000',
      '640000',
      '650000',
      '710000',
      '810000',
      '820000',
    ]);
  });

  it.each([
    ['440600', ['440604', '440605', '440606', '440607', '440608']],
    ['330800', ['330802', '330803', '330822', '330824', '330825', '330881']],
    [
      '330100',
      [
        '330102',
        '330105',
        '330106',
        '330108',
        '330109',
        '330110',
        '330111',
        '330112',
        '330113',
        '330114',
        '330122',
        '330127',
        '330182',
      ],
    ],
    ['110000', ['110100', '110105']],
  ])('has exactly the current divisions under %s', (under, expected) => {
    expect(codes(listDivisions({ under, inForceAt: NOW }))).toEqual(expected);
  });

  it.each([
    [
      '1999-06-30',
      '330100',
      [
        '330102',
        '330103',
        '330104',
        '330105',
        '330106',
        '330108',
        '330122',
        '330127',
        '330181',
        '330182',
        '330183',
        '330184',
        '330185',
      ],
    ],
    ['1999-06-30', '440600', ['440602', '440603', '440681', '440682', '440683', '440684']],
    ['1999-06-30', '330800', ['330802', '330821', '330822', '330824', '330825', '330881']],
    [
      '2016-01-01',
      '330100',
      [
        '330102',
        '330103',
        '330104',
        '330105',
        '330106',
        '330108',
        '330109',
        '330110',
        '330111',
        '330122',
        '330127',
        '330182',
        '330185',
      ],
    ],
  ])('on %s had the historical divisions under %s', (day, under, expected) => {
    expect(codes(listDivisions({ under, inForceAt: day }))).toEqual(expected);
  });
});

describe('findDivision', () => {
  it('finds current and retired codes alike without a date', () => {
    expect(findDivision('110105')?.name).toBe('朝阳区');
    expect(findDivision('330103')?.name).toBe('下城区');
    expect(findDivision('330199')).toBeUndefined();
  });

  it('finds a code only while it was in force when given a date', () => {
    expect(findDivision('330103', { at: '2021-04-08' })?.name).toBe('下城区');
    expect(findDivision('330103', { at: '2021-04-09' })).toBeUndefined();
    expect(findDivision('330114', { at: '2021-04-08' })).toBeUndefined();
    expect(findDivision('330114', { at: '2021-04-09' })?.name).toBe('钱塘区');
  });

  it('refuses a malformed date', () => {
    expect(() => findDivision('330103', { at: '2021-02-30' })).toThrow(RangeError);
  });
});

describe('isKnownDivisionCode and isDivisionInForce', () => {
  it('knows retired codes but reports them out of force', () => {
    expect(isKnownDivisionCode('440682')).toBe(true);
    expect(isDivisionInForce('440682', NOW)).toBe(false);
    expect(isDivisionInForce('440682', '2000-01-01')).toBe(true);
    expect(isDivisionInForce('440605', NOW)).toBe(true);
    expect(isKnownDivisionCode('440699')).toBe(false);
    expect(isDivisionInForce('440699', NOW)).toBe(false);
  });

  it('defaults to today', () => {
    expect(isDivisionInForce('330102')).toBe(true);
    expect(isDivisionInForce('330104')).toBe(false);
  });
});

describe('divisionChain', () => {
  it('lists the division and its ancestors, most specific first', () => {
    expect(divisionChain('110105').map((entry) => entry.code)).toEqual(['110105', '110100', '110000']);
    expect(divisionChain('330803').map((entry) => entry.name)).toEqual(['衢江区', '衢州市', '浙江省']);
  });

  it('is empty for an unknown code', () => {
    expect(divisionChain('999999')).toEqual([]);
  });
});

describe('currentSuccessors', () => {
  it.each([
    ['330104', ['330102', '330114'], '江干区 split between 上城区 and 钱塘区'],
    ['330103', ['330105'], '下城区 merged into 拱墅区'],
    ['330121', ['330109'], '萧山县 → 萧山市 339005 → 330181 → 萧山区'],
    ['330185', ['330112'], '临安市 → 临安区'],
    ['330183', ['330111'], '富阳市 → 富阳区'],
    ['330821', ['330803'], '衢县 → 衢江区'],
    ['440682', ['440604', '440605'], '南海市 → 南海区, with 南庄镇 to 禅城区'],
    ['440602', ['440604'], '城区 → 禅城区'],
    ['449023', ['440608'], '高明市 449023 → 440684 → 高明区'],
    ['330182', ['330182'], 'a code in force is its own successor'],
    ['440622', ['440604', '440605'], '南海县 → 南海市 449004 → 440682 → 南海区 and 禅城区'],
    ['440623', ['440606'], '顺德县 → 顺德市 449001 → 440681 → 顺德区'],
    ['440621', ['440607'], '三水县 → 三水市 449008 → 440683 → 三水区'],
    ['440624', ['440608'], '高明县 → 高明市 449023 → 440684 → 高明区'],
    ['442622', ['440604', '440605'], '佛山地区 南海县 → 440622 → … → 南海区 and 禅城区'],
    ['330107', ['330105'], '半山区 merged into 拱墅区'],
    ['330823', ['330881'], '江山县 → 江山市 339006 → 330881'],
    ['332428', ['330881'], '金华地区 江山县 → 330823 → … → 江山市'],
    ['999999', [], 'an unknown code has none'],
  ])('follows %s to %j (%s)', (code, expected) => {
    expect(codes(currentSuccessors(code, NOW))).toEqual(expected);
  });

  it('answers as of a past day', () => {
    expect(codes(currentSuccessors('339005', '2000-01-01'))).toEqual(['330181']);
  });
});

describe("Foshan's county codes of 1983–1992, and the three cities' other retired codes", () => {
  it.each([
    ['440621', '三水县', '1983-12-22', '1993-03-29', ['449008']],
    ['440622', '南海县', '1983-12-22', '1992-09-02', ['449004']],
    ['440623', '顺德县', '1983-12-22', '1992-03-26', ['449001']],
    ['440624', '高明县', '1983-12-22', '1994-04-18', ['449023']],
  ])('%s %s in force %s until %s, then %j', (code, name, validFrom, validTo, successors) => {
    expect(findDivision(code)).toMatchObject({
      code,
      name,
      level: 'county',
      parent: '440600',
      validFrom,
      validTo,
      successors,
    });
    expect(isDivisionInForce(code, '1990-06-01')).toBe(true);
    expect(isDivisionInForce(code, '2026-01-01')).toBe(false);
  });

  it('cites where every retired code of Foshan, Hangzhou and Quzhou can be checked', () => {
    const retired = DIVISION_TABLE.filter(
      (entry) => entry.validTo !== null && /^(4406|3301|3308|4426|3324|4490|3390)/.test(entry.code),
    );
    expect(retired.length).toBeGreaterThan(30);
    for (const entry of retired) expect(entry.evidence, entry.code).toMatch(/民政部|国函/);
  });
});

describe('parseDivisionCode', () => {
  it('returns the entry of a code in force', () => {
    const result = parseDivisionCode('440604', { at: NOW });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).toMatchObject({ code: '440604', townshipCode: null, inForce: true, warnings: [] });
      expect(result.value.division.name).toBe('禅城区');
    }
  });

  it('accepts a retired code and says what replaced it', () => {
    const result = parseDivisionCode('330104', { at: NOW });
    expect(result.ok && result.value.inForce).toBe(false);
    expect(result.ok && result.value.warnings).toEqual([
      {
        code: 'DIVISION_CODE_RETIRED',
        message: '330104 江干区 was retired on 2021-04-09; its area is now 330102 上城区, 330114 钱塘区',
      },
    ]);
  });

  it('accepts a 9-digit township code, while no township table is installed, saying that only its county is known', () => {
    const result = parseDivisionCode('330106012', { at: NOW });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.townshipCode).toBe('330106012');
      expect(result.value.division.code).toBe('330106');
      expect(result.value.warnings.map((warning) => warning.code)).toEqual(['DIVISION_CODE_TOWNSHIP']);
    }
  });

  it.each(['', '4406', '4406040', '44060401', '4406040123', '44060A', '440604001002'])(
    'rejects %j as badly formed',
    (input) => {
      expect(errorCode(parseDivisionCode(input, { at: NOW }))).toBe('DIVISION_CODE_FORMAT');
    },
  );

  it.each(['440699', '469001', '440699001', '330100001'])('rejects %s as unknown to the table', (input) => {
    expect(errorCode(parseDivisionCode(input, { at: NOW }))).toBe('DIVISION_CODE_UNKNOWN');
  });
});

// A few rows in the national table's shape (libs/geo installs the real one): a county the curated
// table lacks with two townships, townships of curated counties, a city without counties, and a
// row that contradicts the curated table.
const EXTENSION: DivisionTableExtension = {
  name: 'test-divisions',
  version: '1.0.0',
  asOf: '2023-06-30',
  divisions: [
    { code: '110000', name: '北京市', level: 'province', parent: null },
    { code: '110100', name: '市辖区', level: 'prefecture', parent: '110000' },
    { code: '110101', name: '东城区', level: 'county', parent: '110100' },
    { code: '110101001', name: '东华门街道', level: 'township', parent: '110101' },
    { code: '110101002', name: '景山街道', level: 'township', parent: '110101' },
    { code: '330106', name: '西湖区', level: 'county', parent: '330100' },
    { code: '330106012', name: '转塘街道', level: 'township', parent: '330106' },
    { code: '440600', name: '佛山市（另名）', level: 'prefecture', parent: '440000' },
    { code: '441900', name: '东莞市', level: 'prefecture', parent: '440000' },
    { code: '441900003', name: '东城街道', level: 'township', parent: '441900' },
  ],
};

describe('extendDivisionTable', () => {
  let loads = 0;
  const install = () =>
    extendDivisionTable(() => {
      loads += 1;
      return EXTENSION;
    });
  afterEach(() => {
    extendDivisionTable(null);
    loads = 0;
  });

  it("makes the extension's codes known, with name, level and parent, in force from its reference date", () => {
    expect(parseDivisionCode('110101', { at: NOW }).ok).toBe(false);
    install();
    const result = parseDivisionCode('110101', { at: NOW });
    expect(result.ok && result.value).toMatchObject({ code: '110101', inForce: true, warnings: [] });
    expect(findDivision('110101')).toEqual({
      code: '110101',
      name: '东城区',
      level: 'county',
      parent: '110100',
      validFrom: '2023-06-30',
      validTo: null,
    });
    expect(isKnownDivisionCode('110101')).toBe(true);
    expect(isDivisionInForce('110101', NOW)).toBe(true);
    expect(isDivisionInForce('110101', '2020-01-01')).toBe(false);
    expect(divisionChain('110101001').map((d) => d.code)).toEqual(['110101001', '110101', '110100', '110000']);
    expect(divisionFullName('110101001')).toBe('北京市市辖区东城区东华门街道');
  });

  it('reads the extension once, and only for a code the curated table does not have', () => {
    install();
    expect(parseDivisionCode('440604', { at: NOW }).ok).toBe(true);
    expect(divisionChain('330803')).toHaveLength(3);
    expect(loads).toBe(0);
    parseDivisionCode('110101', { at: NOW });
    parseDivisionCode('110102', { at: NOW });
    expect(loads).toBe(1);
  });

  it('lets the curated table win for the codes it has, and leaves listDivisions to it', () => {
    install();
    expect(parseDivisionCode('999999', { at: NOW }).ok).toBe(false);
    expect(findDivision('440600')?.name).toBe('佛山市');
    expect(findDivision('440621')).toMatchObject({ name: '三水县', validTo: '1993-03-29', successors: ['449008'] });
    expect(listDivisions().some((d) => d.code === '110101')).toBe(false);
  });

  it('accepts a township the extension has, as the township under its county', () => {
    install();
    const result = parseDivisionCode('330106012', { at: NOW });
    expect(result.ok && result.value).toMatchObject({
      code: '330106012',
      townshipCode: '330106012',
      inForce: true,
      warnings: [],
      division: { code: '330106012', name: '转塘街道', level: 'township', parent: '330106' },
    });
  });

  it('accepts a township of a city without counties', () => {
    install();
    const result = parseDivisionCode('441900003', { at: NOW });
    expect(result.ok && result.value.division).toMatchObject({ name: '东城街道', parent: '441900' });
  });

  it.each([
    [
      '110101999',
      /township 110101999 is not in the division table \(test-divisions 1\.0\.0, as of 2023-06-30\); 110101 东城区 has no township/,
    ],
    ['441900999', /township 441900999 is not in the division table/],
    ['110102001', /county 110102 of township code 110102001 is not in the division table/],
  ])('refuses %s, a township the extension does not have, naming it', (code, message) => {
    install();
    const result = parseDivisionCode(code, { at: NOW });
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: 'DIVISION_CODE_UNKNOWN',
      message: expect.stringMatching(message),
    });
  });

  it('checks only the county of a township under a county the extension does not have (a retired one)', () => {
    install();
    const result = parseDivisionCode('440682001', { at: NOW });
    expect(result.ok && result.value.division.code).toBe('440682');
    expect(result.ok && result.value.warnings.map((w) => w.code)).toEqual([
      'DIVISION_CODE_TOWNSHIP',
      'DIVISION_CODE_RETIRED',
    ]);
    expect(result.ok && result.value.warnings[0].message).toMatch(/does not have its county 440682 南海市/);
  });
});
