// 公民身份号码, GB 11643-1999: the key of the population base library. An 18-character number is
// 6-digit area code + birth date YYYYMMDD + 3-digit sequence (odd for men) + ISO 7064 MOD 11-2
// check character; numbers issued before 1999 had 15 digits (two-digit year, no check).

import { formatIsoDate, isRealDate, resolveDate } from './calendar.js';
import { isProvincePrefix } from './division-codes.js';
import { failure, success, type IdentifierResult } from './identifier-result.js';

export type Gender = 'male' | 'female';

export interface CitizenId {
  /** Normalised 18-character number, check character 'X' upper-case. */
  readonly idNumber: string;
  readonly areaCode: string;
  /** 'YYYY-MM-DD'. */
  readonly birthDate: string;
  readonly gender: Gender;
  /** The 3-digit order code; odd for men, even for women. */
  readonly sequence: string;
  /** True when the input was a 15-digit legacy number, converted to 18. */
  readonly legacy15: boolean;
}

export type CitizenIdErrorCode =
  'CITIZEN_ID_FORMAT' | 'CITIZEN_ID_CHECK_DIGIT' | 'CITIZEN_ID_AREA_CODE' | 'CITIZEN_ID_BIRTH_DATE';

export type CitizenIdResult = IdentifierResult<CitizenId, CitizenIdErrorCode>;

export interface CitizenIdOptions {
  /** The reference day for "born in the future" ('YYYY-MM-DD' or a Date read in Beijing time); default today. */
  readonly today?: string | Date;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

// Residence permits for Taiwan residents (港澳台居民居住证, 2018) carry a GB 11643 number with
// area code 830000, which is no GB/T 2260 province; Hong Kong and Macao residents get 810000 and
// 820000, which are. Foreigners' permanent residence cards start with 9 and are another
// identifier, so 9x is not accepted here.
const EXTRA_AREA_PREFIXES: ReadonlySet<string> = new Set(['83']);

export function citizenIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`citizenIdCheckDigit needs the first 17 digits, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS.charAt(sum % 11);
}

export function convertCitizenId15To18(id15: string): string {
  if (!/^\d{15}$/.test(id15)) {
    throw new RangeError(`convertCitizenId15To18 needs a 15-digit number, got "${id15}"`);
  }
  // 15-digit numbers were issued only to people born in the 1900s.
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + citizenIdCheckDigit(first17);
}

export function parseCitizenId(input: string, options: CitizenIdOptions = {}): CitizenIdResult {
  const raw = input.trim().toUpperCase();
  if (raw.length === 15) return parseLegacy(raw, options);
  if (raw.length !== 18) {
    return failure(
      'CITIZEN_ID_FORMAT',
      `citizen ID must be 18 characters (or 15 digits for a legacy number), got ${raw.length}`,
    );
  }
  const badPosition = firstBadPosition(raw.slice(0, 17), /\d/);
  if (badPosition !== -1) {
    return failure(
      'CITIZEN_ID_FORMAT',
      `character ${badPosition + 1} is "${raw[badPosition]}"; the first 17 characters must be digits`,
    );
  }
  const given = raw.charAt(17);
  if (!/[\dX]/.test(given)) {
    return failure('CITIZEN_ID_FORMAT', `check character is "${given}"; it must be a digit or X`);
  }
  const expected = citizenIdCheckDigit(raw.slice(0, 17));
  if (given !== expected) {
    return failure('CITIZEN_ID_CHECK_DIGIT', `check digit is ${given}, expected ${expected}`);
  }
  return toCitizenId(raw, raw.slice(6, 14), false, options);
}

export function isValidCitizenId(input: string, options: CitizenIdOptions = {}): boolean {
  return parseCitizenId(input, options).ok;
}

function parseLegacy(raw: string, options: CitizenIdOptions): CitizenIdResult {
  const badPosition = firstBadPosition(raw, /\d/);
  if (badPosition !== -1) {
    return failure(
      'CITIZEN_ID_FORMAT',
      `character ${badPosition + 1} is "${raw[badPosition]}"; a 15-character legacy number is all digits`,
    );
  }
  return toCitizenId(convertCitizenId15To18(raw), `19${raw.slice(6, 12)}`, true, options);
}

// The area and birth-date rules run after the check digit: a number that fails its check was
// mistyped, and reporting the typo is more useful than what the typo happens to look like.
function toCitizenId(
  idNumber: string,
  yyyymmdd: string,
  legacy15: boolean,
  options: CitizenIdOptions,
): CitizenIdResult {
  const areaCode = idNumber.slice(0, 6);
  const prefix = areaCode.slice(0, 2);
  if (!isProvincePrefix(prefix) && !EXTRA_AREA_PREFIXES.has(prefix)) {
    return failure(
      'CITIZEN_ID_AREA_CODE',
      `area code ${areaCode} does not start with a province-level code (${prefix} is none)`,
    );
  }
  const birthDateError = checkBirthDate(yyyymmdd, options);
  if (birthDateError !== undefined) return failure('CITIZEN_ID_BIRTH_DATE', birthDateError);
  const sequence = idNumber.slice(14, 17);
  return success({
    idNumber,
    areaCode,
    birthDate: toIsoDate(yyyymmdd),
    gender: Number(sequence) % 2 === 1 ? 'male' : 'female',
    sequence,
    legacy15,
  });
}

function checkBirthDate(yyyymmdd: string, options: CitizenIdOptions): string | undefined {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (!isRealDate(year, month, day)) return `birth date ${yyyymmdd} is not a real calendar date`;
  const birthDate = formatIsoDate(year, month, day);
  if (birthDate < EARLIEST_BIRTH_DATE) return `birth date ${birthDate} is before ${EARLIEST_BIRTH_DATE}`;
  const today = resolveDate(options.today, 'today');
  if (birthDate > today) return `birth date ${birthDate} is in the future (today is ${today})`;
  return undefined;
}

function toIsoDate(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

function firstBadPosition(text: string, allowed: RegExp): number {
  for (let i = 0; i < text.length; i += 1) {
    if (!allowed.test(text.charAt(i))) return i;
  }
  return -1;
}
