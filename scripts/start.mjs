// `npm start`: checks Node, builds, then runs the whole hub (dist/apps/hub/src/main.js) in this
// process. The build's own output (swc, the GraphiQL bundle, Vite and the console's checks) goes to
// build.log beside the hub's JSON log (.data/build.log by default; written afresh by each start):
// the terminal shows one line for it, "Building … done (9.6 s)", then the hub's progress lines and
// its banner last. Should the build fail, the terminal shows the end of its output and the start
// stops with exit 1. HUB_LOG_TO_TERMINAL=1 (the JSON logs on the terminal) shows the build's output
// there too.
/* global console, process, performance -- Node globals; the lint config declares no environment for .mjs files */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeVersionProblem } from './check-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the build's output goes: beside the JSON log (apps/hub/src/log-file.ts), or undefined for the terminal. */
export function buildLogFile(env) {
  if (env.HUB_LOG_FILE) return path.join(path.dirname(env.HUB_LOG_FILE), 'build.log');
  if (env.HUB_LOG_TO_TERMINAL === '1') return undefined;
  return path.join(path.dirname(env.ARCHIVE_DIR || '.data/archive'), 'build.log');
}

/**
 * Runs `command` with its output (stdout and stderr) in `logFile`, writing one line to `out`:
 * "  <label> (output in <logFile>) … done (N s)". On failure the line ends "failed (N s)" and the
 * last `tailLines` lines of the output follow on `err`. Resolves true when the command succeeded.
 */
export async function runQuietly(
  command,
  args,
  { logFile, label, cwd = root, out = process.stdout, err = process.stderr, tailLines = 40 },
) {
  const started = performance.now();
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  out.write(`  ${label} (output in ${logFile}) …`);
  const code = await new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', (error) => {
      log.write(`${error.message}\n`);
      resolve(127);
    });
    child.on('close', (status, signal) => resolve(status ?? signal));
  });
  await new Promise((resolve) => log.end(resolve));
  if (code === 0) {
    out.write(` done (${seconds()})\n`);
    return true;
  }
  out.write(` failed (${seconds()})\n`);
  const lines = readFileSync(logFile, 'utf8').trimEnd().split('\n');
  err.write(
    `\n  The build failed (exit ${code}). The end of its output:\n\n${lines.slice(-tailLines).join('\n')}\n\n  All of it: ${logFile}\n`,
  );
  return false;
}

async function main() {
  const engines = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines?.node ?? '';
  const problem = nodeVersionProblem(process.version, engines);
  if (problem) {
    console.error(`\n  ${problem}\n`);
    process.exit(1);
  }
  const logFile = buildLogFile(process.env);
  if (logFile) {
    if (!(await runQuietly('npm', ['run', '-s', 'build'], { logFile, label: 'Building the hub' }))) process.exit(1);
  } else {
    const code = await new Promise((resolve) =>
      spawn('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' }).on('close', (status, signal) =>
        resolve(status ?? signal),
      ),
    );
    if (code !== 0) process.exit(1);
  }
  await import(pathToFileURL(path.join(root, 'dist/apps/hub/src/main.js')).href);
}

// Not import.meta.main (Node 24.2+): on an older Node this file must still run, to say which Node to get.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
