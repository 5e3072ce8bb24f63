// `npm start` as a newcomer sees it: the whole hub (embedded database, demo data) started from the
// build, the way npm start runs it. The terminal shows one progress line per step and the banner
// last — not the JSON logs, which go to <data folder>/hub.log — and the stop is said in words there
// while the log file records it.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../apps/hub/src/subgraphs.js';

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
    for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'HUB_LOG_FILE', 'HUB_LOG_TO_TERMINAL', 'LOG_LEVEL']) delete env[name];
    const hub = spawn(process.execPath, ['dist/apps/hub/src/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<string>((resolve) => hub.once('exit', (code, signal) => resolve(`exit ${code ?? signal}`)));
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
    expect(lines.slice(-2)).toEqual(['  Stopping: draining the outboxes, closing the apps and the database…', '  Stopped.']);

    // The file holds the JSON logs, start to stop.
    const logged = (await readFile(logFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { msg: string; app: string });
    expect(logged.length).toBeGreaterThan(20);
    expect(logged.map((l) => l.msg)).toEqual(expect.arrayContaining(['embedded database ready (PGlite + PostGIS)', 'stopped']));
  }, 480_000);
});
