// The stewards' console in Chromium (the built console served by the gateway, stewards signed in
// through the form): the access log of a subject with its reads, the chain's verification and the
// latest seal; the data corrections routed to a department — deadline, working days left, accept,
// corrected by the source system's own write, reject with a reason — and what another department's
// steward cannot see or do; recognition started and stopped with a reason. Each page passes axe
// (no serious or critical violation), is screenshotted, and no request leaves the hub.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkingDayCalendar, workingDaysLeft } from '@hub/working-days';
import { ConsoleBrowser, innerText, pageText, press, seriousViolations } from './support/console-browser.js';
import { REGISTER, REGISTER_PERSON, aLegalEntity, aPerson } from './support/fixtures.js';
import { skipUnless } from './support/infrastructure.js';
import { DEPARTMENTS } from './support/test-access.js';
import { TestHub } from './support/test-hub.js';

const REPORT = `mutation Report($input: ReportDataCorrectionInput!) { reportDataCorrection(input: $input) { id deadline workingDaysLeft sourceDepartment sourceSystem } }`;
const CORRECTION = `query Correction($id: ID!) { dataCorrection(id: $id) { id status correctionVersion } }`;
const ACCEPT = `mutation Accept($input: AcceptDataCorrectionInput!) { acceptDataCorrection(input: $input) { id status } }`;
const CHANGE_PERSON = `mutation ChangePerson($input: ChangePersonInput!) { changePerson(input: $input) { outcome } }`;
const SEAL = `query Seal { accessLogSeal { no headSeq } }`;

interface Reported {
  id: string;
  deadline: string;
  workingDaysLeft: number;
  sourceDepartment: string;
  sourceSystem: string | null;
}

/** A row of a table, by its key (Table rowKey → data-row-key). */
const row = (key: string) => `tr[data-row-key="${key}"]`;

describe('the stewards console: access log, data corrections, recognition', skipUnless('chromium'), () => {
  let hub: TestHub;
  let browser: ConsoleBrowser;
  // The population's record, held by the public-security bureau's hukou system (一数一源).
  const person = aPerson().with({ sourceDepartment: DEPARTMENTS.publicSecurity, sourceSystem: 'fs-psb-hukou' }).build();
  const company = aLegalEntity().build();

  const report = async (
    field: string,
    reason: string,
    values: { reportedValue?: string; proposedValue?: string } = {},
  ): Promise<Reported> => {
    const input = { subject: person.idNumber, field, reason, ...values };
    const result = await hub.graphql<{ reportDataCorrection: Reported }>(
      REPORT,
      { input },
      {},
      { key: hub.keys.tax.key, purpose: '税务登记信息核验' },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.reportDataCorrection;
  };
  const statusOf = async (id: string) =>
    (
      await hub.graphql<{ dataCorrection: { status: string; correctionVersion: number | null } }>(
        CORRECTION,
        { id },
        {},
        { key: hub.keys.population.key, purpose: null },
      )
    ).data!.dataCorrection;
  const rowText = (page: Page, key: string) => page.$eval(row(key), innerText);
  const expectAccessible = async (page: Page) => expect(await seriousViolations(page)).toEqual([]);

  beforeAll(async () => {
    // A checkpoint every second (the least the catalog allows): the page shows a seal of the reads just made.
    hub = await TestHub.start({ env: { AUDIT_CHECKPOINT_MS: '1000' } });
    browser = await ConsoleBrowser.launch(hub.gatewayUrl);
    expect((await hub.graphql(REGISTER_PERSON, { input: person })).errors).toBeUndefined();
    expect((await hub.graphql(REGISTER, { input: company })).errors).toBeUndefined();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('shows a read just made in the subject’s access log, verifies the chain intact and shows the latest seal', async () => {
    // The harness (the exchange platform's own system, with a grant) reads the citizen, saying why
    // and for which case in the headers the gateway reads.
    const read = await hub.graphql(
      `query ConsoleRead($id: String!) { person(idNumber: $id) { name } }`,
      { id: person.idNumber },
      { 'x-hub-purpose': encodeURIComponent('核验社保参保人身份'), 'x-hub-case-number': 'FS-2026-CONSOLE-7' },
      { key: hub.keys.harness.key, purpose: null },
    );
    expect(read.errors).toBeUndefined();
    // The seal the page will show covers that read (a checkpoint every second).
    await hub.eventually(async () => {
      const seal = await hub.graphql<{ accessLogSeal: { no: string } | null }>(
        SEAL,
        {},
        {},
        { key: hub.keys.supervisor.key, purpose: null },
      );
      expect(seal.data?.accessLogSeal).not.toBeNull();
    });

    // The data bureau's steward reads every log.
    const page = await browser.signIn(hub.keys.supervisor.key);
    await browser.goto(page, '/console/access-log');
    await page.waitForSelector('input#subject');
    // Checked in the page first: a wrong check digit never reaches the hub.
    const last = person.idNumber.at(-1);
    await page.type('input#subject', `${person.idNumber.slice(0, 17)}${last === '0' ? '1' : '0'}`);
    await page.click('[data-testid="search"]');
    await page.waitForSelector('[data-testid="subject-problem"]');
    expect(await page.$eval('[data-testid="subject-problem"]', innerText)).toContain('CITIZEN_ID_CHECK_DIGIT');
    expect(await page.$('[data-testid="access-records"]')).toBeNull();

    // The right number: a citizen (picked from the number), and the read with its system, purpose and case.
    await page.click('input#subject', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type('input#subject', person.idNumber);
    await page.click('[data-testid="search"]');
    await page.waitForFunction(
      `[...document.querySelectorAll('[data-testid="access-records"] tr')].some((r) => r.innerText.includes('FS-2026-CONSOLE-7'))`,
    );
    expect(await page.$eval('[data-testid="subject-type"]', innerText)).toContain('公民');
    const readRow = (
      await page.$$eval('[data-testid="access-records"] tr', (rows) =>
        rows.map((r) => (r as unknown as { innerText: string }).innerText),
      )
    ).find((t) => t.includes('FS-2026-CONSOLE-7'))!;
    expect(readRow).toContain('fs-gsdb-hub');
    expect(readRow).toContain(DEPARTMENTS.dataBureau);
    expect(readRow).toContain('佛山市政务服务数据管理局');
    expect(readRow).toContain('核验社保参保人身份');
    expect(readRow).toContain('已提供');

    // The latest seal, and the verification run on demand: intact.
    await page.waitForSelector('[data-testid="seal-no"]');
    expect(Number(await page.$eval('[data-testid="seal-no"]', innerText))).toBeGreaterThan(0);
    await page.click('[data-testid="verify"]');
    await page.waitForSelector('[data-testid="verification-state"]');
    expect(await page.$eval('[data-testid="verification-state"]', innerText)).toBe('完整');
    expect(await page.$eval('[data-testid="verification"]', innerText)).toMatch(/已校验 \d+ 条记录/);
    await expectAccessible(page);
    await browser.screenshot(page, 'access-log');
    await page.close();
  });

  it('shows a steward the coded refusal for a subject whose log it may not read', async () => {
    // The public-security steward neither provides data about this company nor had its systems read it.
    const page = await browser.signIn(hub.keys.psbSteward.key);
    await browser.goto(page, '/console/access-log');
    await page.waitForSelector('input#subject');
    await page.type('input#subject', company.uscc);
    await page.click('[data-testid="search"]');
    await page.waitForSelector('[role="alert"] [data-testid="error-code"]');
    expect(await page.$eval('[data-testid="subject-type"]', innerText)).toContain('法人');
    expect(await page.$eval('[role="alert"] [data-testid="error-code"]', innerText)).toBe('FORBIDDEN');
    expect(await page.$eval('[role="alert"]', innerText)).toContain('无法查看该对象的访问记录');
    await expectAccessible(page);
    await page.close();
  });

  let accepted: Reported;
  let rejected: Reported;

  it('lists the corrections routed to the public-security department; the steward accepts one, the hukou system corrects it, and rejects another with a reason', async () => {
    accepted = await report('Person.name', '纳税人提供的户口簿姓名与人口库不一致', {
      reportedValue: '测*',
      proposedValue: '控制台更正',
    });
    rejected = await report('Person.phone', '纳税人申报的联系电话与人口库不同');
    // Routed to the record's source, whose system is the one that writes it.
    expect(accepted).toMatchObject({
      sourceDepartment: DEPARTMENTS.publicSecurity,
      sourceSystem: hub.keys.population.principal.systemCode,
    });

    const page = await browser.signIn(hub.keys.psbSteward.key);
    await browser.goto(page, '/console/corrections');
    await page.waitForSelector(row(accepted.id));
    const left = workingDaysLeft(accepted.deadline, new Date(), loadWorkingDayCalendar());
    expect(accepted.workingDaysLeft).toBe(left);
    const text = await rowText(page, accepted.id);
    expect(text).toContain('Person.name');
    expect(text).toContain(accepted.deadline);
    expect(text).toContain(left === 0 ? '今日到期' : `剩余 ${left} 个工作日`);
    expect(text).toContain('fs-tax-collection');
    // The reporting department by its name in the catalog.
    const departments = await hub.graphql<{ departments: Array<{ uscc: string; name: string }> }>(
      `query { departments { uscc name } }`,
      {},
      {},
      { key: hub.keys.psbSteward.key, purpose: null },
    );
    expect(text).toContain(departments.data!.departments.find((d) => d.uscc === DEPARTMENTS.tax)!.name);
    expect(text).toContain('待处理');
    // The values, the reason and the subject as the steward's rights allow: no full-value grant, hidden.
    expect(text).toContain('****** → ******');
    expect(text).not.toContain('控制台更正');
    expect(text).toContain('无证明材料');
    await expectAccessible(page);
    await browser.screenshot(page, 'corrections');

    // Accept in the page.
    await page.click(`${row(accepted.id)} [data-testid="accept"]`);
    await press(page, '[data-testid="confirm-action"]');
    await page.waitForFunction(`document.querySelector('${row(accepted.id)}')?.innerText.includes('已受理')`);
    expect((await statusOf(accepted.id)).status).toBe('ACCEPTED');

    // The source system writes the corrected record through GraphQL: the change event makes it CORRECTED.
    const source = {
      idNumber: person.idNumber,
      sourceDepartment: DEPARTMENTS.publicSecurity,
      sourceSystem: 'fs-psb-hukou',
      sourceRecordId: person.sourceRecordId,
    };
    const changed = await hub.graphql<{ changePerson: { outcome: string } }>(
      CHANGE_PERSON,
      { input: { ...source, version: 2, name: '控制台更正' } },
      {},
      { key: hub.keys.population.key },
    );
    expect(changed.errors).toBeUndefined();
    await hub.eventually(async () => expect((await statusOf(accepted.id)).status).toBe('CORRECTED'));
    await page.click('[data-testid="refresh"]');
    await page.waitForFunction(`document.querySelector('${row(accepted.id)}')?.innerText.includes('已更正')`);
    // The value as the steward may see it (no full-value grant: redacted), and the version that carried it.
    expect(await page.$eval(`${row(accepted.id)} [data-testid="corrected"]`, innerText)).toContain('第 2 版');

    // Reject without a reason: the hub's coded refusal; with one: REJECTED.
    await page.click(`${row(rejected.id)} [data-testid="reject"]`);
    await press(page, '[data-testid="confirm-action"]');
    await page.waitForSelector('.ant-modal [role="alert"] [data-testid="error-reason"]');
    expect(await page.$eval('.ant-modal [data-testid="error-reason"]', innerText)).toBe('REASON_REQUIRED');
    expect(await page.$eval('.ant-modal [data-testid="error-code"]', innerText)).toBe('BAD_USER_INPUT');
    expect(await page.$eval('.ant-modal [data-testid="error-message"]', innerText)).toContain('请填写理由');
    expect((await statusOf(rejected.id)).status).toBe('ROUTED');
    await page.type('[data-testid="action-text"]', '经核户籍档案，联系电话为本人登记，无误');
    await press(page, '[data-testid="confirm-action"]');
    await page.waitForFunction(`document.querySelector('${row(rejected.id)}')?.innerText.includes('已驳回')`);
    expect((await statusOf(rejected.id)).status).toBe('REJECTED');
    // Filtered by status on the server.
    await page.click('[data-testid="status-filter"]');
    await page.click('.ant-select-dropdown ::-p-text(已更正)');
    await page.waitForFunction(
      `!document.querySelector('${row(rejected.id)}') && !!document.querySelector('${row(accepted.id)}')`,
    );
    await page.close();
  });

  it('shows another department’s steward none of them, and refuses its replayed accept', async () => {
    const open = await report('Person.ethnicity', '民族与户口簿记载不一致');
    const page = await browser.signIn(hub.keys.supervisor.key);
    await browser.goto(page, '/console/corrections');
    await page.waitForSelector('[data-testid="corrections"] .ant-empty');
    for (const id of [accepted.id, rejected.id, open.id]) expect(await page.$(row(id))).toBeNull();
    expect(await pageText(page)).toContain('没有需要本部门处理的纠错');

    // The accept the page would send, replayed with this steward's own session cookie and CSRF token.
    const cookie = await browser.cookieHeader(page);
    const session = (await (
      await fetch(`${hub.gatewayUrl}/console/session`, { headers: { cookie, accept: 'application/json' } })
    ).json()) as { csrfToken: string };
    expect(typeof session.csrfToken).toBe('string');
    const replay = await fetch(`${hub.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-hub-csrf': session.csrfToken },
      body: JSON.stringify({ query: ACCEPT, variables: { input: { id: open.id } } }),
    });
    const body = (await replay.json()) as { data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> };
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', department: DEPARTMENTS.publicSecurity });
    expect((await statusOf(open.id)).status).toBe('ROUTED');
    await page.close();
  });

  it('starts and stops accepting a review-result type with a reason; without one the coded error shows', async () => {
    const page = await browser.signIn(hub.keys.psbSteward.key);
    await browser.goto(page, '/console/recognition');
    const premises = row('PREMISES_VERIFIED');
    await page.waitForSelector(premises);
    const accepts = () => page.$eval(`${premises} [data-testid="accepts"]`, innerText);
    expect(await accepts()).toBe('不认可');
    await expectAccessible(page);
    await browser.screenshot(page, 'recognition');

    // Without a reason: the hub refuses with its code, nothing changes.
    await page.click(`${premises} [data-testid="start"]`);
    await press(page, '[data-testid="confirm-change"]');
    await page.waitForSelector('.ant-modal [role="alert"] [data-testid="error-reason"]');
    expect(await page.$eval('.ant-modal [data-testid="error-reason"]', innerText)).toBe('REASON_REQUIRED');
    expect(await page.$eval('.ant-modal [data-testid="error-message"]', innerText)).toContain('请填写理由');
    await page.type('[data-testid="reason"]', '本局窗口已认可市场监管部门的场所核验结果');
    await press(page, '[data-testid="confirm-change"]');
    await page.waitForSelector(`${premises} [data-testid="stop"]`);
    expect(await accepts()).toBe('认可');
    const rules = await hub.graphql<{ recognitionRules: Array<{ resultType: string; acceptedBy: string[] }> }>(
      `query { recognitionRules { resultType acceptedBy } }`,
      {},
      {},
      { key: hub.keys.psbSteward.key, purpose: null },
    );
    expect(rules.data!.recognitionRules.find((r) => r.resultType === 'PREMISES_VERIFIED')!.acceptedBy).toContain(
      DEPARTMENTS.publicSecurity,
    );

    // And stop again, with a reason.
    await page.click(`${premises} [data-testid="stop"]`);
    await page.waitForSelector('[data-testid="reason"]');
    await page.type('[data-testid="reason"]', '改为本局自行核验经营场所');
    await press(page, '[data-testid="confirm-change"]');
    await page.waitForSelector(`${premises} [data-testid="start"]`);
    expect(await accepts()).toBe('不认可');
    await page.close();
  });

  it('made no request to any origin but the hub', () => {
    expect(browser.requested.length).toBeGreaterThan(0);
    expect(browser.foreignRequests()).toEqual([]);
  });
});
