import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { OPERATOR_TOKEN_VARIABLE, INTERNAL_SECRET_VARIABLE } from '@hub/auth';

/** The repository root (the apps are built from it and run with it as working directory: they read schemas/ from there). */
const ROOT = resolve(import.meta.dirname, '../..');

/** What each app's process runs, in the build of this suite. */
const ENTRY: Record<string, string> = {
  gateway: 'apps/gateway/src/main.js',
  catalog: 'apps/catalog/src/main.js',
  'legal-entity': 'apps/legal-entity/src/main.js',
  population: 'apps/population/src/main.js',
  credit: 'apps/credit/src/main.js',
  geospatial: 'apps/geospatial/src/main.js',
  'once-only': 'apps/once-only/src/main.js',
};
const PORT_VARIABLE: Record<string, string> = {
  gateway: 'GATEWAY_PORT',
  catalog: 'CATALOG_PORT',
  'legal-entity': 'LEGAL_ENTITY_PORT',
  population: 'POPULATION_PORT',
  credit: 'CREDIT_PORT',
  geospatial: 'GEOSPATIAL_PORT',
  'once-only': 'ONCE_ONLY_PORT',
};

/** The apps this test process started: killed when it exits, however it exits (a suite timed out, a worker torn down). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A port free right now (the app is told to listen on it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** One app of the hub in a process of its own. */
export class AppProcess {
  private output: string[] = [];
  private exited: Promise<void>;

  private constructor(
    readonly name: string,
    readonly url: string,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      // HUB_TEST_APP_OUTPUT=1 shows what the apps write (for debugging a suite); otherwise it is kept for failure messages.
      if (process.env.HUB_TEST_APP_OUTPUT === '1') process.stderr.write(`[${name}] ${chunk.toString()}`);
      this.output.push(chunk.toString());
      if (this.output.length > 200) this.output.splice(0, this.output.length - 200);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    running.add(child);
    this.exited = new Promise((done) =>
      child.once('exit', () => {
        running.delete(child);
        done();
      }),
    );
  }

  /** Starts `app` from the build in `buildDir` with `env` on a free port, and waits until it answers /health/live. */
  static async start(buildDir: string, app: string, env: Record<string, string>, port?: number): Promise<AppProcess> {
    const listen = port ?? (await freePort());
    const child = spawn(process.execPath, [join(buildDir, ENTRY[app])], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...env,
        [PORT_VARIABLE[app]]: String(listen),
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = new AppProcess(app, `http://127.0.0.1:${listen}`, child);
    await started.waitLive(120_000);
    return started;
  }

  async waitLive(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null)
        throw new Error(`${this.name} exited (${this.child.exitCode}) while starting:\n${this.log()}`);
      try {
        const response = await fetch(`${this.url}/health/live`, { signal: AbortSignal.timeout(2000) });
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline)
        throw new Error(`${this.name} did not answer /health/live within ${timeoutMs} ms:\n${this.log()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** The last lines the process wrote (for a failing test's message). */
  log(): string {
    return this.output.join('').split('\n').slice(-40).join('\n');
  }

  /** Kills the process at once (SIGKILL: a crash, not a shutdown). */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Stops the process the way an orchestrator does (SIGTERM), killing it if it does not exit in time. */
  async stop(timeoutMs = 15_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/**
 * The apps built once for a suite that runs them as separate processes (as a deployment does), in
 * a folder of its own at the repository root (so that node_modules resolve), removed afterwards.
 */
export function buildApps(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(ROOT, '.test-build-'));
  const swc = join(ROOT, 'node_modules', '.bin', 'swc');
  const built = spawnSync(swc, ['apps', 'libs', '-d', dir, '--config-file', '.swcrc', '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (built.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`building the apps failed:\n${built.stderr}${built.stdout}`);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The secrets and per-hub settings every process of one hub shares. */
export function hubEnvironment(): { env: Record<string, string>; adminKeyFile: string; cleanup: () => void } {
  const files = mkdtempSync(join(tmpdir(), 'hub-faults-'));
  const adminKeyFile = join(files, 'admin.key');
  return {
    env: {
      [INTERNAL_SECRET_VARIABLE]: randomBytes(32).toString('hex'),
      [OPERATOR_TOKEN_VARIABLE]: randomBytes(32).toString('hex'),
      HUB_AUDIT_KEY: randomBytes(32).toString('hex'),
      AUDIT_CHECKPOINT_FILE: join(files, 'audit-checkpoints.ndjson'),
      ARCHIVE_DIR: join(files, 'archive'),
      HUB_ADMIN_KEY_FILE: adminKeyFile,
      LOG_LEVEL: 'warn',
      OUTBOX_POLL_INTERVAL_MS: '100',
      GRAPHIQL: 'false',
    },
    adminKeyFile,
    cleanup: () => rmSync(files, { recursive: true, force: true }),
  };
}

/** Reads the first admin key the catalog wrote into HUB_ADMIN_KEY_FILE. */
export function readAdminKey(file: string): string {
  return readFileSync(file, 'utf8').trim();
}
