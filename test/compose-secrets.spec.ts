// `npm run compose:init`: the one command that makes docker-compose.yml's secrets. Fresh random
// values, a folder only its owner reaches, and never a file replaced.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPOSE_SECRETS, ensureComposeSecrets, secretsDir } from '../scripts/compose-secrets.mjs';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('npm run compose:init (scripts/compose-secrets.mjs)', () => {
  it('creates each secret as 64 random hex characters, in a folder of mode 0700', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hub-compose-')), 'secrets');
    const results = ensureComposeSecrets(dir);
    expect(results.map((r) => [r.file, r.action])).toEqual(COMPOSE_SECRETS.map((s) => [s.file, 'created']));
    expect(mode(dir)).toBe(0o700);
    const values = COMPOSE_SECRETS.map((s) => readFileSync(join(dir, s.file), 'utf8'));
    for (const value of values) expect(value).toMatch(/^[0-9a-f]{64}\n$/);
    expect(new Set(values).size).toBe(values.length);
    // Readable by the container's user, whatever its uid (Compose mounts the file as it is); the
    // folder keeps everyone else on the host out.
    for (const s of COMPOSE_SECRETS) expect(mode(join(dir, s.file))).toBe(0o644);
  });

  it('never replaces a secret that is there, and adds only what is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-compose-'));
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'internal-secret'), 'the operators-own-secret-kept-as-it-is\n');
    const first = ensureComposeSecrets(dir);
    expect(first.find((r) => r.file === 'internal-secret')?.action).toBe('kept');
    expect(
      first
        .filter((r) => r.action === 'created')
        .map((r) => r.file)
        .sort(),
    ).toEqual(['metrics-token', 'postgres-password']);
    expect(readFileSync(join(dir, 'internal-secret'), 'utf8')).toBe('the operators-own-secret-kept-as-it-is\n');
    // A folder others could read is closed.
    expect(mode(dir)).toBe(0o700);
    const before = COMPOSE_SECRETS.map((s) => readFileSync(join(dir, s.file), 'utf8'));
    expect(ensureComposeSecrets(dir).map((r) => r.action)).toEqual(['kept', 'kept', 'kept']);
    expect(COMPOSE_SECRETS.map((s) => readFileSync(join(dir, s.file), 'utf8'))).toEqual(before);
  });

  it('refuses an empty secret file rather than overwrite it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-compose-'));
    writeFileSync(join(dir, 'metrics-token'), '\n');
    expect(() => ensureComposeSecrets(dir)).toThrow(
      `${join(dir, 'metrics-token')} exists but is empty: delete it and run this again`,
    );
    expect(readFileSync(join(dir, 'metrics-token'), 'utf8')).toBe('\n');
  });

  it('writes to deploy/secrets, or to HUB_SECRETS_DIR resolved as docker-compose.yml resolves it', () => {
    expect(secretsDir({})).toBe(resolve('deploy/secrets'));
    expect(secretsDir({ HUB_SECRETS_DIR: '/etc/hub/secrets' })).toBe('/etc/hub/secrets');
    expect(secretsDir({ HUB_SECRETS_DIR: './elsewhere' })).toBe(resolve('elsewhere'));
  });

  it('runs as the documented command, and says what it did and what comes next', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hub-compose-')), 'nested', 'secrets');
    const run = () =>
      execFileSync(process.execPath, ['scripts/compose-secrets.mjs'], {
        env: { ...process.env, HUB_SECRETS_DIR: dir },
        encoding: 'utf8',
      });
    const first = run();
    for (const s of COMPOSE_SECRETS) expect(first).toContain(`created ${join(dir, s.file)}`);
    expect(first).toContain('docker compose up -d --build');
    expect(run()).not.toContain('created');
  });
});
