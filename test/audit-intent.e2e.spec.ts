import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRecordInput } from '@hub/policy';
import { AuditWriter } from '../apps/gateway/src/access/audit-writer.js';
import { REGISTER, aLegalEntity } from './support/fixtures.js';
import { TestHub } from './support/test-hub.js';

/**
 * A write is either answered and recorded, or not done: the access log fails at each step of a
 * write — before its intent is recorded, between the intent and the write, after the write — and
 * the write is then either not made (and the caller told to retry) or made, answered as made, with
 * its intent as its access record. (test/faults.e2e.spec.ts fails the log the same way with every
 * app a process of its own; this suite runs wherever the hub runs, the embedded database included.)
 */
describe('a write is either answered and recorded, or not done', () => {
  let hub: TestHub;
  /** Which records the access log refuses: none, every one, the intents, the outcomes, or every one once an intent is in. */
  let fault: 'none' | 'all' | 'intents' | 'outcomes' | 'after-intent' = 'none';

  beforeAll(async () => {
    hub = await TestHub.start();
    // The gateway's own writer, failing on cue as the access log does when its database is down.
    const writer = hub.app('gateway').get(AuditWriter, { strict: false });
    const write = writer.write.bind(writer);
    writer.write = async (record: AccessRecordInput) => {
      const intent = record.outcome === 'INTENDED';
      if (fault === 'all' || (fault === 'intents' && intent) || (fault === 'outcomes' && !intent))
        throw new Error('injected: the access log is down');
      const seq = await write(record);
      if (fault === 'after-intent' && intent) fault = 'all';
      return seq;
    };
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
  });

  async function recordsOf(requestId: string): Promise<Array<{ seq: string; outcome: string }>> {
    const client = new pg.Client({ connectionString: hub.database.url });
    await client.connect();
    try {
      return (
        await client.query(
          'SELECT seq::text AS seq, outcome FROM catalog.access_record WHERE request_id = $1 ORDER BY seq',
          [requestId],
        )
      ).rows;
    } finally {
      await client.end();
    }
  }

  async function register(withFault: typeof fault) {
    const input = aLegalEntity().build();
    fault = withFault;
    try {
      const response = await hub.graphqlResponse(REGISTER, { input });
      const body = (await response.json()) as {
        data?: { registerLegalEntity?: { outcome: string } } | null;
        errors?: Array<{ extensions?: Record<string, unknown> }>;
        extensions?: Record<string, unknown>;
      };
      return { input, response, body, requestId: response.headers.get('x-request-id')! };
    } finally {
      fault = 'none';
    }
  }

  async function stored(uscc: string): Promise<boolean> {
    const read = await hub.graphql<{ legalEntity: { uscc: string } | null }>(
      `query($u: String!) { legalEntity(uscc: $u) { uscc } }`,
      { u: uscc },
    );
    expect(read.errors).toBeUndefined();
    return read.data?.legalEntity?.uscc === uscc;
  }

  it('records the intent before the write and its outcome after, and tells the caller where', async () => {
    const { body, requestId } = await register('none');
    expect(body.data?.registerLegalEntity?.outcome).toBe('REGISTERED');
    const records = await recordsOf(requestId);
    expect(records.map((r) => r.outcome)).toEqual(['INTENDED', 'ALLOWED']);
    expect(body.extensions?.accessRecord).toEqual({ intent: records[0].seq, outcome: records[1].seq });
  });

  it('before the intent: not done, and the caller told to retry', async () => {
    const { input, response, body, requestId } = await register('intents');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'AUDIT_UNAVAILABLE', retryable: true, requestId });
    expect(body.data ?? null).toBeNull();
    expect(await stored(input.uscc)).toBe(false);
    expect(await recordsOf(requestId)).toEqual([]);
  });

  it.each([
    ['between the intent and the write', 'after-intent'],
    ['after the write', 'outcomes'],
  ] as const)('%s: done, answered as done, the intent its access record', async (_, step) => {
    const { input, response, body, requestId } = await register(step);
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.registerLegalEntity?.outcome).toBe('REGISTERED');
    expect(await stored(input.uscc)).toBe(true);
    const records = await recordsOf(requestId);
    expect(records.map((r) => r.outcome)).toEqual(['INTENDED']);
    expect(body.extensions?.accessRecord).toEqual({ intent: records[0].seq, outcome: null });
  });

  it('a read the log cannot record is not answered', async () => {
    fault = 'all';
    try {
      const response = await hub.graphqlResponse(`query($u: String!) { legalEntity(uscc: $u) { uscc name } }`, {
        u: aLegalEntity().build().uscc,
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'AUDIT_UNAVAILABLE' } }] });
    } finally {
      fault = 'none';
    }
  });
});
