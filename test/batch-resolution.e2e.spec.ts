import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aLegalEntity } from './support/fixtures.js';
import { TestHub } from './support/test-hub.js';

const STATEMENTS = 'hub_db_statements_total';

describe('resolving many legal entities costs a bounded number of SQL statements', () => {
  let hub: TestHub;
  const usccs: string[] = [];

  beforeAll(async () => {
    // A long outbox poll: after the load below the relay sleeps, so the statement counter of the
    // legal-entity app moves only for the queries under test.
    hub = await TestHub.start({ env: { OUTBOX_POLL_INTERVAL_MS: '60000' } });
    const records = Array.from({ length: 1000 }, () => aLegalEntity().build());
    usccs.push(...records.map((r) => r.uscc));
    const response = await hub.ingest(
      'legal-entities',
      records.map((r) => JSON.stringify(r)).join('\n'),
      'application/x-ndjson',
    );
    expect(await response.json()).toMatchObject({ registered: 1000 });
    // Wait until the relay has published the 1,000 registrations and gone back to sleep.
    for (let i = 0; i < 100 && (await hub.metric('legal-entity', 'hub_outbox_published_total')) < 1000; i++)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 300));
  });
  afterAll(() => hub?.close());

  async function statementsFor(run: () => Promise<void>): Promise<number> {
    const before = await hub.metric('legal-entity', STATEMENTS);
    await run();
    return (await hub.metric('legal-entity', STATEMENTS)) - before;
  }

  it('answers legalEntities for 1,000 USCCs through the gateway with one statement', async () => {
    const statements = await statementsFor(async () => {
      const result = await hub.graphql<{ legalEntities: Array<{ uscc: string; name: string } | null> }>(
        `query($u: [String!]!) { legalEntities(usccs: $u) { uscc name status registeredAddress { divisionName } } }`,
        { u: usccs },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.legalEntities.map((e) => e?.uscc)).toEqual(usccs);
    });
    expect(statements).toBe(1);
  });

  it('adds one statement for the history of all 1,000, not one per entity', async () => {
    const statements = await statementsFor(async () => {
      const result = await hub.graphql<{ legalEntities: Array<{ history: unknown[] }> }>(
        `query($u: [String!]!) { legalEntities(usccs: $u) { uscc history(last: 5) { version changeType } } }`,
        { u: usccs },
        {},
        // The history is not shared: its provider department's own system reads it.
        { key: hub.keys.legalEntity.key },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.legalEntities.every((e) => e.history.length === 1)).toBe(true);
    });
    expect(statements).toBe(2);
  });

  it('resolves 1,000 entity references (what the gateway sends other subgraphs) with one statement', async () => {
    const statements = await statementsFor(async () => {
      const response = await hub.subgraphGraphql(
        'legal-entity',
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on LegalEntity { uscc name } } }',
        {
          r: usccs.map((uscc) => ({ __typename: 'LegalEntity', uscc })),
        },
      );
      const result = (await response.json()) as { data: { _entities: Array<{ uscc: string }> } };
      expect(result.data._entities.map((e) => e.uscc)).toEqual(usccs);
    });
    expect(statements).toBe(1);
  });
});
