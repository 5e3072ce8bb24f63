import {
  createHash,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  hkdfSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '@hub/config';
import { DEFAULT_AUDIT_KEY_FILE, type AuditConfig } from './audit.config.js';
import { chainMac } from './hash-chain.js';

const MIN_KEY_BYTES = 32;
// PKCS #8 DER of an Ed25519 private key, up to the 32-byte seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The access log's audit key, which never enters the database. Two keys are derived from it (HKDF,
 * one label each, so neither can stand in for the other): the HMAC key that chains the records,
 * and an Ed25519 key pair that signs checkpoints. Checkpoints are signed rather than MACed so that
 * whoever holds only the public key — an auditor reading the checkpoint file, a supervisor following
 * the topic — can check them without being able to forge one; deriving the pair from the one audit
 * key keeps a single secret to manage. Holds no raw key material as a property (only KeyObjects).
 */
export class AuditKey {
  /** Names the key in checkpoints: the first 16 hex of SHA-256 of the raw public key. */
  readonly keyId: string;
  /** The raw Ed25519 public key, base64url: verifies this hub's checkpoints. */
  readonly publicKey: string;
  private readonly macKey: KeyObject;
  private readonly signingKey: KeyObject;
  private readonly verifyingKey: KeyObject;

  private constructor(secret: Buffer) {
    this.macKey = createSecretKey(derive(secret, 'hub/access-log/record-mac/v2'));
    const seed = derive(secret, 'hub/access-log/checkpoint-ed25519/v1');
    this.signingKey = createPrivateKey({
      key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
      format: 'der',
      type: 'pkcs8',
    });
    this.verifyingKey = createPublicKey(this.signingKey);
    this.publicKey = this.verifyingKey.export({ format: 'jwk' }).x!;
    this.keyId = createHash('sha256').update(Buffer.from(this.publicKey, 'base64url')).digest('hex').slice(0, 16);
  }

  /** From the key as hex text (≥ 64 hex characters); `source` names where it came from in the error. */
  static fromHex(text: string, source: string): AuditKey {
    const hex = text.trim();
    if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex) || hex.length < MIN_KEY_BYTES * 2) {
      // Never quote the value: it may be most of a real key.
      throw new ConfigError([
        `${source}: the audit key must be at least ${MIN_KEY_BYTES * 2} hex characters (${MIN_KEY_BYTES} bytes), e.g. \`openssl rand -hex 32\``,
      ]);
    }
    return new AuditKey(Buffer.from(hex, 'hex'));
  }

  /** A fresh random key (tests, tools). */
  static random(): AuditKey {
    return new AuditKey(randomBytes(MIN_KEY_BYTES));
  }

  /** The chain MAC of a keyed record. */
  mac(prevHash: string, canonical: string): string {
    return chainMac(this.macKey, prevHash, canonical);
  }

  sign(text: string): string {
    return sign(null, Buffer.from(text, 'utf8'), this.signingKey).toString('base64url');
  }

  verify(text: string, signature: string): boolean {
    const bytes = Buffer.from(signature, 'base64url');
    return bytes.length === 64 && verify(null, Buffer.from(text, 'utf8'), this.verifyingKey, bytes);
  }

  /** Keeps the key out of logs and error reports that print whatever they are given. */
  toJSON(): { keyId: string } {
    return { keyId: this.keyId };
  }
}

function derive(secret: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), label, 32));
}

export interface LoadedAuditKey {
  key: AuditKey;
  /** Where the key came from: `HUB_AUDIT_KEY` or the file's absolute path. */
  source: string;
  /** True when the file did not exist and a new key was written to it. */
  created: boolean;
}

/**
 * The audit key from HUB_AUDIT_KEY or HUB_AUDIT_KEY_FILE (default `.data/access-log.key`). A missing
 * file is created with a random key, owner-only (0600); an existing one must not be readable or
 * writable by anyone but its owner. Throws a ConfigError (the process refuses to start) otherwise.
 */
export async function loadAuditKey(config: AuditConfig): Promise<LoadedAuditKey> {
  if (config.HUB_AUDIT_KEY !== undefined && config.HUB_AUDIT_KEY_FILE !== undefined) {
    throw new ConfigError(['HUB_AUDIT_KEY and HUB_AUDIT_KEY_FILE are both set: set one of them']);
  }
  if (config.HUB_AUDIT_KEY !== undefined)
    return { key: AuditKey.fromHex(config.HUB_AUDIT_KEY, 'HUB_AUDIT_KEY'), source: 'HUB_AUDIT_KEY', created: false };

  const file = resolve(config.HUB_AUDIT_KEY_FILE ?? DEFAULT_AUDIT_KEY_FILE);
  let created = false;
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    // 'wx': never overwrite a key; another catalog starting at the same moment may have just written it.
    await writeFile(file, `${randomBytes(MIN_KEY_BYTES).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
      throw new ConfigError([`HUB_AUDIT_KEY_FILE: cannot create ${file}: ${(error as Error).message}`]);
  }
  const info = await stat(file);
  if (!info.isFile()) throw new ConfigError([`HUB_AUDIT_KEY_FILE: ${file} is not a file`]);
  const mode = info.mode & 0o777;
  if (mode & 0o077) {
    throw new ConfigError([
      `HUB_AUDIT_KEY_FILE: ${file} is accessible to others than its owner (mode ${mode.toString(8).padStart(4, '0')}): \`chmod 600 ${file}\``,
    ]);
  }
  return { key: AuditKey.fromHex(await readFile(file, 'utf8'), `HUB_AUDIT_KEY_FILE (${file})`), source: file, created };
}
