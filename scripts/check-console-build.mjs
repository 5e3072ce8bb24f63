// Checks the console's build (dist/console, from `vite build --config apps/console/vite.config.ts`)
// after `npm run build:console`:
//   - no file of it would make a browser fetch from another origin (the GraphiQL build's scan);
//   - the initial JavaScript (index.html's entry script and the chunks it preloads; the pages are
//     lazy chunks loaded on navigation) stays within the budget of 500 KB gzipped (issue 11).
// Prints one summary line; on failure exits 1 and removes dist/console, so nothing unchecked is served.
/* global console, process -- Node globals; the lint config declares no environment for .mjs files */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { scan } from './build-graphiql.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/console');
export const INITIAL_JS_BUDGET = 500 * 1024;

/**
 * Fetchable-looking references known not to be fetched: the exact URL, where, and why. The browser
 * test (test/console.e2e.spec.ts) records every request of the page and the CSP allows 'self' only.
 */
const ALLOW_LIST = [
  // react-router parses paths against a dummy base (`new URL(path, "http://localhost")`) to split
  // pathname, search and hash; the URL is never requested. Rollup puts react-router in whichever
  // chunk the entry and the pages share (index-*.js, or e.g. session-*.js once a page uses its hooks).
  { url: 'http://localhost', file: /^dist\/console\/assets\/[\w-]+\.js$/ },
];

/** The JS files index.html loads before the first paint, and their gzipped size in bytes. */
export async function initialJs(dir = outDir) {
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="\/console\/(assets\/[^"]+\.js)"/g)].map(
    (m) => m[1],
  );
  let gzipped = 0;
  for (const ref of new Set(refs)) gzipped += gzipSync(await readFile(path.join(dir, ref)), { level: 9 }).length;
  return { files: [...new Set(refs)], gzipped };
}

async function main() {
  const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
  const external = (await scan(files)).external.filter(
    (f) => !ALLOW_LIST.some((a) => a.url === f.url && a.file.test(f.file)),
  );
  if (external.length > 0) {
    for (const f of external) console.error(`external reference: ${f.url}\n  in ${f.file}: …${f.context}…`);
    throw new Error(`${external.length} external URL reference(s) in dist/console (see above)`);
  }
  const { files: initial, gzipped } = await initialJs();
  if (initial.length === 0) throw new Error('dist/console/index.html loads no script');
  const kb = (gzipped / 1024).toFixed(1);
  if (gzipped > INITIAL_JS_BUDGET)
    throw new Error(`initial JavaScript is ${kb} KB gzipped, over the budget of ${INITIAL_JS_BUDGET / 1024} KB`);
  console.log(
    `console: built dist/console: ${files.length} files, initial JavaScript ${kb} KB gzipped (budget 500 KB), no external references`,
  );
}

if (import.meta.main) {
  main().catch(async (error) => {
    console.error(`console: build check failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    await rm(outDir, { recursive: true, force: true });
  });
}
