// The console's 目录 page in a real Chromium, and the catalog API it rests on: filters by department
// and update cycle narrow the list on the server, sorting asks the hub (its own keyset cursors per
// order), a resource's detail shows its items with their masking, and a department's steward runs
// a resource through its lifecycle in the page — draft, publish, change, retire — seeing in a
// confirmation what each change does to existing grants before it is sent. Another department's
// steward gets no edit action, and the hub refuses the request if it is replayed with their cookie.
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@hub/identifiers';
import { join } from 'node:path';
import {
  CONSOLE_OUTPUT,
  ConsoleBrowser,
  innerText,
  pageText,
  seriousViolations,
  settled,
} from './support/console-browser.js';
import { skipUnless } from './support/infrastructure.js';
import { DEPARTMENTS } from './support/test-access.js';
import { TestHub } from './support/test-hub.js';

const SEARCH = `query($f: CatalogSearchFilter, $first: Int!, $after: String, $o: CatalogOrderBy) {
  searchCatalog(filter: $f, first: $first, after: $after, orderBy: $o) { nodes { code name updateCycle providerUscc updatedAt } pageInfo { hasNextPage endCursor } }
}`;
const RESOURCE = `query($c: String!) { catalogResource(code: $c) { code name status version sharingType } }`;
const UPDATE = `mutation($i: UpdateCatalogResourceInput!) { updateCatalogResource(input: $i) { code version name } }`;
const RETIRE = `mutation($c: String!, $v: Int!) { retireCatalogResource(code: $c, expectedVersion: $v) { code status } }`;
const IMPACT = `query($c: String!, $k: CatalogChangeKind!, $u: UpdateCatalogResourceInput) {
  catalogChangeImpact(code: $c, change: $k, update: $u) { code version grants { grantId consumerSystemCode lostItems notSharedItems losesAll } }
}`;
const APPLY = `mutation($input: ApplyForSharingInput!) { applyForSharing(input: $input) { id } }`;
const APPROVE = `mutation($input: ApproveSharingInput!) { approveSharingApplication(input: $input) { grantId status } }`;

/** The resource the steward drafts in the page: it takes over Person.history once 101004001/000001 is retired. */
const NEW_CODE = '101005001/000001';

interface Node {
  code: string;
  name: string;
  updateCycle: string;
  providerUscc: string;
  updatedAt: string;
}

/** The data-row-key of every row of the catalog table, in order. */
function rowKeys(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="catalog-list"] .ant-table-row', (rows) =>
    rows.map((r) => (r as unknown as { dataset: { rowKey: string } }).dataset.rowKey),
  ) as Promise<string[]>;
}

/** Waits until the catalog table shows exactly these rows (the hub answered the new query). */
async function waitForRows(page: Page, expected: string[]): Promise<void> {
  await page.waitForFunction(
    `JSON.stringify([...document.querySelectorAll('[data-testid="catalog-list"] .ant-table-row')].map((r) => r.dataset.rowKey)) === ${JSON.stringify(JSON.stringify(expected))}`,
  );
}

/**
 * Picks an option of an Ant Design Select as a person would: opens it, types to narrow the list
 * (long lists are virtual: only the options on screen exist), and clicks the visible option.
 */
async function choose(page: Page, select: string, option: string, search?: string): Promise<void> {
  await page.locator(select).click();
  if (search) await page.keyboard.type(search);
  const handle = await page.waitForFunction(
    `[...document.querySelectorAll('.ant-select-dropdown .ant-select-item-option')].find((e) => e.getAttribute('title') === ${JSON.stringify(option)} && e.getBoundingClientRect().height > 0 && getComputedStyle(e.closest('.ant-select-dropdown')).visibility !== 'hidden' && !e.closest('.ant-select-dropdown-hidden'))`,
  );
  await settled(page);
  await (handle.asElement() as ElementHandle).click();
  // The dropdown closes (and stops covering what comes next).
  await page.waitForFunction(
    `![...document.querySelectorAll('.ant-select-dropdown')].some((d) => !d.classList.contains('ant-select-dropdown-hidden') && getComputedStyle(d).visibility !== 'hidden' && d.getBoundingClientRect().height > 0)`,
  );
}

/** Confirms the change dialog and waits until the detail shows `status`; a refusal fails with its words and code. */
async function confirmUntil(page: Page, status: string): Promise<void> {
  await page.locator('[data-testid="impact-confirm"]').click();
  await page.waitForFunction(
    `document.querySelector('[data-testid="impact-dialog"] [data-testid="error-code"]') || (!document.querySelector('[data-testid="impact-dialog"]') && document.querySelector('[data-testid="catalog-detail-meta"]')?.innerText.includes(${JSON.stringify(status)}))`,
  );
  const refusal = await page.$('[data-testid="impact-dialog"]:has([data-testid="error-code"])');
  if (refusal) throw new Error(`the change was refused: ${await refusal.evaluate(innerText)}`);
}

/** What the steward sees (the viewport: a drawer is fixed to it, so a full-page shot would cut it off). */
async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(CONSOLE_OUTPUT, `${name}.png`) });
}

/** Replaces the text of an input. */
async function retype(page: Page, selector: string, text: string): Promise<void> {
  await settled(page);
  await page.locator(selector).click({ count: 3 });
  await page.keyboard.press('Backspace');
  await page.type(selector, text);
}

describe('the console catalog page', skipUnless('chromium'), () => {
  let hub: TestHub;
  let browser: ConsoleBrowser;
  const psb = () => ({ key: hub.keys.psbSteward.key, purpose: null });

  beforeAll(async () => {
    hub = await TestHub.start();
    browser = await ConsoleBrowser.launch(hub.gatewayUrl);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  async function all(filter: Record<string, unknown>, orderBy?: Record<string, unknown>, first = 100): Promise<Node[]> {
    const nodes: Node[] = [];
    let after: string | undefined;
    for (;;) {
      const result = await hub.graphql<{
        searchCatalog: {
          nodes: Node[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }>(SEARCH, { f: filter, first, after, o: orderBy });
      expect(result.errors).toBeUndefined();
      nodes.push(...result.data!.searchCatalog.nodes);
      if (!result.data!.searchCatalog.pageInfo.hasNextPage) return nodes;
      after = result.data!.searchCatalog.pageInfo.endCursor!;
    }
  }

  it('filters by update cycle and sorts on the server, each order paging with its own cursors', async () => {
    const daily = await all({ updateCycle: 'DAILY' });
    expect(daily.length).toBeGreaterThan(0);
    expect(daily.every((n) => n.updateCycle === 'DAILY')).toBe(true);
    const everything = await all({});
    expect(daily.length).toBeLessThan(everything.length);

    // Page by page (3 a page) in each order gives every resource once, in that order.
    const byteOrder = (a: string, b: string) =>
      Buffer.from(a) < Buffer.from(b) ? -1 : Buffer.from(a) > Buffer.from(b) ? 1 : 0;
    const byName = [...everything]
      .sort((a, b) => byteOrder(a.name, b.name) || byteOrder(a.code, b.code))
      .map((n) => n.code);
    expect((await all({}, { field: 'NAME', direction: 'ASC' }, 3)).map((n) => n.code)).toEqual(byName);
    expect((await all({}, { field: 'NAME', direction: 'DESC' }, 3)).map((n) => n.code)).toEqual([...byName].reverse());
    expect((await all({}, { field: 'CODE', direction: 'DESC' }, 3)).map((n) => n.code)).toEqual(
      everything.map((n) => n.code).reverse(),
    );
    const byUpdate = await all({}, { field: 'UPDATED_AT', direction: 'DESC' }, 3);
    expect(new Set(byUpdate.map((n) => n.code))).toEqual(new Set(everything.map((n) => n.code)));
    expect(byUpdate.map((n) => n.updatedAt)).toEqual([...byUpdate.map((n) => n.updatedAt)].sort().reverse());

    // A cursor belongs to its order: another order refuses it rather than skip or repeat rows.
    const first = await hub.graphql<{
      searchCatalog: { pageInfo: { endCursor: string } };
    }>(SEARCH, { f: {}, first: 3, o: { field: 'NAME', direction: 'ASC' } });
    const mixed = await hub.graphql(SEARCH, {
      f: {},
      first: 3,
      after: first.data!.searchCatalog.pageInfo.endCursor,
      o: { field: 'CODE', direction: 'ASC' },
    });
    expect(mixed.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('tells only the provider department what a change does to grants', async () => {
    const foreign = await hub.graphql(
      IMPACT,
      { c: '101002001/000001', k: 'RETIRE' },
      {},
      { key: hub.keys.supervisor.key, purpose: null },
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const asSystem = await hub.graphql(
      IMPACT,
      { c: '101002001/000001', k: 'RETIRE' },
      {},
      { key: hub.keys.humanResources.key },
    );
    expect(asSystem.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // The harness holds a grant on every conditional resource (test-access.ts): retiring one takes it all.
    const retire = await hub.graphql<{
      catalogChangeImpact: {
        grants: Array<{
          consumerSystemCode: string;
          losesAll: boolean;
          lostItems: number[];
        }>;
      };
    }>(IMPACT, { c: '101002001/000001', k: 'RETIRE' }, {}, psb());
    expect(retire.errors).toBeUndefined();
    expect(retire.data!.catalogChangeImpact.grants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          consumerSystemCode: 'fs-gsdb-hub',
          losesAll: true,
        }),
      ]),
    );
    // A change of name touches no grant; NOT_SHARED leaves the items granted but unreadable.
    const current = await hub.graphql<{ catalogResource: { version: number } }>(RESOURCE, { c: '101002001/000001' });
    const v = current.data!.catalogResource.version;
    const rename = await hub.graphql<{
      catalogChangeImpact: { grants: unknown[] };
    }>(
      IMPACT,
      {
        c: '101002001/000001',
        k: 'UPDATE',
        u: { code: '101002001/000001', expectedVersion: v, name: '户籍' },
      },
      {},
      psb(),
    );
    expect(rename.data?.catalogChangeImpact.grants).toEqual([]);
    const hide = await hub.graphql<{
      catalogChangeImpact: {
        grants: Array<{
          consumerSystemCode: string;
          notSharedItems: number[];
          lostItems: number[];
        }>;
      };
    }>(
      IMPACT,
      {
        c: '101002001/000001',
        k: 'UPDATE',
        u: {
          code: '101002001/000001',
          expectedVersion: v,
          sharingType: 'NOT_SHARED',
        },
      },
      {},
      psb(),
    );
    const harness = hide.data!.catalogChangeImpact.grants.find((g) => g.consumerSystemCode === 'fs-gsdb-hub');
    expect(harness?.notSharedItems.length).toBeGreaterThan(0);
    expect(harness?.lostItems).toEqual([]);
    // Dropping an item from the list takes exactly that item from the grants holding it.
    const full = await hub.graphql<{ catalogResource: { items: Array<Record<string, unknown> & { no: number }> } }>(
      `query($c: String!) { catalogResource(code: $c) { items { no name dataType fields arguments sensitivity masking dataClass maskUnless { field values } description } } }`,
      { c: '101002001/000001' },
    );
    const [dropped, ...kept] = full.data!.catalogResource.items;
    const shrink = await hub.graphql<{
      catalogChangeImpact: {
        grants: Array<{ consumerSystemCode: string; notSharedItems: number[]; lostItems: number[]; losesAll: boolean }>;
      };
    }>(
      IMPACT,
      { c: '101002001/000001', k: 'UPDATE', u: { code: '101002001/000001', expectedVersion: v, items: kept } },
      {},
      psb(),
    );
    expect(shrink.errors).toBeUndefined();
    expect(shrink.data!.catalogChangeImpact.grants.find((g) => g.consumerSystemCode === 'fs-gsdb-hub')).toMatchObject({
      lostItems: [dropped.no],
      notSharedItems: [],
      losesAll: false,
    });
    // Nothing was changed by asking.
    expect(
      (
        await hub.graphql<{
          catalogResource: { version: number; sharingType: string };
        }>(RESOURCE, { c: '101002001/000001' })
      ).data?.catalogResource,
    ).toMatchObject({ version: v, sharingType: 'CONDITIONAL' });
  });

  it('narrows the list by department and update cycle, and sorts by a column on the server', async () => {
    const page = await browser.signIn(hub.keys.psbSteward.key);
    await page.waitForSelector('[data-testid="catalog-list"] .ant-table-row');
    const searches: Array<Record<string, unknown>> = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname !== '/graphql' || !request.postData()) return;
      const body = JSON.parse(request.postData()!) as {
        query: string;
        variables: Record<string, unknown>;
      };
      if (body.query.includes('query SearchCatalog')) searches.push(body.variables);
    });
    const everything = await all({});
    const ofCredit = everything.filter((n) => n.providerUscc === DEPARTMENTS.credit).map((n) => n.code);
    expect(ofCredit.length).toBeGreaterThan(1);

    await choose(page, '[data-testid="filter-department"]', '佛山市发展和改革局', '发展和改革');
    await waitForRows(page, ofCredit);
    expect(searches.at(-1)).toMatchObject({
      filter: { providerUscc: DEPARTMENTS.credit },
    });
    const creditDaily = everything
      .filter((n) => n.providerUscc === DEPARTMENTS.credit && n.updateCycle === 'DAILY')
      .map((n) => n.code);
    expect(creditDaily.length).toBeGreaterThan(0);
    expect(creditDaily.length).toBeLessThan(ofCredit.length);
    await choose(page, '[data-testid="filter-update-cycle"]', '每日');
    await waitForRows(page, creditDaily);
    expect(searches.at(-1)).toMatchObject({
      filter: { providerUscc: DEPARTMENTS.credit, updateCycle: 'DAILY' },
    });
    expect(await seriousViolations(page)).toEqual([]);

    // Sorting: the hub is asked for the order (the variables say so), and the rows follow it.
    await browser.goto(page, '/console/catalog');
    await page.waitForSelector('[data-testid="catalog-list"] .ant-table-row');
    const byCode = await rowKeys(page);
    expect(byCode).toEqual(everything.slice(0, 20).map((n) => n.code));
    const nameHeader = '[data-testid="catalog-list"] th.ant-table-column-has-sorters ::-p-text(资源名称)';
    const byName = (await all({}, { field: 'NAME', direction: 'ASC' })).slice(0, 20).map((n) => n.code);
    await page.click(nameHeader);
    await waitForRows(page, byName);
    expect(searches.at(-1)).toMatchObject({
      orderBy: { field: 'NAME', direction: 'ASC' },
      after: null,
    });
    expect(byName).not.toEqual(byCode);
    const byNameDesc = (await all({}, { field: 'NAME', direction: 'DESC' })).slice(0, 20).map((n) => n.code);
    await page.click(nameHeader);
    await waitForRows(page, byNameDesc);
    expect(searches.at(-1)).toMatchObject({
      orderBy: { field: 'NAME', direction: 'DESC' },
    });
    // Page 2 of that order comes from the hub with the order's own cursor.
    await page.click('.ant-pagination-item-2');
    await waitForRows(
      page,
      (await all({}, { field: 'NAME', direction: 'DESC' })).slice(20, 40).map((n) => n.code),
    );
    expect(searches.at(-1)).toMatchObject({
      orderBy: { field: 'NAME', direction: 'DESC' },
      after: expect.any(String),
    });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows a resource with its items, their sharing type, masking rule and data class', async () => {
    const page = await browser.signIn(hub.keys.psbSteward.key);
    await browser.goto(page, '/console/catalog?resource=104001001/000001');
    await page.waitForSelector('[data-testid="catalog-items"] .ant-table-row');
    const detail = await page.$eval('[data-testid="catalog-detail"]', innerText);
    expect(detail).toContain('行政许可和行政处罚信息');
    expect(detail).toContain('佛山市发展和改革局');
    expect(detail).toContain('无条件共享');
    expect(detail).toContain('实时');
    expect(detail).toContain('已发布');
    // Item 6 (the subject's name): masked by surname, not for a legal entity; a subject name.
    const item6 = await page.$eval(
      '[data-testid="catalog-items"] .ant-table-row[data-row-key="104001001/000001#6"]',
      innerText,
    );
    expect(item6).toContain('姓名（保留姓氏）');
    expect(item6).toContain('subjectType');
    expect(item6).toContain('LEGAL_ENTITY');
    expect(item6).toContain('主体名称');
    expect(item6).toContain('CreditRecord.subjectName');
    // Not its department: no edit action for the public security steward.
    expect(await page.$('[data-testid="catalog-edit-open"]')).toBeNull();
    expect(await seriousViolations(page)).toEqual([]);
    await snapshot(page, 'catalog-detail');
    await page.close();
  });

  it('lets the public security steward draft, publish, change and retire its own resource, seeing the grants each change affects', async () => {
    // Person.history is governed by 101004001/000001: retired first, the new resource may take it over.
    const old = await hub.graphql<{ catalogResource: { version: number } }>(RESOURCE, { c: '101004001/000001' });
    expect(
      (await hub.graphql(RETIRE, { c: '101004001/000001', v: old.data!.catalogResource.version }, {}, psb())).errors,
    ).toBeUndefined();

    const page = await browser.signIn(hub.keys.psbSteward.key);
    await page.waitForSelector('[data-testid="catalog-list"] .ant-table-row');
    await page.locator('[data-testid="catalog-new"]').click();
    await page.waitForSelector('[data-testid="catalog-edit"] [data-testid="form-code"]');
    await page.type('[data-testid="form-code"]', NEW_CODE);
    await page.type('[data-testid="form-name"]', '人口信息变更记录（新）');
    await page.type('[data-testid="form-summary"]', '户籍人口信息的变更记录，依申请共享。');
    await page.type('[data-testid="form-sharing-conditions"]', '依申请共享，仅用于户籍业务核对。');
    await page.type('[data-testid="form-item-name"]', '变更记录');
    await choose(page, '[data-testid="form-item-type"]', '对象');
    await choose(page, '[data-testid="form-item-sensitivity"]', '个人信息');
    await choose(page, '[data-testid="form-item-class"]', '结构', '结构');
    await page.click('[data-testid="form-item-fields"]');
    await page.keyboard.type('Person.history');
    await page.keyboard.press('Enter');
    expect(await seriousViolations(page)).toEqual([]);
    await snapshot(page, 'catalog-edit');
    await page.locator('[data-testid="catalog-save"]').click();

    // Saved as a draft; the page opens it.
    await page.waitForFunction(
      `document.querySelector('[data-testid="catalog-detail-meta"]')?.innerText.includes('草稿')`,
    );
    expect(new URL(page.url()).searchParams.get('resource')).toBe(NEW_CODE);
    expect(
      (
        await hub.graphql<{
          catalogResource: { status: string; version: number };
        }>(RESOURCE, { c: NEW_CODE })
      ).data?.catalogResource,
    ).toMatchObject({ status: 'DRAFT', version: 1 });

    // Publish: the dialog says no grant is affected; only its confirm button sends the mutation.
    await page.locator('[data-testid="catalog-publish"]').click();
    await page.waitForSelector('[data-testid="impact-none"]');
    expect(await seriousViolations(page)).toEqual([]);
    await confirmUntil(page, '已发布');
    expect(
      (
        await hub.graphql<{ catalogResource: { status: string } }>(RESOURCE, {
          c: NEW_CODE,
        })
      ).data?.catalogResource.status,
    ).toBe('PUBLISHED');

    // A system applies for the new resource and the steward approves: a grant rests on it now.
    const today = chinaDate(new Date());
    const applied = await hub.graphql<{ applyForSharing: { id: string } }>(
      APPLY,
      {
        input: {
          resourceCode: NEW_CODE,
          items: [1],
          purpose: '社会保险待遇资格认证',
          legalBasis: '《社会保险法》第七十三条',
          requestedFrom: today,
          requestedTo: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
          fullValues: false,
        },
      },
      {},
      { key: hub.keys.humanResources.key, purpose: null },
    );
    expect(applied.errors).toBeUndefined();
    const approved = await hub.graphql<{
      approveSharingApplication: { grantId: string };
    }>(APPROVE, { input: { applicationId: applied.data!.applyForSharing.id } }, {}, psb());
    expect(approved.errors).toBeUndefined();

    // A change on top of someone else's: refused with the coded message, nothing overwritten.
    await page.locator('[data-testid="catalog-edit-open"]').click();
    await page.waitForSelector('[data-testid="catalog-edit"] [data-testid="form-name"]');
    await retype(page, '[data-testid="catalog-edit"] [data-testid="form-name"]', '人口信息变更记录（修订）');
    const meanwhile = await hub.graphql(
      UPDATE,
      {
        i: {
          code: NEW_CODE,
          expectedVersion: 2,
          summary: '户籍人口信息的变更记录（他人修改）。',
        },
      },
      {},
      psb(),
    );
    expect(meanwhile.errors).toBeUndefined();
    await page.locator('[data-testid="catalog-save"]').click();
    await page.waitForSelector('[data-testid="impact-none"]');
    await page.locator('[data-testid="impact-confirm"]').click();
    await page.waitForSelector('[data-testid="impact-dialog"] [data-testid="error-code"]');
    expect(await page.$eval('[data-testid="impact-dialog"] [data-testid="error-code"]', innerText)).toBe(
      'VERSION_CONFLICT',
    );
    expect(await page.$eval('[data-testid="impact-dialog"] [data-testid="error-message"]', innerText)).toContain(
      '已被他人修改',
    );
    expect(
      (
        await hub.graphql<{
          catalogResource: { name: string; version: number };
        }>(RESOURCE, { c: NEW_CODE })
      ).data?.catalogResource,
    ).toMatchObject({ name: '人口信息变更记录（新）', version: 3 });

    // Again on the current version: making it not shared is shown to cost the grant its item first.
    await browser.goto(page, `/console/catalog?resource=${encodeURIComponent(NEW_CODE)}`);
    await page.waitForSelector('[data-testid="catalog-edit-open"]');
    await page.locator('[data-testid="catalog-edit-open"]').click();
    await page.waitForSelector('[data-testid="catalog-edit"] [data-testid="form-name"]');
    await retype(page, '[data-testid="catalog-edit"] [data-testid="form-name"]', '人口信息变更记录（修订）');
    await choose(page, '[data-testid="form-sharing-type"]', '不予共享');
    await page.locator('[data-testid="catalog-save"]').click();
    await page.waitForSelector('[data-testid="impact-grant"]');
    const notShared = await page.$eval('[data-testid="impact-grant"]', innerText);
    expect(notShared).toContain('fs-hrss-insurance');
    expect(notShared).toContain('改为不予共享');
    expect(notShared).toContain('变更记录');
    await confirmUntil(page, '不予共享');
    expect(
      (
        await hub.graphql<{
          catalogResource: {
            name: string;
            version: number;
            sharingType: string;
          };
        }>(RESOURCE, { c: NEW_CODE })
      ).data?.catalogResource,
    ).toMatchObject({
      name: '人口信息变更记录（修订）',
      sharingType: 'NOT_SHARED',
      version: 4,
    });

    // Retire: the dialog lists the grant that loses everything, before anything is sent.
    await page.locator('[data-testid="catalog-retire"]').click();
    await page.waitForSelector('[data-testid="impact-grant"]');
    const lost = await page.$eval('[data-testid="impact-grant"]', innerText);
    expect(lost).toContain('fs-hrss-insurance');
    expect(lost).toContain('全部数据项');
    expect(
      (
        await hub.graphql<{ catalogResource: { status: string } }>(RESOURCE, {
          c: NEW_CODE,
        })
      ).data?.catalogResource.status,
    ).toBe('PUBLISHED');
    expect(await seriousViolations(page)).toEqual([]);
    await snapshot(page, 'catalog-retire');
    await confirmUntil(page, '已停用');
    expect(
      (
        await hub.graphql<{ catalogResource: { status: string } }>(RESOURCE, {
          c: NEW_CODE,
        })
      ).data?.catalogResource.status,
    ).toBe('RETIRED');
    // A retired resource has no edit action left.
    expect(await page.$('[data-testid="catalog-edit-open"]')).toBeNull();
    await page.close();
  }, 180_000); // many page steps: on a loaded machine well over the default minute

  it('gives another department’s steward no edit action, and the hub refuses its replayed change', async () => {
    const page = await browser.signIn(hub.keys.supervisor.key);
    // Its own department's resource: the actions are there (so their absence below means something).
    await browser.goto(page, '/console/catalog?resource=190001001/000001');
    await page.waitForSelector('[data-testid="catalog-edit-open"]');
    await browser.goto(page, '/console/catalog?resource=101001001/000001');
    await page.waitForSelector('[data-testid="catalog-items"] .ant-table-row');
    expect(await page.$('[data-testid="catalog-edit-open"]')).toBeNull();
    expect(await page.$('[data-testid="catalog-retire"]')).toBeNull();
    expect(await pageText(page)).toContain('人口基本信息');

    const cookie = await browser.cookieHeader(page);
    const session = (await (await fetch(`${hub.gatewayUrl}/console/session`, { headers: { cookie } })).json()) as {
      csrfToken: string;
    };
    const before = await hub.graphql<{
      catalogResource: { version: number; name: string };
    }>(RESOURCE, { c: '101001001/000001' });
    const replayed = await fetch(`${hub.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie,
        'x-hub-csrf': session.csrfToken,
      },
      body: JSON.stringify({
        query: UPDATE,
        variables: {
          i: {
            code: '101001001/000001',
            expectedVersion: before.data!.catalogResource.version,
            name: '改名',
          },
        },
      }),
    });
    const body = (await replayed.json()) as {
      data: unknown;
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (
        await hub.graphql<{
          catalogResource: { version: number; name: string };
        }>(RESOURCE, { c: '101001001/000001' })
      ).data?.catalogResource,
    ).toEqual(before.data!.catalogResource);
    await page.close();
  });

  it('takes the README screenshot of the list, accessible in English too', async () => {
    const page = await browser.signIn(hub.keys.psbSteward.key);
    await page.waitForSelector('[data-testid="catalog-list"] .ant-table-row');
    expect(await seriousViolations(page)).toEqual([]);
    await browser.screenshot(page, 'catalog-list');
    // The README's picture (docs/images/console-catalog.png): the first screen only, to stay small.
    await snapshot(page, 'console-catalog');
    await page.click('.ant-segmented ::-p-text(English)');
    await page.waitForFunction(`document.documentElement.lang === 'en'`);
    const text = await pageText(page);
    expect(text).toContain('Update cycle');
    expect(text).toContain('Provider department');
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('.ant-segmented ::-p-text(中文)');
    await page.close();
  });

  it('made no request to any origin but the hub', () => {
    expect(browser.requested.length).toBeGreaterThan(0);
    expect(browser.foreignRequests()).toEqual([]);
  });
});
