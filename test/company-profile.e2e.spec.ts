import { divisionsAt } from '@hub/geo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCity } from '@hub/synthetic-data';
import { COMPANY_PROFILE as PROFILE } from './support/fixtures.js';
import { TestHub } from './support/test-hub.js';

type Profile = {
  uscc: string;
  name: string;
  registeredAddress: { text: string; divisionCode: string };
  legalRepresentative: {
    idNumber: string;
    name: string;
    credit: { assessment: { level: string } };
    location: { status: string } | null;
  };
  credit: {
    assessment: { level: string };
    penalties: Array<{ decisionNumber: string }>;
    licences: Array<{ decisionNumber: string }>;
  };
  location: {
    status: string;
    method: string;
    divisionCode: string;
    point: { longitude: number; latitude: number };
  } | null;
};

const SUBGRAPHS = ['legal-entity', 'population', 'credit', 'geospatial'];

describe('one graph: the company profile across the four base libraries', () => {
  let hub: TestHub;
  let city: Awaited<ReturnType<typeof syntheticCity>>;

  beforeAll(async () => {
    // A long outbox poll: once loaded, relays sleep and statement counters move only for the query under test.
    hub = await TestHub.start({ env: { OUTBOX_POLL_INTERVAL_MS: '60000' } });
    city = await syntheticCity({ addresses: 400, persons: 1600, legalEntities: 1000, creditRecords: 600 }, 31);
    for (const [register, records] of [
      ['addresses', city.addresses],
      ['persons', city.persons],
      ['legal-entities', city.legalEntities],
      ['credit-records', city.creditRecords],
    ] as const) {
      // Sent as the synthetic city's extracts are (npm run datagen): without a source, which the hub
      // takes from the sending system's key.
      const sent = records
        .map(({ sourceDepartment: _department, sourceSystem: _system, ...r }) => JSON.stringify(r))
        .join('\n');
      const response = await hub.ingest(register, sent, 'application/x-ndjson');
      const report = (await response.json()) as { registered: number; rejected: number; rejections: unknown[] };
      expect(report, register).toMatchObject({ registered: records.length, rejected: 0 });
    }
    // Wait for the geospatial library to locate every legal entity and person from their events.
    await hub.eventually(async () => {
      const applied = await hub.metric('geospatial', 'hub_events_consumed_total');
      expect(applied).toBeGreaterThanOrEqual(city.persons.length + city.legalEntities.length);
    }, 180_000);
    await new Promise((r) => setTimeout(r, 1000));
  }, 300_000);
  afterAll(() => hub?.close());

  it('returns consistent data from all four libraries for 1,000 companies, with a bounded number of SQL statements per library', async () => {
    const usccs = city.legalEntities.map((e) => e.uscc as string);
    const before = await Promise.all(SUBGRAPHS.map((s) => hub.metric(s, 'hub_db_statements_total')));
    const result = await hub.graphql<{ legalEntities: Profile[] }>(PROFILE, { u: usccs });
    const after = await Promise.all(SUBGRAPHS.map((s) => hub.metric(s, 'hub_db_statements_total')));
    expect(result.errors).toBeUndefined();
    const statements = Object.fromEntries(SUBGRAPHS.map((s, i) => [s, after[i] - before[i]]));
    // legal-entity: entities + representative statuses; population: persons; credit: records + standings
    // for companies, records for persons; geospatial: locations of companies and of persons.
    expect(statements).toEqual({ 'legal-entity': 2, population: 1, credit: 3, geospatial: 2 });

    const persons = new Map(city.persons.map((p) => [p.idNumber as string, p]));
    const creditBySubject = new Map<string, Array<Record<string, unknown>>>();
    for (const r of city.creditRecords)
      creditBySubject.set(r.subjectId as string, [...(creditBySubject.get(r.subjectId as string) ?? []), r]);
    const profiles = result.data!.legalEntities;
    expect(profiles.map((p) => p.uscc)).toEqual(usccs);
    profiles.forEach((profile, i) => {
      const source = city.legalEntities[i];
      const rep = persons.get(source.legalRepresentativeIdNumber as string)!;
      expect(profile.legalRepresentative).toMatchObject({ idNumber: rep.idNumber, name: rep.name });
      expect(profile.legalRepresentative.location?.status).toBe('MATCHED');
      expect(profile.location).toMatchObject({
        status: 'MATCHED',
        method: 'EXACT',
        divisionCode: source.registeredAddressDivisionCode,
      });
      expect(divisionsAt(profile.location!.point.longitude, profile.location!.point.latitude)[0]).toBe(
        source.registeredAddressDivisionCode,
      );
      const records = creditBySubject.get(profile.uscc) ?? [];
      expect(profile.credit.penalties.map((p) => p.decisionNumber).sort()).toEqual(
        records
          .filter((r) => r.kind === 'PENALTY')
          .map((r) => r.decisionNumber)
          .sort(),
      );
      expect(profile.credit.licences).toHaveLength(records.filter((r) => r.kind === 'LICENCE').length);
      expect(profile.credit.assessment.level).toMatch(/^(A|B|C|D|NOT_ASSESSED)$/);
    });
    // Revoked and deregistered companies of the generated data are assessed as such through the events.
    const revoked = profiles.filter((_, i) => city.legalEntities[i].status === 'REVOKED');
    expect(revoked.length).toBeGreaterThan(0);
    for (const p of revoked) expect(p.credit.assessment.level).toBe('D');
  });
});
