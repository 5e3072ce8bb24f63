import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarCoverage, loadWorkingDayCalendar } from '@hub/working-days';
import { REGISTER_PERSON, aPerson } from './support/fixtures.js';
import { DEPARTMENTS } from './support/test-access.js';
import { TestHub, type GraphQLResponse } from './support/test-hub.js';

// The catalog as its stewards use it: resources with the national core metadata, validated codes,
// draft → published → retired with version history, search — and every change of what may be read
// reaching the gateway within seconds, without a restart.

const RESOURCE = `code name status version sharingType publishedOn providerUscc items { id no fields masking dataClass maskUnless { field values } }
  history { version change changedFields changedByName }`;
const CREATE = `mutation($i: CatalogResourceInput!) { createCatalogResource(input: $i) { ${RESOURCE} } }`;
const UPDATE = `mutation($i: UpdateCatalogResourceInput!) { updateCatalogResource(input: $i) { ${RESOURCE} } }`;
const PUBLISH = `mutation($c: String!, $v: Int!) { publishCatalogResource(code: $c, expectedVersion: $v) { ${RESOURCE} } }`;
const RETIRE = `mutation($c: String!, $v: Int!) { retireCatalogResource(code: $c, expectedVersion: $v) { ${RESOURCE} } }`;
const SEARCH = `query($f: CatalogSearchFilter, $first: Int!, $after: String) {
  searchCatalog(filter: $f, first: $first, after: $after) { nodes { code name providerUscc sharingType status } pageInfo { hasNextPage endCursor } }
}`;

interface Resource {
  code: string;
  name: string;
  status: string;
  version: number;
  sharingType: string;
  publishedOn: string | null;
  items: Array<{ id: string; no: number; fields: string[] }>;
  history: Array<{ version: number; change: string; changedFields: string[]; changedByName: string }>;
}

/** A new population resource, the way a steward would describe it. */
function draft(code: string, fields: string[]): Record<string, unknown> {
  return {
    code,
    name: '人口信息核验结果',
    providerUscc: DEPARTMENTS.publicSecurity,
    summary: '人口信息比对核验结果，供各部门办事时核验申请人身份。',
    format: 'DATABASE',
    sharingType: 'CONDITIONAL',
    sharingConditions: '依申请共享，用于办事人身份核验。',
    sharingMethod: 'API',
    openAttribute: 'NOT_OPEN',
    updateCycle: 'REAL_TIME',
    relatedCodes: ['101001001/000001'],
    items: [{ no: 1, name: '核验结果', dataType: 'STRING', fields, sensitivity: 'PERSONAL', dataClass: 'STRUCTURE' }],
  };
}

describe('the catalog: stewards describe the data, the gateway applies it within seconds', () => {
  let hub: TestHub;
  const person = aPerson().build();
  const steward = () => ({ key: hub.keys.psbSteward.key });

  beforeAll(async () => {
    hub = await TestHub.start();
    expect((await hub.graphql(REGISTER_PERSON, { input: person })).errors).toBeUndefined();
  }, 120_000);
  afterAll(() => hub?.close());

  async function accessOf(key: string, itemId: string): Promise<string | undefined> {
    const result = await hub.graphql<{ myAccess: { items: Array<{ itemId: string; access: string }> } }>(
      `{ myAccess { items { itemId access } } }`,
      {},
      {},
      { key },
    );
    return result.data?.myAccess.items.find((i) => i.itemId === itemId)?.access;
  }

  it('refuses invalid, duplicate and foreign resources with stable codes', async () => {
    const badCode = await hub.graphql(CREATE, { i: draft('101004001-000009', ['Person.history']) }, {}, steward());
    expect(badCode.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    const badCategory = await hub.graphql(CREATE, { i: draft('70104001/000009', ['Person.history']) }, {}, steward());
    expect(badCategory.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    const duplicate = await hub.graphql(CREATE, { i: draft('101004001/000001', ['Person.history']) }, {}, steward());
    expect(duplicate.errors?.[0].extensions?.code).toBe('RESOURCE_EXISTS');
    // A steward of public security describes public security's data, not market regulation's.
    const foreign = await hub.graphql(
      CREATE,
      { i: { ...draft('102005001/000001', ['LegalEntity.history']), providerUscc: DEPARTMENTS.marketRegulation } },
      {},
      steward(),
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const asSystem = await hub.graphql(
      CREATE,
      { i: draft('101005001/000001', ['Person.history']) },
      {},
      { key: hub.keys.population.key },
    );
    expect(asSystem.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('takes codes as the cataloguing guide writes them (目 of 3 digits, 细目 and 顺序码 of free length) and names the segment at fault', async () => {
    // A departmental resource (类 3): 项 02, 目 015, 细目 0003, 顺序码 00042.
    const guide = await hub.graphql<{ createCatalogResource: { code: string; classification: string } }>(
      `mutation($i: CatalogResourceInput!) { createCatalogResource(input: $i) { code classification } }`,
      { i: draft('3020150003/00042', ['Person.history']) },
      {},
      steward(),
    );
    expect(guide.errors).toBeUndefined();
    expect(guide.data?.createCatalogResource).toMatchObject({ code: '3020150003/00042', classification: '3020150003' });
    const refused = async (code: string) =>
      (await hub.graphql(CREATE, { i: draft(code, ['Person.history']) }, {}, steward())).errors?.[0];
    // The hub's earlier layout (目 of 2 digits) with no 细目 leaves 目 short.
    expect(await refused('10101/000001')).toMatchObject({
      message: expect.stringContaining('目 "01" must be 3 digits'),
      extensions: { code: 'BAD_USER_INPUT', field: 'input.code', reason: 'RESOURCE_CODE_FORMAT' },
    });
    expect(await refused('101001001/000000')).toMatchObject({
      message: expect.stringContaining('顺序码'),
      extensions: { reason: 'RESOURCE_CODE_SEGMENT' },
    });
    expect(await refused('101000001/000001')).toMatchObject({
      message: expect.stringContaining('目 000'),
      extensions: { reason: 'RESOURCE_CODE_SEGMENT' },
    });
    expect(await refused('106001001/000001')).toMatchObject({
      message: expect.stringContaining('项 06'),
      extensions: { reason: 'RESOURCE_CODE_SUBJECT' },
    });
    expect(await refused('101001001000000000001/1')).toMatchObject({
      message: expect.stringContaining('细目'),
      extensions: { reason: 'RESOURCE_CODE_FORMAT' },
    });
    // Related codes are checked the same way.
    const related = await hub.graphql(
      CREATE,
      { i: { ...draft('3020150003/00043', ['Person.history']), relatedCodes: ['101001001-000001'] } },
      {},
      steward(),
    );
    expect(related.errors?.[0]).toMatchObject({
      message: expect.stringContaining('item 1: 分隔符'),
      extensions: { field: 'input.relatedCodes', reason: 'RESOURCE_CODE_FORMAT' },
    });
  });

  it('keeps a draft out of force, refuses to publish a field governed twice, and records every version', async () => {
    const created = await hub.graphql<{ createCatalogResource: Resource }>(
      CREATE,
      { i: draft('101005001/000001', ['Person.history']) },
      {},
      steward(),
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createCatalogResource).toMatchObject({ status: 'DRAFT', version: 1, publishedOn: null });
    // Person.history is governed by 101004001/000001 already: exactly one published item per field.
    const twice = await hub.graphql(PUBLISH, { c: '101005001/000001', v: 1 }, {}, steward());
    expect(twice.errors?.[0].extensions?.code).toBe('CATALOG_UNSOUND');
    expect(twice.errors?.[0].message).toContain('Person.history');

    const stale = await hub.graphql(
      UPDATE,
      { i: { code: '101005001/000001', expectedVersion: 7, name: 'x' } },
      {},
      steward(),
    );
    expect(stale.errors?.[0].extensions?.code).toBe('VERSION_CONFLICT');
    const updated = await hub.graphql<{ updateCatalogResource: Resource }>(
      UPDATE,
      {
        i: {
          code: '101005001/000001',
          expectedVersion: 1,
          name: '人口信息核验结果（草案）',
          sharingType: 'NOT_SHARED',
          sharingConditions: '暂不共享',
        },
      },
      {},
      steward(),
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateCatalogResource).toMatchObject({
      version: 2,
      status: 'DRAFT',
      sharingType: 'NOT_SHARED',
    });
    expect(updated.data!.updateCatalogResource.history.map((h) => [h.version, h.change])).toEqual([
      [2, 'updated'],
      [1, 'created'],
    ]);
    expect(updated.data!.updateCatalogResource.history[0]).toMatchObject({
      changedByName: hub.keys.psbSteward.principal.name,
      changedFields: expect.arrayContaining(['name', 'sharingType']),
    });
  });

  it("stores each item's data class and masking condition, and refuses a personal item without a masking rule", async () => {
    const shipped = await hub.graphql<{
      catalogResource: Resource & {
        items: Array<{ no: number; dataClass: string; masking: string | null; maskUnless: unknown }>;
      };
    }>(`query { catalogResource(code: "104001001/000001") { ${RESOURCE} } }`);
    expect(shipped.data?.catalogResource.items.find((i) => i.no === 6)).toMatchObject({
      fields: ['CreditRecord.subjectName'],
      masking: 'NAME',
      dataClass: 'SUBJECT_NAME',
      maskUnless: { field: 'subjectType', values: ['LEGAL_ENTITY'] },
    });

    const phone = (extra: Record<string, unknown>) => ({
      ...draft('101003001/000009', ['Person.phone']),
      items: [
        {
          no: 1,
          name: '联系电话',
          dataType: 'STRING',
          fields: ['Person.phone'],
          sensitivity: 'SENSITIVE_PERSONAL',
          dataClass: 'PHONE',
          ...extra,
        },
      ],
    });
    const noClass = await hub.graphql(
      CREATE,
      {
        i: {
          ...phone({}),
          items: [{ no: 1, name: '联系电话', dataType: 'STRING', fields: ['Person.phone'], sensitivity: 'PERSONAL' }],
        },
      },
      {},
      steward(),
    );
    expect(noClass.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(noClass.errors?.[0].message).toContain('dataClass');
    const badCondition = await hub.graphql(
      CREATE,
      { i: phone({ masking: 'PHONE', maskUnless: { field: 'Subject Type', values: [] } }) },
      {},
      steward(),
    );
    expect(badCondition.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: expect.stringContaining('maskUnless'),
    });

    const created = await hub.graphql<{ createCatalogResource: Resource }>(CREATE, { i: phone({}) }, {}, steward());
    expect(created.errors).toBeUndefined();
    const unmasked = await hub.graphql(PUBLISH, { c: '101003001/000009', v: 1 }, {}, steward());
    expect(unmasked.errors?.[0].extensions?.code).toBe('CATALOG_UNSOUND');
    expect(unmasked.errors?.[0].message).toMatch(/PERSONAL_ITEM_UNMASKED .*Person\.phone/);
    const masked = await hub.graphql(
      UPDATE,
      { i: { code: '101003001/000009', expectedVersion: 1, items: phone({ masking: 'PHONE' }).items } },
      {},
      steward(),
    );
    expect(masked.errors).toBeUndefined();
    // Still refused — Person.phone is governed already — but no longer for want of a rule.
    const twice = await hub.graphql(PUBLISH, { c: '101003001/000009', v: 2 }, {}, steward());
    expect(twice.errors?.[0].extensions?.code).toBe('CATALOG_UNSOUND');
    expect(twice.errors?.[0].message).not.toContain('PERSONAL_ITEM_UNMASKED');
  });

  it('applies a change of sharing type to the gateway within seconds, without a restart', async () => {
    const item = '101004001/000001#1';
    const read = () =>
      hub.graphql(
        `query($id: String!) { person(idNumber: $id) { history { version } } }`,
        { id: person.idNumber },
        {},
        { key: hub.keys.humanResources.key },
      );
    expect((await read()).errors?.[0].extensions?.refused).toEqual(
      expect.arrayContaining([expect.objectContaining({ item, reason: 'PROVIDER_ONLY' })]),
    );

    const current = await hub.graphql<{ catalogResource: Resource }>(
      `query { catalogResource(code: "101004001/000001") { ${RESOURCE} } }`,
    );
    const changed = await hub.graphql<{ updateCatalogResource: Resource }>(
      UPDATE,
      {
        i: {
          code: '101004001/000001',
          expectedVersion: current.data!.catalogResource.version,
          sharingType: 'CONDITIONAL',
          sharingConditions: '依申请共享，仅限户籍业务核对。',
        },
      },
      {},
      steward(),
    );
    expect(changed.errors).toBeUndefined();
    const started = Date.now();
    await hub.eventually(
      async () => expect(await accessOf(hub.keys.humanResources.key, item)).toBe('NEEDS_GRANT'),
      10_000,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    const refused = await read();
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'ACCESS_DENIED',
      applyFor: expect.arrayContaining([expect.objectContaining({ resourceCode: '101004001/000001', items: [1] })]),
    });
  });

  it('fails closed when a resource is retired: its fields are governed by nothing, so nobody reads them', async () => {
    const current = await hub.graphql<{ catalogResource: Resource }>(
      `query { catalogResource(code: "101004001/000001") { ${RESOURCE} } }`,
    );
    const retired = await hub.graphql<{ retireCatalogResource: Resource }>(
      RETIRE,
      { c: '101004001/000001', v: current.data!.catalogResource.version },
      {},
      steward(),
    );
    expect(retired.data?.retireCatalogResource.status).toBe('RETIRED');
    await hub.eventually(async () => {
      const result = await hub.graphql(
        `query($id: String!) { person(idNumber: $id) { history { version } } }`,
        { id: person.idNumber },
        {},
        { key: hub.keys.population.key },
      );
      expect(result.errors?.[0].extensions?.refused).toEqual([
        expect.objectContaining({ item: 'Person.history', reason: 'UNGOVERNED' }),
      ]);
    }, 10_000);
    const again = await hub.graphql(
      UPDATE,
      { i: { code: '101004001/000001', expectedVersion: current.data!.catalogResource.version + 1, name: 'x' } },
      {},
      steward(),
    );
    expect(again.errors?.[0].extensions?.code).toBe('RESOURCE_RETIRED');
    // The draft that could not be published before now governs the field alone.
    const draftNow = await hub.graphql<{ catalogResource: Resource }>(
      `query { catalogResource(code: "101005001/000001") { version } }`,
    );
    const published = await hub.graphql<{ publishCatalogResource: Resource }>(
      PUBLISH,
      { c: '101005001/000001', v: draftNow.data!.catalogResource.version },
      {},
      steward(),
    );
    expect(published.errors).toBeUndefined();
    expect(published.data?.publishCatalogResource).toMatchObject({
      status: 'PUBLISHED',
      publishedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    await hub.eventually(async () => {
      const result = await hub.graphql(
        `query($id: String!) { person(idNumber: $id) { history { version } } }`,
        { id: person.idNumber },
        {},
        { key: hub.keys.population.key },
      );
      expect(result.errors).toBeUndefined();
    }, 10_000);
  });

  it('warns on /health from 60 days before the working-day calendar’s official years run out', async () => {
    const health = (await (await fetch(`${hub.subgraphUrls.catalog}/health`)).json()) as {
      status: string;
      checks: Record<string, { status: string; error?: string }>;
    };
    const problem = calendarCoverage(loadWorkingDayCalendar(), new Date()).warning;
    expect(health.checks['working-day-calendar']).toMatchObject(
      problem ? { status: 'unavailable', error: problem } : { status: 'ok' },
    );
    // Not critical: applications are still taken, the hub is degraded at worst.
    expect(health.status).toBe(problem ? 'degraded' : 'ok');
  });

  it('searches by text, provider, classification and sharing type, page by page', async () => {
    const byText = await hub.graphql<{ searchCatalog: { nodes: Array<{ code: string; name: string }> } }>(SEARCH, {
      f: { text: '法定代表人' },
      first: 20,
    });
    expect(byText.data?.searchCatalog.nodes.map((n) => n.code)).toContain('102002001/000001');
    const conditionalOfPsb = await hub.graphql<{
      searchCatalog: { nodes: Array<{ code: string; providerUscc: string; sharingType: string }> };
    }>(SEARCH, {
      f: { providerUscc: DEPARTMENTS.publicSecurity, sharingType: 'CONDITIONAL' },
      first: 20,
    });
    const nodes = conditionalOfPsb.data!.searchCatalog.nodes;
    expect(nodes.length).toBeGreaterThanOrEqual(2);
    expect(nodes.every((n) => n.providerUscc === DEPARTMENTS.publicSecurity && n.sharingType === 'CONDITIONAL')).toBe(
      true,
    );
    const byClassification = await hub.graphql<{ searchCatalog: { nodes: Array<{ code: string }> } }>(SEARCH, {
      f: { classification: '101001001' },
      first: 20,
    });
    expect(byClassification.data?.searchCatalog.nodes.map((n) => n.code)).toEqual(['101001001/000001']);

    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 20; page++) {
      const result: GraphQLResponse<{
        searchCatalog: { nodes: Array<{ code: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      }> = await hub.graphql(SEARCH, { first: 4, after });
      expect(result.errors).toBeUndefined();
      seen.push(...result.data!.searchCatalog.nodes.map((n) => n.code));
      if (!result.data!.searchCatalog.pageInfo.hasNextPage) break;
      after = result.data!.searchCatalog.pageInfo.endCursor ?? undefined;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const all = await hub.graphql<{ searchCatalog: { nodes: Array<{ code: string }> } }>(SEARCH, { first: 100 });
    expect(seen.sort()).toEqual(all.data!.searchCatalog.nodes.map((n) => n.code).sort());
    const tooMany = await hub.graphql(SEARCH, { first: 1000 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
