// npm run registry:sync    writes the files generated from the registry (libs/config/src/app-registry.ts):
//                          nest-cli.json's projects, the `@hub/<lib>` paths of tsconfig.json and .swcrc
// npm run registry:check   fails (exit 1) when one of them is not what the registry gives (CI runs it)
// node dist/scripts/registry-sync.js --list port-variables
//                          prints the subgraphs' port variables, one a line (CI's smoke test gives
//                          each a free port)
//
// Only the generated parts change: the rest of each file (compiler options, excludes) stays as written.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APPS, LIBS, SUBGRAPH_APPS } from '@hub/config';

export interface GeneratedFile {
  /** Relative to the repository's root. */
  path: string;
  /** What the file should hold, given what it holds now. */
  expected: string;
  actual: string;
}

/** The `paths` of tsconfig.json and .swcrc: `@hub/<lib>` → the library's public surface. */
export function libPaths(): Record<string, string[]> {
  return Object.fromEntries(LIBS.map((lib) => [`@hub/${lib.name}`, [`./libs/${lib.name}/src/index.ts`]]));
}

/** nest-cli.json's `projects`: every Nest app (not the Vite-built console), then every library. */
export function nestProjects(): Record<string, { type: string; root: string; entryFile: string; sourceRoot: string }> {
  return Object.fromEntries([
    ...APPS.filter((app) => app.kind !== 'console').map((app) => [
      app.name,
      { type: 'application', root: `apps/${app.name}`, entryFile: 'main', sourceRoot: `apps/${app.name}/src` },
    ]),
    ...LIBS.map((lib) => [
      lib.name,
      { type: 'library', root: `libs/${lib.name}`, entryFile: 'index', sourceRoot: `libs/${lib.name}/src` },
    ]),
  ]);
}

/**
 * Replaces the body of the JSON object `"paths": { … }` in `text` with `paths`, one entry a line at
 * the indentation the file uses there (so a file formatted by hand keeps its look).
 */
export function withPaths(text: string, paths: Record<string, string[]>, file: string): string {
  const match = /^([ \t]*)"paths": \{/m.exec(text);
  if (!match) throw new Error(`${file} has no "paths": { … } to generate`);
  const open = match.index + match[0].length;
  const close = text.indexOf('}', open);
  const indent = `${match[1]}  `;
  const entries = Object.entries(paths).map(
    ([alias, targets]) => `${indent}${JSON.stringify(alias)}: [${targets.map((t) => JSON.stringify(t)).join(', ')}]`,
  );
  return `${text.slice(0, open)}\n${entries.join(',\n')}\n${match[1]}${text.slice(close)}`;
}

export async function generatedFiles(root = process.cwd()): Promise<GeneratedFile[]> {
  const read = (path: string) => readFile(join(root, path), 'utf8');
  const files: GeneratedFile[] = [];
  const nest = await read('nest-cli.json');
  files.push({
    path: 'nest-cli.json',
    actual: nest,
    expected: `${JSON.stringify({ ...JSON.parse(nest), projects: nestProjects() }, null, 2)}\n`,
  });
  for (const path of ['tsconfig.json', '.swcrc']) {
    const actual = await read(path);
    files.push({ path, actual, expected: withPaths(actual, libPaths(), path) });
  }
  return files;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args[0] === '--list') {
    const lists: Record<string, readonly string[]> = {
      'port-variables': SUBGRAPH_APPS.map((app) => app.port.variable),
    };
    const list = lists[args[1] ?? ''];
    if (!list) {
      console.error(`usage: registry-sync --list <${Object.keys(lists).join('|')}>`);
      return 2;
    }
    console.log(list.join('\n'));
    return 0;
  }
  const check = args.includes('--check');
  const files = await generatedFiles();
  const stale = files.filter((file) => file.actual !== file.expected);
  if (check) {
    if (stale.length === 0) {
      console.log(
        `${files.map((f) => f.path).join(', ')}: as the registry (libs/config/src/app-registry.ts) gives them.`,
      );
      return 0;
    }
    console.error(
      `${stale.map((f) => f.path).join(', ')}: not what the registry (libs/config/src/app-registry.ts) gives. Run \`npm run registry:sync\` and commit the result.`,
    );
    return 1;
  }
  for (const file of stale) await writeFile(file.path, file.expected);
  console.log(
    stale.length
      ? `Wrote ${stale.map((f) => f.path).join(', ')}`
      : 'Nothing to write: every generated file is current.',
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
