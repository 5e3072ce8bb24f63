// The console's 授权与密钥 (grants and keys) and 工作日历 (working-day calendar) pages, driven in
// Chromium through the built console, each steward signed in through the form: a department
// steward sees and revokes its department's grants only (the consumer is refused within seconds);
// an admin issues a key that is shown once and kept nowhere, and revokes it; an admin enters next
// year's holiday notice and sees which deadlines it moved. Also, through the gateway, the
// sharingApplications filter the calendar page uses (movedByNoticeYear / movedByNoticeVersion).
import pg from 'pg';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@hub/identifiers';
import { ConsoleBrowser, innerText, pageText, press, seriousViolations, settled } from './support/console-browser.js';
import { REGISTER_PERSON, aPerson } from './support/fixtures.js';
import { skipUnless } from './support/infrastructure.js';
import { DEPARTMENTS } from './support/test-access.js';
import { TestHub } from './support/test-hub.js';

/** A conditional resource of the public security bureau: item 1 is the phone number. */
const PHONE_RESOURCE = '101003001/000001';

const GRANTS = `query { sharingGrants { id providerUscc resourceCode consumerSystemCode status } }`;
const PHONE = `query($id: String!) { person(idNumber: $id) { phone } }`;
const MY_ACCESS = `{ myAccess { keyId systemCode } }`;
const CORRECTION_CHANGES =
  'deadline deadlineProvisional deadlineChanges { previousDeadline previousProvisional deadline provisional noticeYear noticeVersion }';
const MOVED_CORRECTIONS = `query($role: DataCorrectionRole!, $year: Int, $version: Int) {
  dataCorrections(role: $role, movedByNoticeYear: $year, movedByNoticeVersion: $version, first: 100) { nodes { id ${CORRECTION_CHANGES} } }
}`;
const MOVED = `query($filter: SharingApplicationFilter) { sharingApplications(filter: $filter, first: 100) { nodes { id deadline deadlineProvisional deadlineChanges { previousDeadline previousProvisional deadline provisional noticeYear noticeVersion } } } }`;

// A plausible arrangement for 2027 (the real notice is not known here): the statutory weekdays
// off; the Spring Festival from Fri 02-05 to Fri 02-12, paid back on Saturdays 01-30 and 02-20;
// May Day bridged to Tue 05-04; the National Day to Tue 10-05 — 15 weekdays off less 2 worked:
// the statutory 13.
const NOTICE_2027 = {
  ranges: [
    ['2027-02-08', '2027-02-12'],
    ['2027-05-03', '2027-05-04'],
    ['2027-10-04', '2027-10-05'],
  ],
  workdays: ['2027-01-30', '2027-02-20'],
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试用安排，非真实通知）',
  publishedOn: '2026-11-20',
  holidays: [
    '2027-01-01',
    '2027-02-05',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
    '2027-04-05',
    '2027-05-03',
    '2027-05-04',
    '2027-06-09',
    '2027-09-15',
    '2027-10-01',
    '2027-10-04',
    '2027-10-05',
  ],
};

describe('the grants and calendar pages of the stewards console', skipUnless('chromium'), () => {
  let hub: TestHub;
  let browser: ConsoleBrowser;
  let db: pg.Client;
  const person = aPerson().with({ sourceDepartment: DEPARTMENTS.publicSecurity, sourceSystem: 'fs-psb-hukou' }).build();

  const as = (key: string) => ({ key });
  const gql = <T>(query: string, variables: Record<string, unknown>, key: string) =>
    hub.graphql<T>(query, variables, {}, as(key));

  beforeAll(async () => {
    // Corrections answered in 60 working days: one reported today reaches past the Spring Festival of
    // 2027, where the notice's days off differ from the statutory ones (as in working-day-calendar.e2e).
    hub = await TestHub.start({ env: { DATA_CORRECTION_WORKING_DAYS: '60' } });
    browser = await ConsoleBrowser.launch(hub.gatewayUrl);
    db = new pg.Client({ connectionString: hub.database.url });
    await db.connect();
    expect((await hub.graphql(REGISTER_PERSON, { input: person })).errors).toBeUndefined();
  });
  afterAll(async () => {
    await db?.end();
    await browser?.close();
    await hub?.close();
  });

  /** Text of an element once it shows. */
  const textOf = async (page: Page, selector: string) => {
    await page.waitForSelector(selector, { visible: true });
    return page.$eval(selector, innerText);
  };

  /** Waits until no dialog is still zooming in, so that the mouse finds its fields where they stay. */
  const dialogOpened = (page: Page) =>
    page.waitForFunction(
      () =>
        !(globalThis as unknown as { document: { querySelector: (s: string) => unknown } }).document.querySelector(
          '[class*="zoom-enter"], [class*="zoom-appear"]',
        ),
    );

  /** Picks an option of an Ant Design Select as a person would, once nothing on the page moves: opens it, clicks the option shown. */
  const choose = async (page: Page, select: string, option: string) => {
    await settled(page);
    await page.locator(select).click();
    const handle = await page.waitForFunction(
      `[...document.querySelectorAll('.ant-select-dropdown .ant-select-item-option')].find((e) => e.getAttribute('title') === ${JSON.stringify(option)} && e.getBoundingClientRect().height > 0 && !e.closest('.ant-select-dropdown-hidden'))`,
    );
    await settled(page);
    await (handle.asElement() as ElementHandle).click();
  };

  const checkPage = async (page: Page, screenshot: string) => {
    expect(await seriousViolations(page)).toEqual([]);
    await browser.screenshot(page, screenshot);
  };

  it('a department steward sees its own department’s grants, revokes one with a reason, and the consumer is refused', async () => {
    // The social insurance system is granted the phone number by the PSB steward.
    const today = chinaDate(new Date());
    const applied = await gql<{ applyForSharing: { id: string } }>(
      `mutation($i: ApplyForSharingInput!) { applyForSharing(input: $i) { id } }`,
      {
        i: {
          resourceCode: PHONE_RESOURCE,
          items: [1],
          purpose: '联系参保人',
          legalBasis: '《社会保险法》',
          requestedFrom: today,
          requestedTo: `${Number(today.slice(0, 4)) + 1}-12-31`,
        },
      },
      hub.keys.humanResources.key,
    );
    expect(applied.errors).toBeUndefined();
    const approved = await gql<{ approveSharingApplication: { grantId: string } }>(
      `mutation($i: ApproveSharingInput!) { approveSharingApplication(input: $i) { grantId } }`,
      { i: { applicationId: applied.data!.applyForSharing.id } },
      hub.keys.psbSteward.key,
    );
    const grantId = approved.data!.approveSharingApplication.grantId;
    expect(grantId).toBeTruthy();
    await hub.eventually(async () => {
      const read = await hub.graphql<{ person: { phone: string } }>(
        PHONE,
        { id: person.idNumber },
        {},
        { key: hub.keys.humanResources.key },
      );
      expect(read.errors).toBeUndefined();
    });
    // A grant on another department's resource (provisioned by the test hub), as the admin sees it.
    const all = (
      await gql<{ sharingGrants: Array<{ id: string; providerUscc: string; resourceCode: string }> }>(
        GRANTS,
        {},
        hub.keys.admin.key,
      )
    ).data!.sharingGrants;
    const foreign = all.find((g) => g.providerUscc !== DEPARTMENTS.publicSecurity)!;
    expect(foreign).toBeDefined();

    const page = await browser.signIn(hub.keys.psbSteward.key);
    await browser.goto(page, '/console/grants');
    await page.waitForSelector('tr[data-row-key]');
    expect(await page.$eval('h1', innerText)).toBe('授权与密钥');
    // No admin section for a department steward.
    expect(await page.$('[data-testid="keys-tab"]')).toBeNull();
    expect(await page.$('[data-testid="admin-section"]')).toBeNull();
    await checkPage(page, 'grants');

    // Another department's resource: nothing, though the admin sees a grant on it.
    await page.type('input[aria-label="按资源代码筛选"]', foreign.resourceCode);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.includes(
        '没有符合条件的授权',
      ),
    );
    expect(await page.$(`tr[data-row-key="${foreign.id}"]`)).toBeNull();
    // Its own: the social insurance system's grant on the phone number.
    await page.click('input[aria-label="按资源代码筛选"]', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await page.type('input[aria-label="按使用系统代码筛选"]', 'fs-hrss-insurance');
    await page.keyboard.press('Enter');
    const row = `tr[data-row-key="${grantId}"]`;
    await page.waitForSelector(row);
    const rowText = await page.$eval(row, innerText);
    expect(rowText).toContain('fs-hrss-insurance');
    expect(rowText).toContain(PHONE_RESOURCE);
    expect(rowText).toContain('有效');

    // Revoking without a reason: the hub's coded refusal, in words.
    await press(page, `${row} [data-testid="revoke-grant"]`);
    await press(page, '[data-testid="confirm-revoke-grant"]');
    expect(await textOf(page, '.ant-modal [data-testid="error-code"]')).toBe('BAD_USER_INPUT');
    expect(await textOf(page, '.ant-modal [data-testid="error-reason"]')).toBe('REASON_REQUIRED');
    expect(await page.$eval('.ant-modal [data-testid="error-message"]', innerText)).toContain('请填写理由');
    expect(await seriousViolations(page)).toEqual([]);
    await page.type('[data-testid="revoke-grant-reason"]', '核查发现超范围使用');
    await press(page, '[data-testid="confirm-revoke-grant"]');
    await page.waitForFunction(
      (s: string) => {
        const doc = (
          globalThis as unknown as { document: { querySelector: (s: string) => { innerText: string } | null } }
        ).document;
        return doc.querySelector(s)?.innerText.includes('已撤销') ?? false;
      },
      {},
      `${row} [data-testid="grant-status"]`,
    );
    expect(await page.$eval(`${row} [data-testid="grant-status"]`, innerText)).toContain('核查发现超范围使用');

    // The gateway refreshes its policy every ~2 s: the consumer is refused the phone number.
    await hub.eventually(async () => {
      const read = await hub.graphql(PHONE, { id: person.idNumber }, {}, { key: hub.keys.humanResources.key });
      expect(read.errors?.[0]?.extensions?.code).toBe('ACCESS_DENIED');
    }, 30_000);
    expect(
      (
        await gql<{ sharingGrants: Array<{ id: string; status: string }> }>(GRANTS, {}, hub.keys.admin.key)
      ).data!.sharingGrants.find((g) => g.id === grantId)?.status,
    ).toBe('REVOKED');
    expect(browser.foreignRequests()).toEqual([]);
    await page.close();
  }, 120_000);

  it('pages an admin through every grant from the hub, 20 at a time; a filter starts again from page 1', async () => {
    // The test hub grants its library-reading systems many resources: more than a page for the admin.
    const visible = (await gql<{ sharingGrants: Array<{ id: string }> }>(GRANTS, {}, hub.keys.admin.key)).data!
      .sharingGrants;
    expect(visible.length).toBeGreaterThan(20);
    const hubPages = await gql<{ sharingGrantPage: { nodes: Array<{ id: string }> } }>(
      `{ sharingGrantPage(first: 40) { nodes { id } } }`,
      {},
      hub.keys.admin.key,
    );
    const newest = hubPages.data!.sharingGrantPage.nodes.map((g) => g.id);

    const page = await browser.signIn(hub.keys.admin.key);
    const sent: Array<{ query?: string; variables?: { after?: string | null; filter?: { status?: string } } }> = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql' && request.postData())
        sent.push(JSON.parse(request.postData()!));
    });
    await browser.goto(page, '/console/grants');
    await page.waitForSelector('[data-testid="grants-table"] tr[data-row-key]');
    const rowKeys = () =>
      page.$$eval('[data-testid="grants-table"] tr[data-row-key]', (rows) =>
        rows.map((r) => (r as unknown as { dataset: { rowKey: string } }).dataset.rowKey),
      );
    const firstPage = await rowKeys();
    expect(firstPage).toEqual(newest.slice(0, 20));

    // Page 2 comes from the hub (page 1's cursor as `after`), not from rows already loaded.
    await press(page, '.ant-pagination-item-2');
    await page.waitForFunction(
      `document.querySelector('[data-testid="grants-table"] tr[data-row-key]')?.dataset.rowKey !== ${JSON.stringify(firstPage[0])}`,
    );
    expect(await rowKeys()).toEqual(newest.slice(20, 40));
    const paged = sent.filter((b) => b.query?.includes('query SharingGrantPage'));
    expect(paged.at(-1)?.variables?.after).toEqual(expect.any(String));
    expect(paged.at(-1)!.variables!.after!.length).toBeGreaterThan(0);

    // A status filter asks the hub again from page 1: the grant revoked above (if that test ran first) or nothing.
    await choose(page, '[data-testid="filter-status"]', '已撤销');
    await page.waitForFunction(
      (first: string) => {
        const doc = (
          globalThis as unknown as {
            document: {
              querySelector: (s: string) => { dataset?: { rowKey?: string } } | null;
              body: { innerText: string };
            };
          }
        ).document;
        const row = doc.querySelector('[data-testid="grants-table"] tr[data-row-key]');
        return row
          ? row.dataset?.rowKey !== first && doc.querySelector('.ant-pagination-item-active[title="1"]') !== null
          : doc.body.innerText.includes('没有符合条件的授权');
      },
      {},
      newest[20],
    );
    const filtered = sent.filter((b) => b.query?.includes('query SharingGrantPage')).at(-1)!;
    expect(filtered.variables?.filter?.status).toBe('REVOKED');
    expect(filtered.variables?.after ?? null).toBeNull();
    const statuses = await page.$$eval('[data-testid="grants-table"] [data-testid="grant-status"]', (cells) =>
      cells.map((c) => (c as unknown as { innerText: string }).innerText),
    );
    const revoked = (
      await gql<{ sharingGrantPage: { nodes: Array<{ id: string }> } }>(
        `{ sharingGrantPage(filter: { status: REVOKED }) { nodes { id } } }`,
        {},
        hub.keys.admin.key,
      )
    ).data!.sharingGrantPage.nodes;
    expect(await rowKeys()).toEqual(revoked.map((g) => g.id));
    expect(statuses.every((s) => s.includes('已撤销'))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.foreignRequests()).toEqual([]);
    await page.close();
  }, 120_000);

  it('an admin issues a key shown once and kept nowhere, which works until the admin revokes it; a steward cannot issue one', async () => {
    const page = await browser.signIn(hub.keys.admin.key);
    await browser.goto(page, '/console/grants');
    await page.click('[data-testid="keys-tab"]');
    await page.waitForSelector('[data-testid="issue-key"]', { visible: true });
    await page.waitForSelector('[data-testid="admin-section"] tr[data-row-key]');
    expect(await pageText(page)).toContain('部门与系统');

    // A new system of the human resources bureau, registered in the page.
    await page.click('[data-testid="register-system"]');
    await page.waitForSelector('#code', { visible: true });
    await dialogOpened(page);
    await page.click('#departmentUscc');
    await page.type('#departmentUscc', '人力资源');
    await page.waitForSelector('.ant-select-item-option-active', { visible: true });
    await page.keyboard.press('Enter');
    await page.type('#code', 'fs-hrss-console-test');
    await page.type('#name', '控制台测试系统');
    await press(page, '[data-testid="confirm-register-system"]');
    await page.waitForSelector('#code', { hidden: true });
    await page.waitForFunction(() =>
      (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.includes(
        '控制台测试系统（fs-hrss-console-test）',
      ),
    );

    await page.click('[data-testid="issue-key"]');
    await page.waitForSelector('#holderName', { visible: true });
    await dialogOpened(page);
    await page.type('#holderName', '控制台测试密钥');
    await page.click('#systemCode');
    await page.type('#systemCode', 'fs-hrss-console-test');
    await page.waitForSelector('.ant-select-item-option-active', { visible: true });
    await page.keyboard.press('Enter');
    await press(page, '[data-testid="confirm-issue-key"]');
    const key = (await textOf(page, '[data-testid="issued-key"]')).trim();
    expect(await seriousViolations(page)).toEqual([]);
    expect(key.length).toBeGreaterThan(20);
    expect(await pageText(page)).toContain('只显示这一次');

    // The key works against /graphql, as the system it was issued for (once the gateway knows it).
    const me = await hub.eventually(async () => {
      const answer = await hub.graphql<{ myAccess: { keyId: string; systemCode: string } }>(MY_ACCESS, {}, {}, { key });
      expect(answer.errors).toBeUndefined();
      return answer.data!.myAccess;
    });
    expect(me.systemCode).toBe('fs-hrss-console-test');

    await press(page, '[data-testid="close-issued-key"]');
    await page.waitForSelector('[data-testid="issued-key"]', { hidden: true });
    // Gone from the page, its storage and its URL.
    expect(await pageText(page)).not.toContain(key);
    const html = (await page.evaluate('document.documentElement.outerHTML')) as string;
    expect(html).not.toContain(key);
    const kept = (await page.evaluate(
      'JSON.stringify([localStorage, sessionStorage, document.cookie, location.href])',
    )) as string;
    expect(kept).not.toContain(key);

    // The keys list shows it (never its secret); the admin revokes it with a reason.
    const row = `tr[data-row-key="${me.keyId}"]`;
    await page.waitForSelector(row);
    expect(await page.$eval(row, innerText)).toContain('控制台测试密钥');
    await checkPage(page, 'keys');
    await press(page, `${row} [data-testid="revoke-key"]`);
    await page.waitForSelector('[data-testid="revoke-key-reason"]', { visible: true });
    await page.type('[data-testid="revoke-key-reason"]', '测试结束，收回密钥');
    await press(page, '[data-testid="confirm-revoke-key"]');
    await page.waitForFunction(
      (s: string) => {
        const doc = (
          globalThis as unknown as { document: { querySelector: (s: string) => { innerText: string } | null } }
        ).document;
        return doc.querySelector(s)?.innerText.includes('已吊销') ?? false;
      },
      {},
      `${row} [data-testid="key-status"]`,
    );
    await hub.eventually(async () => {
      const refused = await hub.graphqlResponse(MY_ACCESS, {}, {}, { key });
      expect(refused.status).toBe(401);
    }, 30_000);
    // The keys list filtered on the hub by status: the revoked key, and no active one.
    await page.waitForSelector('[data-testid="revoke-key-reason"]', { hidden: true });
    await choose(page, '[data-testid="key-filter-status"]', '已吊销');
    await page.waitForFunction(() => {
      const doc = (
        globalThis as unknown as { document: { querySelectorAll: (s: string) => ArrayLike<{ innerText: string }> } }
      ).document;
      const statuses = Array.from(doc.querySelectorAll('[data-testid="keys-table"] [data-testid="key-status"]'));
      return statuses.length > 0 && statuses.every((s) => s.innerText.includes('已吊销'));
    });
    expect(await page.$(row)).not.toBeNull();
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.foreignRequests()).toEqual([]);
    await page.close();

    // A department steward's session cannot issue a key, even replaying the request by hand.
    const steward = await browser.signIn(hub.keys.psbSteward.key);
    const cookie = await browser.cookieHeader(steward);
    const session = (await (await fetch(`${hub.gatewayUrl}/console/session`, { headers: { cookie } })).json()) as {
      csrfToken: string;
    };
    const replay = await fetch(`${hub.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-hub-csrf': session.csrfToken },
      body: JSON.stringify({
        query: `mutation($i: IssueApiKeyInput!) { issueApiKey(input: $i) { key } }`,
        variables: { i: { roles: ['SYSTEM'], systemCode: 'fs-psb-hukou', holderName: 'not allowed' } },
      }),
    });
    const refused = (await replay.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data ?? null).toBeNull();
    await steward.close();
  }, 120_000);

  describe('the working-day calendar', () => {
    let moved: string;
    let untouched: string;
    let correction: string;

    beforeAll(async () => {
      const apply = async () => {
        const today = chinaDate(new Date());
        const answer = await gql<{ applyForSharing: { id: string } }>(
          `mutation($i: ApplyForSharingInput!) { applyForSharing(input: $i) { id } }`,
          {
            i: {
              resourceCode: PHONE_RESOURCE,
              items: [1],
              purpose: '社会保险待遇资格认证',
              legalBasis: '《社会保险法》第七十三条',
              requestedFrom: today,
              requestedTo: today,
            },
          },
          hub.keys.tax.key,
        );
        expect(answer.errors).toBeUndefined();
        return answer.data!.applyForSharing.id;
      };
      moved = await apply();
      untouched = await apply();
      // Submitted today (early December), an application is due before Christmas; one submitted on
      // Friday 2026-12-18 is due on 2027-01-04, counted with 2027's statutory holidays only, and
      // so provisional until the 2027 notice is entered. The hub has no clock to turn: its
      // submission day is set here, with the deadline the hub gave such an application.
      await db.query(
        `UPDATE catalog.sharing_application SET submitted_at = '2026-12-18T10:00:00+08:00', deadline = '2027-01-04', deadline_provisional = true WHERE id = $1`,
        [moved],
      );
      // The tax bureau reports a wrong name to the public security bureau: due in 60 working days, provisional.
      const reported = await hub.graphql<{ reportDataCorrection: { id: string; deadlineProvisional: boolean } }>(
        `mutation($input: ReportDataCorrectionInput!) { reportDataCorrection(input: $input) { id deadlineProvisional } }`,
        {
          input: {
            subject: person.idNumber,
            field: 'Person.name',
            proposedValue: '校核更正',
            reason: '纳税人提供的户口簿姓名与人口库不一致',
          },
        },
        {},
        { key: hub.keys.tax.key, purpose: '税务登记信息核验' },
      );
      expect(reported.errors).toBeUndefined();
      expect(reported.data!.reportDataCorrection.deadlineProvisional).toBe(true);
      correction = reported.data!.reportDataCorrection.id;
    });

    const addDay = async (page: Page, selector: string, day: string) => {
      await page.click(selector);
      await page.type(selector, day);
      await page.keyboard.press('Enter');
    };

    it('shows the years covered; an admin enters the 2027 notice in the page and sees the deadlines it moved', async () => {
      const page = await browser.signIn(hub.keys.admin.key);
      await browser.goto(page, '/console/calendar');
      await page.waitForSelector('[data-testid="coverage"]');
      expect(await page.$eval('h1', innerText)).toBe('工作日历');
      expect(await page.$eval('[data-testid="coverage"]', innerText)).toMatch(/2025 年[\s\S]*2026 年/);
      expect(await page.$eval('[data-testid="first-provisional-year"]', innerText)).toContain('2027 年起');
      expect(await pageText(page)).toContain('尚未录入任何通知');
      await page.waitForSelector('[data-testid="statutory-table"] tr[data-row-key="2027-02-06"]');

      // An empty notice: the hub's coded refusals, each in words.
      await page.waitForSelector('[data-testid="prefill-statutory"]:not([disabled])');
      await page.click('[data-testid="enter-notice"]');
      await page.waitForSelector('[data-testid="error-code"]');
      expect(await pageText(page)).toContain('缺少法定节假日');
      expect(await seriousViolations(page)).toEqual([]);

      // The notice: the statutory weekdays, the bridged ranges, the weekend days worked.
      await page.click('[data-testid="prefill-statutory"]');
      for (const [from, to] of NOTICE_2027.ranges) {
        await addDay(page, 'input[placeholder="开始日期"]', from);
        await page.type('input[placeholder="结束日期"]', to);
        await page.keyboard.press('Enter');
        await page.click('[data-testid="add-holiday-range"]');
      }
      for (const day of NOTICE_2027.workdays) {
        await addDay(page, '[data-testid="workday-picker"] input, input[aria-label="调休上班日"]', day);
        await page.click('[data-testid="add-workday"]');
      }
      expect((await page.$eval('[data-testid="notice-holidays"]', innerText)).match(/\d{4}-\d{2}-\d{2}/g)).toEqual(
        NOTICE_2027.holidays,
      );
      expect((await page.$eval('[data-testid="notice-workdays"]', innerText)).match(/\d{4}-\d{2}-\d{2}/g)).toEqual(
        NOTICE_2027.workdays,
      );
      await page.type('#source', NOTICE_2027.source);
      await addDay(page, '#publishedOn', NOTICE_2027.publishedOn);
      await page.click('[data-testid="enter-notice"]');
      expect(await textOf(page, '[data-testid="notice-entered"]')).toContain('已录入 2027 年通知（第 1 版）');

      // The moved application: counted again, its deadline now official; the other is not listed.
      const row = `[data-testid="moved-deadlines"] tr[data-row-key="${moved}"]`;
      await page.waitForSelector(row);
      expect(await page.$eval(row, innerText)).toContain('2027-01-04（暂定） → 2027-01-04（正式）');
      expect(await page.$(`[data-testid="moved-deadlines"] tr[data-row-key="${untouched}"]`)).toBeNull();
      // The once-only app counts its corrections again on the notice's event, within seconds.
      await hub.eventually(async () => {
        const answer = await gql<{ dataCorrection: { deadlineChanges: unknown[] } }>(
          `query($id: ID!) { dataCorrection(id: $id) { ${CORRECTION_CHANGES} } }`,
          { id: correction },
          hub.keys.admin.key,
        );
        expect(answer.data?.dataCorrection.deadlineChanges).toHaveLength(1);
      }, 30_000);
      await page.click('[data-testid="refresh-moved-corrections"]');
      const correctionRow = `[data-testid="moved-deadlines"] tr[data-row-key="${correction}"]`;
      await page.waitForSelector(correctionRow);
      const change = (await page.$eval(`${correctionRow} [data-testid="deadline-change"]`, innerText)).match(
        /^(\d{4}-\d{2}-\d{2})（暂定） → (\d{4}-\d{2}-\d{2})（正式）$/,
      );
      // Past the Spring Festival the notice's days off (02-09…02-12, less two Saturdays worked) push it on.
      expect(change?.[2] && change[1] && change[2] > change[1]).toBe(true);
      await page.waitForFunction(() =>
        (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.includes(
          '已录入通知（第 1 版）',
        ),
      );
      await checkPage(page, 'calendar');
      // In English too.
      await page.click('header ::-p-text(English)');
      await page.waitForFunction(
        () =>
          (
            globalThis as unknown as { document: { querySelector: (s: string) => { textContent: string } | null } }
          ).document.querySelector('h1')?.textContent === 'Working-day calendar',
      );
      expect(await page.$eval(row, innerText)).toContain('2027-01-04 (provisional) → 2027-01-04 (official)');
      expect(await pageText(page)).toContain('Years covered');
      expect(browser.foreignRequests()).toEqual([]);
      await page.close();
    }, 120_000);

    it('lists through the gateway the applications a notice moved, as each caller may see them', async () => {
      const list = async (filter: Record<string, unknown>, key: string) => {
        const answer = await gql<{
          sharingApplications: {
            nodes: Array<{
              id: string;
              deadlineProvisional: boolean;
              deadlineChanges: Array<{ noticeYear: number | null; noticeVersion: number | null }>;
            }>;
          };
        }>(MOVED, { filter }, key);
        expect(answer.errors).toBeUndefined();
        return answer.data!.sharingApplications.nodes;
      };
      for (const key of [hub.keys.admin.key, hub.keys.psbSteward.key, hub.keys.tax.key]) {
        const nodes = await list({ movedByNoticeYear: 2027, movedByNoticeVersion: 1 }, key);
        expect(nodes.map((n) => n.id)).toEqual([moved]);
        expect(nodes[0]).toMatchObject({
          deadlineProvisional: false,
          deadlineChanges: [{ noticeYear: 2027, noticeVersion: 1 }],
        });
        expect((await list({ movedByNoticeYear: 2027 }, key)).map((n) => n.id)).toEqual([moved]);
      }
      // Another department's steward, another system: not theirs to see.
      expect(await list({ movedByNoticeYear: 2027 }, hub.keys.supervisor.key)).toEqual([]);
      expect(await list({ movedByNoticeYear: 2027 }, hub.keys.humanResources.key)).toEqual([]);
      expect(await list({ movedByNoticeYear: 2027, movedByNoticeVersion: 2 }, hub.keys.admin.key)).toEqual([]);
      const refused = await gql(MOVED, { filter: { movedByNoticeVersion: 1 } }, hub.keys.admin.key);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOTICE_YEAR_REQUIRED' });

      // The corrections the notice moved, in the once-only app: the reporter's and the source's department, and admins.
      const corrections = async (role: string, key: string, version: number | null = 1) => {
        const answer = await gql<{ dataCorrections: { nodes: Array<{ id: string; deadlineProvisional: boolean }> } }>(
          MOVED_CORRECTIONS,
          { role, year: 2027, version },
          key,
        );
        expect(answer.errors).toBeUndefined();
        return answer.data!.dataCorrections.nodes.map((n) => n.id);
      };
      expect(await corrections('REPORTED', hub.keys.admin.key)).toEqual([correction]);
      expect(await corrections('REPORTED', hub.keys.admin.key, null)).toEqual([correction]);
      expect(await corrections('REPORTED', hub.keys.tax.key)).toEqual([correction]);
      expect(await corrections('TO_ANSWER', hub.keys.psbSteward.key)).toEqual([correction]);
      expect(await corrections('REPORTED', hub.keys.psbSteward.key)).toEqual([]);
      expect(await corrections('TO_ANSWER', hub.keys.supervisor.key)).toEqual([]);
      expect(await corrections('REPORTED', hub.keys.admin.key, 2)).toEqual([]);
      const noYear = await gql(
        `query { dataCorrections(role: REPORTED, movedByNoticeVersion: 1) { nodes { id } } }`,
        {},
        hub.keys.admin.key,
      );
      expect(noYear.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOTICE_YEAR_REQUIRED' });
    });
  });
});
