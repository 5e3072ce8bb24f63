// Builds the gateway's GraphiQL page (apps/gateway/graphiql/) into dist/graphiql/ with esbuild,
// then checks that nothing in the output would make a browser fetch from another origin.
//
//   node scripts/build-graphiql.mjs [--verbose]
//
// Output (served by the gateway: the page at <prefix>/graphiql, the rest at <prefix>/graphiql/assets/):
//   dist/graphiql/index.html          the page, not hashed: serve with `Cache-Control: no-cache`
//   dist/graphiql/assets/*-<hash>.*   content-hashed ESM chunks, CSS and the three Monaco workers:
//                                     serve with `Cache-Control: public, max-age=31536000, immutable`
//
// Government networks have no CDN access, and the hub must make no outbound connection, so the
// build fails if a file of the output references an external URL in a place a browser would load
// it from (see `scan` below). It prints one summary line; --verbose adds the files and the URLs that
// were judged harmless text. On any failure: exit code 1 and dist/graphiql/ removed.
/* global console, process -- Node globals; the lint config declares no environment for .mjs files */
import { createRequire } from 'node:module';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'apps/gateway/graphiql');
const outDir = path.join(root, 'dist/graphiql');
const assetsDir = path.join(outDir, 'assets');
// index.html is served at <prefix>/graphiql, so its asset links are relative to <prefix>/.
const assetsUrlPath = 'graphiql/assets/';
const verbose = process.argv.includes('--verbose');

/** A failure explained by its message alone (no stack trace printed). */
class BuildError extends Error {}

/** Browsers the page is built for: evergreen browsers of the last ~2 years. */
const target = ['es2022', 'chrome111', 'edge111', 'firefox115', 'safari16.4'];

/** Options shared by the page bundle and the worker bundles. */
const common = {
  absWorkingDir: root,
  bundle: true,
  minify: true,
  target,
  platform: 'browser',
  // Production React (and graphql-js without its development-only instanceof checks).
  define: { 'process.env.NODE_ENV': '"production"' },
  // Keep the licence headers (/*! … */, @license) of the bundled packages, at the end of each file.
  legalComments: 'eof',
  outdir: assetsDir,
  entryNames: '[name]-[hash]',
  chunkNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  metafile: true,
  logLevel: 'silent',
};

/** `require` as seen from @graphiql/react, the package that imports Monaco. */
function requireFromGraphiqlReact() {
  const requireFromRoot = createRequire(path.join(root, 'package.json'));
  const requireFromGraphiql = createRequire(requireFromRoot.resolve('graphiql/package.json'));
  return createRequire(requireFromGraphiql.resolve('@graphiql/react/package.json'));
}

/**
 * The Monaco workers GraphiQL 5 starts (labels `editorWorkerService`, `json`, `graphql`), resolved
 * the way @graphiql/react resolves Monaco, so they come from the very copy of monaco-editor and
 * monaco-graphql the page bundle uses (the page and its workers talk a version-specific protocol).
 */
function workerEntryPoints() {
  const requireFromReact = requireFromGraphiqlReact();
  return {
    'editor.worker': requireFromReact.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
    'json.worker': requireFromReact.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
    'graphql.worker': requireFromReact.resolve('monaco-graphql/esm/graphql.worker.js'),
  };
}

/**
 * graphiql/style.css already holds all of Monaco's CSS (graphiql builds it in for CDN users), and
 * monaco-editor's ESM modules import their own .css files as well. Bundling both would put Monaco's
 * CSS twice into the page's stylesheet and, because esbuild gives every lazily loaded chunk its own
 * CSS file that nothing ever loads, leave ~0.85 MB of dead .css files in the output. So the .css
 * imports made from inside monaco-editor are dropped, and the build checks that style.css was made
 * from the same Monaco version as the JS being bundled.
 */
const monacoCssFromGraphiqlStyle = {
  name: 'monaco-css-from-graphiql-style',
  setup(build) {
    const monacoDir = `${path.sep}node_modules${path.sep}monaco-editor${path.sep}`;
    build.onResolve({ filter: /\.css$/ }, (args) =>
      args.importer.includes(monacoDir) ? { path: args.path, namespace: 'monaco-css' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'monaco-css' }, () => ({ contents: '', loader: 'empty' }));
  },
};

async function checkMonacoCssVersion() {
  const { version } = requireFromGraphiqlReact()('monaco-editor/package.json');
  const style = await readFile(createRequire(path.join(root, 'package.json')).resolve('graphiql/style.css'), 'utf8');
  if (!style.includes(`Version: ${version}(`)) {
    throw new BuildError(
      `graphiql/style.css does not embed the CSS of monaco-editor ${version}: revisit monacoCssFromGraphiqlStyle`,
    );
  }
}

/** `dist/graphiql/assets/x-1234.js` for the output whose entry point is `entry`. */
function outputOf(metafile, entry, ext) {
  const wanted = path.resolve(root, entry);
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (output.entryPoint && path.resolve(root, output.entryPoint) === wanted && file.endsWith(ext)) {
      return path.basename(file);
    }
  }
  throw new BuildError(`esbuild produced no ${ext} output for ${entry}`);
}

/** The page's CSS: esbuild emits it next to the entry's JS, named after it (see `cssBundle`). */
function cssOutputOf(metafile, entry) {
  const js = outputOf(metafile, entry, '.js');
  const css = metafile.outputs[path.relative(root, path.join(assetsDir, js))]?.cssBundle;
  if (!css) throw new BuildError(`esbuild produced no CSS for ${entry}`);
  return path.basename(css);
}

async function build() {
  await checkMonacoCssVersion();
  await rm(outDir, { recursive: true, force: true });
  await mkdir(assetsDir, { recursive: true });

  // 1. Workers: classic (IIFE) scripts, each self-contained. A module worker sharing chunks with
  //    the page would be smaller, but the page's chunks touch `document` at load time.
  const workerEntries = workerEntryPoints();
  const workers = await esbuild.build({ ...common, entryPoints: workerEntries, format: 'iife' });
  const workerFiles = {
    editor: outputOf(workers.metafile, workerEntries['editor.worker'], '.js'),
    json: outputOf(workers.metafile, workerEntries['json.worker'], '.js'),
    graphql: outputOf(workers.metafile, workerEntries['graphql.worker'], '.js'),
  };

  // 2. The page: ESM with code splitting (GraphiQL loads Monaco, monaco-graphql and prettier with
  //    dynamic import()), so the first paint does not wait for all of it. The worker file names
  //    are compiled in; main.tsx resolves them against its own URL (`new URL(file, import.meta.url)`).
  const mainEntry = path.join(srcDir, 'main.tsx');
  const page = await esbuild.build({
    ...common,
    entryPoints: [mainEntry],
    format: 'esm',
    splitting: true,
    jsx: 'automatic',
    plugins: [monacoCssFromGraphiqlStyle],
    // @graphiql/react's prettify loads `{ parsers }` with import('prettier/parser-graphql') and
    // import('prettier/parser-babel'). Those old paths are prettier's UMD/CommonJS builds; behind a
    // dynamic import esbuild exposes a CommonJS module as `default` only, so `parsers` is undefined
    // and "Prettify" fails ("Couldn't resolve parser graphql"). The ES module builds export
    // `parsers` by name (and the GraphQL plugin is then bundled once, not twice).
    alias: {
      'prettier/parser-graphql': 'prettier/plugins/graphql',
      'prettier/parser-babel': 'prettier/plugins/babel',
    },
    define: { ...common.define, __MONACO_WORKERS__: JSON.stringify(workerFiles) },
    // Fonts and images that a stylesheet may reference are inlined, never left as URLs to fetch.
    loader: { '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
  });

  // 3. index.html with the hashed names of the page's entry JS and CSS.
  const html = (await readFile(path.join(srcDir, 'index.html'), 'utf8'))
    .replaceAll('%%MAIN_JS%%', assetsUrlPath + outputOf(page.metafile, mainEntry, '.js'))
    .replaceAll('%%MAIN_CSS%%', assetsUrlPath + cssOutputOf(page.metafile, mainEntry));
  const leftover = html.match(/%%[A-Z_]+%%/);
  if (leftover) throw new BuildError(`index.html: unknown placeholder ${leftover[0]}`);
  await writeFile(path.join(outDir, 'index.html'), html);
}

// ---------------------------------------------------------------------------------------------
// The external-URL scan
//
// The bundles are full of absolute URLs that no browser ever requests: licence headers
// ("https://github.com/microsoft/vscode/blob/main/LICENSE.txt"), links inside error and help texts
// ("https://react.dev/errors/"), XML namespaces passed to createElementNS
// ("http://www.w3.org/2000/svg"), JSON-schema ids the JSON worker compares strings with
// ("http://json-schema.org/draft-07/schema#"), markdown-it turning "www.x" into "http://www.x".
// Failing on every "https://" would fail every build, so the scan decides by where a URL stands.
//
// A URL counts as a FETCHABLE REFERENCE, and fails the build, when it is absolute (http:, https:,
// ws:, wss:, or protocol-relative //host) and stands where a browser would load it without anyone
// clicking anything:
//   - HTML/CSS/JS alike, directly after (an optional quote and):
//       url(  image-set(  @import            a stylesheet, font or image to load
//       src= href= srcset= poster= action= formaction= ping= manifest= xlink:href=
//                                            an element's loading attribute, in HTML or `el.src = …`
//       setAttribute("src"|"href"|…,         the same, set from script
//       fetch(  import(  importScripts(  new Worker(  new SharedWorker(  new EventSource(
//       new WebSocket(  new Request(  new URL(  sendBeacon(  serviceWorker.register(
//       xhr.open("GET",                      the loading APIs of script
//       import … from / import / export … from   a static ES import (only with the URL quoted)
//   - index.html is ours and tiny: any absolute URL in it outside <!-- comments --> fails.
//   - A URL on a public CDN or web-font host (CDN_HOSTS) fails wherever it appears, even as mere
//     text: those are how the upstream GraphiQL setups load Monaco workers and fonts (esm.sh,
//     unpkg, jsDelivr, Google Fonts), and a base URL like "https://esm.sh/" is typically
//     concatenated before being fetched, which the positional rule above cannot see.
// Everything else is text: counted, listed with --verbose, never fetched by the page. What the
// scan cannot see (a URL assembled from pieces at run time) is what the browser test with
// non-loopback traffic blocked and the gateway's CSP (connect-src/script-src 'self') are for.
//
// ALLOW_LIST: fetchable-looking references that are known not to be fetched. Each entry needs the
// exact URL, the file it is allowed in, and the reason. It is empty: nothing needed one so far.
// ---------------------------------------------------------------------------------------------

/** @type {{ url: string, file: RegExp, why: string }[]} */
const ALLOW_LIST = [];

const CDN_HOSTS = [
  'esm.sh',
  'unpkg.com',
  'cdn.jsdelivr.net',
  'fastly.jsdelivr.net',
  'cdnjs.cloudflare.com',
  'cdn.skypack.dev',
  'ga.jspm.io',
  'jspm.dev',
  'esm.run',
  'fonts.googleapis.com',
  'fonts.gstatic.com',
  'use.typekit.net',
  'ajax.googleapis.com',
  'code.jquery.com',
  'embeddable-sandbox.cdn.apollographql.com',
  'embeddable-explorer.cdn.apollographql.com',
];

/** Absolute URLs: with a scheme, or protocol-relative (`//host`, only judged by position). */
const URL_RE = /(?:\b(?:https?|wss?):)?\/\/[a-z0-9[$][^\s"'`()<>\\]*/gi;

/** Code just before a URL (quote and spaces removed) that makes the browser load it. */
const SINK_RES = [
  /(?:\burl|\bimage-set)\(\s*$/i,
  /@import\s*(?:url\(\s*)?$/i,
  /(?:^|[^\w$-])(?:src|href|srcset|poster|action|formaction|ping|manifest|xlink:href)\s*=\s*$/i,
  /\bsetAttribute(?:NS\s*\([^,()]*,|\()\s*["'`](?:src|href|srcset|poster|action|formaction|ping|xlink:href)["'`]\s*,\s*$/i,
  /(?:\bfetch|\bimport|\bimportScripts|\bWorker|\bSharedWorker|\bEventSource|\bWebSocket|\bRequest|\bURL|\bsendBeacon|\bregister)\s*\(\s*$/,
  /\.open\s*\(\s*["'`][A-Za-z]+["'`]\s*,\s*$/,
];
/** Static ES imports: `from"https://…"`, `import"https://…"` (the URL must open a string). */
const IMPORT_RE = /(?:\bfrom|\bimport|\bexport\s*\*)\s*$/;

function isCdn(url) {
  const host = url
    .replace(/^(?:[a-z]+:)?\/\//i, '')
    .split(/[/?#:]/)[0]
    .toLowerCase();
  return CDN_HOSTS.some((cdn) => host === cdn || host.endsWith(`.${cdn}`));
}

/**
 * @returns {Promise<{ external: { file: string, url: string, context: string }[],
 *                     harmless: Map<string, string> }>}
 */
export async function scan(files) {
  const external = [];
  const harmless = new Map();
  for (const file of files) {
    if (!/\.(?:html|m?js|css|svg)$/.test(file)) continue;
    const rel = path.relative(root, file);
    let text = await readFile(file, 'utf8');
    const isHtml = file.endsWith('.html');
    if (isHtml) text = text.replace(/<!--[\s\S]*?-->/g, (c) => ' '.repeat(c.length));
    for (const match of text.matchAll(URL_RE)) {
      const url = match[0];
      const hasScheme = !url.startsWith('//');
      const before = text.slice(Math.max(0, match.index - 120), match.index);
      const quote = /["'`]$/.test(before);
      const lead = before.replace(/["'`]?\s*$/, '');
      const positional = SINK_RES.some((re) => re.test(lead)) || (quote && IMPORT_RE.test(lead));
      const fetchable = positional || (hasScheme && (isHtml || isCdn(url)));
      if (!fetchable) {
        if (hasScheme && !harmless.has(url)) harmless.set(url, rel);
        continue;
      }
      if (ALLOW_LIST.some((a) => a.url === url && a.file.test(rel))) continue;
      const context = text.slice(Math.max(0, match.index - 60), match.index + url.length + 20);
      external.push({ file: rel, url, context: context.replace(/\s+/g, ' ') });
    }
  }
  return { external, harmless };
}

async function listFiles(dir) {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name));
  }
  return files.sort();
}

async function main() {
  const started = performance.now();
  await build();
  const files = await listFiles(outDir);
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  const findings = await scan(files);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const total = sizes.reduce((a, b) => a + b, 0);

  if (verbose) {
    files.forEach((file, i) => console.log(`${String(sizes[i]).padStart(10)}  ${path.relative(root, file)}`));
    for (const [url, where] of findings.harmless) console.log(`harmless text: ${url}  (${where})`);
  }
  if (findings.external.length > 0) {
    for (const f of findings.external) console.error(`external reference: ${f.url}\n  in ${f.file}: …${f.context}…`);
    throw new BuildError(`${findings.external.length} external URL reference(s) in dist/graphiql (see above)`);
  }
  console.log(
    `graphiql: built dist/graphiql in ${seconds} s: ${files.length} files, ${(total / 1048576).toFixed(2)} MiB, ` +
      `no external references (${findings.harmless.size} harmless URL strings ignored)`,
  );
}

// Run when executed (`node scripts/build-graphiql.mjs`), not when imported (to test `scan`).
if (import.meta.main) {
  main().catch((error) => {
    const details = error?.errors?.length
      ? esbuild.formatMessagesSync(error.errors, { kind: 'error', color: false }).join('')
      : error instanceof BuildError
        ? error.message
        : (error?.stack ?? String(error));
    console.error(`graphiql: build failed: ${details}`);
    process.exitCode = 1;
    // Leave nothing behind that a server could pick up and serve.
    return rm(outDir, { recursive: true, force: true });
  });
}
