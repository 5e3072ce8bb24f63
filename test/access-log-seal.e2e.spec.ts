// accessLogSeal through the gateway: the access log's latest seal (its newest signed checkpoint),
// as the stewards' console shows it — the same checkpoint verifyAccessLog compares the log with,
// sealing the reads made before it; for stewards and admins only. And accessLog's first page asked
// with `after: null`, as the console asks it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTER_PERSON, aPerson } from './support/fixtures.js';
import { TestHub } from './support/test-hub.js';

const SEAL = `query Seal { accessLogSeal { no headSeq headHash time instance reason } }`;
const VERIFY = `query Verify { verifyAccessLog { ok headSeq checkpoint { no headSeq headHash } } }`;
const LOG = `query Log($id: String!) { accessLog(subjectType: PERSON, subjectId: $id, first: 1) { nodes { seq hash operationName } } }`;

interface Seal {
  no: string;
  headSeq: string;
  headHash: string;
  time: string;
  instance: string;
  reason: string;
}

describe('the access log’s latest seal (accessLogSeal)', () => {
  let hub: TestHub;
  const person = aPerson().build();

  beforeAll(async () => {
    // A checkpoint every second (the least the catalog allows), so a seal follows the reads quickly.
    hub = await TestHub.start({ env: { AUDIT_CHECKPOINT_MS: '1000' } });
    expect((await hub.graphql(REGISTER_PERSON, { input: person })).errors).toBeUndefined();
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('shows the newest signed checkpoint, sealing the reads made before it, as verification finds it', async () => {
    const read = await hub.graphql(`query SealedRead($id: String!) { person(idNumber: $id) { name } }`, {
      id: person.idNumber,
    });
    expect(read.errors).toBeUndefined();
    const log = await hub.graphql<{
      accessLog: { nodes: Array<{ seq: string; hash: string; operationName: string }> };
    }>(LOG, { id: person.idNumber }, {}, { key: hub.keys.supervisor.key });
    expect(log.errors).toBeUndefined();
    const readSeq = BigInt(log.data!.accessLog.nodes[0].seq);

    const seal = await hub.eventually(async () => {
      const result = await hub.graphql<{ accessLogSeal: Seal | null }>(
        SEAL,
        {},
        {},
        { key: hub.keys.psbSteward.key, purpose: null },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.accessLogSeal).not.toBeNull();
      expect(BigInt(result.data!.accessLogSeal!.headSeq)).toBeGreaterThanOrEqual(readSeq);
      return result.data!.accessLogSeal!;
    });
    expect(seal).toMatchObject({ reason: 'interval', headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(BigInt(seal.no)).toBeGreaterThan(0n);
    expect(Number.isNaN(Date.parse(seal.time))).toBe(false);

    // The verification compares the log with that checkpoint (or a newer one written meanwhile), and finds it intact.
    const verified = await hub.graphql<{
      verifyAccessLog: { ok: boolean; checkpoint: { no: string; headSeq: string; headHash: string } };
    }>(VERIFY, {}, {}, { key: hub.keys.admin.key, purpose: null });
    expect(verified.errors).toBeUndefined();
    expect(verified.data!.verifyAccessLog.ok).toBe(true);
    expect(BigInt(verified.data!.verifyAccessLog.checkpoint.no)).toBeGreaterThanOrEqual(BigInt(seal.no));
  });

  it('takes `after: null` as the first page of a subject’s log (as the console sends it), not as an error', async () => {
    const query = `query Log($id: String!, $after: String) { accessLog(subjectType: PERSON, subjectId: $id, first: 5, after: $after) { nodes { seq } } }`;
    const withNull = await hub.graphql<{ accessLog: { nodes: Array<{ seq: string }> } }>(
      query,
      { id: person.idNumber, after: null },
      {},
      { key: hub.keys.supervisor.key },
    );
    expect(withNull.errors).toBeUndefined();
    const without = await hub.graphql<{ accessLog: { nodes: Array<{ seq: string }> } }>(
      query,
      { id: person.idNumber },
      {},
      { key: hub.keys.supervisor.key },
    );
    expect(withNull.data!.accessLog.nodes.length).toBeGreaterThan(0);
    // (The second read's own record is newer than the first page of the first.)
    expect(without.data!.accessLog.nodes.map((n) => n.seq)).toContain(withNull.data!.accessLog.nodes[0].seq);
  });

  it('is for stewards and admins: a department system is refused', async () => {
    const refused = await hub.graphql(SEAL, {}, {}, { key: hub.keys.harness.key, purpose: null });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data?.accessLogSeal ?? null).toBeNull();
  });
});
