import { afterEach, describe, expect, it, vi } from 'vitest';
import { CoverageWatch } from './coverage-watch.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

const through2026 = WorkingDayCalendar.fromSpec({ holidays: [], workdays: [], coversYears: [2025, 2026] });

describe('CoverageWatch', () => {
  afterEach(() => vi.useRealTimers());

  const watch = (now: { value: Date }) => {
    const warnings: string[] = [];
    const w = new CoverageWatch({
      calendar: () => through2026,
      warn: (message) => warnings.push(message),
      now: () => now.value,
    });
    return { w, warnings };
  };

  it('says nothing more than 60 days before the last official day', () => {
    const now = { value: new Date('2026-10-31T12:00:00+08:00') };
    const { w, warnings } = watch(now);
    expect(w.check()).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('warns once a day (CST) from 60 days before the last official day', () => {
    const now = { value: new Date('2026-11-01T00:30:00+08:00') };
    const { w, warnings } = watch(now);
    expect(w.check()).toBe(true);
    now.value = new Date('2026-11-01T23:59:00+08:00');
    expect(w.check()).toBe(false); // the same CST day
    now.value = new Date('2026-11-01T16:00:00Z'); // 00:00 CST on 11-02
    expect(w.check()).toBe(true);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/official until 2026-12-31 \(60 days from now\).*notice for 2027/);
    expect(warnings[1]).toMatch(/\(59 days from now\)/);
  });

  it('stops warning once the next year is entered', () => {
    const now = { value: new Date('2026-12-07T10:00:00+08:00') };
    let calendar = through2026;
    const warnings: string[] = [];
    const w = new CoverageWatch({ calendar: () => calendar, warn: (m) => warnings.push(m), now: () => now.value });
    expect(w.check()).toBe(true);
    calendar = through2026.withNotice({ year: 2027, holidays: [], workdays: [], source: 'test' });
    now.value = new Date('2026-12-08T10:00:00+08:00');
    expect(w.check()).toBe(false);
    expect(warnings).toHaveLength(1);
  });

  it('checks on start and then on its interval', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-07T10:00:00+08:00'));
    const warnings: string[] = [];
    const w = new CoverageWatch({ calendar: () => through2026, warn: (m) => warnings.push(m) });
    w.start(3_600_000);
    expect(warnings).toHaveLength(1);
    vi.advanceTimersByTime(15 * 3_600_000); // 01:00 CST the next day
    expect(warnings).toHaveLength(2);
    w.stop();
    vi.advanceTimersByTime(48 * 3_600_000);
    expect(warnings).toHaveLength(2);
  });
});
