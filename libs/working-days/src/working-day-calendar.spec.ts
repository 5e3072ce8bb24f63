import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar, type WorkingDayCalendarSpec } from './working-day-calendar.js';

// A small calendar in the shape of the real one: National Day 2025 (10-01 Wed … 10-08 Wed off,
// Sunday 09-28 and Saturday 10-11 worked), as announced in 国办发明电〔2024〕12号.
const NATIONAL_DAY_2025: WorkingDayCalendarSpec = {
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
  workdays: ['2025-09-28', '2025-10-11'],
  coversYears: [2025, 2025],
};
const calendar = WorkingDayCalendar.fromSpec(NATIONAL_DAY_2025);
// Weekends only: no lists, and no statutory holidays for the years they do not cover.
const plain = WorkingDayCalendar.fromSpec({ holidays: [], workdays: [] }, { statutoryHolidays: false });

describe('WorkingDayCalendar.isWorkingDay', () => {
  it('counts Monday to Friday and not the weekend', () => {
    // 2025-03-10 is a Monday.
    expect(
      ['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14'].map((d) => plain.isWorkingDay(d)),
    ).toEqual([true, true, true, true, true]);
    expect(plain.isWorkingDay('2025-03-15')).toBe(false); // Saturday
    expect(plain.isWorkingDay('2025-03-16')).toBe(false); // Sunday
  });

  it('knows weekdays across years, month ends and leap days', () => {
    expect(plain.isWorkingDay('2024-02-29')).toBe(true); // Thursday
    expect(plain.isWorkingDay('2000-01-01')).toBe(false); // Saturday
    expect(plain.isWorkingDay('1970-01-01')).toBe(true); // Thursday
    expect(plain.isWorkingDay('1969-12-31')).toBe(true); // Wednesday
    expect(plain.isWorkingDay('0001-01-01')).toBe(true); // Monday (proleptic Gregorian)
  });

  it('takes holidays off and makes 调休 weekend days working days', () => {
    expect(calendar.isWorkingDay('2025-10-01')).toBe(false);
    expect(calendar.isWorkingDay('2025-10-08')).toBe(false);
    expect(calendar.isWorkingDay('2025-10-04')).toBe(false); // a Saturday inside the holiday
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true); // Sunday, worked
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true); // Saturday, worked
    expect(calendar.isWorkingDay('2025-10-09')).toBe(true);
  });

  it('rejects days that are not real YYYY-MM-DD dates', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-5', '20250105', '2025-10-01T00:00', '']) {
      expect(() => calendar.isWorkingDay(bad)).toThrow(RangeError);
    }
  });
});

describe('WorkingDayCalendar.addWorkingDays', () => {
  it('does not count the day itself; 0 gives the day itself', () => {
    expect(plain.addWorkingDays('2025-03-10', 0)).toBe('2025-03-10');
    expect(plain.addWorkingDays('2025-03-15', 0)).toBe('2025-03-15'); // even on a Saturday
    expect(plain.addWorkingDays('2025-03-10', 1)).toBe('2025-03-11');
    expect(plain.addWorkingDays('2025-03-14', 1)).toBe('2025-03-17'); // Friday → Monday
    expect(plain.addWorkingDays('2025-03-15', 1)).toBe('2025-03-17'); // Saturday → Monday
  });

  it('skips a long holiday and counts the 调休 days', () => {
    // From Thursday 09-25: 09-26 (1), Sun 09-28 worked (2), 09-29 (3), 09-30 (4), 10-01…10-08 off,
    // 10-09 (5), 10-10 (6), Sat 10-11 worked (7), 10-13 (8).
    expect(calendar.addWorkingDays('2025-09-25', 4)).toBe('2025-09-30');
    expect(calendar.addWorkingDays('2025-09-25', 5)).toBe('2025-10-09');
    expect(calendar.addWorkingDays('2025-09-25', 8)).toBe('2025-10-13');
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(plain.addWorkingDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(plain.addWorkingDays('2024-12-31', 3)).toBe('2025-01-03');
    expect(plain.addWorkingDays('1999-12-31', 1)).toBe('2000-01-03');
  });

  it('rejects negative or fractional counts', () => {
    expect(() => plain.addWorkingDays('2025-03-10', -1)).toThrow(RangeError);
    expect(() => plain.addWorkingDays('2025-03-10', 1.5)).toThrow(RangeError);
    expect(() => plain.addWorkingDays('2025-03-10', Number.NaN)).toThrow(RangeError);
  });
});

describe('WorkingDayCalendar.workingDaysBetween', () => {
  it('counts working days in (from, to]', () => {
    expect(plain.workingDaysBetween('2025-03-10', '2025-03-10')).toBe(0);
    expect(plain.workingDaysBetween('2025-03-10', '2025-03-11')).toBe(1);
    expect(plain.workingDaysBetween('2025-03-14', '2025-03-16')).toBe(0); // Friday to Sunday
    expect(plain.workingDaysBetween('2025-03-14', '2025-03-17')).toBe(1);
    expect(plain.workingDaysBetween('2025-03-09', '2025-03-23')).toBe(10); // two full weeks
  });

  it('is 0 when to is before from', () => {
    expect(plain.workingDaysBetween('2025-03-20', '2025-03-10')).toBe(0);
  });

  it('leaves out holidays and counts 调休 days', () => {
    // (09-25, 10-13]: 09-26, 09-28, 09-29, 09-30, 10-09, 10-10, 10-11, 10-13.
    expect(calendar.workingDaysBetween('2025-09-25', '2025-10-13')).toBe(8);
    expect(calendar.workingDaysBetween('2025-09-30', '2025-10-08')).toBe(0);
  });

  it('is the inverse of addWorkingDays', () => {
    for (let n = 0; n <= 30; n += 1) {
      expect(calendar.workingDaysBetween('2025-09-20', calendar.addWorkingDays('2025-09-20', n))).toBe(n);
    }
  });
});

describe('WorkingDayCalendar.covers', () => {
  it('covers the years given, and only those', () => {
    expect(calendar.covers('2025-01-01')).toBe(true);
    expect(calendar.covers('2025-12-31')).toBe(true);
    expect(calendar.covers('2024-12-31')).toBe(false);
    expect(calendar.covers('2026-01-01')).toBe(false);
  });

  it('covers nothing when coversYears is not given', () => {
    const unspecified = WorkingDayCalendar.fromSpec({ holidays: NATIONAL_DAY_2025.holidays, workdays: [] });
    expect(unspecified.covers('2025-10-01')).toBe(false);
  });
});

describe('WorkingDayCalendar.fromSpec validation', () => {
  const build = (spec: Partial<WorkingDayCalendarSpec>) => () =>
    WorkingDayCalendar.fromSpec({ holidays: [], workdays: [], ...spec } as WorkingDayCalendarSpec);

  it('rejects dates that do not exist, naming the entry', () => {
    expect(build({ holidays: ['2025-02-30'] })).toThrow(/holiday "2025-02-30" is not a real date/);
    expect(build({ workdays: ['2025/09/28'] })).toThrow(/workday "2025\/09\/28" is not a real date/);
    expect(build({ holidays: [20251001 as unknown as string] })).toThrow(/holiday 20251001 is not a real date/);
  });

  it('rejects a day that is both a holiday and a workday', () => {
    expect(build({ holidays: ['2025-10-01'], workdays: ['2025-10-01'] })).toThrow(
      /"2025-10-01" is listed both as a holiday and as a workday/,
    );
  });

  it('rejects a holiday on a weekend and a workday on Monday–Friday', () => {
    expect(build({ holidays: ['2025-10-04'] })).toThrow(/holiday "2025-10-04" falls on a Saturday/);
    expect(build({ workdays: ['2025-09-29'] })).toThrow(/workday "2025-09-29" falls on a Monday/);
  });

  it('rejects a day listed twice', () => {
    expect(build({ holidays: ['2025-10-01', '2025-10-01'] })).toThrow(/holiday "2025-10-01" is listed twice/);
  });

  it('rejects a malformed shape or year range', () => {
    expect(build({ holidays: '2025-10-01' as unknown as string[] })).toThrow(/holidays must be an array/);
    expect(build({ workdays: undefined })).toThrow(/workdays must be an array/);
    expect(build({ coversYears: [2026, 2025] })).toThrow(/coversYears must be \[firstYear, lastYear\]/);
    expect(build({ coversYears: [2025] as unknown as [number, number] })).toThrow(/coversYears/);
    expect(() => WorkingDayCalendar.fromSpec(null as unknown as WorkingDayCalendarSpec)).toThrow(/must be an object/);
  });

  it('accepts entries outside coversYears (a notice may move a day of the neighbouring year)', () => {
    // The 2019 New Year holiday made Saturday 2018-12-29 a working day and Monday 2018-12-31 a day off.
    const newYear2019 = WorkingDayCalendar.fromSpec({
      holidays: ['2018-12-31'],
      workdays: ['2018-12-29'],
      coversYears: [2019, 2019],
    });
    expect(newYear2019.isWorkingDay('2018-12-29')).toBe(true);
    expect(newYear2019.covers('2018-12-29')).toBe(false);
  });
});

describe('WorkingDayCalendar: provisional years (statutory holidays only)', () => {
  const shipped2025 = WorkingDayCalendar.fromSpec(NATIONAL_DAY_2025);

  it('takes statutory holidays on weekdays off in a year no list covers', () => {
    expect(shipped2025.isWorkingDay('2027-01-01')).toBe(false); // 元旦, a Friday
    expect(shipped2025.isWorkingDay('2027-02-05')).toBe(false); // 除夕, a Friday
    expect(shipped2025.isWorkingDay('2027-02-08')).toBe(false); // 初三, a Monday
    expect(shipped2025.isWorkingDay('2027-02-09')).toBe(true); // the notice may give it off; the law does not
    expect(shipped2025.isWorkingDay('2027-09-15')).toBe(false); // 中秋节
  });

  it('leaves weekends as they are and knows no make-up day: that is the notice’s to say', () => {
    expect(shipped2025.isWorkingDay('2027-05-01')).toBe(false); // Saturday, statutory
    expect(shipped2025.isWorkingDay('2027-05-03')).toBe(true); // Monday: the usual 补休 is not known before the notice
    expect(shipped2025.addWorkingDays('2027-04-30', 1)).toBe('2027-05-03');
  });

  it('does not apply statutory days to a covered year: its lists are complete', () => {
    // 2025-05-31 (端午, a Saturday) was made up on Monday 06-02 in the real notice; the small
    // calendar here lists National Day only, so the rest of 2025 is Monday–Friday.
    expect(shipped2025.isWorkingDay('2025-06-02')).toBe(true);
    expect(shipped2025.isWorkingDay('2025-01-01')).toBe(true);
  });

  it('counts weekends only when told to', () => {
    expect(plain.isWorkingDay('2027-01-01')).toBe(true);
  });
});

describe('WorkingDayCalendar.withNotice', () => {
  // A made-up arrangement for 2027, for the tests only.
  const notice = {
    year: 2027,
    holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09'],
    workdays: ['2027-01-30'],
    source: '测试通知',
    version: 1,
  };

  it('makes the year official, with exactly its lists', () => {
    const with2027 = calendar.withNotice(notice);
    expect(calendar.covers('2027-06-09')).toBe(false);
    expect(with2027.covers('2027-06-09')).toBe(true);
    expect(with2027.isWorkingDay('2027-02-09')).toBe(false);
    expect(with2027.isWorkingDay('2027-01-30')).toBe(true); // Saturday worked
    expect(with2027.isWorkingDay('2027-06-09')).toBe(true); // not in these (made-up) lists: a working day
    expect(with2027.officialYears()).toEqual([
      { year: 2025, from: 'file' },
      { year: 2027, from: 'notice', source: '测试通知', version: 1 },
    ]);
    expect(with2027.coversRange('2025-12-30', '2027-01-05')).toBe(false); // 2026 is missing
    expect(with2027.coversRange('2027-01-04', '2027-01-05')).toBe(true);
  });

  it('replaces what the file said of the same year', () => {
    const corrected = calendar.withNotice({
      year: 2025,
      holidays: ['2025-10-01'],
      workdays: [],
      source: 'a correction',
    });
    expect(corrected.isWorkingDay('2025-10-08')).toBe(true);
    expect(corrected.isWorkingDay('2025-10-11')).toBe(false); // a Saturday, no longer worked
  });

  it('lets the next year’s notice move a December day (New Year bridging)', () => {
    const bridged = calendar.withNotice({
      year: 2026,
      holidays: ['2025-12-29'],
      workdays: ['2025-12-27'],
      source: 'test',
    });
    expect(bridged.isWorkingDay('2025-12-29')).toBe(false);
    expect(bridged.isWorkingDay('2025-12-27')).toBe(true);
    expect(() => calendar.withNotice({ year: 2026, holidays: ['2025-11-28'], workdays: [], source: 'test' })).toThrow(
      /neither in 2026 nor in the December before/,
    );
  });

  it('refuses lists the calendar file would refuse', () => {
    expect(() => calendar.withNotice({ ...notice, holidays: ['2027-02-06'] })).toThrow(/falls on a Saturday/);
  });
});
