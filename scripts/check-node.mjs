// Checks the running Node against package.json's `engines.node` before `npm start` and `npm test`,
// so a newcomer on another Node sees one clear sentence instead of a stack trace from deep inside a
// build or an app (the hub uses Node 24 APIs). Plain JavaScript that any Node of the last years runs.
//
//   node scripts/check-node.mjs     exit 0 when the version fits, else a message and exit 1
/* global console, process -- Node globals; the lint config declares no environment for .mjs files */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Why `version` (e.g. "v20.11.0") does not fit `engines` (the range form package.json uses:
 * ">=24 <25", ">=24" or "24"), or null when it does.
 */
export function nodeVersionProblem(version, engines) {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  const min = Number(/>=\s*(\d+)/.exec(engines)?.[1] ?? /^\s*(\d+)\s*$/.exec(engines)?.[1]);
  const below = Number(/<\s*(\d+)/.exec(engines)?.[1] ?? (/^\s*\d+\s*$/.test(engines) ? min + 1 : Infinity));
  if (!Number.isFinite(major) || !Number.isFinite(min)) return null; // unreadable: let Node try
  if (major >= min && major < below) return null;
  const wanted =
    below === min + 1 ? `Node ${min}` : `Node ${min} or later${Number.isFinite(below) ? ` (below ${below})` : ''}`;
  return `the hub needs ${wanted} (found ${version}): see "Two commands" in README.md for how to get it`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const engines = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines?.node ?? '';
  const problem = nodeVersionProblem(process.version, engines);
  if (problem) {
    console.error(`\n  ${problem}\n`);
    process.exit(1);
  }
}
