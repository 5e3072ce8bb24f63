// The public holidays the law fixes in advance (全体公民放假的节日), without the State Council's
// yearly arrangement (调休): what a year's calendar is before its notice is out.
//
// 全国年节及纪念日放假办法, 第二条, as amended by 国务院令第795号 (2024-11-10, in force 2025-01-01):
//   (一) 元旦 1 day (1月1日); (二) 春节 4 days (农历除夕、正月初一至初三); (三) 清明节 1 day (农历清明当日);
//   (四) 劳动节 2 days (5月1日、2日); (五) 端午节 1 day (农历端午当日); (六) 中秋节 1 day (农历中秋当日);
//   (七) 国庆节 3 days (10月1日至3日).
// The earlier versions (2013 revision, in force 2014–2024: 春节 正月初一至初三, 劳动节 5月1日; 2007
// revision, 2008–2013: 春节 除夕、初一、初二) are kept so that a past year is not counted under
// today's rules. Before 2008 the law had no Qingming, Dragon Boat or Mid-Autumn holiday and three
// "golden weeks": not modelled — years before 2008 have no statutory days here.
//
// Lunar dates come from lunar-typescript (6tail, MIT): the first day of the first lunar month, the
// 5th of the 5th and the 15th of the 8th (never a leap month), and the Qingming solar term, in
// China Standard Time.

import { Lunar, Solar } from 'lunar-typescript';

export interface StatutoryHoliday {
  /** YYYY-MM-DD */
  day: string;
  /** e.g. 春节（正月初一） */
  name: string;
}

interface LawVersion {
  from: number;
  springFestival: 'eve-to-second' | 'first-to-third' | 'eve-to-third';
  labourDays: 1 | 2;
}

/** Newest first: the version in force in a year is the first whose `from` is not after it. */
const LAW_VERSIONS: readonly LawVersion[] = [
  { from: 2025, springFestival: 'eve-to-third', labourDays: 2 },
  { from: 2014, springFestival: 'first-to-third', labourDays: 1 },
  { from: 2008, springFestival: 'eve-to-second', labourDays: 1 },
];

/** The first year whose statutory holidays are known here. */
export const FIRST_STATUTORY_YEAR = 2008;
/** A year later than this is refused: the lunar tables are not meant for it, and it is a typo. */
export const LAST_STATUTORY_YEAR = 2100;

const cache = new Map<number, readonly StatutoryHoliday[]>();

/**
 * The statutory holidays of `year`, in date order, each day once (a festival falling on another —
 * Mid-Autumn on 1–3 October, as in 2028 — gives one day). Weekends included: whether a statutory
 * day on a weekend is made up on a weekday (补休) is the notice's to say. Empty before 2008.
 */
export function statutoryHolidays(year: number): readonly StatutoryHoliday[] {
  if (!Number.isInteger(year) || year < 0 || year > LAST_STATUTORY_YEAR) {
    throw new RangeError(`year must be an integer up to ${LAST_STATUTORY_YEAR}, got ${year}`);
  }
  let holidays = cache.get(year);
  if (!holidays) {
    holidays = compute(year);
    cache.set(year, holidays);
  }
  return holidays;
}

/** How many days off the law gives in `year` (13 from 2025, 11 from 2008 to 2024). */
export function statutoryDayCount(year: number): number {
  const law = lawFor(year);
  if (!law) return 0;
  return 1 + (law.springFestival === 'eve-to-third' ? 4 : 3) + 1 + law.labourDays + 1 + 1 + 3;
}

function lawFor(year: number): LawVersion | undefined {
  return LAW_VERSIONS.find((v) => v.from <= year);
}

function compute(year: number): readonly StatutoryHoliday[] {
  const law = lawFor(year);
  if (!law) return [];
  const days: StatutoryHoliday[] = [];
  const add = (solar: Solar, name: string) => days.push({ day: solar.toYmd(), name });
  add(Solar.fromYmd(year, 1, 1), '元旦');
  // 正月初一 of the lunar year that begins in `year` (always between 21 January and 20 February).
  const newYear = Lunar.fromYmd(year, 1, 1).getSolar();
  const springFestival: Array<[number, string]> = {
    'eve-to-second': [
      [-1, '除夕'],
      [0, '正月初一'],
      [1, '正月初二'],
    ] as Array<[number, string]>,
    'first-to-third': [
      [0, '正月初一'],
      [1, '正月初二'],
      [2, '正月初三'],
    ] as Array<[number, string]>,
    'eve-to-third': [
      [-1, '除夕'],
      [0, '正月初一'],
      [1, '正月初二'],
      [2, '正月初三'],
    ] as Array<[number, string]>,
  }[law.springFestival];
  for (const [offset, name] of springFestival) add(newYear.next(offset), `春节（${name}）`);
  add(qingming(year), '清明节');
  for (let d = 1; d <= law.labourDays; d++) add(Solar.fromYmd(year, 5, d), '劳动节');
  add(Lunar.fromYmd(year, 5, 5).getSolar(), '端午节');
  add(Lunar.fromYmd(year, 8, 15).getSolar(), '中秋节');
  for (let d = 1; d <= 3; d++) add(Solar.fromYmd(year, 10, d), '国庆节');
  // One entry per day, in date order: a coinciding festival joins the names.
  const byDay = new Map<string, string>();
  for (const { day, name } of days) byDay.set(day, byDay.has(day) ? `${byDay.get(day)}、${name}` : name);
  return [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, name]) => ({ day, name }));
}

/** The day of the Qingming solar term (4 or 5 April, rarely the 3rd or 6th). */
function qingming(year: number): Solar {
  for (let day = 3; day <= 6; day++) {
    const solar = Solar.fromYmd(year, 4, day);
    if (solar.getLunar().getJieQi() === '清明') return solar;
  }
  throw new Error(`no Qingming solar term found in early April ${year}`);
}
