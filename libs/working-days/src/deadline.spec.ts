import { describe, expect, it } from 'vitest';
import { calendarCoverage, deadlineOf, isOverdue, responseDeadline, workingDaysLeft } from './deadline.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

// The 2025 and 2026 lists as announced by the State Council (国办发明电〔2024〕12号 and the
// notice of 2025-11-04); kept here so these tests do not depend on the shipped file.
const calendar = WorkingDayCalendar.fromSpec({
  holidays: [
    ...['2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04'],
    ...['2025-04-04', '2025-05-01', '2025-05-02', '2025-05-05', '2025-06-02'],
    ...['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
    ...['2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'],
  ],
  workdays: [
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
  ],
  coversYears: [2025, 2026],
});

/** An instant given as China Standard Time wall-clock time. */
const cst = (wallClock: string): Date => new Date(`${wallClock}+08:00`);

describe('responseDeadline', () => {
  it('is the 10th working day after an ordinary working-day submission', () => {
    // Friday 2025-03-07, not counted: 03-10 … 03-14 (1–5), 03-17 … 03-21 (6–10).
    expect(responseDeadline(cst('2025-03-07T10:00:00'), calendar)).toBe('2025-03-21');
  });

  it('runs across National Day 2025', () => {
    // Thursday 2025-09-25, not counted: Fri 09-26 (1), Sun 09-28 调休 (2), 09-29 (3), 09-30 (4),
    // 10-01 … 10-08 off, Thu 10-09 (5), Fri 10-10 (6), Sat 10-11 调休 (7), Mon 10-13 (8),
    // Tue 10-14 (9), Wed 10-15 (10).
    expect(responseDeadline(cst('2025-09-25T10:00:00'), calendar)).toBe('2025-10-15');
  });

  it('runs across the Spring Festival 2026', () => {
    // Friday 2026-02-13, not counted: Sat 02-14 调休 (1), 02-15 … 02-23 off, Tue 02-24 (2),
    // 02-25 (3), 02-26 (4), 02-27 (5), Sat 02-28 调休 (6), Mon 03-02 (7), 03-03 (8), 03-04 (9),
    // Thu 03-05 (10).
    expect(responseDeadline(cst('2026-02-13T16:30:00'), calendar)).toBe('2026-03-05');
  });

  it('counts a Saturday submission from the next Monday, Monday itself not counted', () => {
    // Saturday 2025-03-08 is received Monday 03-10: 03-11 … 03-14 (1–4), 03-17 … 03-21 (5–9),
    // Mon 03-24 (10) — the same as a submission on that Monday.
    expect(responseDeadline(cst('2025-03-08T11:00:00'), calendar)).toBe('2025-03-24');
    expect(responseDeadline(cst('2025-03-10T09:00:00'), calendar)).toBe('2025-03-24');
  });

  it('counts a holiday submission from the next working day', () => {
    // Friday 2025-10-03 (holiday) is received Thursday 10-09: 10-10 (1), Sat 10-11 调休 (2),
    // 10-13 … 10-17 (3–7), 10-20 (8), 10-21 (9), Wed 10-22 (10).
    expect(responseDeadline(cst('2025-10-03T12:00:00'), calendar)).toBe('2025-10-22');
  });

  it('treats a submission on a 调休 weekend day as a working-day submission', () => {
    // Sunday 2025-09-28 is worked, so not counted: 09-29 (1), 09-30 (2), 10-09 (3), 10-10 (4),
    // Sat 10-11 (5), 10-13 … 10-17 (6–10).
    expect(responseDeadline(cst('2025-09-28T10:00:00'), calendar)).toBe('2025-10-17');
  });

  it('takes the CST day of a late-night UTC instant', () => {
    // 17:30 UTC on Thursday 03-06 is 01:30 CST on Friday 03-07: the Friday deadline, not Thursday's.
    expect(responseDeadline(new Date('2025-03-06T17:30:00Z'), calendar)).toBe('2025-03-21');
    expect(responseDeadline(new Date('2025-03-06T15:59:59Z'), calendar)).toBe('2025-03-20');
  });

  it('takes another number of working days', () => {
    expect(responseDeadline(cst('2025-03-07T10:00:00'), calendar, 5)).toBe('2025-03-14');
    expect(responseDeadline(cst('2025-03-08T10:00:00'), calendar, 0)).toBe('2025-03-10');
  });

  it('rejects an invalid instant', () => {
    expect(() => responseDeadline(new Date('not a date'), calendar)).toThrow(/submittedAt must be a valid Date/);
  });
});

describe('workingDaysLeft', () => {
  it('counts the working days after today up to the deadline: 0 on the deadline itself', () => {
    // Deadline Wed 2025-10-15, from Thu 2025-09-25: 09-26, 09-28 调休, 09-29, 09-30, 10-09, 10-10, 10-11 调休, 10-13, 10-14, 10-15.
    expect(workingDaysLeft('2025-10-15', cst('2025-09-25T10:00:00'), calendar)).toBe(10);
    // In the holiday: 10-09, 10-10, 10-11, 10-13, 10-14, 10-15.
    expect(workingDaysLeft('2025-10-15', cst('2025-10-03T10:00:00'), calendar)).toBe(6);
    expect(workingDaysLeft('2025-10-15', cst('2025-10-15T23:59:00'), calendar)).toBe(0);
  });

  it('is negative when overdue: the working days since the deadline, at least one', () => {
    // The day after the deadline is overdue by one.
    expect(workingDaysLeft('2025-10-15', cst('2025-10-16T00:00:00'), calendar)).toBe(-1);
    // Deadline Fri 2025-09-26: Sat 09-27 is overdue (-1, not 0); Sun 09-28 is a 调休 working day.
    expect(workingDaysLeft('2025-09-26', cst('2025-09-27T12:00:00'), calendar)).toBe(-1);
    expect(workingDaysLeft('2025-09-26', cst('2025-09-29T12:00:00'), calendar)).toBe(-2);
    // Deadline Tue 2025-09-30, today Thu 10-09 after the holiday: one working day late.
    expect(workingDaysLeft('2025-09-30', cst('2025-10-09T08:00:00'), calendar)).toBe(-1);
  });

  it('takes the day in China Standard Time', () => {
    // 2025-10-15T17:00Z is already 10-16 in China: overdue.
    expect(workingDaysLeft('2025-10-15', new Date('2025-10-15T17:00:00Z'), calendar)).toBe(-1);
    expect(() => workingDaysLeft('2025-13-01', new Date(), calendar)).toThrow(RangeError);
  });
});

describe('isOverdue', () => {
  it('is not overdue on the deadline day, even at its last second (CST)', () => {
    expect(isOverdue('2025-10-15', cst('2025-10-15T00:00:00'))).toBe(false);
    expect(isOverdue('2025-10-15', new Date('2025-10-15T15:59:59.999Z'))).toBe(false); // 23:59:59.999 CST
    expect(isOverdue('2025-10-15', cst('2025-10-14T12:00:00'))).toBe(false);
  });

  it('is overdue from the first moment of the day after (CST)', () => {
    expect(isOverdue('2025-10-15', new Date('2025-10-15T16:00:00Z'))).toBe(true); // 00:00 CST on 10-16
    expect(isOverdue('2025-10-15', cst('2025-11-01T09:00:00'))).toBe(true);
  });

  it('rejects a deadline that is not a real YYYY-MM-DD date', () => {
    expect(() => isOverdue('2025-02-29', new Date())).toThrow(RangeError);
    expect(() => isOverdue('2025-10-15T00:00:00Z', new Date())).toThrow(RangeError);
    expect(() => isOverdue('2025-10-15', new Date(Number.NaN))).toThrow(/now must be a valid Date/);
  });
});

describe('workingDaysLeft', () => {
  it('counts the working days after today up to the deadline, as the deadline itself is counted', () => {
    // Reported on Thursday 2025-09-25: 5 working days on, the make-up Sunday 09-28 included, is 10-09
    // (the National Day week is off); on the report day all 5 are left.
    const deadline = responseDeadline(cst('2025-09-25T10:00:00'), calendar, 5);
    expect(deadline).toBe('2025-10-09');
    expect(workingDaysLeft(deadline, cst('2025-09-25T10:00:00'), calendar)).toBe(5);
    expect(workingDaysLeft(deadline, cst('2025-10-03T10:00:00'), calendar)).toBe(1); // in the holiday: only 10-09 is left
    expect(workingDaysLeft(deadline, cst('2025-10-09T23:00:00'), calendar)).toBe(0);
  });

  it('is negative once overdue, from the day after the deadline (a weekend too)', () => {
    expect(workingDaysLeft('2025-10-17', cst('2025-10-18T09:00:00'), calendar)).toBe(-1); // Saturday
    expect(workingDaysLeft('2025-10-17', cst('2025-10-20T09:00:00'), calendar)).toBe(-1); // Monday
    expect(workingDaysLeft('2025-10-17', cst('2025-10-22T09:00:00'), calendar)).toBe(-3);
  });

  it('rejects a deadline that is not a real date', () => {
    expect(() => workingDaysLeft('2025-02-30', new Date(), calendar)).toThrow(RangeError);
  });
});

describe('deadlineOf: past the official years', () => {
  // The 2025–2026 lists only, as the hub ships them: 2027's notice is not in the calendar.
  const weekendsOnly = WorkingDayCalendar.fromSpec(
    { holidays: [], workdays: [], coversYears: [2025, 2026] },
    { statutoryHolidays: false },
  );

  it('skips New Year’s Day 2027 for a submission on Friday 2026-12-18, and says the deadline is provisional', () => {
    // Not counted: Fri 12-18. 12-21 … 12-25 (1–5), 12-28 … 12-31 (6–9), Fri 2027-01-01 off (元旦), Mon 01-04 (10).
    expect(deadlineOf(cst('2026-12-18T10:00:00'), calendar)).toEqual({ deadline: '2027-01-04', provisional: true });
    // What the hub answered before statutory holidays were applied: New Year’s Day as a deadline.
    expect(responseDeadline(cst('2026-12-18T10:00:00'), weekendsOnly)).toBe('2027-01-01');
  });

  it('does not count the Spring Festival 2027 (除夕 Fri 02-05 to 初三 Mon 02-08) as working days', () => {
    // Not counted: Wed 02-03. Thu 02-04 (1), 02-05 off, weekend, 02-08 off, 02-09 … 02-12 (2–5), 02-15 … 02-19 (6–10).
    expect(deadlineOf(cst('2027-02-03T10:00:00'), calendar)).toEqual({ deadline: '2027-02-19', provisional: true });
    expect(responseDeadline(cst('2027-02-03T10:00:00'), weekendsOnly)).toBe('2027-02-17');
  });

  it('is official when every day counted falls in a year with its notice', () => {
    expect(deadlineOf(cst('2026-12-07T10:00:00'), calendar)).toEqual({ deadline: '2026-12-21', provisional: false });
    // The deadline is in 2026 but the calendar has no 2024: a submission then is provisional.
    expect(deadlineOf(cst('2024-12-30T10:00:00'), calendar).provisional).toBe(true);
  });

  it('becomes official, and moves, once the notice for 2027 is entered', () => {
    // A made-up arrangement for the test only (the real notice for 2027 is not known here): New
    // Year’s Day alone, and the Spring Festival from Fri 02-05 to Fri 02-12 with Sat 01-30 and Sat 02-20 worked.
    const with2027 = calendar.withNotice({
      year: 2027,
      holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
      workdays: ['2027-01-30', '2027-02-20'],
      source: 'test notice',
    });
    expect(deadlineOf(cst('2026-12-18T10:00:00'), with2027)).toEqual({ deadline: '2027-01-04', provisional: false });
    // Thu 02-04 (1), 02-05 … 02-12 off, 02-15 … 02-19 (2–6), Sat 02-20 worked (7), 02-22 … 02-24 (8–10).
    expect(deadlineOf(cst('2027-02-03T10:00:00'), with2027)).toEqual({ deadline: '2027-02-24', provisional: false });
  });
});

describe('calendarCoverage', () => {
  const shortCalendar = WorkingDayCalendar.fromSpec({ holidays: [], workdays: [], coversYears: [2025, 2026] });

  it('names the official years and the last official day, with no warning more than 60 days before it', () => {
    const coverage = calendarCoverage(shortCalendar, cst('2026-10-31T23:59:59'));
    expect(coverage).toEqual({
      officialYears: [
        { year: 2025, from: 'file' },
        { year: 2026, from: 'file' },
      ],
      officialUntil: '2026-12-31',
      firstProvisionalYear: 2027,
      warning: null,
    });
  });

  it('warns from 60 days before the last official day, naming the year to enter and what happens meanwhile', () => {
    // 2026-12-31 less 60 days is 11-01: the first day with the warning.
    expect(calendarCoverage(shortCalendar, cst('2026-10-31T23:59:59')).warning).toBeNull();
    expect(calendarCoverage(shortCalendar, cst('2026-11-01T00:00:00')).warning).toMatch(
      /official until 2026-12-31 \(60 days from now\)/,
    );
    const warning = calendarCoverage(shortCalendar, cst('2026-12-07T10:00:00')).warning;
    expect(warning).toMatch(/official until 2026-12-31 \(24 days from now\)/);
    expect(warning).toMatch(/notice for 2027 \(enterWorkingDayNotice\).*statutory holidays.*provisional/);
  });

  it('warns when the current year itself has no notice', () => {
    const coverage = calendarCoverage(shortCalendar, cst('2027-01-04T10:00:00'));
    expect(coverage).toMatchObject({ officialUntil: null, firstProvisionalYear: 2027 });
    expect(coverage.warning).toMatch(/no notice for 2027, the current year/);
  });

  it('runs on through a notice entered for the next year', () => {
    const coverage = calendarCoverage(
      shortCalendar.withNotice({ year: 2027, holidays: [], workdays: [], source: 'test', version: 1 }),
      cst('2026-12-07T10:00:00'),
    );
    expect(coverage).toMatchObject({ officialUntil: '2027-12-31', firstProvisionalYear: 2028, warning: null });
    expect(coverage.officialYears.at(-1)).toEqual({ year: 2027, from: 'notice', source: 'test', version: 1 });
  });
});
