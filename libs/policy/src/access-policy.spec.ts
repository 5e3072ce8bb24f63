import { describe, expect, it } from 'vitest';
import { AccessPolicy, MaskingRule, SharingType, type PolicyGrant, type PolicyItem } from './index.js';

const PSB = '11440600MB2C93225X';
const HRSS = '11440600MB2C9356XA';
const item = (
  no: number,
  sharingType: SharingType,
  fields: string[],
  masking: MaskingRule | null = null,
  resourceCode = '101001001/000001',
): PolicyItem => ({
  id: `${resourceCode}#${no}`,
  no,
  name: `item ${no}`,
  resourceCode,
  resourceName: 'population',
  providerUscc: PSB,
  sharingType,
  fields,
  sensitivity: 'PERSONAL',
  masking,
});
const items = [
  item(1, SharingType.UNCONDITIONAL, ['Person.idNumber'], MaskingRule.CITIZEN_ID),
  item(2, SharingType.UNCONDITIONAL, ['Person.gender']),
  item(3, SharingType.CONDITIONAL, ['Person.phone'], MaskingRule.PHONE, '101001001/000002'),
  item(4, SharingType.CONDITIONAL, ['Person.maritalStatus'], null, '101001001/000002'),
  item(5, SharingType.NOT_SHARED, ['Person.history'], null, '101001001/000003'),
];
const grant = (over: Partial<PolicyGrant> = {}): PolicyGrant => ({
  id: 'g1',
  consumerSystemCode: 'fs-hrss-social',
  resourceCode: '101001001/000002',
  items: [3],
  fullValues: false,
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  ...over,
});
const governed = new Set(['Person']);
const system = { departmentUscc: HRSS, systemCode: 'fs-hrss-social' };
const provider = { departmentUscc: PSB, systemCode: 'fs-psb-hukou' };
const TODAY = '2026-11-27';

describe('AccessPolicy', () => {
  it('lets any caller read unconditional items, masked by their rule', () => {
    const decision = new AccessPolicy(items, [], governed).decide(
      system,
      ['Query.person', 'Person.idNumber', 'Person.gender'],
      TODAY,
    );
    expect(decision.allowed).toBe(true);
    expect(decision.purposeRequired).toBe(false);
    expect(decision.maskFor('Person.idNumber')).toEqual({ rule: MaskingRule.CITIZEN_ID, unless: null });
    expect(decision.maskFor('Person.gender')).toBeUndefined();
  });

  it('refuses conditional items without a grant valid today, naming item and resource, and requires a purpose', () => {
    for (const grants of [
      [],
      [grant({ validTo: '2026-11-26' })],
      [grant({ validFrom: '2026-11-28' })],
      [grant({ items: [4] })],
      [grant({ consumerSystemCode: 'other' })],
    ]) {
      const decision = new AccessPolicy(items, grants, governed).decide(
        system,
        ['Person.phone', 'Person.gender'],
        TODAY,
      );
      expect(decision.allowed).toBe(false);
      expect(decision.refused).toEqual([
        {
          reason: 'GRANT_REQUIRED',
          item: '101001001/000002#3',
          itemName: 'item 3',
          resourceCode: '101001001/000002',
          resourceName: 'population',
          providerUscc: PSB,
          fields: ['Person.phone'],
        },
      ]);
      expect(decision.purposeRequired).toBe(true);
    }
  });

  it('allows a conditional item with a grant valid today: masked, or full with a full-value grant', () => {
    const masked = new AccessPolicy(items, [grant()], governed).decide(system, ['Person.phone'], TODAY);
    expect(masked.allowed).toBe(true);
    expect(masked.maskFor('Person.phone')).toEqual({ rule: MaskingRule.PHONE, unless: null });
    const full = new AccessPolicy(items, [grant(), grant({ id: 'g2', fullValues: true })], governed).decide(
      system,
      ['Person.phone'],
      TODAY,
    );
    expect(full.maskFor('Person.phone')).toBeUndefined();
    expect(
      new AccessPolicy(items, [grant({ validTo: TODAY })], governed).decide(system, ['Person.phone'], TODAY).allowed,
    ).toBe(true);
  });

  it('keeps not-shared items to the provider department, which reads everything unmasked', () => {
    expect(
      new AccessPolicy(items, [grant({ items: [5], resourceCode: '101001001/000003' })], governed).decide(
        system,
        ['Person.history'],
        TODAY,
      ).refused[0].reason,
    ).toBe('PROVIDER_ONLY');
    const own = new AccessPolicy(items, [], governed).decide(
      provider,
      ['Person.history', 'Person.phone', 'Person.idNumber'],
      TODAY,
    );
    expect(own.allowed).toBe(true);
    expect(own.maskFor('Person.idNumber')).toBeUndefined();
    expect(own.maskFor('Person.phone')).toBeUndefined();
  });

  it('refuses a base-library field no item governs, and ignores fields of other types', () => {
    const decision = new AccessPolicy(items, [], governed).decide(
      system,
      ['Person.newField', 'Query.person', 'CatalogResource.name'],
      TODAY,
    );
    expect(decision.refused.map((r) => [r.reason, r.item])).toEqual([['UNGOVERNED', 'Person.newField']]);
  });

  it('groups several refused fields of one item into one refusal', () => {
    const two = [
      item(3, SharingType.CONDITIONAL, ['Person.phone', 'Person.residenceAddress'], null, '101001001/000002'),
    ];
    const decision = new AccessPolicy(two, [], governed).decide(
      system,
      ['Person.phone', 'Person.residenceAddress'],
      TODAY,
    );
    expect(decision.refused).toHaveLength(1);
    expect(decision.refused[0].fields).toEqual(['Person.phone', 'Person.residenceAddress']);
  });
});

describe('AccessPolicy: arguments are reads', () => {
  const withArguments: PolicyItem[] = [
    {
      ...item(1, SharingType.UNCONDITIONAL, ['Person.idNumber'], MaskingRule.CITIZEN_ID),
      arguments: ['Query.persons(idNumbers)'],
    },
    {
      ...item(2, SharingType.UNCONDITIONAL, ['Person.name'], MaskingRule.NAME),
      arguments: ['Query.searchPersons(filter.name)'],
    },
    { ...item(6, SharingType.UNCONDITIONAL, ['Person.status']), arguments: ['Query.searchPersons(filter.status)'] },
    {
      ...item(3, SharingType.CONDITIONAL, ['PersonAddress.divisionCode'], null, '101001001/000002'),
      arguments: ['Query.searchPersons(filter.divisionCode)'],
    },
    {
      ...item(4, SharingType.CONDITIONAL, ['Household.number'], MaskingRule.REDACT, '101001001/000002'),
      arguments: ['Query.household(number)'],
    },
    {
      ...item(5, SharingType.NOT_SHARED, ['Person.history'], null, '101001001/000003'),
      arguments: ['Query.history(idNumber)'],
    },
  ];
  const rules = new Map([
    ['Query.persons(idNumbers)', { lookup: true, graph: 'population' }],
    ['Query.searchPersons(filter.name)', { lookup: false, graph: 'population' }],
    ['Query.searchPersons(filter.status)', { lookup: false, graph: 'population' }],
    ['Query.searchPersons(filter.divisionCode)', { lookup: false, graph: 'population' }],
    ['Query.household(number)', { lookup: false, graph: 'population' }],
    ['Query.history(idNumber)', { lookup: false, graph: 'population' }],
    ['Query.searchPersons(filter.phone)', { lookup: false, graph: 'population' }],
  ]);
  const policy = (grants: PolicyGrant[] = []) => new AccessPolicy(withArguments, grants, governed, rules);
  const args = (...entries: Array<[string, unknown[]]>) => new Map(entries);

  it('refuses a filter on a masked item with FILTER_NEEDS_FULL_ACCESS naming the item and the argument', () => {
    const decision = policy().decide(
      system,
      ['Query.searchPersons'],
      TODAY,
      args(['Query.searchPersons(filter.name)', ['张三']]),
    );
    expect(decision.allowed).toBe(false);
    expect(decision.refused).toEqual([
      {
        reason: 'FILTER_NEEDS_FULL_ACCESS',
        item: '101001001/000001#2',
        itemName: 'item 2',
        resourceCode: '101001001/000001',
        resourceName: 'population',
        providerUscc: PSB,
        fields: ['Query.searchPersons(filter.name)'],
      },
    ]);
    expect(decision.arguments).toEqual(['Query.searchPersons(filter.name)']);
  });

  it('allows a filter on an item read in full: unmasked, provider, full-value grant', () => {
    expect(policy().decide(system, [], TODAY, args(['Query.searchPersons(filter.status)', ['LIVING']])).allowed).toBe(
      true,
    );
    expect(policy().decide(provider, [], TODAY, args(['Query.searchPersons(filter.name)', ['张三']])).allowed).toBe(
      true,
    );
    const fullName = grant({ resourceCode: '101001001/000001', items: [2], fullValues: true });
    expect(
      policy([fullName]).decide(system, [], TODAY, args(['Query.searchPersons(filter.name)', ['张三']])).allowed,
    ).toBe(true);
  });

  it('refuses a filter on a conditional item without a grant, or with a masked grant on a masked item; a grant reads an unmasked one in full', () => {
    expect(
      policy()
        .decide(system, [], TODAY, args(['Query.searchPersons(filter.divisionCode)', ['440604']]))
        .refused.map((r) => r.reason),
    ).toEqual(['FILTER_NEEDS_FULL_ACCESS']);
    const masked = grant({ items: [3, 4] });
    expect(
      policy([masked]).decide(system, [], TODAY, args(['Query.searchPersons(filter.divisionCode)', ['440604']]))
        .allowed,
    ).toBe(true);
    expect(
      policy([masked])
        .decide(system, [], TODAY, args(['Query.household(number)', ['H1']]))
        .refused.map((r) => r.reason),
    ).toEqual(['FILTER_NEEDS_FULL_ACCESS']);
    expect(
      policy([grant({ items: [4], fullValues: true })]).decide(
        system,
        [],
        TODAY,
        args(['Query.household(number)', ['H1']]),
      ).allowed,
    ).toBe(true);
  });

  it('counts the items of arguments as touched: a conditional one asks for a purpose', () => {
    const decision = policy([grant({ items: [3] })]).decide(
      system,
      ['Query.searchPersons'],
      TODAY,
      args(['Query.searchPersons(filter.divisionCode)', ['440604']]),
    );
    expect(decision.items.map((i) => i.id)).toEqual(['101001001/000002#3']);
    expect(decision.purposeRequired).toBe(true);
  });

  it("keeps a not-shared item's arguments to the provider", () => {
    expect(
      policy()
        .decide(system, [], TODAY, args(['Query.history(idNumber)', ['1']]))
        .refused.map((r) => r.reason),
    ).toEqual(['PROVIDER_ONLY']);
  });

  it('returns a lookup by a caller without full access for the budget, with the subgraph that answers it, instead of refusing it', () => {
    const decision = policy().decide(system, ['Query.persons'], TODAY, args(['Query.persons(idNumbers)', ['1', '2']]));
    expect(decision.allowed).toBe(true);
    expect(decision.lookups).toEqual([
      { argument: 'Query.persons(idNumbers)', item: withArguments[0], graph: 'population', values: ['1', '2'] },
    ]);
    expect(policy().decide(provider, [], TODAY, args(['Query.persons(idNumbers)', ['1']])).lookups).toEqual([]);
    expect(
      policy([grant({ resourceCode: '101001001/000001', items: [1], fullValues: true })]).decide(
        system,
        [],
        TODAY,
        args(['Query.persons(idNumbers)', ['1']]),
      ).lookups,
    ).toEqual([]);
  });

  it('refuses an argument that must be governed and is not (fail closed), and ignores control arguments', () => {
    const decision = policy().decide(
      system,
      [],
      TODAY,
      args(['Query.searchPersons(filter.phone)', ['138']], ['Query.searchPersons(first)', [5]]),
    );
    expect(decision.refused.map((r) => [r.reason, r.item])).toEqual([
      ['UNGOVERNED', 'Query.searchPersons(filter.phone)'],
    ]);
    expect(decision.arguments).toEqual(['Query.searchPersons(filter.phone)']);
  });
});

describe('itemAccess', () => {
  it('tells a caller, item by item, whether it reads full, masked, needs a grant or may not read', async () => {
    const { itemAccess } = await import('./index.js');
    const policy = new AccessPolicy(items, [grant()], governed);
    expect(items.map((i) => itemAccess(policy, system, i, TODAY).access)).toEqual([
      'MASKED',
      'FULL',
      'MASKED',
      'NEEDS_GRANT',
      'PROVIDER_ONLY',
    ]);
    expect(items.map((i) => itemAccess(policy, provider, i, TODAY).access)).toEqual([
      'FULL',
      'FULL',
      'FULL',
      'FULL',
      'FULL',
    ]);
  });
});
