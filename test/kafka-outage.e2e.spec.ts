import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGAL_ENTITY_TOPIC } from '@hub/contracts';
import { REGISTER, SOURCE_DEPARTMENT, aLegalEntity } from './support/fixtures.js';
import { skipUnless } from './support/infrastructure.js';
import { KafkaBroker } from './support/kafka-broker.js';
import { TestHub, type EventCollector } from './support/test-hub.js';

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

describe('events survive a Kafka outage', skipUnless('kafkaJars'), () => {
  let broker: KafkaBroker;
  let hub: TestHub;
  let events: EventCollector;

  beforeAll(async () => {
    broker = await KafkaBroker.start();
    hub = await TestHub.start({ kafkaBrokers: broker.brokers });
    events = await hub.collect(LEGAL_ENTITY_TOPIC);
  }, 180_000);
  afterAll(async () => {
    await events?.close().catch(() => undefined);
    await hub?.close();
    await broker?.destroy();
  });

  it('accepts 1,000 registrations while the broker is stopped and delivers every event once, in per-USCC order, after it is back', async () => {
    // Warm up: the topic exists, the producer and the collector are connected.
    const first = aLegalEntity().build();
    await hub.graphql(REGISTER, { input: first });
    await events.waitFor((ms) => ms.some((m) => m.key === first.uscc), 60_000);

    await broker.stop();

    const records = Array.from({ length: 1000 }, () => aLegalEntity().build());
    const outcomes: string[] = [];
    await inBatches(records, 25, async (input) => {
      const result = await hub.graphql<{ registerLegalEntity: { outcome: string } }>(REGISTER, { input });
      expect(result.errors).toBeUndefined();
      outcomes.push(result.data!.registerLegalEntity.outcome);
    });
    expect(outcomes.filter((o) => o === 'REGISTERED')).toHaveLength(1000);
    // A second change for 100 of them, also while the broker is down: order must hold per USCC.
    const changed = records.slice(0, 100);
    await inBatches(changed, 25, async (r) => {
      const result = await hub.graphql(
        `mutation($i: ChangeLegalEntityInput!) { changeLegalEntity(input: $i) { outcome } }`,
        {
          i: {
            uscc: r.uscc,
            sourceDepartment: SOURCE_DEPARTMENT,
            sourceSystem: 'fs-amr-registration',
            sourceRecordId: r.sourceRecordId,
            version: 2,
            name: `${r.name as string}（更名）`,
          },
        },
      );
      expect(result.errors).toBeUndefined();
    });

    // Nothing reached the topic; everything waits in the outbox.
    expect(events.messages.filter((m) => m.key !== first.uscc)).toHaveLength(0);
    const client = new pg.Client({ connectionString: hub.database.url });
    await client.connect();
    const pending = (
      await client.query('SELECT count(*)::int AS n FROM legal_entity.outbox WHERE published_at IS NULL')
    ).rows[0].n;
    await client.end();
    expect(pending).toBe(1100);

    await broker.restart();

    const all = await events.waitFor((ms) => ms.length >= 1101, 120_000);
    // Let any duplicate that was going to arrive arrive.
    await new Promise((r) => setTimeout(r, 2000));
    expect(all).toHaveLength(1101);
    const ids = all.map((m) => m.headers.ce_id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of records) {
      const mine = all.filter((m) => m.key === r.uscc).map((m) => m.headers.ce_type);
      expect(mine).toEqual(
        changed.includes(r)
          ? ['hub.legal-entity.registered.v1', 'hub.legal-entity.changed.v1']
          : ['hub.legal-entity.registered.v1'],
      );
    }
  }, 300_000);
});
