import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { statutoryDayCount, statutoryHolidays } from './statutory-holidays.js';
import { isWeekendDay } from './working-day-calendar.js';

const days = (year: number) => statutoryHolidays(year).map((h) => h.day);

describe('statutoryHolidays (全国年节及纪念日放假办法 第二条)', () => {
  it('gives 2025 its 13 days: 除夕 to 初三 for the Spring Festival, 1–2 May', () => {
    expect(days(2025)).toEqual([
      '2025-01-01',
      ...['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
      '2025-04-04',
      ...['2025-05-01', '2025-05-02'],
      '2025-05-31',
      ...['2025-10-01', '2025-10-02', '2025-10-03'],
      '2025-10-06',
    ]);
    expect(statutoryHolidays(2025).find((h) => h.day === '2025-01-28')?.name).toBe('春节（除夕）');
  });

  it('gives 2026: Spring Festival 02-16 to 02-19, Qingming 04-05, Dragon Boat 06-19, Mid-Autumn 09-25', () => {
    expect(days(2026)).toEqual([
      '2026-01-01',
      ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19'],
      '2026-04-05',
      ...['2026-05-01', '2026-05-02'],
      '2026-06-19',
      '2026-09-25',
      ...['2026-10-01', '2026-10-02', '2026-10-03'],
    ]);
  });

  it('gives 2027: Spring Festival 02-05 (除夕, a Friday) to 02-08 (初三, a Monday)', () => {
    expect(statutoryHolidays(2027)).toEqual([
      { day: '2027-01-01', name: '元旦' },
      { day: '2027-02-05', name: '春节（除夕）' },
      { day: '2027-02-06', name: '春节（正月初一）' },
      { day: '2027-02-07', name: '春节（正月初二）' },
      { day: '2027-02-08', name: '春节（正月初三）' },
      { day: '2027-04-05', name: '清明节' },
      { day: '2027-05-01', name: '劳动节' },
      { day: '2027-05-02', name: '劳动节' },
      { day: '2027-06-09', name: '端午节' },
      { day: '2027-09-15', name: '中秋节' },
      { day: '2027-10-01', name: '国庆节' },
      { day: '2027-10-02', name: '国庆节' },
      { day: '2027-10-03', name: '国庆节' },
    ]);
  });

  it('gives a day once when two festivals fall on it (Mid-Autumn on 3 October 2028)', () => {
    expect(statutoryHolidays(2028).filter((h) => h.day.startsWith('2028-10-'))).toEqual([
      { day: '2028-10-01', name: '国庆节' },
      { day: '2028-10-02', name: '国庆节' },
      { day: '2028-10-03', name: '中秋节、国庆节' },
    ]);
    expect(statutoryHolidays(2028)).toHaveLength(12);
    expect(statutoryDayCount(2028)).toBe(13);
  });

  it('applies the law in force in the year: 初一 to 初三 and 1 May only from 2014 to 2024, 除夕 to 初二 before', () => {
    expect(days(2024).filter((d) => d < '2024-03-01')).toEqual([
      '2024-01-01',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
    ]);
    expect(days(2024)).not.toContain('2024-05-02');
    expect(days(2013).filter((d) => d < '2013-03-01')).toEqual([
      '2013-01-01',
      '2013-02-09',
      '2013-02-10',
      '2013-02-11',
    ]);
    expect([statutoryDayCount(2013), statutoryDayCount(2024), statutoryDayCount(2025)]).toEqual([11, 11, 13]);
    expect(statutoryHolidays(2007)).toEqual([]);
  });

  it('agrees with the State Council notices of 2025 and 2026: every statutory weekday is off in the shipped calendar', () => {
    const shipped = JSON.parse(
      readFileSync(
        fileURLToPath(new URL('../../../schemas/catalog/working-day-calendar.json', import.meta.url)),
        'utf8',
      ),
    ) as { holidays: string[] };
    for (const year of [2025, 2026]) {
      const weekdays = days(year).filter((d) => !isWeekendDay(d));
      expect(
        weekdays.filter((d) => !shipped.holidays.includes(d)),
        String(year),
      ).toEqual([]);
    }
  });

  it('refuses a year it cannot compute', () => {
    expect(() => statutoryHolidays(2101)).toThrow(RangeError);
    expect(() => statutoryHolidays(2027.5)).toThrow(RangeError);
  });
});
