import { createHmac } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@hub/config';
import { AuditKey, loadAuditKey } from './audit-key.js';
import { AuditConfig } from './audit.config.js';

const HEX = 'a1'.repeat(32);

/** The error a call throws (undefined when it does not). */
async function thrown(work: () => unknown): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('AuditKey', () => {
  it('refuses a key that is too short, not hex or odd, without quoting it', () => {
    for (const bad of [
      'a1'.repeat(31),
      `${'a1'.repeat(31)}zz`,
      `${HEX}a`,
      'correct horse battery staple correct horse battery staple!!',
    ]) {
      let error: unknown;
      try {
        AuditKey.fromHex(bad, 'HUB_AUDIT_KEY');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toMatch(
        /HUB_AUDIT_KEY: the audit key must be at least 64 hex characters \(32 bytes\)/,
      );
      expect((error as ConfigError).message).not.toContain(bad.slice(0, 16));
    }
  });

  it('is the same key for the same hex (surrounding whitespace ignored), another for another', () => {
    const a = AuditKey.fromHex(HEX, 'x');
    const b = AuditKey.fromHex(`  ${HEX.toUpperCase()}\n`, 'x');
    expect(b.keyId).toBe(a.keyId);
    expect(b.mac('p', 'c')).toBe(a.mac('p', 'c'));
    expect(AuditKey.fromHex('b2'.repeat(32), 'x').mac('p', 'c')).not.toBe(a.mac('p', 'c'));
  });

  it('derives the MAC key: the raw audit key as an HMAC key does not give the chain MAC', () => {
    const key = AuditKey.fromHex(HEX, 'x');
    expect(key.mac('p', 'c')).not.toBe(createHmac('sha256', Buffer.from(HEX, 'hex')).update('p\nc').digest('hex'));
  });

  it('signs with Ed25519: the public key verifies, a changed text or another key does not', () => {
    const key = AuditKey.random();
    const signature = key.sign('checkpoint');
    expect(key.verify('checkpoint', signature)).toBe(true);
    expect(key.verify('checkpoinT', signature)).toBe(false);
    expect(AuditKey.random().verify('checkpoint', signature)).toBe(false);
    expect(key.verify('checkpoint', 'AAAA')).toBe(false);
    expect(key.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('keeps the key out of whatever prints it', () => {
    const key = AuditKey.fromHex(HEX, 'x');
    expect(JSON.stringify({ key })).toBe(`{"key":{"keyId":"${key.keyId}"}}`);
    expect(inspect(key, { depth: 5, showHidden: true })).not.toContain(HEX.slice(0, 16));
  });
});

describe('loadAuditKey', () => {
  let dir: string;
  const config = (env: Record<string, string>) => loadConfig(AuditConfig, env);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hub-audit-key-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates a missing key file, owner-only, with a random key, and reuses it on the next start', async () => {
    const file = join(dir, 'data', 'access-log.key');
    const first = await loadAuditKey(config({ HUB_AUDIT_KEY_FILE: file }));
    expect(first).toMatchObject({ source: file, created: true });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    const again = await loadAuditKey(config({ HUB_AUDIT_KEY_FILE: file }));
    expect(again).toMatchObject({ source: file, created: false });
    expect(again.key.keyId).toBe(first.key.keyId);
  });

  it('takes HUB_AUDIT_KEY, and refuses both at once', async () => {
    expect((await loadAuditKey(config({ HUB_AUDIT_KEY: HEX }))).key.keyId).toBe(AuditKey.fromHex(HEX, 'x').keyId);
    const both = await thrown(() => loadAuditKey(config({ HUB_AUDIT_KEY: HEX, HUB_AUDIT_KEY_FILE: join(dir, 'k') })));
    expect(both).toBeInstanceOf(ConfigError);
    expect((both as Error).message).toContain('HUB_AUDIT_KEY and HUB_AUDIT_KEY_FILE are both set');
    expect(await thrown(() => loadAuditKey(config({ HUB_AUDIT_KEY: 'abc' })))).toBeInstanceOf(ConfigError);
  });

  it('refuses a key file others may read, and a malformed one, without quoting it', async () => {
    const open = join(dir, 'open.key');
    await writeFile(open, `${HEX}\n`, { mode: 0o644 });
    await chmod(open, 0o644);
    const exposed = await thrown(() => loadAuditKey(config({ HUB_AUDIT_KEY_FILE: open })));
    expect(exposed).toBeInstanceOf(ConfigError);
    expect((exposed as Error).message).toContain(
      `${open} is accessible to others than its owner (mode 0644): \`chmod 600 ${open}\``,
    );

    const short = join(dir, 'short.key');
    await writeFile(short, 'deadbeef\n', { mode: 0o600 });
    const malformed = await thrown(() => loadAuditKey(config({ HUB_AUDIT_KEY_FILE: short })));
    expect((malformed as Error).message).toMatch(
      /HUB_AUDIT_KEY_FILE \(.*short\.key\): the audit key must be at least 64 hex characters/,
    );
    expect((malformed as Error).message).not.toContain('deadbeef');
  });

  it('validates the checkpoint settings', () => {
    expect(config({})).toMatchObject({
      AUDIT_CHECKPOINT_MS: 60_000,
      AUDIT_CHECKPOINT_FILE: '.data/access-log-checkpoints.ndjson',
    });
    expect(() => config({ AUDIT_CHECKPOINT_MS: '10' })).toThrow(/AUDIT_CHECKPOINT_MS/);
  });
});
