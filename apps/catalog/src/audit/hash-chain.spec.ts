import { createHash, createHmac, createSecretKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  HASH_ALG,
  canonicalJson,
  canonicalRecord,
  chainHash,
  chainMac,
  type ChainedContent,
} from './hash-chain.js';

const row = (over: Partial<ChainedContent> = {}): ChainedContent => ({
  seq: '42',
  recordedAt: new Date('2025-03-01T08:00:00.123Z'),
  requestId: 'req-1',
  keyId: 'abcdefghijkl',
  systemCode: 'fs-hrss-social',
  departmentUscc: '11330100002493640T',
  holderName: '社保系统',
  roles: ['SYSTEM'],
  purpose: '养老金资格认证',
  caseNumber: null,
  operationType: 'query',
  operationName: 'Person',
  fields: ['Query.person', 'Person.name'],
  subjects: ['PERSON:110101199003074477'],
  outcome: 'ALLOWED',
  errorCode: null,
  refusal: null,
  startedAt: new Date('2025-03-01T08:00:00.100Z'),
  durationMs: 23,
  timings: { policy: 0.5, execute: 21 },
  prevHash: GENESIS_HASH,
  ...over,
});

describe('canonicalRecord', () => {
  it('is a JSON object of every column but hash, keys sorted, seq as text, timestamps ISO to the millisecond', () => {
    const text = canonicalRecord(row());
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort());
    expect(Object.keys(parsed)).toHaveLength(21);
    expect(parsed).not.toHaveProperty('hash');
    expect(parsed.seq).toBe('42');
    expect(parsed.recorded_at).toBe('2025-03-01T08:00:00.123Z');
    expect(parsed.started_at).toBe('2025-03-01T08:00:00.100Z');
    expect(parsed.case_number).toBeNull();
    expect(text).not.toContain('\n');
  });

  it('ignores the hash and anything that is not a column', () => {
    const extra = { ...row(), hash: 'f'.repeat(64), somethingElse: 1 } as ChainedContent;
    expect(canonicalRecord(extra)).toBe(canonicalRecord(row()));
  });

  it('gives the same text for the row as read back from Postgres (bigint as string, jsonb keys reordered, same instants)', () => {
    const built = row({
      seq: 42 as unknown as string,
      refusal: { items: [{ z: 1, a: 'x' }], code: 'NO_GRANT' },
      timings: { execute: 21, policy: 0.5 },
    });
    const readBack = row({
      seq: '42',
      recordedAt: '2025-03-01T16:00:00.123+08:00',
      refusal: { code: 'NO_GRANT', items: [{ a: 'x', z: 1 }] },
      timings: { policy: 0.5, execute: 21 },
    });
    expect(canonicalRecord(readBack)).toBe(canonicalRecord(built));
  });

  it('changes with any column, including array order and prevHash', () => {
    const base = canonicalRecord(row());
    expect(canonicalRecord(row({ purpose: '养老金资格认证 ' }))).not.toBe(base);
    expect(canonicalRecord(row({ fields: ['Person.name', 'Query.person'] }))).not.toBe(base);
    expect(canonicalRecord(row({ prevHash: '1'.repeat(64) }))).not.toBe(base);
    expect(canonicalRecord(row({ seq: '43' }))).not.toBe(base);
    expect(canonicalRecord(row({ caseNumber: '' }))).not.toBe(base);
    expect(canonicalRecord(row({ recordedAt: new Date('2025-03-01T08:00:00.124Z') }))).not.toBe(base);
  });

  it('refuses values that JSON cannot carry faithfully', () => {
    expect(() => canonicalRecord(row({ timings: { x: Number.NaN } }))).toThrow(TypeError);
    expect(() => canonicalRecord(row({ recordedAt: 'yesterday' }))).toThrow(TypeError);
  });
});

describe('canonicalRecord, form v2 (keyed records)', () => {
  it('is form v1 plus hash_alg, so a keyed record cannot be passed off as a legacy one with the same text', () => {
    const v1 = JSON.parse(canonicalRecord(row())) as Record<string, unknown>;
    const v2 = JSON.parse(canonicalRecord(row({ hashAlg: HASH_ALG.hmacSha256 }))) as Record<string, unknown>;
    expect(v2).toEqual({ ...v1, hash_alg: 'hmac-sha256' });
    expect(Object.keys(v2)).toEqual([...Object.keys(v2)].sort());
    // A legacy row read back from the database (hash_alg sha256) keeps form v1, as it was hashed.
    expect(canonicalRecord(row({ hashAlg: HASH_ALG.sha256 }))).toBe(canonicalRecord(row()));
  });
});

describe('chainMac', () => {
  const key = createSecretKey(Buffer.alloc(32, 7));

  it('is hex HMAC-SHA256 under the key of prevHash, a newline and the canonical text', () => {
    const canonical = canonicalRecord(row({ hashAlg: HASH_ALG.hmacSha256 }));
    const expected = createHmac('sha256', Buffer.alloc(32, 7)).update(`${GENESIS_HASH}\n${canonical}`).digest('hex');
    expect(chainMac(key, GENESIS_HASH, canonical)).toBe(expected);
  });

  it('cannot be recomputed without the key: not plain SHA-256, not another key', () => {
    const canonical = canonicalRecord(row({ hashAlg: HASH_ALG.hmacSha256 }));
    const mac = chainMac(key, GENESIS_HASH, canonical);
    expect(mac).not.toBe(chainHash(GENESIS_HASH, canonical));
    expect(mac).not.toBe(chainMac(createSecretKey(Buffer.alloc(32, 8)), GENESIS_HASH, canonical));
    expect(mac).not.toBe(
      chainMac(key, GENESIS_HASH, canonicalRecord(row({ hashAlg: HASH_ALG.hmacSha256, purpose: '例行检查' }))),
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps array order, drops undefined members', () => {
    expect(canonicalJson({ b: [3, { d: 1, c: undefined, a: null }], a: 'é' })).toBe(
      '{"a":"é","b":[3,{"a":null,"d":1}]}',
    );
  });
});

describe('chainHash', () => {
  it('is hex SHA-256 of prevHash, a newline and the canonical text', () => {
    const canonical = canonicalRecord(row());
    const expected = createHash('sha256').update(`${GENESIS_HASH}\n${canonical}`).digest('hex');
    expect(chainHash(GENESIS_HASH, canonical)).toBe(expected);
    expect(chainHash(GENESIS_HASH, canonical)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('links: a record’s hash depends on the one before', () => {
    const first = chainHash(GENESIS_HASH, canonicalRecord(row({ seq: '1' })));
    const second = chainHash(first, canonicalRecord(row({ seq: '2', prevHash: first })));
    const forged = chainHash('0'.repeat(63) + '1', canonicalRecord(row({ seq: '2', prevHash: first })));
    expect(second).not.toBe(forged);
  });

  it('the genesis hash is 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });
});
