import { describe, expect, it } from 'vitest';
import { noticeViolations } from './notice.js';

// A made-up arrangement for 2027, for these tests only (the real notice is not known here). The
// statutory weekdays (01-01, 02-05, 02-08, 04-05, 06-09, 09-15, 10-01) off; the six statutory days
// on weekends (02-06, 02-07, 05-01, 05-02, 10-02, 10-03) made up on weekdays; two bridging days
// (02-11, 02-12) paid back by Saturdays 01-30 and 02-20: 15 weekdays off − 2 worked = 13.
const VALID = {
  year: 2027,
  holidays: [
    '2027-01-01',
    ...['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
    '2027-04-05',
    ...['2027-05-03', '2027-05-04'],
    '2027-06-09',
    '2027-09-15',
    ...['2027-10-01', '2027-10-04', '2027-10-05'],
  ],
  workdays: ['2027-01-30', '2027-02-20'],
};
const codes = (notice: typeof VALID, confirmed = false) =>
  noticeViolations(notice, { unusualTotalConfirmed: confirmed }).map((v) => `${v.field} ${v.code}`);

describe('noticeViolations', () => {
  it('takes a notice whose lists are consistent with the law', () => {
    expect(noticeViolations(VALID)).toEqual([]);
  });

  it('refuses a year outside 2008–2100', () => {
    expect(codes({ ...VALID, year: 2007 })).toEqual(['year YEAR_INVALID']);
    expect(codes({ ...VALID, year: 2027.5 })).toEqual(['year YEAR_INVALID']);
  });

  it('names each bad day by its place in the list', () => {
    expect(
      codes({
        ...VALID,
        holidays: [...VALID.holidays, '2027-02-30', '2028-01-03', '2027-01-01'],
        workdays: [...VALID.workdays, '27-1-2'],
      }),
    ).toEqual([
      'holidays[15] DAY_INVALID',
      'holidays[16] DAY_OUTSIDE_YEAR',
      'holidays[17] DAY_LISTED_TWICE',
      'workdays[2] DAY_INVALID',
    ]);
  });

  it('refuses a day in both lists, a day off on a weekend and a working weekday', () => {
    expect(
      codes({
        ...VALID,
        holidays: [...VALID.holidays, '2027-02-06'],
        workdays: [...VALID.workdays, '2027-10-04', '2027-03-03'],
      }),
    ).toEqual([
      'holidays[15] HOLIDAY_ON_WEEKEND',
      'workdays[2] DAY_BOTH_HOLIDAY_AND_WORKDAY',
      'workdays[2] WORKDAY_NOT_ON_WEEKEND',
      'workdays[3] WORKDAY_NOT_ON_WEEKEND',
    ]);
  });

  it('accepts days of the December before, for the New Year holiday', () => {
    // As the notice for 2019 did: Mon 2018-12-31 off, Sat 2018-12-29 worked.
    expect(
      codes({ ...VALID, holidays: [...VALID.holidays, '2026-12-31'], workdays: [...VALID.workdays, '2026-12-26'] }),
    ).toEqual([]);
    expect(codes({ ...VALID, holidays: [...VALID.holidays, '2026-11-30'] })).toEqual(['holidays[15] DAY_OUTSIDE_YEAR']);
  });

  it('refuses a notice that leaves a statutory weekday working', () => {
    const violations = noticeViolations({ ...VALID, holidays: VALID.holidays.filter((d) => d !== '2027-09-15') });
    expect(violations).toEqual([
      { field: 'holidays', code: 'STATUTORY_DAY_MISSING', message: expect.stringContaining('2027-09-15 (中秋节)') },
    ]);
  });

  it('refuses an unusual total unless confirmed', () => {
    const extra = { ...VALID, holidays: [...VALID.holidays, '2027-09-03'] };
    expect(noticeViolations(extra)).toEqual([
      {
        field: 'holidays',
        code: 'TOTAL_UNUSUAL',
        message: expect.stringContaining('make 14, not the 13 statutory days'),
      },
    ]);
    expect(codes(extra, true)).toEqual([]);
    // A forgotten make-up Saturday is caught the same way.
    expect(codes({ ...VALID, workdays: ['2027-01-30'] })).toEqual(['holidays TOTAL_UNUSUAL']);
  });
});
