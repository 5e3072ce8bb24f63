import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTER, REGISTER_PERSON, aLegalEntity, aPerson } from './support/fixtures.js';
import type { TestKeys } from './support/test-access.js';
import { TestHub, type GraphQLResponse } from './support/test-hub.js';

// The access matrix: several systems × unconditional / conditional / not-shared items × no grant,
// an active grant, an expired one and a revoked one × with and without a purpose, each item read
// directly, through an alias, a named and an inline fragment, a variable-driven @include and an
// entity reference across subgraphs. Every cell is checked against the catalog's rules written out
// by hand below, and no refused or masked value may appear anywhere in the raw answer.

/** The catalog items the matrix reads (shipped catalog, schemas/catalog/resources). */
const ITEM = {
  personId: '101001001/000001#1', // Person.idNumber: unconditional, masked (CITIZEN_ID)
  personName: '101001001/000001#2', // Person.name: unconditional, masked (NAME)
  phone: '101003001/000001#1', // Person.phone: conditional, masked (PHONE)
  maritalStatus: '101003001/000001#2', // Person.maritalStatus: conditional
  personHistory: '101004001/000001#1', // Person.history: not shared (public security only)
  legalEntityName: '102001001/000001#2', // LegalEntity.name: unconditional
  legalRepresentative: '102002001/000001#1', // LegalEntity.legalRepresentative: conditional
  legalEntityHistory: '102003001/000001#1', // LegalEntity.history: not shared (market regulation only)
  recordChange: '190002001/000001#1', // RecordChange.changeType (an entry of a history): conditional (data bureau)
} as const;
type Item = keyof typeof ITEM;
type Right = 'FULL' | 'MASKED' | 'DENIED';
const CONDITIONAL: ReadonlySet<Item> = new Set(['phone', 'maritalStatus', 'legalRepresentative', 'recordChange']);

type System = 'harness' | 'population' | 'legalEntity' | 'humanResources' | 'tax' | 'window';

/**
 * What each system may read, by the catalog's rules. The harness (data bureau) and the provider
 * systems hold full-value grants on every other provider's conditional and masked items; social
 * insurance holds an active masked grant for the phone only (the data bureau provides the
 * entries of the change histories); tax's phone grant has expired;
 * the one-window system's phone grant was revoked.
 */
const RIGHTS: Record<System, Record<Item, Right>> = {
  harness: {
    personId: 'FULL',
    personName: 'FULL',
    phone: 'FULL',
    maritalStatus: 'FULL',
    personHistory: 'DENIED',
    legalEntityName: 'FULL',
    legalRepresentative: 'FULL',
    legalEntityHistory: 'DENIED',
    recordChange: 'FULL',
  },
  population: {
    personId: 'FULL',
    personName: 'FULL',
    phone: 'FULL',
    maritalStatus: 'FULL',
    personHistory: 'FULL',
    legalEntityName: 'FULL',
    legalRepresentative: 'FULL',
    legalEntityHistory: 'DENIED',
    recordChange: 'FULL',
  },
  legalEntity: {
    personId: 'FULL',
    personName: 'FULL',
    phone: 'FULL',
    maritalStatus: 'FULL',
    personHistory: 'DENIED',
    legalEntityName: 'FULL',
    legalRepresentative: 'FULL',
    legalEntityHistory: 'FULL',
    recordChange: 'FULL',
  },
  humanResources: {
    personId: 'MASKED',
    personName: 'MASKED',
    phone: 'MASKED',
    maritalStatus: 'DENIED',
    personHistory: 'DENIED',
    legalEntityName: 'FULL',
    legalRepresentative: 'DENIED',
    legalEntityHistory: 'DENIED',
    recordChange: 'DENIED',
  },
  tax: {
    personId: 'MASKED',
    personName: 'MASKED',
    phone: 'DENIED',
    maritalStatus: 'DENIED',
    personHistory: 'DENIED',
    legalEntityName: 'FULL',
    legalRepresentative: 'DENIED',
    legalEntityHistory: 'DENIED',
    recordChange: 'DENIED',
  },
  window: {
    personId: 'MASKED',
    personName: 'MASKED',
    phone: 'DENIED',
    maritalStatus: 'DENIED',
    personHistory: 'DENIED',
    legalEntityName: 'FULL',
    legalRepresentative: 'DENIED',
    legalEntityHistory: 'DENIED',
    recordChange: 'DENIED',
  },
};

const person = aPerson().build();
const company = aLegalEntity().with({ legalRepresentativeIdNumber: person.idNumber }).build();
const phone = String(person.phone);

/** Values as each right shows them (masks by the documented rules, written out). */
const SHOWN: Record<'personId' | 'personName' | 'phone', Record<'FULL' | 'MASKED', string>> = {
  personId: { FULL: person.idNumber, MASKED: `${person.idNumber.slice(0, 6)}********${person.idNumber.slice(-4)}` },
  personName: { FULL: person.name, MASKED: `${[...person.name][0]}${'*'.repeat([...person.name].length - 1)}` },
  phone: { FULL: phone, MASKED: `${phone.slice(0, 3)}****${phone.slice(-4)}` },
};

interface Shape {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The items the operation touches. */
  items: Item[];
  /** The data expected when every item is readable, given how each is shown. */
  data(shown: (item: 'personId' | 'personName' | 'phone') => string): unknown;
}

const P = { id: person.idNumber };
const C = { u: company.uscc };
const SHAPES: Shape[] = [
  {
    name: 'unconditional, direct',
    query: `query($id: String!) { person(idNumber: $id) { idNumber name } }`,
    variables: P,
    items: ['personId', 'personName'],
    data: (s) => ({ person: { idNumber: s('personId'), name: s('personName') } }),
  },
  {
    name: 'conditional, direct',
    query: `query($id: String!) { person(idNumber: $id) { phone } }`,
    variables: P,
    items: ['phone'],
    data: (s) => ({ person: { phone: s('phone') } }),
  },
  {
    name: 'conditional, through an alias',
    query: `query($id: String!) { who: person(idNumber: $id) { contact: phone } }`,
    variables: P,
    items: ['phone'],
    data: (s) => ({ who: { contact: s('phone') } }),
  },
  {
    name: 'conditional, through a named fragment',
    query: `query($id: String!) { person(idNumber: $id) { ...Reach } } fragment Reach on Person { idNumber phone }`,
    variables: P,
    items: ['personId', 'phone'],
    data: (s) => ({ person: { idNumber: s('personId'), phone: s('phone') } }),
  },
  {
    name: 'conditional, through an inline fragment with @include',
    query: `query($id: String!, $yes: Boolean!) { person(idNumber: $id) { ... on Person @include(if: $yes) { x: phone } } }`,
    variables: { ...P, yes: true },
    items: ['phone'],
    data: (s) => ({ person: { x: s('phone') } }),
  },
  {
    name: 'conditional without a mask, direct',
    query: `query($id: String!) { person(idNumber: $id) { maritalStatus { code } } }`,
    variables: P,
    items: ['maritalStatus'],
    data: () => ({ person: { maritalStatus: { code: '20' } } }),
  },
  {
    name: 'not shared, direct',
    query: `query($id: String!) { person(idNumber: $id) { history { changeType } } }`,
    variables: P,
    items: ['personHistory', 'recordChange'],
    data: () => ({ person: { history: [{ changeType: 'registered' }] } }),
  },
  {
    name: 'unconditional company data',
    query: `query($u: String!) { legalEntity(uscc: $u) { name } }`,
    variables: C,
    items: ['legalEntityName'],
    data: () => ({ legalEntity: { name: company.name } }),
  },
  {
    name: 'an entity reference across subgraphs (company → its representative in population)',
    query: `query($u: String!) { legalEntity(uscc: $u) { name rep: legalRepresentative { idNumber phone } } }`,
    variables: C,
    items: ['legalEntityName', 'legalRepresentative', 'personId', 'phone'],
    data: (s) => ({ legalEntity: { name: company.name, rep: { idNumber: s('personId'), phone: s('phone') } } }),
  },
  {
    name: 'a fragment spread on an entity reference',
    query: `query($u: String!) { legalEntity(uscc: $u) { legalRepresentative { ...Civil } } } fragment Civil on Person { name maritalStatus { code } }`,
    variables: C,
    items: ['legalRepresentative', 'personName', 'maritalStatus'],
    data: (s) => ({ legalEntity: { legalRepresentative: { name: s('personName'), maritalStatus: { code: '20' } } } }),
  },
  {
    name: 'not shared company data',
    query: `query($u: String!) { legalEntity(uscc: $u) { uscc history { changeType } } }`,
    variables: C,
    items: ['legalEntityHistory', 'recordChange'],
    data: () => ({ legalEntity: { uscc: company.uscc, history: [{ changeType: 'registered' }] } }),
  },
];

const SYSTEMS = Object.keys(RIGHTS) as System[];

describe('the access matrix: no unauthorised value is ever returned', () => {
  let hub: TestHub;

  beforeAll(async () => {
    // A fast periodic reload: the expired grant below is made by editing dates, which (unlike a
    // revocation) publishes no catalog event.
    hub = await TestHub.start({ env: { POLICY_REFRESH_MS: '1000' } });
    expect((await hub.graphql(REGISTER_PERSON, { input: person })).errors).toBeUndefined();
    expect((await hub.graphql(REGISTER, { input: company })).errors).toBeUndefined();

    const grants: Partial<Record<System, string>> = {};
    for (const system of ['humanResources', 'tax', 'window'] as const) grants[system] = await grantPhone(hub, system);
    await expireGrant(hub, grants.tax!);
    const revoked = await hub.graphql(
      `mutation($i: RevokeGrantInput!) { revokeSharingGrant(input: $i) { status } }`,
      { i: { grantId: grants.window, reason: '办件结束，不再需要' } },
      {},
      { key: hub.keys.psbSteward.key },
    );
    expect(revoked.data).toEqual({ revokeSharingGrant: { status: 'REVOKED' } });
    // The gateway has the policy in force once every system's myAccess says so.
    await hub.eventually(async () => {
      for (const system of SYSTEMS) {
        const access = await myAccess(hub, hub.keys[system].key);
        for (const item of Object.keys(ITEM) as Item[])
          expect([system, item, access.get(ITEM[item])]).toEqual([
            system,
            item,
            expectedAccess(RIGHTS[system][item], item),
          ]);
      }
    }, 30_000);
  }, 180_000);
  afterAll(() => hub?.close());

  describe.each(SYSTEMS)('as %s', (system) => {
    it.each(SHAPES.map((s) => [s.name, s] as const))('%s, with a purpose', async (_, shape) => {
      await expectCell(hub, system, shape, true);
    });
    it.each(SHAPES.filter((s) => s.items.some((i) => CONDITIONAL.has(i))).map((s) => [s.name, s] as const))(
      '%s, without a purpose',
      async (_, shape) => {
        await expectCell(hub, system, shape, false);
      },
    );
  });

  it('lists in one refusal every refused item and the resources to apply for, executing nothing', async () => {
    const result = await hub.graphql(
      `query($id: String!, $u: String!) { person(idNumber: $id) { phone maritalStatus { code } history { changeType } } legalEntity(uscc: $u) { legalRepresentative { idNumber } } }`,
      { ...P, ...C },
      {},
      { key: hub.keys.tax.key },
    );
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    const extensions = result.errors![0].extensions as {
      code: string;
      refused: Array<{ item: string; reason: string }>;
      applyFor: Array<{ resourceCode: string; items: number[] }>;
    };
    expect(extensions.code).toBe('ACCESS_DENIED');
    expect(extensions.refused.map((r) => [r.item, r.reason]).sort()).toEqual(
      [
        [ITEM.phone, 'GRANT_REQUIRED'],
        [ITEM.maritalStatus, 'GRANT_REQUIRED'],
        [ITEM.personHistory, 'PROVIDER_ONLY'],
        [ITEM.legalRepresentative, 'GRANT_REQUIRED'],
        [ITEM.recordChange, 'GRANT_REQUIRED'],
      ].sort(),
    );
    expect(extensions.applyFor).toEqual(
      expect.arrayContaining([
        { resourceCode: '101003001/000001', resourceName: '人口联系方式与婚姻状况', items: [1, 2] },
        { resourceCode: '102002001/000001', resourceName: '法定代表人信息', items: [1] },
      ]),
    );
    expect(result.errors![0].message).toContain('101003001/000001');
  });

  it('refuses a caller without a key before looking at the operation', async () => {
    const response = await hub.graphqlResponse(
      `query($id: String!) { person(idNumber: $id) { name } }`,
      P,
      {},
      { key: null },
    );
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).not.toContain(person.name);
    expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });
});

/** The myAccess level expected for a right (how a refusal shows depends on the item's sharing type). */
function expectedAccess(right: Right, item: Item): string {
  if (right !== 'DENIED') return right;
  return item === 'personHistory' || item === 'legalEntityHistory' ? 'PROVIDER_ONLY' : 'NEEDS_GRANT';
}

async function expectCell(hub: TestHub, system: System, shape: Shape, withPurpose: boolean): Promise<void> {
  const rights = RIGHTS[system];
  const response = await hub.graphqlResponse(
    shape.query,
    shape.variables,
    {},
    { key: hub.keys[system].key, purpose: withPurpose ? '核验申请人信息' : null },
  );
  const text = await response.text();
  const result = JSON.parse(text) as GraphQLResponse;
  const denied = shape.items.filter((i) => rights[i] === 'DENIED');
  const needsPurpose = !withPurpose && shape.items.some((i) => CONDITIONAL.has(i));
  const cell = `${system} × ${shape.name} × ${withPurpose ? 'purpose' : 'no purpose'}`;

  if (denied.length > 0 || needsPurpose) {
    expect(result.data ?? null, cell).toBeNull();
    expect(result.errors?.[0].extensions?.code, cell).toBe(denied.length > 0 ? 'ACCESS_DENIED' : 'PURPOSE_REQUIRED');
    expect(response.status, cell).toBe(403);
    if (denied.length > 0) {
      const refused = (result.errors![0].extensions!.refused as Array<{ item: string }>).map((r) => r.item).sort();
      expect(refused, cell).toEqual(denied.map((i) => ITEM[i]).sort());
    }
    // Nothing of the subjects leaks into a refusal.
    for (const secret of [phone, person.idNumber, person.name, String(company.name)])
      expect(text.includes(secret), `${cell}: ${secret} in ${text}`).toBe(false);
    return;
  }
  expect(result.errors, cell).toBeUndefined();
  const shown = (item: 'personId' | 'personName' | 'phone') => SHOWN[item][rights[item] as 'FULL' | 'MASKED'];
  expect(result.data, cell).toEqual(shape.data(shown));
  // A masked value appears only masked, anywhere in the answer.
  for (const item of ['personId', 'personName', 'phone'] as const) {
    if (rights[item] === 'MASKED') expect(text.includes(SHOWN[item].FULL), `${cell}: ${item} in full`).toBe(false);
  }
}

/** Applies for the phone item (masked values) as `system`; the population's steward approves. Returns the grant id. */
async function grantPhone(hub: TestHub, system: keyof TestKeys): Promise<string> {
  const today = new Date().toISOString().slice(0, 10);
  const applied = await hub.graphql<{ applyForSharing: { id: string; status: string } }>(
    `mutation($i: ApplyForSharingInput!) { applyForSharing(input: $i) { id status } }`,
    {
      i: {
        resourceCode: '101003001/000001',
        items: [1],
        purpose: '联系参保人',
        legalBasis: '《社会保险法》',
        requestedFrom: today,
        requestedTo: `${Number(today.slice(0, 4)) + 1}-12-31`,
      },
    },
    {},
    { key: hub.keys[system].key },
  );
  expect(applied.data?.applyForSharing.status).toBe('SUBMITTED');
  const approved = await hub.graphql<{ approveSharingApplication: { status: string; grantId: string } }>(
    `mutation($i: ApproveSharingInput!) { approveSharingApplication(input: $i) { status grantId } }`,
    { i: { applicationId: applied.data!.applyForSharing.id } },
    {},
    { key: hub.keys.psbSteward.key },
  );
  expect(approved.data?.approveSharingApplication.status).toBe('APPROVED');
  return approved.data!.approveSharingApplication.grantId;
}

/** Moves a grant's validity into the past, as if its period had run out. */
async function expireGrant(hub: TestHub, grantId: string): Promise<void> {
  const client = new pg.Client({ connectionString: hub.database.url });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `UPDATE catalog.sharing_grant SET valid_from = '2025-01-01', valid_to = '2025-06-30' WHERE id = $1`,
      [grantId],
    );
    expect(rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

async function myAccess(hub: TestHub, key: string): Promise<Map<string, string>> {
  const result = await hub.graphql<{ myAccess: { items: Array<{ itemId: string; access: string }> } }>(
    `{ myAccess { items { itemId access } } }`,
    {},
    {},
    { key },
  );
  expect(result.errors).toBeUndefined();
  return new Map(result.data!.myAccess.items.map((i) => [i.itemId, i.access]));
}
