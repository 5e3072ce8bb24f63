import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '@hub/working-days';
import { officialDaysLeft } from './working-day-calendar.store.js';

// The value behind hub_working_day_calendar_official_days_left (the WorkingDayCalendarCoverage alert).
describe('officialDaysLeft', () => {
  const cst = (wallClock: string): Date => new Date(`${wallClock}+08:00`);
  const through2026 = WorkingDayCalendar.fromSpec({ holidays: [], workdays: [], coversYears: [2025, 2026] });

  it('counts the days to the last officially covered day, by the China date', () => {
    expect(officialDaysLeft(through2026, cst('2026-12-01T10:00:00'))).toBe(30);
    // 23:30 UTC on 30 December is already 31 December in China.
    expect(officialDaysLeft(through2026, new Date('2026-12-30T23:30:00Z'))).toBe(0);
    expect(officialDaysLeft(through2026, cst('2026-06-30T12:00:00'))).toBe(184);
  });

  it('moves by a year once next year’s notice is entered', () => {
    const with2027 = through2026.withNotice({ year: 2027, holidays: [], workdays: [], source: 'test', version: 1 });
    expect(officialDaysLeft(with2027, cst('2026-12-01T10:00:00'))).toBe(395);
  });

  it('is 0 when the current year has no notice', () => {
    expect(officialDaysLeft(through2026, cst('2027-01-02T10:00:00'))).toBe(0);
  });
});
