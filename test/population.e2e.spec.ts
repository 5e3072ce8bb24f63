import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POPULATION_PERSON_TOPIC } from '@hub/contracts';
import { schemaErrors } from './support/event-schemas.js';
import { PUBLIC_SECURITY, REGISTER, REGISTER_PERSON, aLegalEntity, aPerson } from './support/fixtures.js';
import { TestHub, type EventCollector } from './support/test-hub.js';

describe('population library through the gateway', () => {
  let hub: TestHub;
  let events: EventCollector;

  beforeAll(async () => {
    hub = await TestHub.start();
    events = await hub.collect(POPULATION_PERSON_TOPIC);
  });
  afterAll(async () => {
    await events?.close();
    await hub?.close();
  });

  it('registers a person, serves the record with its codes named, and publishes a valid event keyed by citizen ID', async () => {
    const input = aPerson().with({ ethnicityCode: '22', maritalStatusCode: '10' }).build();
    const write = await hub.graphql<{ registerPerson: { outcome: string } }>(REGISTER_PERSON, { input });
    expect(write.errors).toBeUndefined();
    expect(write.data?.registerPerson.outcome).toBe('REGISTERED');
    const read = await hub.graphql<{ person: Record<string, unknown> }>(
      `query($id: String!) { person(idNumber: $id) { idNumber name gender birthDate ethnicity { code name } maritalStatus { code name }
        householdAddress { text divisionCode divisionName } phone status provenance { sourceDepartment version } history { changeType } } }`,
      { id: input.idNumber },
      {},
      // The change history is not shared: the provider department's own system reads it.
      { key: hub.keys.population.key },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.person).toMatchObject({
      idNumber: input.idNumber,
      gender: input.gender,
      birthDate: input.birthDate,
      ethnicity: { code: '22', name: '畲族' },
      maritalStatus: { code: '10', name: '未婚' },
      householdAddress: { divisionCode: input.householdDivisionCode },
      status: 'LIVING',
      provenance: { sourceDepartment: PUBLIC_SECURITY, version: 1 },
      history: [{ changeType: 'registered' }],
    });
    const [message] = (await events.waitFor((ms) => ms.some((m) => m.key === input.idNumber))).filter(
      (m) => m.key === input.idNumber,
    );
    expect(message.headers).toMatchObject({
      ce_type: 'hub.population.registered.v1',
      ce_subject: input.idNumber,
      ce_source: '/hub/population',
    });
    expect(schemaErrors(message.headers.ce_type, JSON.parse(message.value))).toEqual([]);
  });

  describe('refuses records that contradict the citizen ID or the national codes', () => {
    const cases: Array<[string, (p: Record<string, unknown>) => Record<string, unknown>, string, string]> = [
      [
        'a gender the ID does not have',
        (p) => ({ gender: p.gender === 'MALE' ? 'FEMALE' : 'MALE' }),
        'input.gender',
        'GENDER_MISMATCH',
      ],
      [
        'a birth date the ID does not have',
        () => ({ birthDate: '1985-04-13' }),
        'input.birthDate',
        'BIRTH_DATE_MISMATCH',
      ],
      ['an unknown ethnicity code', () => ({ ethnicityCode: '77' }), 'input.ethnicityCode', 'ETHNICITY_UNKNOWN'],
      [
        'an unknown marital status code',
        () => ({ maritalStatusCode: '55' }),
        'input.maritalStatusCode',
        'MARITAL_STATUS_UNKNOWN',
      ],
      [
        'a household member without a relation to the head',
        () => ({ householdNumber: 'H00000001' }),
        'input.relationToHeadCode',
        'REQUIRED',
      ],
      ['a death without its date', () => ({ status: 'DECEASED' }), 'input.statusEffectiveOn', 'REQUIRED'],
      ['an invalid phone number', () => ({ phone: '12345' }), 'input.phone', 'INVALID_PHONE'],
    ];
    it.each(cases)('%s', async (_name, override, field, reason) => {
      const base = aPerson().build();
      const result = await hub.graphql(REGISTER_PERSON, { input: { ...base, ...override(base) } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    });
  });

  it('keeps households: the head and the members with their relations', async () => {
    const number = 'H330106000777';
    const head = aPerson('1970-03-01').inHousehold(number, '02').build();
    const spouse = aPerson('1972-08-15').inHousehold(number, '10').build();
    const child = aPerson('2001-11-30').inHousehold(number, '20').with({ maritalStatusCode: '10' }).build();
    for (const input of [child, spouse, head])
      expect((await hub.graphql(REGISTER_PERSON, { input })).errors).toBeUndefined();
    const result = await hub.graphql<{
      person: {
        household: {
          number: string;
          head: { idNumber: string };
          members: Array<{ person: { idNumber: string }; relationToHead: { code: string; name: string } }>;
        };
      };
    }>(
      `query($id: String!) { person(idNumber: $id) { household { number head { idNumber } members { person { idNumber } relationToHead { code name } } } } }`,
      { id: child.idNumber },
    );
    expect(result.errors).toBeUndefined();
    const household = result.data!.person.household;
    expect(household.head.idNumber).toBe(head.idNumber);
    expect(household.members.map((m) => [m.person.idNumber, m.relationToHead.name])).toEqual([
      [head.idNumber, '户主'],
      [spouse.idNumber, '配偶'],
      [child.idNumber, '子'],
    ]);
  });

  it('records a death as final', async () => {
    const input = aPerson('1940-01-20').build();
    await hub.graphql(REGISTER_PERSON, { input });
    const status = `mutation($i: ChangePersonStatusInput!) { changePersonStatus(input: $i) { outcome person { status statusEffectiveOn } } }`;
    const source = {
      idNumber: input.idNumber,
      sourceDepartment: PUBLIC_SECURITY,
      sourceSystem: 'fs-psb-hukou',
      sourceRecordId: input.sourceRecordId,
    };
    const died = await hub.graphql<{ changePersonStatus: { person: { status: string; statusEffectiveOn: string } } }>(
      status,
      {
        i: { ...source, version: 2, status: 'DECEASED', statusEffectiveOn: '2025-06-30' },
      },
    );
    expect(died.data?.changePersonStatus.person).toEqual({ status: 'DECEASED', statusEffectiveOn: '2025-06-30' });
    const revived = await hub.graphql(status, { i: { ...source, version: 3, status: 'LIVING' } });
    expect(revived.errors?.[0].extensions).toMatchObject({ code: 'INVALID_STATUS_TRANSITION', field: 'status' });
    const mine = (await events.waitFor((ms) => ms.filter((m) => m.key === input.idNumber).length >= 2)).filter(
      (m) => m.key === input.idNumber,
    );
    expect(mine[1].headers.ce_type).toBe('hub.population.status-changed.v1');
    expect(JSON.parse(mine[1].value)).toMatchObject({ from: 'LIVING', to: 'DECEASED', effectiveOn: '2025-06-30' });
    expect(schemaErrors(mine[1].headers.ce_type, JSON.parse(mine[1].value))).toEqual([]);
  });

  it('searches by name within a division, paginated', async () => {
    for (let i = 0; i < 3; i++)
      await hub.graphql(REGISTER_PERSON, {
        input: aPerson().with({ name: '欧阳检索', householdDivisionCode: '440605' }).build(),
      });
    await hub.graphql(REGISTER_PERSON, {
      input: aPerson().with({ name: '欧阳检索', householdDivisionCode: '330106' }).build(),
    });
    const page = await hub.graphql<{
      searchPersons: { nodes: Array<{ name: string }>; pageInfo: { hasNextPage: boolean } };
    }>(
      `{ searchPersons(filter: { name: "欧阳检索", divisionCode: "440600" }, first: 2) { nodes { name householdAddress { divisionCode } } pageInfo { hasNextPage } } }`,
    );
    expect(page.errors).toBeUndefined();
    expect(page.data?.searchPersons.nodes).toHaveLength(2);
    expect(page.data?.searchPersons.pageInfo.hasNextPage).toBe(true);
    const none = await hub.graphql(`{ searchPersons(filter: {}) { nodes { name } } }`);
    expect(none.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FILTER_REQUIRED' });
  });

  describe('takes any division of the national table, to the township', () => {
    it('registers a person living in 110101 北京市东城区 and a township that exists, and finds them by the county', async () => {
      const input = aPerson()
        .with({
          name: '东城居民',
          residenceAddress: '东华门街道1号',
          residenceDivisionCode: '110101',
          householdDivisionCode: '110101001',
        })
        .build();
      const write = await hub.graphql<{ registerPerson: { outcome: string } }>(REGISTER_PERSON, { input });
      expect(write.errors).toBeUndefined();
      expect(write.data?.registerPerson.outcome).toBe('REGISTERED');
      const found = await hub.graphql<{ searchPersons: { nodes: Array<{ idNumber: string }> } }>(
        `{ searchPersons(filter: { name: "东城居民", divisionCode: "110101" }) { nodes { idNumber } } }`,
      );
      expect(found.errors).toBeUndefined();
      expect(found.data?.searchPersons.nodes).toEqual([{ idNumber: input.idNumber }]);
    });

    it.each([
      [
        'a township its county does not have',
        { householdDivisionCode: '440604999' },
        'input.householdDivisionCode',
        '440604999',
      ],
      [
        'a county the country does not have',
        { residenceAddress: '某路1号', residenceDivisionCode: '110199' },
        'input.residenceDivisionCode',
        '110199',
      ],
    ])('refuses %s with DIVISION_CODE_UNKNOWN, naming the code', async (_name, fields, field, code) => {
      const result = await hub.graphql(REGISTER_PERSON, { input: aPerson().with(fields).build() });
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
        reason: 'DIVISION_CODE_UNKNOWN',
      });
      expect(result.errors?.[0].message).toContain(code);
    });

    it('refuses a search filtered by a township that does not exist', async () => {
      const result = await hub.graphql(`{ searchPersons(filter: { divisionCode: "440604999" }) { nodes { name } } }`);
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'filter.divisionCode',
        reason: 'DIVISION_CODE_UNKNOWN',
      });
    });
  });

  it("resolves a legal entity's legal representative to the full person record across subgraphs", async () => {
    const person = aPerson('1978-09-09').build();
    await hub.graphql(REGISTER_PERSON, { input: person });
    const company = aLegalEntity().with({ legalRepresentativeIdNumber: person.idNumber }).build();
    await hub.graphql(REGISTER, { input: company });
    const result = await hub.graphql<{
      legalEntity: { legalRepresentative: { idNumber: string; name: string; birthDate: string } };
    }>(`query($u: String!) { legalEntity(uscc: $u) { name legalRepresentative { idNumber name birthDate } } }`, {
      u: company.uscc,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.legalEntity.legalRepresentative).toEqual({
      idNumber: person.idNumber,
      name: person.name,
      birthDate: '1978-09-09',
    });
  });
});
