// An app as docker-compose.yml runs it: its own process, from the build, with every secret in a
// file (HUB_INTERNAL_SECRET_FILE, HUB_METRICS_TOKEN_FILE, DATABASE_PASSWORD_FILE) and none in its
// environment — and with a missing or empty file, a start that stops at once and says which.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role, internalSecret, operatorToken, signedHeaders } from '@hub/auth';
import { ScratchDatabase, resolveDatabase } from '@hub/persistence';
import { skipUnless } from './support/infrastructure.js';

const dir = mkdtempSync(join(tmpdir(), 'hub-secret-files-'));
function secretFile(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content, { mode: 0o644 });
  return file;
}

describe('secrets read from files by the apps', () => {
  it('internalSecret and operatorToken take the file NAME_FILE names, and refuse a short one from a file as from a variable', () => {
    const env: NodeJS.ProcessEnv = {
      HUB_INTERNAL_SECRET_FILE: secretFile('internal', `${'s'.repeat(64)}\n`),
      HUB_METRICS_TOKEN_FILE: secretFile('metrics', `${'m'.repeat(64)}\n`),
    };
    expect(internalSecret(env)).toBe('s'.repeat(64));
    expect(operatorToken(env)).toBe('m'.repeat(64));
    expect(() => internalSecret({ HUB_INTERNAL_SECRET_FILE: secretFile('short', 'short\n') })).toThrow(
      'HUB_INTERNAL_SECRET must be at least 32 characters',
    );
    expect(() => operatorToken({ HUB_METRICS_TOKEN_FILE: join(dir, 'none') })).toThrow(
      `HUB_METRICS_TOKEN_FILE: ${join(dir, 'none')} does not exist`,
    );
  });

  it('resolveDatabase puts DATABASE_PASSWORD(_FILE) into DATABASE_URL, encoded, and refuses two passwords', async () => {
    const password = 'p@ss:w/rd %é';
    const env: NodeJS.ProcessEnv = {
      DATABASE_URL: 'postgres://hub@postgres:5432/hub',
      DATABASE_PASSWORD_FILE: secretFile('db', `${password}\n`),
    };
    const location = await resolveDatabase(env);
    expect(location.url).toBe('postgres://hub:p%40ss%3Aw%2Frd%20%25%C3%A9@postgres:5432/hub');
    expect(decodeURIComponent(new URL(location.url).password)).toBe(password);
    await expect(
      resolveDatabase({ DATABASE_URL: 'postgres://hub:one@postgres/hub', DATABASE_PASSWORD: 'two' }),
    ).rejects.toThrow('DATABASE_URL carries a password and DATABASE_PASSWORD is set as well: set one of them');
    await expect(resolveDatabase({ DATABASE_PASSWORD: 'alone' })).rejects.toThrow(
      'DATABASE_PASSWORD is set but DATABASE_URL is not',
    );
    // A URL from a file works alike (DATABASE_URL_FILE), for those who keep the whole URL secret.
    const fromFile = await resolveDatabase({ DATABASE_URL_FILE: secretFile('url', 'postgres://a:b@db:5432/x\n') });
    expect(fromFile.url).toBe('postgres://a:b@db:5432/x');
  });

  // On a Postgres server: the app is a process of its own, as in a container.
  describe('a built app started with its secrets in files only', skipUnless('postgres'), () => {
    let database: ScratchDatabase | undefined;
    const secret = randomBytes(32).toString('hex');
    const token = randomBytes(32).toString('hex');
    let env: NodeJS.ProcessEnv;

    beforeAll(async () => {
      await promisify(execFile)('npm', ['run', '-s', 'build:code'], { timeout: 120_000 });
      database = await ScratchDatabase.create(process.env.DATABASE_URL, 'hub_secret_files');
      const url = new URL(database.url);
      const password = decodeURIComponent(url.password) || 'unused-by-a-trust-server';
      url.password = '';
      env = {
        ...process.env,
        DATABASE_URL: url.toString(),
        DATABASE_PASSWORD_FILE: secretFile('pg', `${password}\n`),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      };
      for (const name of [
        'KAFKA_BROKERS',
        'HUB_INTERNAL_SECRET',
        'HUB_METRICS_TOKEN',
        'DATABASE_PASSWORD',
        'HUB_LOG_FILE',
      ])
        delete env[name];
    }, 240_000);
    afterAll(() => database?.drop());

    it("serves the operators' token and checks the gateway's signature with the secrets from the files", async () => {
      const port = await freePort();
      const app = spawn(process.execPath, ['dist/apps/geospatial/src/main.js'], {
        env: {
          ...env,
          GEOSPATIAL_PORT: String(port),
          HUB_INTERNAL_SECRET_FILE: secretFile('internal-secret', `${secret}\n`),
          HUB_METRICS_TOKEN_FILE: secretFile('metrics-token', `${token}\n`),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      app.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      app.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      try {
        const base = `http://127.0.0.1:${port}`;
        await waitFor(
          async () => (await fetch(`${base}/health`).catch(() => undefined))?.ok === true,
          app,
          () => output,
        );

        expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
        expect(
          (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${randomBytes(32).toString('hex')}` } }))
            .status,
        ).toBe(401);

        const body = JSON.stringify({ query: '{ __typename }' });
        const principal = {
          keyId: 'secretfiles1',
          roles: [Role.SYSTEM],
          departmentUscc: null,
          systemCode: 'secret-files-test',
          name: 'secret files test',
        };
        const signedWith = (key: string) =>
          fetch(`${base}/graphql`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...signedHeaders(
                { principal, issuer: 'gateway', purpose: 'test', caseNumber: null },
                'geospatial',
                { method: 'POST', url: '/graphql', body },
                key,
              ),
            },
            body,
          });
        const good = await signedWith(secret);
        expect(await good.json()).toEqual({ data: { __typename: 'Query' } });
        const forged = await signedWith(randomBytes(32).toString('hex'));
        expect(forged.status).toBe(401);
      } finally {
        app.kill('SIGTERM');
        await new Promise((resolve) => (app.exitCode === null ? app.once('exit', resolve) : resolve(undefined)));
      }
    }, 120_000);

    it('stops at start, naming the variable and the file, when a secret file is missing or empty', async () => {
      for (const [variable, file, reason] of [
        ['HUB_INTERNAL_SECRET_FILE', join(dir, 'not-generated'), 'does not exist'],
        ['HUB_METRICS_TOKEN_FILE', secretFile('empty', '\n'), 'is empty'],
      ] as const) {
        const app = spawn(process.execPath, ['dist/apps/geospatial/src/main.js'], {
          env: { ...env, GEOSPATIAL_PORT: String(await freePort()), [variable]: file },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        app.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        app.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        const code = await new Promise<number | null>((resolve) => app.once('exit', resolve));
        expect(code, output).not.toBe(0);
        expect(output).toContain(`${variable}: ${file} ${reason}`);
      }
    }, 120_000);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(
  check: () => Promise<boolean>,
  app: { exitCode: number | null },
  output: () => string,
): Promise<void> {
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    if (app.exitCode !== null) throw new Error(`the app exited (${app.exitCode}):\n${output()}`);
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not become healthy in 90 s:\n${output()}`);
}
