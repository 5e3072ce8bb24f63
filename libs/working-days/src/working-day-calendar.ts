// The Chinese working-day calendar: Monday–Friday, minus the public holidays, plus the weekend
// make-up working days (调休上班) the State Council announces each year. Days are 'YYYY-MM-DD'
// strings in China Standard Time and all arithmetic is on integer day numbers, so neither the
// server's time zone nor daylight saving can shift a day.

import { statutoryHolidays } from './statutory-holidays.js';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export interface WorkingDayCalendarSpec {
  /** YYYY-MM-DD days off that would otherwise be working days */
  holidays: string[];
  /** YYYY-MM-DD weekend days that are working days (调休) */
  workdays: string[];
  /** first and last year the lists cover, e.g. 2025, 2027 */
  coversYears?: [number, number];
}

/**
 * One year's arrangement as the State Council's notice (国务院办公厅关于XXXX年部分节假日安排的通知)
 * gives it: every Monday–Friday day off and every weekend day worked. It may move days of the
 * December before (the New Year holiday of 2019 made Saturday 2018-12-29 a working day).
 */
export interface WorkingDayNotice {
  year: number;
  holidays: string[];
  workdays: string[];
  /** The notice: its title and number, or where the lists come from. */
  source: string;
  /** The notice's version in the hub: 1 when first entered, more when corrected. */
  version?: number;
}

export interface WorkingDayCalendarOptions {
  /**
   * For a year no list covers, take the statutory holidays falling on Monday–Friday as days off
   * (statutory-holidays.ts); weekends stay weekends and no make-up working day is known. Default
   * true: without it such a year counts its holidays as working days.
   */
  statutoryHolidays?: boolean;
}

/** Where the official lists of a year come from. */
export interface OfficialYear {
  year: number;
  /** `file`: the calendar file (WORKING_DAY_CALENDAR); `notice`: a notice entered in the hub. */
  from: 'file' | 'notice';
  source?: string;
  version?: number;
}

interface YearLists {
  holidays: ReadonlySet<number>;
  workdays: ReadonlySet<number>;
  origin: OfficialYear;
}

/**
 * Whether a day is a working day, from three layers, the first that knows the day deciding:
 * 1. official years — the calendar file's covered years and the notices entered since (a notice
 *    replaces the file's lists of its year): their lists, else Monday–Friday. A December day may
 *    also be moved by the next year's lists (New Year bridging), which then win.
 * 2. entries of the file outside its covered years (kept as given).
 * 3. any other year is provisional: its statutory holidays on Monday–Friday are days off, nothing
 *    else is known (`statutoryHolidays: false` leaves weekends only).
 */
export class WorkingDayCalendar {
  private readonly statutoryDays = new Map<number, ReadonlySet<number>>();

  private constructor(
    private readonly years: ReadonlyMap<number, YearLists>,
    private readonly loose: Pick<YearLists, 'holidays' | 'workdays'>,
    private readonly statutory: boolean,
  ) {}

  /**
   * Builds a calendar from its lists, refusing anything that looks like a typo: a date that does
   * not exist, a day listed twice or in both lists, a "holiday" on a weekend (already a day off)
   * or a "workday" on Monday–Friday (already a working day). Entries may lie outside
   * `coversYears`: a notice can move a day of the neighbouring year (e.g. a make-up working day
   * in late December for the New Year holiday).
   */
  static fromSpec(spec: WorkingDayCalendarSpec, options: WorkingDayCalendarOptions = {}): WorkingDayCalendar {
    // The spec usually comes from a JSON file, so its shape is checked too, not just trusted.
    if (typeof spec !== 'object' || spec === null)
      throw new Error('Invalid working-day calendar: the spec must be an object');
    const { holidays, workdays } = parseLists(spec.holidays, spec.workdays);
    const covers = parseCoversYears(spec.coversYears);
    const years = new Map<number, { holidays: Set<number>; workdays: Set<number>; origin: OfficialYear }>();
    if (covers)
      for (let year = covers[0]; year <= covers[1]; year++)
        years.set(year, { holidays: new Set(), workdays: new Set(), origin: { year, from: 'file' } });
    const loose = { holidays: new Set<number>(), workdays: new Set<number>() };
    const attribute = (day: number, list: 'holidays' | 'workdays') => {
      const { year, month } = civilFromDays(day);
      // A day of a covered year belongs to it; a December day before a covered year to that year (New Year bridging).
      const owner = years.get(year) ?? (month === 12 ? years.get(year + 1) : undefined);
      (owner ?? loose)[list].add(day);
    };
    for (const day of holidays.keys()) attribute(day, 'holidays');
    for (const day of workdays.keys()) attribute(day, 'workdays');
    return new WorkingDayCalendar(years, loose, options.statutoryHolidays ?? true);
  }

  /**
   * This calendar with `notice` in force for its year, replacing what the file or an earlier
   * notice said of that year. Throws on a notice that fails `noticeViolations`' structural rules.
   */
  withNotice(notice: WorkingDayNotice): WorkingDayCalendar {
    if (!Number.isInteger(notice.year) || notice.year < 1 || notice.year > 9999)
      throw new Error(`Invalid notice: year ${notice.year}`);
    const { holidays, workdays } = parseLists(notice.holidays, notice.workdays);
    for (const day of [...holidays.keys(), ...workdays.keys()]) {
      const { year, month } = civilFromDays(day);
      if (year !== notice.year && !(year === notice.year - 1 && month === 12)) {
        throw new Error(
          `Invalid notice for ${notice.year}: ${formatDay(day)} is neither in ${notice.year} nor in the December before`,
        );
      }
    }
    const years = new Map(this.years);
    years.set(notice.year, {
      holidays: new Set(holidays.keys()),
      workdays: new Set(workdays.keys()),
      origin: {
        year: notice.year,
        from: 'notice',
        source: notice.source,
        ...(notice.version === undefined ? {} : { version: notice.version }),
      },
    });
    return new WorkingDayCalendar(years, this.loose, this.statutory);
  }

  isWorkingDay(day: string): boolean {
    return this.isWorkingDayNumber(dayNumber(day, 'day'));
  }

  /** The n-th working day after `day` (`day` itself is not counted); n = 0 gives `day` itself. */
  addWorkingDays(day: string, n: number): string {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
    let current = dayNumber(day, 'day');
    for (let counted = 0; counted < n;) {
      current += 1;
      if (this.isWorkingDayNumber(current)) counted += 1;
    }
    return formatDay(current);
  }

  /** Working days in (from, to]: `from` is not counted, `to` is; 0 when `to` ≤ `from`. */
  workingDaysBetween(from: string, to: string): number {
    const start = dayNumber(from, 'from');
    const end = dayNumber(to, 'to');
    let count = 0;
    for (let current = start + 1; current <= end; current += 1) {
      if (this.isWorkingDayNumber(current)) count += 1;
    }
    return count;
  }

  /**
   * Whether the year of `day` is official: its lists come from the calendar file's covered years
   * or from an entered notice. Any other year is provisional — only its statutory holidays are
   * known (or nothing, with `statutoryHolidays: false`), so a result computed there may differ
   * from the one the notice will give. A calendar built without `coversYears` and no notice
   * promises no year: a few listed days say nothing about the rest.
   */
  covers(day: string): boolean {
    return this.years.has(civilFromDays(dayNumber(day, 'day')).year);
  }

  /** Whether every year from the year of `from` to the year of `to` is official. */
  coversRange(from: string, to: string): boolean {
    const first = civilFromDays(dayNumber(from, 'from')).year;
    const last = civilFromDays(dayNumber(to, 'to')).year;
    for (let year = first; year <= last; year++) if (!this.years.has(year)) return false;
    return true;
  }

  /** The official years, in order, with where their lists come from. */
  officialYears(): OfficialYear[] {
    return [...this.years.values()].map((y) => ({ ...y.origin })).sort((a, b) => a.year - b.year);
  }

  private isWorkingDayNumber(day: number): boolean {
    const { year, month } = civilFromDays(day);
    // New Year bridging: next year's notice may move a December day.
    const next = month === 12 ? this.years.get(year + 1) : undefined;
    if (next?.workdays.has(day)) return true;
    if (next?.holidays.has(day)) return false;
    const own = this.years.get(year);
    if (own) {
      if (own.workdays.has(day)) return true;
      if (own.holidays.has(day)) return false;
      return !isWeekend(day);
    }
    if (this.loose.workdays.has(day)) return true;
    if (this.loose.holidays.has(day)) return false;
    if (this.statutory && this.statutoryDaysOf(year).has(day)) return false;
    return !isWeekend(day);
  }

  private statutoryDaysOf(year: number): ReadonlySet<number> {
    let days = this.statutoryDays.get(year);
    if (!days) {
      days =
        year >= 0 && year <= 2100
          ? new Set(statutoryHolidays(year).map((h) => dayNumber(h.day, 'statutory holiday')))
          : new Set<number>();
      this.statutoryDays.set(year, days);
    }
    return days;
  }
}

// --- day arithmetic -----------------------------------------------------------------------------
// Days are counted from 1970-01-01 (day 0) with the proleptic Gregorian calendar (H. Hinnant's
// days_from_civil / civil_from_days). Pure integer maths: `Date.UTC` would map years 0–99 to
// 1900–1999, and local-time `Date` methods depend on the server's zone.

/** Whether `value` is a real date written YYYY-MM-DD. */
export function isIsoDay(value: unknown): boolean {
  return parseDay(value) !== undefined;
}

/** Whether `day` (a real YYYY-MM-DD date) is a Saturday or a Sunday. */
export function isWeekendDay(day: string): boolean {
  return isWeekend(dayNumber(day, 'day'));
}

/** `day` plus `n` calendar days (n may be negative). */
export function addCalendarDays(day: string, n: number): string {
  return formatDay(dayNumber(day, 'day') + n);
}

function dayNumber(value: string, name: string): number {
  const parsed = parseDay(value);
  if (parsed === undefined)
    throw new RangeError(`${name} must be a real date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return parsed;
}

function parseDay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DAY.exec(value);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function formatDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  if (year < 0 || year > 9999) throw new RangeError(`day number ${days} is outside years 0000–9999`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 (day 0) was a Thursday. */
function weekday(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

function isWeekend(days: number): boolean {
  const w = weekday(days);
  return w === 0 || w === 6;
}

function weekdayName(days: number): string {
  return WEEKDAY_NAMES[weekday(days)];
}

// --- spec validation ----------------------------------------------------------------------------

function parseList(list: unknown, name: 'holidays' | 'workdays'): Map<number, string> {
  if (!Array.isArray(list))
    throw new Error(`Invalid working-day calendar: ${name} must be an array of YYYY-MM-DD strings`);
  const days = new Map<number, string>();
  for (const entry of list as unknown[]) {
    const day = parseDay(entry);
    const singular = name === 'holidays' ? 'holiday' : 'workday';
    if (day === undefined) {
      throw new Error(
        `Invalid working-day calendar: ${singular} ${JSON.stringify(entry)} is not a real date as YYYY-MM-DD`,
      );
    }
    // A repeated day is harmless in itself but usually stands where another date was meant.
    if (days.has(day)) throw new Error(`Invalid working-day calendar: ${singular} "${String(entry)}" is listed twice`);
    days.set(day, entry as string);
  }
  return days;
}

/** Both lists, checked alone and against each other (see fromSpec). */
function parseLists(
  holidayList: unknown,
  workdayList: unknown,
): { holidays: Map<number, string>; workdays: Map<number, string> } {
  const holidays = parseList(holidayList, 'holidays');
  const workdays = parseList(workdayList, 'workdays');
  for (const [day, text] of holidays) {
    if (workdays.has(day))
      throw new Error(`Invalid working-day calendar: "${text}" is listed both as a holiday and as a workday`);
    if (isWeekend(day)) {
      throw new Error(
        `Invalid working-day calendar: holiday "${text}" falls on a ${weekdayName(day)}; list only Monday–Friday days off`,
      );
    }
  }
  for (const [day, text] of workdays) {
    if (!isWeekend(day)) {
      throw new Error(
        `Invalid working-day calendar: workday "${text}" falls on a ${weekdayName(day)}; list only weekend days worked (调休)`,
      );
    }
  }
  return { holidays, workdays };
}

function parseCoversYears(value: unknown): readonly [number, number] | undefined {
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !value.every((year) => Number.isInteger(year) && year >= 0 && year <= 9999) ||
    value[0] > value[1]
  ) {
    throw new Error(
      `Invalid working-day calendar: coversYears must be [firstYear, lastYear], got ${JSON.stringify(value)}`,
    );
  }
  return [value[0], value[1]];
}
