// Calendar dates as 'YYYY-MM-DD' strings: they compare correctly as strings and carry no time zone.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Government business runs on Beijing time (UTC+8, no daylight saving): "today" for a birth date
// near midnight must not depend on the server's zone.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar day of an instant in China Standard Time (UTC+8, no daylight saving). */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

// Accepts what callers naturally hold (a Date, an ISO date, or nothing for "now") and rejects
// anything else loudly: a malformed reference date is a programming error, not user input.
export function resolveDate(value: string | Date | undefined, name: string): string {
  if (value === undefined) return chinaDate(new Date());
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError(`${name} is an invalid Date`);
    return chinaDate(value);
  }
  if (!isIsoDate(value)) throw new RangeError(`${name} must be a real date as YYYY-MM-DD, got "${value}"`);
  return value;
}
