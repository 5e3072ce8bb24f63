import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGAL_ENTITY_TOPIC, POPULATION_PERSON_TOPIC } from '@hub/contracts';
import {
  PUBLIC_SECURITY,
  REGISTER,
  REGISTER_ADDRESS,
  REGISTER_PERSON,
  SOURCE_DEPARTMENT,
  aLegalEntity,
  aPerson,
  aStandardAddress,
} from './support/fixtures.js';
import { schemaErrors } from './support/event-schemas.js';
import { skipUnless } from './support/infrastructure.js';
import { TestHub, type EventCollector } from './support/test-hub.js';

const LOCATION = `query($u: String!) { legalEntity(uscc: $u) { location { status method confidence reason addressText point { longitude latitude } addressId } } }`;

type Location = {
  status: string;
  method: string | null;
  reason: string | null;
  addressText: string;
  point: { longitude: number; latitude: number } | null;
  addressId: string | null;
};

describe("the data travels: libraries react to each other's events, each event once", () => {
  let hub: TestHub;
  let legalEntityEvents: EventCollector;
  let personEvents: EventCollector;

  beforeAll(async () => {
    hub = await TestHub.start();
    legalEntityEvents = await hub.collect(LEGAL_ENTITY_TOPIC);
    personEvents = await hub.collect(POPULATION_PERSON_TOPIC);
  });
  afterAll(async () => {
    await legalEntityEvents?.close();
    await personEvents?.close();
    await hub?.close();
  });

  it("geocodes a legal entity's registered address when it is registered, re-geocodes it when it changes, and shows a failure with its reason", async () => {
    const address = aStandardAddress('440604', '季华五路', 88);
    expect((await hub.graphql(REGISTER_ADDRESS, { input: address })).errors).toBeUndefined();
    const company = aLegalEntity()
      .with({ registeredAddress: '季华五路８８号', registeredAddressDivisionCode: '440604' })
      .build();
    await hub.graphql(REGISTER, { input: company });
    const located = await hub.eventually(async () => {
      const location = (
        await hub.graphql<{ legalEntity: { location: Location | null } }>(LOCATION, { u: company.uscc })
      ).data?.legalEntity.location;
      expect(location?.status).toBe('MATCHED');
      return location!;
    });
    expect(located).toMatchObject({
      method: 'NORMALISED',
      addressId: address.addressId,
      point: { longitude: address.longitude, latitude: address.latitude },
    });

    const source = {
      uscc: company.uscc,
      sourceDepartment: SOURCE_DEPARTMENT,
      sourceSystem: 'fs-amr-registration',
      sourceRecordId: company.sourceRecordId,
    };
    await hub.graphql(`mutation($i: ChangeLegalEntityInput!) { changeLegalEntity(input: $i) { outcome } }`, {
      i: { ...source, version: 2, registeredAddress: '季华五路999号' },
    });
    const moved = await hub.eventually(async () => {
      const location = (await hub.graphql<{ legalEntity: { location: Location } }>(LOCATION, { u: company.uscc })).data!
        .legalEntity.location;
      expect(location.addressText).toBe('季华五路999号');
      return location;
    });
    expect(moved).toMatchObject({ status: 'UNMATCHED', point: null });
    expect(moved.reason).toContain('no standard address matches');

    // The same registration event delivered again changes nothing: the consumer skips its id.
    const registered = legalEntityEvents.messages.find(
      (m) => m.key === company.uscc && m.headers.ce_type === 'hub.legal-entity.registered.v1',
    )!;
    const duplicatesBefore = await consumed(hub, 'geospatial', 'locations', 'duplicate');
    await hub.redeliver([registered]);
    await hub.eventually(async () =>
      expect(await consumed(hub, 'geospatial', 'locations', 'duplicate')).toBeGreaterThan(duplicatesBefore),
    );
    expect(
      (await hub.graphql<{ legalEntity: { location: Location } }>(LOCATION, { u: company.uscc })).data?.legalEntity
        .location,
    ).toMatchObject({
      status: 'UNMATCHED',
      addressText: '季华五路999号',
    });
  });

  it('marks the legal entities whose legal representative died, publishes it once, and ignores the death event delivered twice', async () => {
    const person = aPerson('1950-02-02').build();
    await hub.graphql(REGISTER_PERSON, { input: person });
    const companies = [
      aLegalEntity().with({ legalRepresentativeIdNumber: person.idNumber }).build(),
      aLegalEntity().with({ legalRepresentativeIdNumber: person.idNumber }).build(),
    ];
    for (const company of companies) await hub.graphql(REGISTER, { input: company });
    const died = await hub.graphql(
      `mutation($i: ChangePersonStatusInput!) { changePersonStatus(input: $i) { outcome } }`,
      {
        i: {
          idNumber: person.idNumber,
          sourceDepartment: PUBLIC_SECURITY,
          sourceSystem: 'fs-psb-hukou',
          sourceRecordId: person.sourceRecordId,
          version: 2,
          status: 'DECEASED',
          statusEffectiveOn: '2026-05-04',
        },
      },
    );
    expect(died.errors).toBeUndefined();
    const query = `query($u: [String!]!) { legalEntities(usccs: $u) { uscc legalRepresentativeStatus { status deceased deceasedOn } legalRepresentative { status } } }`;
    const marked = await hub.eventually(async () => {
      const result = await hub.graphql<{
        legalEntities: Array<{ legalRepresentativeStatus: { deceased: boolean; deceasedOn: string } | null }>;
      }>(query, { u: companies.map((c) => c.uscc) });
      expect(result.data?.legalEntities.every((e) => e.legalRepresentativeStatus?.deceased)).toBe(true);
      return result.data!.legalEntities;
    });
    expect(marked[0]).toMatchObject({
      legalRepresentativeStatus: { status: 'DECEASED', deceasedOn: '2026-05-04' },
      legalRepresentative: { status: 'DECEASED' },
    });
    const deceasedEvents = () =>
      legalEntityEvents.messages.filter(
        (m) =>
          m.headers.ce_type === 'hub.legal-entity.legal-representative-deceased.v1' &&
          companies.some((c) => c.uscc === m.key),
      );
    await legalEntityEvents.waitFor(() => deceasedEvents().length === 2);
    for (const m of deceasedEvents()) expect(schemaErrors(m.headers.ce_type, JSON.parse(m.value))).toEqual([]);

    const deathEvent = (
      await personEvents.waitFor((ms) =>
        ms.some((m) => m.key === person.idNumber && m.headers.ce_type === 'hub.population.status-changed.v1'),
      )
    ).find((m) => m.key === person.idNumber && m.headers.ce_type === 'hub.population.status-changed.v1')!;
    const duplicatesBefore = await consumed(hub, 'legal-entity', 'legal-representative-status', 'duplicate');
    await hub.redeliver([deathEvent]);
    await hub.eventually(async () =>
      expect(await consumed(hub, 'legal-entity', 'legal-representative-status', 'duplicate')).toBeGreaterThan(
        duplicatesBefore,
      ),
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(deceasedEvents()).toHaveLength(2);
  });

  it('lets credit record a revocation once, even when the status event is delivered twice', async () => {
    const company = aLegalEntity().build();
    await hub.graphql(REGISTER, { input: company });
    const source = {
      uscc: company.uscc,
      sourceDepartment: SOURCE_DEPARTMENT,
      sourceSystem: 'fs-amr-registration',
      sourceRecordId: company.sourceRecordId,
    };
    await hub.graphql(
      `mutation($i: ChangeLegalEntityStatusInput!) { changeLegalEntityStatus(input: $i) { outcome } }`,
      {
        i: { ...source, version: 2, status: 'REVOKED', statusEffectiveOn: '2026-04-01' },
      },
    );
    const profile = `query($u: String!) { legalEntity(uscc: $u) { credit { registrationStanding assessment { level reasons { code } } } } }`;
    await hub.eventually(async () => {
      const result = await hub.graphql<{
        legalEntity: { credit: { registrationStanding: string; assessment: { level: string } } };
      }>(profile, { u: company.uscc });
      expect(result.data?.legalEntity.credit).toMatchObject({
        registrationStanding: 'REVOKED',
        assessment: { level: 'D' },
      });
    });
    const revoked = legalEntityEvents.messages.find(
      (m) => m.key === company.uscc && m.headers.ce_type === 'hub.legal-entity.status-changed.v1',
    )!;
    const duplicatesBefore = await consumed(hub, 'credit', 'legal-entity-standing', 'duplicate');
    await hub.redeliver([revoked]);
    await hub.eventually(async () =>
      expect(await consumed(hub, 'credit', 'legal-entity-standing', 'duplicate')).toBeGreaterThan(duplicatesBefore),
    );
    const after = await hub.graphql<{ legalEntity: { credit: { registrationStanding: string } } }>(profile, {
      u: company.uscc,
    });
    expect(after.data?.legalEntity.credit.registrationStanding).toBe('REVOKED');
  });

  it(
    'keeps its consumer groups inside its topic prefix, so two hubs on one broker never rebalance each other',
    skipUnless('kafka'),
    async () => {
      const admin = new kafkajs.Kafka({
        clientId: 'spec',
        brokers: hub.kafkaBrokers!,
        logLevel: kafkajs.logLevel.NOTHING,
      }).admin();
      await admin.connect();
      try {
        const groups = (await admin.listGroups()).groups.map((g) => g.groupId);
        const ours = [
          'hub.geospatial.locations',
          'hub.credit.legal-entity-standing',
          'hub.legal-entity.legal-representative-status',
        ];
        for (const group of ours) expect(groups).toContain(hub.topicPrefix + group);
      } finally {
        await admin.disconnect();
      }
    },
  );
});

async function consumed(hub: TestHub, app: string, consumer: string, outcome: string): Promise<number> {
  const text = await (
    await fetch(`${hub.subgraphUrls[app]}/metrics`, { headers: { authorization: `Bearer ${hub.operatorToken}` } })
  ).text();
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith('hub_events_consumed_total{') &&
        l.includes(`consumer="${consumer}"`) &&
        l.includes(`outcome="${outcome}"`),
    );
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}
