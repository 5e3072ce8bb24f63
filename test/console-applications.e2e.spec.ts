// The console's 共享申请 (sharing applications) and 督办 (supervision) pages in a real Chromium,
// signed in through the form: the public security steward decides applications for the data its
// department provides (a partial approval the applicant's system then reads, a rejection whose
// missing reason the hub refuses with a coded message), an overdue one is red and reaches the
// supervising department's page with its department's count, another department's steward sees
// none of it and cannot replay the page's requests, and the applying department's steward submits
// and withdraws an application on behalf of its system. Every state: no serious/critical axe
// violation; no request leaves the hub.
import pg from 'pg';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@hub/identifiers';
import { ConsoleBrowser, innerText, pageText, press, seriousViolations } from './support/console-browser.js';
import { REGISTER_PERSON, aPerson } from './support/fixtures.js';
import { skipUnless } from './support/infrastructure.js';
import { DEPARTMENTS } from './support/test-access.js';
import { TestHub, type GraphQLResponse } from './support/test-hub.js';
import { addDays } from './support/days.js';

// 人口联系方式与婚姻状况: conditional, provided by public security; items 1 phone, 2 marital status, 3 residence address.
const RESOURCE = '101003001/000001';
const RESOURCE_LABEL = `${RESOURCE} 人口联系方式与婚姻状况`;
const APPLY = `mutation Apply($input: ApplyForSharingInput!) { applyForSharing(input: $input) { id workingDaysLeft deadline } }`;
const APPLICATION = `query Application($id: ID!) { sharingApplication(id: $id) { id status items approvedItems decidedBy decisionReason consumerSystemCode consumerDepartmentUscc workingDaysLeft overdue } }`;
const MINE = `{ sharingApplications(filter: { side: CONSUMER, status: SUBMITTED }, first: 100) { nodes { id purpose } } }`;
const ISSUE_KEY = `mutation Issue($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key apiKey { id } } }`;
const REPORT = `mutation Report($input: ReportDataCorrectionInput!) { reportDataCorrection(input: $input) { id } }`;
const PHONE_AND_MARITAL = `query($id: String!) { person(idNumber: $id) { phone maritalStatus { code } } }`;
const RESIDENCE = `query($id: String!) { person(idNumber: $id) { residenceAddress { text } } }`;

interface Application {
  id: string;
  status: string;
  items: number[];
  approvedItems: number[] | null;
  decidedBy: string | null;
  decisionReason: string | null;
  consumerSystemCode: string;
  consumerDepartmentUscc: string;
  workingDaysLeft: number;
  overdue: boolean;
}

describe("the console's sharing application and supervision pages in a browser", skipUnless('chromium'), () => {
  let hub: TestHub;
  let browser: ConsoleBrowser;
  let db: pg.Client;
  let psbPage: Page;
  let hrSteward: { key: string; id: string };
  let amrSteward: string;
  const person = aPerson().with({ maritalStatusCode: '20', phone: '13957204681' }).build();
  const today = chinaDate(new Date());
  // What the public security steward's page sent to /graphql, to replay with another steward's cookie.
  const sent: Array<{ query: string; variables: Record<string, unknown> }> = [];
  // Filled in as the story goes.
  let overdueId = '';

  const as = (key: string, purpose: string | null = null) => ({ key, purpose });
  const apply = async (items: number[], purpose: string) => {
    const result = await hub.graphql<{ applyForSharing: { id: string; workingDaysLeft: number; deadline: string } }>(
      APPLY,
      {
        input: {
          resourceCode: RESOURCE,
          items,
          purpose,
          legalBasis: '《社会保险法》第七十三条',
          requestedFrom: today,
          requestedTo: addDays(today, 365),
          fullValues: false,
        },
      },
      {},
      as(hub.keys.humanResources.key),
    );
    expect(result.errors).toBeUndefined();
    return result.data!.applyForSharing;
  };
  const applicationAs = async (id: string, key: string) =>
    (await hub.graphql<{ sharingApplication: Application | null }>(APPLICATION, { id }, {}, as(key))).data
      ?.sharingApplication ?? null;
  const row = (id: string) => `tr[data-row-key="${id}"]`;
  const expectAccessible = async (page: Page, state: string) =>
    expect(await seriousViolations(page), state).toEqual([]);
  /** Waits until the element's text contains `text`. */
  const waitForText = (page: Page, selector: string, text: string) =>
    // Browser code as a string: the server's tsconfig has no DOM types.
    page.waitForFunction(
      `document.querySelector(${JSON.stringify(selector)})?.innerText.includes(${JSON.stringify(text)}) ?? false`,
    );
  const openInbox = async (page: Page) => {
    await browser.goto(page, '/console/applications');
    await page.waitForSelector('[data-testid="applications-inbox"]');
  };

  beforeAll(async () => {
    hub = await TestHub.start();
    browser = await ConsoleBrowser.launch(hub.gatewayUrl);
    db = new pg.Client({ connectionString: hub.database.url });
    await db.connect();
    expect((await hub.graphql(REGISTER_PERSON, { input: person })).errors).toBeUndefined();
    const admin = as(hub.keys.admin.key);
    const issue = (departmentUscc: string, holderName: string) =>
      hub.graphql<{ issueApiKey: { key: string; apiKey: { id: string } } }>(
        ISSUE_KEY,
        { input: { roles: ['STEWARD'], departmentUscc, holderName } },
        {},
        admin,
      );
    const hr = await issue(DEPARTMENTS.humanResources, '人社局数据管理员');
    const amr = await issue(DEPARTMENTS.marketRegulation, '市场监管局数据管理员');
    expect([hr.errors, amr.errors]).toEqual([undefined, undefined]);
    hrSteward = { key: hr.data!.issueApiKey.key, id: hr.data!.issueApiKey.apiKey.id };
    amrSteward = amr.data!.issueApiKey.key;
    await hub.eventually(async () => {
      for (const key of [hrSteward.key, amrSteward])
        expect((await hub.graphql(`{ departments { uscc } }`, {}, {}, as(key))).errors).toBeUndefined();
    });
    psbPage = await browser.signIn(hub.keys.psbSteward.key);
    psbPage.on('request', (request: HTTPRequest) => {
      if (new URL(request.url()).pathname === '/graphql' && request.method() === 'POST')
        sent.push(JSON.parse(request.postData() ?? '{}'));
    });
  });
  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await hub?.close();
  });

  it('lists a pending application with its working days left; the steward approves two of its three items; the applicant reads those two only', async () => {
    const submitted = await apply([1, 2, 3], '社会保险待遇资格认证');
    await openInbox(psbPage);
    await psbPage.waitForSelector(row(submitted.id));
    const rowText = await psbPage.$eval(row(submitted.id), innerText);
    expect(rowText).toContain('fs-hrss-insurance');
    expect(rowText).toContain('佛山市人力资源和社会保障局');
    expect(rowText).toContain('社会保险待遇资格认证');
    expect(rowText).toContain('《社会保险法》第七十三条');
    expect(rowText).toContain(submitted.deadline);
    expect(submitted.workingDaysLeft).toBeGreaterThan(0);
    expect(await psbPage.$eval(`${row(submitted.id)} [data-testid="days-left"]`, innerText)).toBe(
      `剩余 ${submitted.workingDaysLeft} 个工作日`,
    );
    await expectAccessible(psbPage, 'inbox');
    await browser.screenshot(psbPage, 'applications');

    await press(psbPage, `[data-testid="review-${submitted.id}"]`);
    await psbPage.waitForSelector('[data-testid="decision-form"] input[type="checkbox"][value="3"]');
    await waitForText(psbPage, '[data-testid="application-detail"]', '居住地址');
    await press(psbPage, '[data-testid="decision-form"] input[type="checkbox"][value="3"]');
    await psbPage.type('#decision-reason', '居住地址非社保待遇认证所需');
    await expectAccessible(psbPage, 'detail drawer, deciding');
    await press(psbPage, '[data-testid="approve"]');
    await waitForText(psbPage, '[data-testid="decision-history"]', '部分批准');
    const history = await psbPage.$eval('[data-testid="decision-history"]', innerText);
    expect(history).toContain('1 联系电话、2 婚姻状况');
    expect(history).toContain('居住地址非社保待遇认证所需');
    expect(await psbPage.$eval('[data-testid="decided-by"]', innerText)).toBe(hub.keys.psbSteward.principal.keyId);
    await expectAccessible(psbPage, 'detail drawer, decided');
    await browser.screenshot(psbPage, 'application-detail');
    expect(await applicationAs(submitted.id, hub.keys.humanResources.key)).toMatchObject({
      status: 'PARTIALLY_APPROVED',
      approvedItems: [1, 2],
      decisionReason: '居住地址非社保待遇认证所需',
    });

    // The applicant's system, with a purpose: the two items approved are read (the phone masked, no full values asked), the third is still refused.
    const reader = as(hub.keys.humanResources.key, '社保待遇资格认证核验');
    const read = await hub.eventually(async () => {
      const result = await hub.graphql<{ person: { phone: string; maritalStatus: { code: string } } }>(
        PHONE_AND_MARITAL,
        { id: person.idNumber },
        {},
        reader,
      );
      expect(result.errors).toBeUndefined();
      return result.data!.person;
    });
    expect(read.phone).toBe('139****4681');
    expect(read.maritalStatus.code).toBeTruthy();
    const refused = await hub.graphql(RESIDENCE, { id: person.idNumber }, {}, reader);
    expect(refused.data ?? null).toBeNull();
    // Item 3 is refused (the address's text is another resource's item, also ungranted); items 1 and 2 are not.
    expect(refused.errors?.[0].extensions?.code).toBe('ACCESS_DENIED');
    const items = (refused.errors?.[0].extensions?.refused as Array<{ item: string; reason: string }>).map(
      (r) => `${r.item} ${r.reason}`,
    );
    expect(items).toContain(`${RESOURCE}#3 GRANT_REQUIRED`);
    expect(items.filter((i) => i.startsWith(RESOURCE))).toEqual([`${RESOURCE}#3 GRANT_REQUIRED`]);
  });

  it("refuses a rejection without a reason with the hub's coded message, and records one with its reason", async () => {
    const submitted = await apply([3], '社保待遇认证居住地核验');
    // As if its deadline reached into a year whose 调休 notice is not entered yet: the page says it may move.
    await db.query(`UPDATE catalog.sharing_application SET deadline_provisional = true WHERE id = $1`, [submitted.id]);
    await openInbox(psbPage);
    await psbPage.waitForSelector(`${row(submitted.id)} [data-testid="deadline-provisional"]`);
    expect(await psbPage.$eval(`${row(submitted.id)} [data-testid="deadline-provisional"]`, innerText)).toContain(
      '暂定',
    );
    await press(psbPage, `[data-testid="review-${submitted.id}"]`);
    await psbPage.waitForSelector('[data-testid="reject"]');
    await press(psbPage, '[data-testid="reject"]');
    await psbPage.waitForSelector('[data-testid="decision-form"] [data-testid="error-code"]');
    // The hub refused it (the page sent it): its stable code, explained in Chinese.
    expect(await psbPage.$eval('[data-testid="decision-form"] [data-testid="error-code"]', innerText)).toBe(
      'BAD_USER_INPUT',
    );
    expect(await psbPage.$eval('[data-testid="decision-form"] [data-testid="error-reason"]', innerText)).toBe(
      'REASON_REQUIRED',
    );
    expect(await psbPage.$eval('[data-testid="decision-form"] [data-testid="error-message"]', innerText)).toContain(
      '请填写理由（至少 4 个字）',
    );
    expect(
      sent.some(
        (s) => s.query.includes('rejectSharingApplication') && (s.variables.input as { reason: string }).reason === '',
      ),
    ).toBe(true);
    expect(await applicationAs(submitted.id, hub.keys.psbSteward.key)).toMatchObject({
      status: 'SUBMITTED',
      decisionReason: null,
    });
    await expectAccessible(psbPage, 'rejection refused');

    await psbPage.type('#decision-reason', '居住地址不属于社保待遇认证所需数据项');
    await press(psbPage, '[data-testid="reject"]');
    await waitForText(psbPage, '[data-testid="decision-history"]', '已拒绝');
    expect(await psbPage.$eval('[data-testid="decision-reason-text"]', innerText)).toBe(
      '居住地址不属于社保待遇认证所需数据项',
    );
    expect(await applicationAs(submitted.id, hub.keys.humanResources.key)).toMatchObject({
      status: 'REJECTED',
      decisionReason: '居住地址不属于社保待遇认证所需数据项',
      decidedBy: hub.keys.psbSteward.principal.keyId,
    });

    // The decisions taken: who, what, when, why.
    await openInbox(psbPage);
    await press(psbPage, '[data-testid="tab-history"]');
    await psbPage.waitForSelector(`[data-testid="applications-history"] ${row(submitted.id)}`);
    const historyRow = await psbPage.$eval(`[data-testid="applications-history"] ${row(submitted.id)}`, innerText);
    expect(historyRow).toContain('已拒绝');
    expect(historyRow).toContain(hub.keys.psbSteward.principal.keyId);
    expect(historyRow).toContain('居住地址不属于社保待遇认证所需数据项');
    await expectAccessible(psbPage, 'decision history');
  });

  it("shows an overdue application in red in the inbox, and on the supervision page with its department's count", async () => {
    const submitted = await apply([1], '逾期督办测试');
    overdueId = submitted.id;
    // Twenty days cannot be waited for: the application is moved back, as if submitted long ago.
    const deadline = addDays(today, -20);
    await db.query(
      `UPDATE catalog.sharing_application SET submitted_at = now() - interval '40 days', deadline = $2 WHERE id = $1`,
      [overdueId, deadline],
    );
    const late = (await applicationAs(overdueId, hub.keys.psbSteward.key))!;
    expect(late.overdue).toBe(true);
    expect(late.workingDaysLeft).toBeLessThan(-5);

    await openInbox(psbPage);
    const days = `${row(overdueId)} [data-testid="days-left"]`;
    await psbPage.waitForSelector(days);
    expect(await psbPage.$eval(days, innerText)).toBe(`已逾期 ${-late.workingDaysLeft} 个工作日`);
    expect(await psbPage.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(days)})).color`)).toBe(
      'rgb(207, 19, 34)',
    );
    await expectAccessible(psbPage, 'inbox with an overdue application');

    // An overdue data correction too, routed to public security (the population's source).
    const correction = await hub.graphql<{ reportDataCorrection: { id: string } }>(
      REPORT,
      { input: { subject: person.idNumber, field: 'Person.maritalStatus', reason: '婚姻状况与婚姻登记不一致' } },
      {},
      as(hub.keys.tax.key, '税务登记信息核验'),
    );
    expect(correction.errors).toBeUndefined();
    await db.query(`UPDATE once_only.data_correction SET deadline = $2 WHERE id = $1`, [
      correction.data!.reportDataCorrection.id,
      addDays(today, -7),
    ]);

    const supervisor = await browser.signIn(hub.keys.supervisor.key);
    expect(await supervisor.$eval('nav', innerText)).toContain('督办');
    await browser.goto(supervisor, '/console/supervision');
    await supervisor.waitForSelector(`[data-testid="overdue-application-list"] ${row(overdueId)}`);
    const listed = await supervisor.$eval(`[data-testid="overdue-application-list"] ${row(overdueId)}`, innerText);
    expect(listed).toContain('佛山市公安局');
    expect(listed).toContain(deadline);
    expect(listed).toContain(`已逾期 ${-late.workingDaysLeft} 个工作日`);
    const psbCount = `[data-testid="application-counts"] ${row(DEPARTMENTS.publicSecurity)}`;
    await supervisor.waitForSelector(psbCount);
    expect(await supervisor.$eval(psbCount, innerText)).toContain('佛山市公安局');
    expect(await supervisor.$eval(`${psbCount} [data-testid="overdue-count"]`, innerText)).toBe('1');
    const correctionCount = `[data-testid="correction-counts"] ${row(DEPARTMENTS.publicSecurity)} [data-testid="overdue-count"]`;
    await supervisor.waitForSelector(correctionCount);
    expect(await supervisor.$eval(correctionCount, innerText)).toBe('1');
    await supervisor.waitForSelector(
      `[data-testid="overdue-correction-list"] ${row(correction.data!.reportDataCorrection.id)}`,
    );
    await expectAccessible(supervisor, 'supervision');
    await browser.screenshot(supervisor, 'supervision');
  });

  it("shows another department's steward none of it, and refuses the page's requests replayed with its cookie", async () => {
    expect(overdueId).not.toBe('');
    const amr = await browser.signIn(amrSteward);
    // Not the supervising department: no supervision page in its menu.
    expect(await amr.$eval('nav', innerText)).toContain('共享申请');
    expect(await amr.$eval('nav', innerText)).not.toContain('督办');
    await openInbox(amr);
    await amr.waitForSelector('[data-testid="applications-inbox"] .ant-empty');
    expect(await amr.$(row(overdueId))).toBeNull();
    expect(await pageText(amr)).toContain('没有待审批的申请');
    await expectAccessible(amr, 'empty inbox');
    // Its decisions: its own department's resources only (the suites' standing grants), none of this story's.
    await press(amr, '[data-testid="tab-history"]');
    await amr.waitForSelector('[data-testid="applications-history"] tbody tr');
    await amr.waitForFunction(`!document.querySelector('[data-testid="applications-history"] .ant-spin-spinning')`);
    expect(await amr.$(row(overdueId))).toBeNull();
    const historyText = await amr.$eval('[data-testid="applications-history"]', innerText);
    expect(historyText).not.toContain('fs-hrss-insurance');
    expect(historyText).not.toContain(RESOURCE);

    // The public security page's own requests, replayed with this steward's session, at the overdue (undecided) application.
    const session = (await (
      await fetch(`${hub.gatewayUrl}/console/session`, { headers: { cookie: await browser.cookieHeader(amr) } })
    ).json()) as { csrfToken: string };
    const replay = async (op: string, retarget: (variables: Record<string, unknown>) => Record<string, unknown>) => {
      const original = sent.find((s) => s.query.includes(op));
      expect(original, op).toBeDefined();
      const response = await fetch(`${hub.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: await browser.cookieHeader(amr),
          'x-hub-csrf': session.csrfToken,
        },
        body: JSON.stringify({ query: original!.query, variables: retarget(original!.variables) }),
      });
      return (await response.json()) as GraphQLResponse;
    };
    const onOverdue = (v: Record<string, unknown>) => ({
      ...v,
      input: { ...(v.input as object), applicationId: overdueId },
    });
    const approved = await replay('approveSharingApplication', onOverdue);
    expect(approved.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const rejected = await replay('rejectSharingApplication', (v) => ({
      ...onOverdue(v),
      input: { applicationId: overdueId, reason: '越权拒绝测试' },
    }));
    expect(rejected.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const detail = await replay('sharingApplication(id:', (v) => ({ ...v, id: overdueId }));
    expect(detail.errors).toBeUndefined();
    expect(detail.data).toEqual({ sharingApplication: null });
    const list = await replay('sharingApplications(', (v) => v);
    expect(JSON.stringify(list.data)).not.toContain(overdueId);
    expect(await applicationAs(overdueId, hub.keys.psbSteward.key)).toMatchObject({
      status: 'SUBMITTED',
      decidedBy: null,
    });
  });

  it("lets the applying department's steward submit an application for its system and withdraw it", async () => {
    const hr = await browser.signIn(hrSteward.key);
    await openInbox(hr);
    await press(hr, '[data-testid="tab-mine"]');
    await hr.waitForSelector('[data-testid="applications-mine"]');
    // Its systems' applications of the story so far are followed here, with their state.
    await hr.waitForSelector(`[data-testid="applications-mine"] ${row(overdueId)}`);
    expect(await hr.$eval(`[data-testid="applications-mine"] ${row(overdueId)}`, innerText)).toContain('已逾期');
    await press(hr, '[data-testid="new-application"]');
    // The resource: searched for by its code in the select, then chosen.
    const resourceSelect = '.ant-modal .ant-form-item:has(#resourceCode) .ant-select';
    await hr.waitForSelector(resourceSelect);
    await hr.click(resourceSelect);
    await hr.type('#resourceCode', RESOURCE);
    const option = `.ant-select-dropdown .ant-select-item-option[title="${RESOURCE_LABEL}"]`;
    await hr.waitForSelector(option, { visible: true });
    await hr.click(option);
    await hr.waitForSelector('.ant-modal input[type="checkbox"][value="2"]');
    await press(hr, '.ant-modal input[type="checkbox"][value="1"]');
    await press(hr, '.ant-modal input[type="checkbox"][value="2"]');
    await hr.type('#purpose', '就业困难人员认定联系核验');
    await hr.type('#legalBasis', '《就业促进法》第五十二条');
    await expectAccessible(hr, 'apply form');
    await press(hr, '[data-testid="submit-application"]');
    const mine = await hub.eventually(async () => {
      const result = await hub.graphql<{ sharingApplications: { nodes: Array<{ id: string; purpose: string }> } }>(
        MINE,
        {},
        {},
        as(hrSteward.key),
      );
      const found = result.data?.sharingApplications.nodes.find((n) => n.purpose === '就业困难人员认定联系核验');
      expect(found).toBeDefined();
      return found!;
    });
    const made = (await applicationAs(mine.id, hrSteward.key))!;
    expect(made).toMatchObject({
      status: 'SUBMITTED',
      items: [1, 2],
      consumerDepartmentUscc: DEPARTMENTS.humanResources,
    });
    expect(['fs-hrss-insurance', 'fs-hrss-employment']).toContain(made.consumerSystemCode);
    await hr.waitForSelector(`[data-testid="applications-mine"] ${row(mine.id)}`);
    expect(await hr.$eval(`[data-testid="applications-mine"] ${row(mine.id)}`, innerText)).toContain('待审批');
    await expectAccessible(hr, 'own applications');
    await browser.screenshot(hr, 'applications-mine');

    await press(hr, `[data-testid="withdraw-${mine.id}"]`);
    await hr.waitForSelector('[data-testid="confirm-withdraw"]');
    await press(hr, '[data-testid="confirm-withdraw"]');
    await waitForText(hr, `[data-testid="applications-mine"] ${row(mine.id)}`, '已撤回');
    expect(await applicationAs(mine.id, hrSteward.key)).toMatchObject({ status: 'WITHDRAWN', decidedBy: hrSteward.id });
    expect(await hr.$(`[data-testid="withdraw-${mine.id}"]`)).toBeNull();
  });

  it('sent no request anywhere but the hub', () => {
    expect(browser.foreignRequests()).toEqual([]);
  });
});
