import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The four base libraries declare their registers once (libs/register: RegisterRow,
// RegisterModule.forFeature, the page-size and cursor fields …); what they share lives there, not in
// copies. This keeps it so: no run of 10 or more lines (trimmed) stands in two libraries' folders.
// Left out: migrations (history, never edited) and import statements (naming the same helpers is
// not repeating them).
const LIBRARIES = ['population', 'legal-entity', 'credit', 'geospatial'];
const MIN_LINES = 10;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The file's lines, trimmed, import statements left out; each with its line number in the file. */
function comparableLines(text: string): Array<{ line: number; text: string }> {
  const kept: Array<{ line: number; text: string }> = [];
  let inImport = false;
  // The newline that ends the file ends its last line; it starts none.
  text
    .replace(/\n$/, '')
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.trim();
      if (!inImport && /^import\s/.test(line)) inImport = !/from\s+'[^']+';$|^import\s+'[^']+';$/.test(line);
      else if (inImport) inImport = !/from\s+'[^']+';$/.test(line);
      else kept.push({ line: index + 1, text: line });
    });
  return kept;
}

/** A window is worth reporting when at least half its lines say something (not blank, not a comment mark or a brace). */
const substantial = (window: string[]): boolean =>
  window.filter((line) => /[A-Za-z0-9]/.test(line) && !/^(\/\*\*|\*\/|\*|\/\/)$/.test(line)).length >=
  window.length / 2;

/** Runs of at least `min` equal lines between two files: [line in a, line in b, length]. */
function sharedRuns(
  a: Array<{ line: number; text: string }>,
  b: Array<{ line: number; text: string }>,
  min = MIN_LINES,
): Array<[number, number, number]> {
  const windows = new Map<string, number>();
  for (let j = 0; j + min <= b.length; j++) {
    const key = b
      .slice(j, j + min)
      .map((l) => l.text)
      .join('\n');
    if (!windows.has(key)) windows.set(key, j);
  }
  const runs: Array<[number, number, number]> = [];
  for (let i = 0; i + min <= a.length;) {
    const window = a.slice(i, i + min).map((l) => l.text);
    const j = windows.get(window.join('\n'));
    if (j === undefined || !substantial(window)) {
      i++;
      continue;
    }
    let length = min;
    while (i + length < a.length && j + length < b.length && a[i + length].text === b[j + length].text) length++;
    runs.push([a[i].line, b[j].line, length]);
    i += length;
  }
  return runs;
}

describe("the four registers' folders repeat no block", () => {
  it('finds a shared run when there is one (the check itself)', () => {
    const block = Array.from({ length: 12 }, (_, k) => `const a${k} = ${k};`).join('\n');
    expect(sharedRuns(comparableLines(`x\n${block}\ny`), comparableLines(`z\nz\n${block}`))).toEqual([[2, 3, 12]]);
    const nine = block.split('\n').slice(0, 9).join('\n');
    expect(sharedRuns(comparableLines(nine), comparableLines(block))).toEqual([]);
    expect(comparableLines("import {\n  a,\n  b,\n} from '@hub/x';\nconst c = 1;")).toEqual([
      { line: 5, text: 'const c = 1;' },
    ]);
  });

  it(`has no run of ${MIN_LINES} or more equal lines across two libraries (migrations and imports aside)`, () => {
    const files = Object.fromEntries(
      LIBRARIES.map((library) => [
        library,
        sourceFiles(join('apps', library, 'src')).map((path) => ({
          path,
          lines: comparableLines(readFileSync(path, 'utf8')),
        })),
      ]),
    );
    const repeated: string[] = [];
    LIBRARIES.forEach((first, index) => {
      for (const second of LIBRARIES.slice(index + 1)) {
        for (const a of files[first]) {
          for (const b of files[second]) {
            for (const [i, j, length] of sharedRuns(a.lines, b.lines)) {
              repeated.push(`${a.path}:${i} ~ ${b.path}:${j} (${length} lines)`);
            }
          }
        }
      }
    });
    expect(repeated).toEqual([]);
  });
});
