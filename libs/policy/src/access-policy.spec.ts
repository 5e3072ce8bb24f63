import { describe, expect, it } from 'vitest';
import { AccessPolicy, MaskingRule, SharingType, type PolicyGrant, type PolicyItem } from './index.js';

const PSB = '11440600MB2C93225X';
const HRSS = '11440600MB2C9356XA';
const item = (no: number, sharingType: SharingType, fields: string[], masking: MaskingRule | null = null, resourceCode = '10101001/000001'): PolicyItem => ({
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
  item(3, SharingType.CONDITIONAL, ['Person.phone'], MaskingRule.PHONE, '10101001/000002'),
  item(4, SharingType.CONDITIONAL, ['Person.maritalStatus'], null, '10101001/000002'),
  item(5, SharingType.NOT_SHARED, ['Person.history'], null, '10101001/000003'),
];
const grant = (over: Partial<PolicyGrant> = {}): PolicyGrant => ({
  id: 'g1',
  consumerSystemCode: 'fs-hrss-social',
  resourceCode: '10101001/000002',
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
    const decision = new AccessPolicy(items, [], governed).decide(system, ['Query.person', 'Person.idNumber', 'Person.gender'], TODAY);
    expect(decision.allowed).toBe(true);
    expect(decision.purposeRequired).toBe(false);
    expect(decision.maskFor('Person.idNumber')).toEqual({ rule: MaskingRule.CITIZEN_ID, unless: null });
    expect(decision.maskFor('Person.gender')).toBeUndefined();
  });

  it('refuses conditional items without a grant valid today, naming item and resource, and requires a purpose', () => {
    for (const grants of [[], [grant({ validTo: '2026-11-26' })], [grant({ validFrom: '2026-11-28' })], [grant({ items: [4] })], [grant({ consumerSystemCode: 'other' })]]) {
      const decision = new AccessPolicy(items, grants, governed).decide(system, ['Person.phone', 'Person.gender'], TODAY);
      expect(decision.allowed).toBe(false);
      expect(decision.refused).toEqual([
        { reason: 'GRANT_REQUIRED', item: '10101001/000002#3', itemName: 'item 3', resourceCode: '10101001/000002', resourceName: 'population', providerUscc: PSB, fields: ['Person.phone'] },
      ]);
      expect(decision.purposeRequired).toBe(true);
    }
  });

  it('allows a conditional item with a grant valid today: masked, or full with a full-value grant', () => {
    const masked = new AccessPolicy(items, [grant()], governed).decide(system, ['Person.phone'], TODAY);
    expect(masked.allowed).toBe(true);
    expect(masked.maskFor('Person.phone')).toEqual({ rule: MaskingRule.PHONE, unless: null });
    const full = new AccessPolicy(items, [grant(), grant({ id: 'g2', fullValues: true })], governed).decide(system, ['Person.phone'], TODAY);
    expect(full.maskFor('Person.phone')).toBeUndefined();
    expect(new AccessPolicy(items, [grant({ validTo: TODAY })], governed).decide(system, ['Person.phone'], TODAY).allowed).toBe(true);
  });

  it('keeps not-shared items to the provider department, which reads everything unmasked', () => {
    expect(new AccessPolicy(items, [grant({ items: [5], resourceCode: '10101001/000003' })], governed).decide(system, ['Person.history'], TODAY).refused[0].reason).toBe('PROVIDER_ONLY');
    const own = new AccessPolicy(items, [], governed).decide(provider, ['Person.history', 'Person.phone', 'Person.idNumber'], TODAY);
    expect(own.allowed).toBe(true);
    expect(own.maskFor('Person.idNumber')).toBeUndefined();
    expect(own.maskFor('Person.phone')).toBeUndefined();
  });

  it('refuses a base-library field no item governs, and ignores fields of other types', () => {
    const decision = new AccessPolicy(items, [], governed).decide(system, ['Person.newField', 'Query.person', 'CatalogResource.name'], TODAY);
    expect(decision.refused.map((r) => [r.reason, r.item])).toEqual([['UNGOVERNED', 'Person.newField']]);
  });

  it('groups several refused fields of one item into one refusal', () => {
    const two = [item(3, SharingType.CONDITIONAL, ['Person.phone', 'Person.residenceAddress'], null, '10101001/000002')];
    const decision = new AccessPolicy(two, [], governed).decide(system, ['Person.phone', 'Person.residenceAddress'], TODAY);
    expect(decision.refused).toHaveLength(1);
    expect(decision.refused[0].fields).toEqual(['Person.phone', 'Person.residenceAddress']);
  });
});

describe('itemAccess', () => {
  it('tells a caller, item by item, whether it reads full, masked, needs a grant or may not read', async () => {
    const { itemAccess } = await import('./index.js');
    const policy = new AccessPolicy(items, [grant()], governed);
    expect(items.map((i) => itemAccess(policy, system, i, TODAY).access)).toEqual(['MASKED', 'FULL', 'MASKED', 'NEEDS_GRANT', 'PROVIDER_ONLY']);
    expect(items.map((i) => itemAccess(policy, provider, i, TODAY).access)).toEqual(['FULL', 'FULL', 'FULL', 'FULL', 'FULL']);
  });
});
