import { describe, expect, it } from 'vitest';
import { AuditKey } from './audit-key.js';
import {
  checkpointDigest,
  checkpointFindings,
  checkpointPayload,
  latestCheckpoint,
  parseCheckpoint,
  signCheckpoint,
  type Checkpoint,
  type UnsignedCheckpoint,
} from './checkpoint.js';

const key = AuditKey.random();
const hash = (n: number) => n.toString(16).padStart(64, '0');
const fields = (over: Partial<UnsignedCheckpoint> = {}): UnsignedCheckpoint => ({
  root: hash(1),
  no: '3',
  prev: 'a'.repeat(64),
  headSeq: '100',
  headHash: hash(100),
  keyedFrom: '1',
  time: '2026-12-07T08:00:00.000Z',
  instance: 'catalog-1:4242:abcdef',
  reason: 'interval',
  ...over,
});
const sealed = (over: Partial<UnsignedCheckpoint> = {}) => signCheckpoint(key, fields(over));
const line = (checkpoint: unknown) => JSON.stringify(checkpoint);

describe('signCheckpoint / parseCheckpoint', () => {
  it('signs every field but the signature, and a line of it parses back as valid', () => {
    const checkpoint = sealed();
    expect(checkpoint).toMatchObject({
      v: 1,
      keyId: key.keyId,
      signature: expect.stringMatching(/^[A-Za-z0-9_-]{86}$/),
    });
    expect(checkpointPayload(checkpoint)).not.toContain('signature');
    expect(parseCheckpoint(line(checkpoint), key)).toEqual({ ok: true, checkpoint });
  });

  it('names a checkpoint whose fields were changed after signing as forged', () => {
    for (const change of [
      { headSeq: '101' },
      { headHash: hash(1) },
      { time: '2026-12-07T08:00:01.000Z' },
      { no: '4' },
      { keyedFrom: '50' },
    ]) {
      const parsed = parseCheckpoint(line({ ...sealed(), ...change }), key);
      expect(parsed).toEqual({
        ok: false,
        reason: expect.stringMatching(/^forged checkpoint #\d+ \(record \d+ at .*\): its signature does not verify$/),
      });
    }
  });

  it('names a checkpoint signed with another key, even one well formed and internally consistent', () => {
    const other = AuditKey.random();
    const parsed = parseCheckpoint(line(signCheckpoint(other, fields())), key);
    expect(parsed).toEqual({
      ok: false,
      reason: `forged or foreign checkpoint #3 (record 100 at 2026-12-07T08:00:00.000Z, by catalog-1:4242:abcdef): signed with key ${other.keyId}, not this hub's key ${key.keyId}`,
    });
    // Claiming this hub's key id does not help.
    expect(parseCheckpoint(line({ ...signCheckpoint(other, fields()), keyId: key.keyId }), key)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/signature does not verify/),
    });
  });

  it('refuses lines that are no checkpoint at all', () => {
    const good = sealed();
    const cases: Array<[unknown, RegExp]> = [
      ['{', /not JSON/],
      [[good], /not an object/],
      [{ ...good, extra: 1 }, /unknown field "extra"/],
      [{ ...good, v: 2 }, /v is missing/],
      [{ ...good, root: undefined }, /root is missing/],
      [{ ...good, headSeq: 100 }, /headSeq is missing or invalid/],
      [{ ...good, headSeq: '0' }, /headSeq is missing or invalid/],
      [{ ...good, headHash: 'F'.repeat(64) }, /headHash/],
      [{ ...good, reason: 'whenever' }, /reason/],
      [{ ...good, time: '2026-12-07' }, /time/],
      [{ ...good, signature: 'x' }, /signature/],
    ];
    for (const [value, reason] of cases) {
      expect(parseCheckpoint(typeof value === 'string' ? value : line(value), key)).toEqual({
        ok: false,
        reason: expect.stringMatching(reason),
      });
    }
  });

  it('digests the whole checkpoint, signature included, for the next one to name', () => {
    const a = sealed();
    expect(checkpointDigest(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(checkpointDigest(a)).not.toBe(
      checkpointDigest({ ...a, signature: sealed({ reason: 'shutdown' }).signature }),
    );
  });
});

describe('latestCheckpoint', () => {
  it('is the one with the furthest head, then the highest number', () => {
    const a = sealed({ no: '1', headSeq: '10' });
    const b = sealed({ no: '2', headSeq: '20' });
    const c = sealed({ no: '3', headSeq: '20', reason: 'shutdown' });
    expect(latestCheckpoint([b, c, a])).toBe(c);
    expect(latestCheckpoint([])).toBeNull();
  });
});

describe('checkpointFindings', () => {
  const at = (seq: number, no: number): Checkpoint =>
    sealed({ no: String(no), headSeq: String(seq), headHash: hash(seq) });
  const log = (...seqs: number[]) => new Map([1, ...seqs].map((s) => [String(s), hash(s)]));

  it('finds nothing when every sealed record is there with its hash', () => {
    expect(checkpointFindings([at(10, 1), at(20, 2)], 25n, log(10, 20))).toEqual([]);
  });

  it('names records removed after a checkpoint and the head moved back: truncated, from the new head on', () => {
    const [finding] = checkpointFindings([at(10, 1), at(20, 2)], 17n, log(10));
    expect(finding).toMatchObject({ code: 'TRUNCATED', seq: '18' });
    expect(finding.reason).toBe(
      'truncated/rewound: records 18–20 removed after checkpoint #2 at 2026-12-07T08:00:00.000Z, which sealed the log up to record 20; the chain now ends at 17',
    );
    expect(checkpointFindings([at(20, 2)], 19n, log())[0].reason).toMatch(
      /^truncated\/rewound: record 20 removed after/,
    );
  });

  it('names a sealed record that is gone while the head is beyond it', () => {
    expect(checkpointFindings([at(20, 2)], 30n, log())).toEqual([
      expect.objectContaining({
        code: 'TRUNCATED',
        seq: '20',
        reason: expect.stringMatching(/^truncated\/rewound: record 20, sealed by checkpoint #2 at .*, is missing$/),
      }),
    ]);
  });

  it('names a sealed record with another hash as rewritten, from after the last checkpoint that still matches', () => {
    const hashes = log(10, 20, 30);
    hashes.set('20', hash(999));
    hashes.set('30', hash(998));
    expect(checkpointFindings([at(10, 1), at(20, 2), at(30, 3)], 35n, hashes)).toEqual([
      expect.objectContaining({
        code: 'CHECKPOINT_MISMATCH',
        seq: '11',
        reason: expect.stringMatching(
          /^rewritten: record 20 is not the record sealed by checkpoint #2 at .* \(its hash differs\); records 11–20 were replaced/,
        ),
      }),
    ]);
  });

  it('names checkpoints of another log (another record 1) once per log, and does not compare the log with them', () => {
    const theirs = [at(10, 1), at(5000, 2)].map((c) => signCheckpoint(key, { ...c, root: hash(777) }));
    const findings = checkpointFindings([at(10, 1), ...theirs], 25n, log(10));
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'CHECKPOINT_INVALID',
        seq: null,
        reason: `another log: 2 checkpoints up to checkpoint #2 at 2026-12-07T08:00:00.000Z sealed an access log whose record 1 has the hash ${hash(777)}, not ${hash(1)}: the checkpoint file is shared with another database's log, or this log was replaced from its first record`,
      }),
    ]);
  });

  it('takes every checkpoint for this log once record 1 itself is gone', () => {
    expect(checkpointFindings([at(20, 2)], 0n, new Map())).toEqual([
      expect.objectContaining({ code: 'TRUNCATED', seq: '1' }),
    ]);
  });

  it('names both a rewind and what was appended again over the sealed records', () => {
    const hashes = log(10);
    hashes.set('20', hash(999));
    const findings = checkpointFindings([at(10, 1), at(20, 2), at(30, 3)], 25n, hashes);
    expect(findings.map((f) => [f.code, f.seq])).toEqual([
      ['CHECKPOINT_MISMATCH', '11'],
      ['TRUNCATED', '26'],
    ]);
  });
});
