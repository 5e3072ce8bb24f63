import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as workingDays from './index.js';
import {
  deadlineOf,
  loadWorkingDayCalendar,
  responseDeadline,
  WORKING_DAY_CALENDAR_PATH,
  type WorkingDayCalendarSpec,
} from './index.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHIPPED = join(REPO_ROOT, WORKING_DAY_CALENDAR_PATH);

describe('@hub/working-days public surface', () => {
  it('exports exactly the documented runtime values', () => {
    expect(Object.keys(workingDays).sort()).toEqual([
      'CoverageWatch',
      'WORKING_DAY_CALENDAR_PATH',
      'WorkingDayCalendar',
      'calendarCoverage',
      'deadlineOf',
      'isIsoDay',
      'isOverdue',
      'loadWorkingDayCalendar',
      'noticeViolations',
      'recountDeadline',
      'responseDeadline',
      'statutoryDayCount',
      'statutoryHolidays',
      'workingDaysLeft',
    ]);
  });
});

describe('the shipped calendar', () => {
  const calendar = loadWorkingDayCalendar(SHIPPED);
  const spec = JSON.parse(readFileSync(SHIPPED, 'utf8')) as WorkingDayCalendarSpec & { source?: unknown };
  const years = spec.coversYears ?? [0, -1];
  const coveredYears = Array.from({ length: years[1] - years[0] + 1 }, (_, i) => years[0] + i);

  it('names its sources and covers 2025 onwards', () => {
    expect(typeof spec.source).toBe('string');
    expect(spec.source).toMatch(/国务院办公厅关于2025年部分节假日安排的通知/);
    expect(years[0]).toBe(2025);
    expect(calendar.covers('2025-01-01')).toBe(true);
    expect(calendar.covers(`${years[1]}-12-31`)).toBe(true);
    expect(calendar.covers(`${years[1] + 1}-01-01`)).toBe(false);
  });

  it('has New Year’s Day and National Day off every covered year', () => {
    for (const year of coveredYears) {
      for (const day of [`${year}-01-01`, `${year}-10-01`]) {
        expect(calendar.isWorkingDay(day), day).toBe(false);
        expect(calendar.covers(day), day).toBe(true);
      }
    }
  });

  it('agrees with well-known facts of 2025 and 2026', () => {
    expect(calendar.isWorkingDay('2025-01-28')).toBe(false); // 除夕, a Tuesday
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true); // Sunday before the Spring Festival, worked
    expect(calendar.isWorkingDay('2025-10-08')).toBe(false); // last day of the 8-day National Day / Mid-Autumn holiday
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true); // Saturday, worked
    expect(calendar.isWorkingDay('2026-01-02')).toBe(false); // Friday after New Year’s Day
    expect(calendar.isWorkingDay('2026-01-04')).toBe(true); // Sunday, worked
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false); // 正月初七, last day of the 9-day Spring Festival
    expect(calendar.isWorkingDay('2026-09-25')).toBe(false); // Mid-Autumn Festival, a Friday
  });

  it('nets 13 days off each covered year, the statutory total since the 2024 revision of the holiday rules', () => {
    // 全国年节及纪念日放假办法 (as revised 2024-11): 13 public holidays from 2025. A statutory day on a
    // weekend is made up on a weekday and every extra weekday off is paid back by a 调休 weekend
    // day, so weekday holidays minus make-up workdays is 13 — a typo in the lists would break it.
    for (const year of coveredYears) {
      const inYear = (day: string) => day.startsWith(`${year}-`);
      expect(spec.holidays.filter(inYear).length - spec.workdays.filter(inYear).length, String(year)).toBe(13);
    }
  });

  it('counts 2027, whose notice it does not hold, with the statutory holidays, as provisional', () => {
    expect(calendar.covers('2027-01-01')).toBe(false);
    // Friday 2026-12-18: 12-21 … 12-31 (1–9), Fri 2027-01-01 off (元旦), Mon 01-04 (10).
    expect(deadlineOf(new Date('2026-12-18T10:00:00+08:00'), calendar)).toEqual({
      deadline: '2027-01-04',
      provisional: true,
    });
  });

  it('puts the deadline of a National Day 2025 submission where the hand count does', () => {
    // Thursday 2025-09-25, not counted: 09-26, Sun 09-28, 09-29, 09-30, 10-09, 10-10, Sat 10-11,
    // 10-13, 10-14, Wed 10-15 (10th).
    expect(responseDeadline(new Date('2025-09-25T10:00:00+08:00'), calendar)).toBe('2025-10-15');
  });
});

describe('loadWorkingDayCalendar', () => {
  const directory = mkdtempSync(join(tmpdir(), 'working-days-'));
  const originalCwd = process.cwd();

  beforeAll(() => process.chdir(REPO_ROOT));
  afterAll(() => {
    process.chdir(originalCwd);
    rmSync(directory, { recursive: true, force: true });
  });
  afterEach(() => vi.unstubAllEnvs());

  const write = (name: string, content: string): string => {
    const path = join(directory, name);
    writeFileSync(path, content);
    return path;
  };

  it('reads the shipped file relative to the working directory by default', () => {
    vi.stubEnv('WORKING_DAY_CALENDAR', '');
    expect(loadWorkingDayCalendar().isWorkingDay('2025-10-01')).toBe(false);
  });

  it('reads the file named by WORKING_DAY_CALENDAR, ignoring unknown fields', () => {
    const path = write('env.json', JSON.stringify({ source: 'test', note: 1, holidays: ['2025-03-10'], workdays: [] }));
    vi.stubEnv('WORKING_DAY_CALENDAR', path);
    const calendar = loadWorkingDayCalendar();
    expect(calendar.isWorkingDay('2025-03-10')).toBe(false);
    expect(calendar.isWorkingDay('2025-09-28')).toBe(false); // not the shipped file, where this Sunday is worked
  });

  it('prefers an explicit path over the environment', () => {
    vi.stubEnv('WORKING_DAY_CALENDAR', write('other.json', JSON.stringify({ holidays: ['2025-03-10'], workdays: [] })));
    expect(loadWorkingDayCalendar(SHIPPED).isWorkingDay('2025-03-10')).toBe(true);
  });

  it('names the file when it is missing, unparsable or invalid', () => {
    const missing = join(directory, 'missing.json');
    expect(() => loadWorkingDayCalendar(missing)).toThrow(
      new RegExp(`Cannot read the working-day calendar ${missing}`),
    );
    const broken = write('broken.json', '{ "holidays": [');
    expect(() => loadWorkingDayCalendar(broken)).toThrow(/Cannot read the working-day calendar .*broken\.json/);
    const invalid = write('invalid.json', JSON.stringify({ holidays: ['2025-10-04'], workdays: [] }));
    expect(() => loadWorkingDayCalendar(invalid)).toThrow(/invalid\.json: .*holiday "2025-10-04" falls on a Saturday/);
  });
});
