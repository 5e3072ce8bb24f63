// `npm start` as a newcomer sees it: the whole hub (embedded database, demo data) started from the
// build, the way npm start runs it once built (scripts/start.mjs). The terminal shows one line for
// the build — its output (Vite's, the GraphiQL bundle's) goes to build.log beside the JSON log — one
// progress line per step and the banner last — not the JSON logs, which go to <data folder>/hub.log
// — and the stop is said in words there while the log file records it. (.ci/run checks the whole
// terminal of a real `npm start`, build included, line by line.)
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../apps/hub/src/subgraphs.js';
import { buildLogFile, runQuietly } from '../scripts/start.mjs';

describe('npm start on a terminal', () => {
  it('prints progress lines and the banner, the JSON logs go to the data folder', async () => {
    await promisify(execFile)('npm', ['run', '-s', 'build:code'], { timeout: 120_000 });
    const dir = await mkdtemp(join(tmpdir(), 'hub-quiet-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      EMBEDDED_DATA_DIR: join(dir, 'pglite'),
      ARCHIVE_DIR: join(dir, 'archive'),
      GATEWAY_PORT: '0',
      ...Object.fromEntries(SUBGRAPHS.map((s) => [s.portVariable, '0'])),
      HUB_METRICS_TOKEN: randomBytes(32).toString('hex'),
    };
    for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'HUB_LOG_FILE', 'HUB_LOG_TO_TERMINAL', 'LOG_LEVEL'])
      delete env[name];
    const hub = spawn(process.execPath, ['dist/apps/hub/src/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<string>((resolve) =>
      hub.once('exit', (code, signal) => resolve(`exit ${code ?? signal}`)),
    );
    let stdout = '';
    let stderr = '';
    hub.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    hub.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        hub.stdout.on('data', () => stdout.includes('Press Ctrl+C to stop.') && resolve());
        void exited.then(() => reject(new Error(`the hub exited before it was ready:\n${stdout}\n${stderr}`)));
      });
      hub.kill('SIGTERM');
      expect(`${await exited}\n${stdout.split('\n').slice(-4).join('\n')}\n${stderr}`).toMatch(/^exit 0\n/);
    } finally {
      if (hub.exitCode === null) hub.kill('SIGKILL');
    }

    const lines = stdout.split('\n').filter((l) => l.trim());
    // Not one JSON log line (pino's, from column 0) on the terminal.
    expect(lines.filter((l) => l.startsWith('{"level"'))).toEqual([]);
    // One progress line per step, in order, then the banner.
    const steps = lines.filter((l) => l.startsWith('  ✓ ')).map((l) => l.replace(/ \(\d+\.\d s\)$/, '').slice(4));
    expect(steps).toEqual([
      'database: embedded (PGlite + PostGIS)',
      ...SUBGRAPHS.map((s) => `${s.name}: migrations applied, app started`),
      'demo data and demo keys loaded',
      'gateway started',
    ]);
    const logFile = join(dir, 'hub.log');
    expect(lines[0]).toBe(`  Starting the data-sharing hub (JSON logs in ${logFile})`);
    const bannerAt = lines.findIndex((l) => l.includes('Data-sharing hub is running'));
    expect(bannerAt).toBe(lines.findIndex((l) => l.startsWith('  ✓ gateway started')) + 1);
    expect(stdout).toContain('"x-hub-purpose": "demo"');
    expect(stdout).toContain(`Logs:      ${logFile}`);
    expect(lines.slice(-2)).toEqual([
      '  Stopping: draining the outboxes, closing the apps and the database…',
      '  Stopped.',
    ]);

    // The file holds the JSON logs, start to stop.
    const logged = (await readFile(logFile, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string; app: string });
    expect(logged.length).toBeGreaterThan(20);
    expect(logged.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['embedded database ready (PGlite + PostGIS)', 'stopped']),
    );
  }, 480_000);
});

describe("npm start's build on a terminal", () => {
  // What Vite, the GraphiQL bundle and the console's checks print, as one build step would.
  const NOISY_BUILD = `for (let i = 1; i <= 80; i++) console.log('vite v7 building for production… line ' + i); console.error('(!) a warning on stderr'); process.exit(Number(process.argv[1]))`;
  const capture = () => {
    let text = '';
    return {
      write: (chunk: string) => ((text += chunk), true),
      get text() {
        return text;
      },
    };
  };

  it('goes through scripts/start.mjs, with the build output beside the JSON log', () => {
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.start).toBe('node scripts/start.mjs');
    expect(buildLogFile({})).toBe(join('.data', 'build.log'));
    expect(buildLogFile({ ARCHIVE_DIR: '/srv/hub/archive' })).toBe('/srv/hub/build.log');
    expect(buildLogFile({ HUB_LOG_FILE: '/var/log/hub/hub.log' })).toBe('/var/log/hub/build.log');
    expect(buildLogFile({ HUB_LOG_TO_TERMINAL: '1' })).toBeUndefined();
  });

  it('shows one line for the build and puts its output in the file', async () => {
    const logFile = join(await mkdtemp(join(tmpdir(), 'hub-build-')), 'build.log');
    const out = capture();
    const err = capture();
    expect(
      await runQuietly(process.execPath, ['-e', NOISY_BUILD, '0'], { logFile, label: 'Building the hub', out, err }),
    ).toBe(true);
    expect(out.text).toMatch(
      new RegExp(
        `^  Building the hub \\(output in ${logFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\) … done \\(\\d+\\.\\d s\\)\\n$`,
      ),
    );
    expect(err.text).toBe('');
    const logged = await readFile(logFile, 'utf8');
    expect(logged).toContain('vite v7 building for production… line 80');
    expect(logged).toContain('(!) a warning on stderr');
  });

  it('on a failed build, shows the end of its output and where the rest is, and says it failed', async () => {
    const logFile = join(await mkdtemp(join(tmpdir(), 'hub-build-')), 'build.log');
    const out = capture();
    const err = capture();
    expect(
      await runQuietly(process.execPath, ['-e', NOISY_BUILD, '2'], { logFile, label: 'Building the hub', out, err }),
    ).toBe(false);
    expect(out.text).toMatch(/ … failed \(\d+\.\d s\)\n$/);
    expect(err.text).toContain('The build failed (exit 2)');
    expect(err.text).toContain('(!) a warning on stderr');
    expect(err.text).toContain('line 80');
    expect(err.text).not.toContain('line 10\n');
    expect(err.text).toContain(`All of it: ${logFile}`);
  });
});
