// Deterministic generators of valid identifiers for tests and the demo-data seeder: the same seed
// gives the same identifiers on every machine, and every one passes its own parser.

import { formatIsoDate, daysInMonth, isIsoDate } from './calendar.js';
import { citizenIdCheckDigit, type Gender } from './citizen-id.js';
import { DIVISION_TABLE_VERSION, listDivisions } from './division-codes.js';
import { organisationCodeCheckCharacter } from './organisation-code.js';
import { USCC_CHARSET, usccCheckCharacter } from './uscc.js';
import { USCC_AUTHORITIES } from './uscc-categories.js';

/** A source of numbers uniformly distributed in [0, 1), like Math.random. */
export type RandomSource = () => number;

export interface CitizenIdGeneratorOptions {
  /** 6-digit area code; default: a county-level code in force in the division table. */
  readonly areaCode?: string;
  /** 'YYYY-MM-DD'; default: a day between 1940-01-01 and 2005-12-31. */
  readonly birthDate?: string;
  readonly gender?: Gender;
}

export interface UsccGeneratorOptions {
  /** Registering-authority character; default: any authority of GB 32100 Appendix A. */
  readonly authority?: string;
  /** Category character within the authority; default: any category of that authority. */
  readonly category?: string;
  /** 6-digit area code; default: a county-level code in force in the division table. */
  readonly areaCode?: string;
}

// mulberry32: tiny, fast and well distributed enough for test data; not for anything secret.
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateCitizenId(random: RandomSource, options: CitizenIdGeneratorOptions = {}): string {
  const areaCode = options.areaCode ?? pick(random, inForceCountyCodes());
  if (!/^\d{6}$/.test(areaCode)) throw new RangeError(`areaCode must be 6 digits, got "${areaCode}"`);
  const birthDate = options.birthDate ?? randomDate(random, 1940, 2005);
  if (!isIsoDate(birthDate)) throw new RangeError(`birthDate must be a real date as YYYY-MM-DD, got "${birthDate}"`);
  const gender = options.gender ?? (random() < 0.5 ? 'male' : 'female');
  // Odd order codes are men's, even are women's; 000 is avoided as it is not issued.
  const half = 1 + integer(random, 499);
  const sequence = String(gender === 'male' ? half * 2 - 1 : half * 2).padStart(3, '0');
  const first17 = areaCode + birthDate.replaceAll('-', '') + sequence;
  return first17 + citizenIdCheckDigit(first17);
}

export function generateUscc(random: RandomSource, options: UsccGeneratorOptions = {}): string {
  const authority =
    options.authority === undefined
      ? pick(random, USCC_AUTHORITIES)
      : USCC_AUTHORITIES.find((candidate) => candidate.code === options.authority);
  if (authority === undefined) throw new RangeError(`unknown registering authority "${options.authority}"`);
  const category =
    options.category === undefined
      ? pick(random, authority.categories)
      : authority.categories.find((candidate) => candidate.code === options.category);
  if (category === undefined) {
    throw new RangeError(`category "${options.category}" is not defined for authority ${authority.code}`);
  }
  const areaCode = options.areaCode ?? pick(random, inForceCountyCodes());
  if (!/^\d{6}$/.test(areaCode)) throw new RangeError(`areaCode must be 6 digits, got "${areaCode}"`);
  let body = '';
  for (let i = 0; i < 8; i += 1) body += USCC_CHARSET.charAt(integer(random, USCC_CHARSET.length));
  const first17 = authority.code + category.code + areaCode + body + organisationCodeCheckCharacter(body);
  return first17 + usccCheckCharacter(first17);
}

// Fixed to the table's edition, not today, so that a seed gives the same codes whenever it runs.
function inForceCountyCodes(): string[] {
  return listDivisions({ level: 'county', inForceAt: `${DIVISION_TABLE_VERSION}-12-31` }).map((entry) => entry.code);
}

function randomDate(random: RandomSource, fromYear: number, toYear: number): string {
  const year = fromYear + integer(random, toYear - fromYear + 1);
  const month = 1 + integer(random, 12);
  const day = 1 + integer(random, daysInMonth(year, month));
  return formatIsoDate(year, month, day);
}

function integer(random: RandomSource, below: number): number {
  return Math.min(below - 1, Math.floor(random() * below));
}

function pick<T>(random: RandomSource, items: readonly T[]): T {
  const item = items[integer(random, items.length)];
  if (item === undefined) throw new RangeError('nothing to pick from');
  return item;
}
