// Address text for geocoding: one normal form so that the same address typed by different
// departments (full-width digits, spaces, punctuation, 號) compares equal, and a light parse into
// the parts a geocoder matches on. Division names come from the GB/T 2260 table of
// @hub/identifiers, so "which county is this" is answered with a code, not a string.

import { divisionChain, isDivisionInForce, listDivisions, type DivisionEntry } from '@hub/identifiers';

export interface ParsedAddress {
  /** The address after normaliseAddress: what the parts below are cut from. */
  readonly normalised: string;
  /** Canonical GB/T 2260 names, also when the text used a short form (浙江 → 浙江省). */
  readonly province?: string;
  readonly city?: string;
  /** County-level division: 区, 县 or county-level 市. */
  readonly district?: string;
  /** 街道, 镇 or 乡. */
  readonly township?: string;
  readonly road?: string;
  /** House number with its suffix: 100号, 100-2号, 12弄3号. */
  readonly number?: string;
  /** Whatever follows: building, unit, room, a landmark name. */
  readonly rest: string;
  /**
   * Code of the most specific division named. A name no longer in force (下城区) gives its
   * retired code; currentSuccessors() of @hub/identifiers maps it to today's divisions.
   */
  readonly divisionCode?: string;
}

// Separators and punctuation: \p{P} covers 、，,。.·-—()（）[]【】《》“” etc., \p{S} symbols.
const SEPARATORS = /[\s\p{P}\p{S}]+/gu;
const DASH_ONLY = /^\s*\p{Pd}\s*$/u;

/**
 * The normal form of an address: NFKC (full-width letters and digits become ASCII), 號→号,
 * 衖→弄, '#' (as in 3#楼) → 号, all whitespace, punctuation and symbols removed, except that a
 * dash between two digits is kept as '-' (100-2号 is not 1002号), 第N号 → N号, Latin letters
 * upper-cased. Chinese numerals are left as they are.
 */
export function normaliseAddress(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/號/g, '号')
    .replace(/衖/g, '弄')
    .replace(/#/g, '号')
    .replace(SEPARATORS, (match: string, offset: number, whole: string) =>
      DASH_ONLY.test(match) && /\d/.test(whole[offset - 1] ?? '') && /\d/.test(whole[offset + match.length] ?? '')
        ? '-'
        : '',
    )
    .replace(/第(\d+(?:-\d+)?号)/g, '$1')
    .toUpperCase();
}

/**
 * Splits an address into division names, township, road, number and the rest. The division part
 * is matched against the division table level by level, each level optional ("拱墅区莫干山路100号"
 * is fine); a short name (浙江, 杭州) is accepted only when the next level follows it, so that
 * "佛山大道" stays a road. Never throws; unrecognised text ends up in `rest`.
 */
export function parseAddress(text: string): ParsedAddress {
  const normalised = normaliseAddress(text);
  const divisions = matchDivisions(normalised);
  let remaining = normalised.slice(divisions.length);
  const take = (pattern: RegExp): string | undefined => {
    const match = pattern.exec(remaining);
    if (match === null) return undefined;
    remaining = remaining.slice(match[0].length);
    return match[0];
  };
  const township = take(TOWNSHIP);
  const road = take(ROAD);
  const number = take(NUMBER);
  const mostSpecific = divisions.district ?? divisions.city ?? divisions.province;
  return {
    normalised,
    ...(divisions.province && { province: divisions.province.name }),
    ...(divisions.city && { city: divisions.city.name }),
    ...(divisions.district && { district: divisions.district.name }),
    ...(township !== undefined && { township }),
    ...(road !== undefined && { road }),
    ...(number !== undefined && { number }),
    rest: remaining,
    ...(mostSpecific && { divisionCode: mostSpecific.code }),
  };
}

// A township name ends in 街道/镇/乡 and has no digits; not when the suffix begins a road (镇海路).
const TOWNSHIP = /^\D{1,12}?(?:街道|镇|乡)(?![路街道巷弄])/u;
// A road ends in 大道/路/街/巷/胡同/道, optionally with a direction before the number (南海大道北123号).
const ROAD = /^\D+?(?:大道|路|街|巷|胡同|道)(?:[东西南北中](?=\d))?/u;
// 100号, 100-2号, 12弄, 12弄3号.
const NUMBER = /^\d+(?:-\d+)?号|^\d+弄(?:\d+(?:-\d+)?号)?/u;

// --- division names -----------------------------------------------------------------------------

// Table entries whose names are placeholders, not places one writes in an address.
const GENERIC_NAMES = new Set(['市辖区', '县', '城区', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const PROVINCE_SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];
const PREFECTURE_SUFFIXES = ['自治州', '地区', '市', '盟'];

interface NameCandidate {
  readonly entry: DivisionEntry;
  readonly name: string;
  readonly short: boolean;
  readonly inForce: boolean;
}

interface DivisionMatch {
  readonly province?: DivisionEntry;
  readonly city?: DivisionEntry;
  readonly district?: DivisionEntry;
  /** Characters of the text consumed. */
  readonly length: number;
}

let candidates: readonly NameCandidate[] | undefined;

function nameCandidates(): readonly NameCandidate[] {
  if (candidates !== undefined) return candidates;
  const list: NameCandidate[] = [];
  for (const entry of listDivisions()) {
    if (GENERIC_NAMES.has(entry.name)) continue;
    const inForce = isDivisionInForce(entry.code);
    list.push({ entry, name: entry.name, short: false, inForce });
    const suffixes =
      entry.level === 'province' ? PROVINCE_SUFFIXES : entry.level === 'prefecture' ? PREFECTURE_SUFFIXES : [];
    const suffix = suffixes.find((s) => entry.name.endsWith(s));
    if (suffix !== undefined && entry.name.length - suffix.length >= 2) {
      list.push({ entry, name: entry.name.slice(0, -suffix.length), short: true, inForce });
    }
  }
  // Preference among names matching at the same place: full before short, in force before
  // retired, longer before shorter, the most recently retired first, then by code.
  candidates = list.sort(
    (a, b) =>
      Number(a.short) - Number(b.short) ||
      Number(b.inForce) - Number(a.inForce) ||
      b.name.length - a.name.length ||
      (b.entry.validTo ?? '').localeCompare(a.entry.validTo ?? '') ||
      a.entry.code.localeCompare(b.entry.code),
  );
  return candidates;
}

function isWithin(entry: DivisionEntry, ancestor: DivisionEntry | undefined): boolean {
  // The parent chain, not the code prefix: it also covers province-administered cities (339005).
  return (
    ancestor === undefined ||
    divisionChain(entry.code)
      .slice(1)
      .some((parent) => parent.code === ancestor.code)
  );
}

function options(
  text: string,
  at: number,
  level: DivisionEntry['level'],
  within: DivisionEntry | undefined,
): NameCandidate[] {
  return nameCandidates().filter(
    (c) =>
      c.entry.level === level &&
      text.startsWith(c.name, at) &&
      isWithin(c.entry, within) &&
      !(level === 'county' && c.short),
  );
}

// Tries province → city → district, each level present or absent, full names first; returns the
// first combination where every short name is followed by the next level.
function matchDivisions(text: string): DivisionMatch {
  const none = [undefined];
  for (const province of [...options(text, 0, 'province', undefined), ...none]) {
    const afterProvince = province?.name.length ?? 0;
    for (const city of [...options(text, afterProvince, 'prefecture', province?.entry), ...none]) {
      if (province?.short && city === undefined && options(text, afterProvince, 'county', province.entry).length === 0)
        continue;
      const afterCity = afterProvince + (city?.name.length ?? 0);
      const district = options(text, afterCity, 'county', city?.entry ?? province?.entry)[0];
      if (city?.short && district === undefined) continue;
      return {
        ...(province && { province: province.entry }),
        ...(city && { city: city.entry }),
        ...(district && { district: district.entry }),
        length: afterCity + (district?.name.length ?? 0),
      };
    }
  }
  return { length: 0 };
}
