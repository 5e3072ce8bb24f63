import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@hub/identifiers';
import { loadWorkingDayCalendar, responseDeadline, WORKING_DAY_CALENDAR_PATH } from '@hub/working-days';
import { CATALOG_POLICY_TOPIC, CATALOG_SHARING_APPLICATION_TOPIC } from '@hub/contracts';
import { schemaErrors } from './support/event-schemas.js';
import { REGISTER_PERSON, aPerson } from './support/fixtures.js';
import { DEPARTMENTS } from './support/test-access.js';
import { TestHub, type EventCollector, type GraphQLResponse } from './support/test-hub.js';
import { addDays } from './support/days.js';

// 人口联系方式与婚姻状况: conditional, provided by public security; items 1 phone, 2 marital status, 3 residence address.
const RESOURCE = '101003001/000001';
const RESOURCE_NAME = '人口联系方式与婚姻状况';
const PHONE_ITEM = `${RESOURCE}#1`;
const MARITAL_ITEM = `${RESOURCE}#2`;

const APPLICATION_FIELDS = `id resourceCode providerUscc consumerSystemCode consumerDepartmentUscc items approvedItems status
  submittedAt deadline overdue decidedAt decidedBy decisionReason grantId fullValues`;
const APPLY = `mutation Apply($input: ApplyForSharingInput!) { applyForSharing(input: $input) { ${APPLICATION_FIELDS} } }`;
const APPROVE = `mutation Approve($input: ApproveSharingInput!) { approveSharingApplication(input: $input) { ${APPLICATION_FIELDS} } }`;
const REJECT = `mutation Reject($input: RejectSharingInput!) { rejectSharingApplication(input: $input) { ${APPLICATION_FIELDS} } }`;
const WITHDRAW = `mutation Withdraw($id: ID!) { withdrawSharingApplication(id: $id) { ${APPLICATION_FIELDS} } }`;
const REVOKE = `mutation Revoke($input: RevokeGrantInput!) { revokeSharingGrant(input: $input) { id status revokedAt revokedBy revokeReason } }`;
const APPLICATION = `query Application($id: ID!) { sharingApplication(id: $id) { ${APPLICATION_FIELDS} } }`;
const OVERDUE = `query Overdue { overdueSharingApplications(first: 100) { nodes { id status deadline overdue } pageInfo { hasNextPage } } }`;
const GRANTS = `query Grants($resourceCode: String) { sharingGrants(resourceCode: $resourceCode) { id applicationId consumerSystemCode items fullValues validFrom validTo status revokedAt } }`;
const PHONE = `query Phone($id: String!) { person(idNumber: $id) { phone } }`;
const MARITAL = `query Marital($id: String!) { person(idNumber: $id) { maritalStatus { code name } } }`;
const ISSUE_KEY = `mutation Issue($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key apiKey { id } } }`;

interface Application {
  id: string;
  resourceCode: string;
  providerUscc: string;
  consumerSystemCode: string;
  consumerDepartmentUscc: string;
  items: number[];
  approvedItems: number[] | null;
  status: string;
  submittedAt: string;
  deadline: string;
  overdue: boolean;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  grantId: string | null;
  fullValues: boolean;
}

interface Grant {
  id: string;
  applicationId: string;
  consumerSystemCode: string;
  items: number[];
  fullValues: boolean;
  validFrom: string;
  validTo: string;
  status: string;
  revokedAt: string | null;
}

/**
 * 2027 has no notice in the shipped file: the hub counts its statutory holidays falling on
 * Monday–Friday (全国年节及纪念日放假办法; 除夕 02-05, 初三 02-08, 清明 04-05, 端午 06-09, 中秋 09-15).
 */
const STATUTORY_WEEKDAYS_2027 = [
  '2027-01-01',
  '2027-02-05',
  '2027-02-08',
  '2027-04-05',
  '2027-06-09',
  '2027-09-15',
  '2027-10-01',
];

/**
 * The answer deadline counted by hand from the shipped calendar file, independently of
 * @hub/working-days: the CST submission day is not counted (a non-working one counts as received on
 * the next working day, itself not counted); the 10th working day after it is the deadline.
 */
function deadlineByHand(submittedAt: Date): string {
  const calendar = JSON.parse(readFileSync(WORKING_DAY_CALENDAR_PATH, 'utf8')) as {
    holidays: string[];
    workdays: string[];
    coversYears: [number, number];
  };
  const working = (day: string) => {
    if (Number(day.slice(0, 4)) > calendar.coversYears[1] && STATUTORY_WEEKDAYS_2027.includes(day)) return false;
    if (calendar.holidays.includes(day)) return false;
    if (calendar.workdays.includes(day)) return true;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
  let day = new Date(submittedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  while (!working(day)) day = addDays(day, 1);
  for (let counted = 0; counted < 10;) {
    day = addDays(day, 1);
    if (working(day)) counted++;
  }
  return day;
}

describe('sharing applications: apply, decide, enforce, revoke', () => {
  let hub: TestHub;
  let db: pg.Client;
  let applicationEvents: EventCollector;
  let policyEvents: EventCollector;
  let otherSteward: string;
  let otherHrSystem: string;
  // A phone number no other part of an answer (codes, ids) can contain by chance.
  const person = aPerson().with({ maritalStatusCode: '20', phone: '13957204681' }).build();
  const phone = person.phone as string;
  const today = chinaDate(new Date());
  const period = { requestedFrom: today, requestedTo: addDays(today, 365) };
  // Filled in as the flow goes.
  let application: Application;
  let grantId: string;

  const as = (key: string, purpose: string | null = '社保待遇资格认证核验') => ({ key, purpose });
  const hr = () => as(hub.keys.humanResources.key);
  const psb = () => as(hub.keys.psbSteward.key, null);
  const apply = (items: number[], key = hub.keys.humanResources.key, extra: Record<string, unknown> = {}) =>
    hub.graphql<{ applyForSharing: Application }>(
      APPLY,
      {
        input: {
          resourceCode: RESOURCE,
          items,
          purpose: '社会保险待遇资格认证',
          legalBasis: '《社会保险法》第七十三条',
          ...period,
          fullValues: false,
          ...extra,
        },
      },
      {},
      as(key, null),
    );
  const applicationAs = async (id: string, key: string) =>
    (await hub.graphql<{ sharingApplication: Application | null }>(APPLICATION, { id }, {}, as(key, null))).data
      ?.sharingApplication;
  const readPhone = () => hub.graphql<{ person: { phone: string } | null }>(PHONE, { id: person.idNumber }, {}, hr());
  const readMarital = () =>
    hub.graphql<{ person: { maritalStatus: { code: string } } | null }>(MARITAL, { id: person.idNumber }, {}, hr());

  /** Polls until `check` holds; the milliseconds it took. Fails after `limitMs`. */
  const within = async (limitMs: number, check: () => Promise<boolean>): Promise<number> => {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > limitMs) throw new Error(`not within ${limitMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return Date.now() - started;
  };
  /** Makes the gateway reload its policy now, by a change on the catalog's policy topic that touches nothing tested here. */
  const nudgePolicy = async () => {
    const issued = await hub.graphql(
      ISSUE_KEY,
      { input: { roles: ['SYSTEM'], systemCode: 'fs-ca-assistance', holderName: 'policy reload nudge' } },
      {},
      as(hub.keys.admin.key, null),
    );
    expect(issued.errors).toBeUndefined();
  };

  beforeAll(async () => {
    // The policy poll slowed to an hour: what the gateway sees within seconds, it sees through the catalog's events.
    hub = await TestHub.start({ env: { POLICY_REFRESH_MS: '3600000' } });
    db = new pg.Client({ connectionString: hub.database.url });
    await db.connect();
    applicationEvents = await hub.collect(CATALOG_SHARING_APPLICATION_TOPIC);
    policyEvents = await hub.collect(CATALOG_POLICY_TOPIC);
    const registered = await hub.graphql(REGISTER_PERSON, { input: person });
    expect(registered.errors).toBeUndefined();
    // A steward of another department (market regulation), and a second system of the applicant's department.
    const admin = as(hub.keys.admin.key, null);
    const steward = await hub.graphql<{ issueApiKey: { key: string } }>(
      ISSUE_KEY,
      { input: { roles: ['STEWARD'], departmentUscc: DEPARTMENTS.marketRegulation, holderName: 'AMR steward' } },
      {},
      admin,
    );
    const system = await hub.graphql<{ issueApiKey: { key: string } }>(
      ISSUE_KEY,
      { input: { roles: ['SYSTEM'], systemCode: 'fs-hrss-employment', holderName: 'HR employment system' } },
      {},
      admin,
    );
    expect([steward.errors, system.errors]).toEqual([undefined, undefined]);
    otherSteward = steward.data!.issueApiKey.key;
    otherHrSystem = system.data!.issueApiKey.key;
    await hub.eventually(async () => {
      for (const key of [otherSteward, otherHrSystem])
        expect((await hub.graphql(`{ departments { uscc } }`, {}, {}, as(key, null))).errors).toBeUndefined();
    });
  });
  afterAll(async () => {
    await applicationEvents?.close();
    await policyEvents?.close();
    await db?.end();
    await hub?.close();
  });

  it('refuses a conditional item without a grant, naming the item and the resource to apply for, and leaks no value', async () => {
    const response = await hub.graphqlResponse(PHONE, { id: person.idNumber }, {}, hr());
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(text).not.toContain(phone);
    expect(text).not.toContain('57204681');
    expect(text).not.toMatch(/1[3-9]\d\*{4}\d{4}/);
    const body = JSON.parse(text) as GraphQLResponse;
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].message).toContain(RESOURCE);
    expect(body.errors![0].extensions).toMatchObject({
      code: 'ACCESS_DENIED',
      refused: [
        {
          reason: 'GRANT_REQUIRED',
          item: PHONE_ITEM,
          itemName: '联系电话',
          resourceCode: RESOURCE,
          resourceName: RESOURCE_NAME,
          providerUscc: DEPARTMENTS.publicSecurity,
          fields: ['Person.phone'],
        },
      ],
      applyFor: [{ resourceCode: RESOURCE, resourceName: RESOURCE_NAME, items: [1] }],
    });
    // Both items at once: one refusal naming both, one resource to apply for.
    const both = await hub.graphql(
      `query($id: String!) { person(idNumber: $id) { phone maritalStatus { code } } }`,
      { id: person.idNumber },
      {},
      hr(),
    );
    expect(both.errors?.[0].extensions?.refused).toEqual([
      expect.objectContaining({ item: PHONE_ITEM }),
      expect.objectContaining({ item: MARITAL_ITEM }),
    ]);
    expect(both.errors?.[0].extensions?.applyFor).toEqual([
      { resourceCode: RESOURCE, resourceName: RESOURCE_NAME, items: [1, 2] },
    ]);
  });

  it('submits an application, due on the 10th working day after the submission day (CST)', async () => {
    const result = await apply([2, 1]);
    expect(result.errors).toBeUndefined();
    application = result.data!.applyForSharing;
    expect(application).toMatchObject({
      resourceCode: RESOURCE,
      providerUscc: DEPARTMENTS.publicSecurity,
      consumerSystemCode: 'fs-hrss-insurance',
      consumerDepartmentUscc: DEPARTMENTS.humanResources,
      items: [1, 2],
      status: 'SUBMITTED',
      overdue: false,
      approvedItems: null,
      decidedAt: null,
      grantId: null,
    });
    const submittedAt = new Date(application.submittedAt);
    expect(Math.abs(submittedAt.getTime() - Date.now())).toBeLessThan(60_000);
    // What the catalog shipped = the library on the same instant = counting by hand from the calendar file.
    expect(application.deadline).toBe(responseDeadline(submittedAt, loadWorkingDayCalendar()));
    expect(application.deadline).toBe(deadlineByHand(submittedAt));
    // The applicant and the provider's steward see it; another system does not.
    expect((await applicationAs(application.id, hub.keys.humanResources.key))?.status).toBe('SUBMITTED');
    expect((await applicationAs(application.id, hub.keys.psbSteward.key))?.status).toBe('SUBMITTED');
    expect(await applicationAs(application.id, hub.keys.tax.key)).toBeNull();
    // Submitting is not reading: the item stays refused until a decision.
    expect((await readPhone()).errors?.[0].extensions?.code).toBe('ACCESS_DENIED');
  });

  it('counts the deadline in working days of the shipped calendar, from the CST day', () => {
    const calendar = loadWorkingDayCalendar();
    // Friday 26 Sep 2025, before the National Day holiday (1–8 Oct) with make-up working days Sun 28 Sep and Sat 11 Oct:
    // 28, 29, 30 Sep, 9, 10, 11, 13, 14, 15, 16 Oct.
    expect(responseDeadline(new Date('2025-09-26T10:00:00+08:00'), calendar)).toBe('2025-10-16');
    // 20:00 UTC on that Friday is Saturday in China: received on Sunday 28 Sep (a make-up working day), one day later.
    expect(responseDeadline(new Date('2025-09-26T20:00:00Z'), calendar)).toBe('2025-10-17');
    for (const at of [
      '2025-09-26T10:00:00+08:00',
      '2025-09-26T20:00:00Z',
      '2026-02-13T09:00:00+08:00',
      '2026-09-30T23:30:00+08:00',
      '2026-12-18T10:00:00+08:00',
      '2027-02-03T10:00:00+08:00',
    ]) {
      expect(responseDeadline(new Date(at), calendar), at).toBe(deadlineByHand(new Date(at)));
    }
  });

  it("lets only the provider department's steward decide", async () => {
    const input = { applicationId: application.id, items: [1], reason: '婚姻状况非社保业务所需' };
    const amr = await hub.graphql(APPROVE, { input }, {}, as(otherSteward, null));
    expect(amr.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(amr.errors?.[0].message).toContain(DEPARTMENTS.publicSecurity);
    const amrReject = await hub.graphql(
      REJECT,
      { input: { applicationId: application.id, reason: '不属于本部门' } },
      {},
      as(otherSteward, null),
    );
    expect(amrReject.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    // A system approves nothing, not even its own application.
    const self = await hub.graphql(APPROVE, { input }, {}, as(hub.keys.humanResources.key, null));
    expect(self.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRoles: ['STEWARD'] });
    // A partial approval owes the applicant a reason for what it leaves out.
    for (const reason of [undefined, '', '   ']) {
      const noReason = await hub.graphql(
        APPROVE,
        { input: { applicationId: application.id, items: [1], reason } },
        {},
        psb(),
      );
      expect(noReason.errors?.[0].extensions, JSON.stringify(reason)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.reason',
        reason: 'REASON_REQUIRED',
      });
    }
    const notAsked = await hub.graphql(
      APPROVE,
      { input: { applicationId: application.id, items: [1, 3], reason: '多批一项' } },
      {},
      psb(),
    );
    expect(notAsked.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ITEMS_NOT_REQUESTED' });
    expect((await applicationAs(application.id, hub.keys.psbSteward.key))?.status).toBe('SUBMITTED');
  });

  it('approves a subset: PARTIALLY_APPROVED, a grant of those items only, readable within seconds and masked', async () => {
    const started = Date.now();
    const result = await hub.graphql<{ approveSharingApplication: Application }>(
      APPROVE,
      { input: { applicationId: application.id, items: [1], reason: '婚姻状况非社保待遇认证所需' } },
      {},
      psb(),
    );
    expect(result.errors).toBeUndefined();
    const decided = result.data!.approveSharingApplication;
    expect(decided).toMatchObject({
      id: application.id,
      status: 'PARTIALLY_APPROVED',
      items: [1, 2],
      approvedItems: [1],
      decisionReason: '婚姻状况非社保待遇认证所需',
      decidedBy: hub.keys.psbSteward.principal.keyId,
    });
    expect(decided.grantId).toMatch(/^[0-9a-f-]{36}$/);
    grantId = decided.grantId!;
    const grants = await hub.graphql<{ sharingGrants: Grant[] }>(
      GRANTS,
      { resourceCode: RESOURCE },
      {},
      as(hub.keys.humanResources.key, null),
    );
    expect(grants.data?.sharingGrants).toEqual([
      expect.objectContaining({
        id: grantId,
        applicationId: application.id,
        consumerSystemCode: 'fs-hrss-insurance',
        items: [1],
        fullValues: false,
        validFrom: today,
        validTo: period.requestedTo,
        status: 'ACTIVE',
        revokedAt: null,
      }),
    ]);
    // Deciding twice is refused.
    const again = await hub.graphql(APPROVE, { input: { applicationId: application.id } }, {}, psb());
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'APPLICATION_DECIDED' });

    let last: GraphQLResponse<{ person: { phone: string } | null }> | undefined;
    const took = await within(10_000, async () => {
      last = await readPhone();
      return last.errors === undefined;
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    console.info(`granted phone readable ${took} ms after the approval returned`);
    // No full values were asked for: the phone is masked (first 3, last 4).
    expect(last!.data?.person?.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    // The item left out stays refused, naming only that item.
    const marital = await readMarital();
    expect(marital.data ?? null).toBeNull();
    expect(marital.errors?.[0].extensions).toMatchObject({
      code: 'ACCESS_DENIED',
      refused: [{ item: MARITAL_ITEM }],
      applyFor: [{ resourceCode: RESOURCE, items: [2] }],
    });
    // The grant is the system's, not its department's.
    const sibling = await hub.graphql(PHONE, { id: person.idNumber }, {}, as(otherHrSystem));
    expect(sibling.errors?.[0].extensions).toMatchObject({ code: 'ACCESS_DENIED', refused: [{ item: PHONE_ITEM }] });
  });

  it('still asks for a purpose when a conditional item is granted', async () => {
    const response = await hub.graphqlResponse(
      PHONE,
      { id: person.idNumber },
      {},
      as(hub.keys.humanResources.key, null),
    );
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(text).not.toContain(phone);
    expect(text).not.toContain('139****4681');
    const body = JSON.parse(text) as GraphQLResponse;
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'PURPOSE_REQUIRED' });
    expect(body.errors?.[0].message).toContain('联系电话');
    // A blank purpose is no purpose; the header (percent-encoded UTF-8) is another way to say it.
    expect(
      (await hub.graphql(PHONE, { id: person.idNumber }, {}, as(hub.keys.humanResources.key, '   '))).errors?.[0]
        .extensions?.code,
    ).toBe('PURPOSE_REQUIRED');
    const byHeader = await hub.graphql(
      PHONE,
      { id: person.idNumber },
      { 'x-hub-purpose': encodeURIComponent('社保待遇资格认证') },
      as(hub.keys.humanResources.key, null),
    );
    expect(byHeader.errors).toBeUndefined();
  });

  it('revokes the grant: refused again within seconds', async () => {
    for (const reason of ['', '  ']) {
      const noReason = await hub.graphql(REVOKE, { input: { grantId, reason } }, {}, psb());
      expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REASON_REQUIRED' });
    }
    const amr = await hub.graphql(REVOKE, { input: { grantId, reason: '越权撤销测试' } }, {}, as(otherSteward, null));
    expect(amr.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const byConsumer = await hub.graphql(
      REVOKE,
      { input: { grantId, reason: '越权撤销测试' } },
      {},
      as(hub.keys.humanResources.key, null),
    );
    expect(byConsumer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await readPhone()).errors).toBeUndefined();

    const started = Date.now();
    const revoked = await hub.graphql<{
      revokeSharingGrant: { id: string; status: string; revokedBy: string; revokeReason: string };
    }>(REVOKE, { input: { grantId, reason: '  核查发现超范围使用  ' } }, {}, psb());
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data?.revokeSharingGrant).toMatchObject({
      id: grantId,
      status: 'REVOKED',
      revokedBy: hub.keys.psbSteward.principal.keyId,
      revokeReason: '核查发现超范围使用',
    });
    let last: GraphQLResponse | undefined;
    const took = await within(10_000, async () => {
      last = await readPhone();
      return last.errors?.[0].extensions?.code === 'ACCESS_DENIED';
    });
    const elapsed = Date.now() - started;
    console.info(`revoked grant refused ${took} ms after the revocation returned (${elapsed} ms from the request)`);
    expect(elapsed).toBeLessThan(10_000);
    expect(last!.data ?? null).toBeNull();
    expect(last!.errors?.[0].extensions).toMatchObject({
      refused: [{ item: PHONE_ITEM, reason: 'GRANT_REQUIRED' }],
      applyFor: [{ resourceCode: RESOURCE, items: [1] }],
    });
    const twice = await hub.graphql(REVOKE, { input: { grantId, reason: '再次撤销' } }, {}, psb());
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'GRANT_ALREADY_REVOKED' });
    const grants = await hub.graphql<{ sharingGrants: Grant[] }>(
      GRANTS,
      { resourceCode: RESOURCE },
      {},
      as(hub.keys.humanResources.key, null),
    );
    expect(grants.data?.sharingGrants.find((g) => g.id === grantId)).toMatchObject({ status: 'REVOKED' });
  });

  it('refuses a rejection without a reason, and gives the applicant the reason of a rejection', async () => {
    const submitted = await apply([3]);
    expect(submitted.errors).toBeUndefined();
    const id = submitted.data!.applyForSharing.id;
    for (const reason of ['', '   ', '\n\t', '不行']) {
      const refused = await hub.graphql(REJECT, { input: { applicationId: id, reason } }, {}, psb());
      expect(refused.data ?? null, JSON.stringify(reason)).toBeNull();
      expect(refused.errors?.[0].extensions, JSON.stringify(reason)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.reason',
        reason: 'REASON_REQUIRED',
      });
    }
    const missing = await hub.graphql(
      `mutation($id: ID!) { rejectSharingApplication(input: { applicationId: $id }) { id } }`,
      { id },
      {},
      psb(),
    );
    expect(missing.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await applicationAs(id, hub.keys.psbSteward.key)).toMatchObject({
      status: 'SUBMITTED',
      decisionReason: null,
      decidedAt: null,
    });

    const rejected = await hub.graphql<{ rejectSharingApplication: Application }>(
      REJECT,
      { input: { applicationId: id, reason: ' 居住地址不属于社保待遇认证所需数据项 ' } },
      {},
      psb(),
    );
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data?.rejectSharingApplication).toMatchObject({
      status: 'REJECTED',
      approvedItems: null,
      grantId: null,
    });
    expect(await applicationAs(id, hub.keys.humanResources.key)).toMatchObject({
      status: 'REJECTED',
      decisionReason: '居住地址不属于社保待遇认证所需数据项',
      decidedBy: hub.keys.psbSteward.principal.keyId,
      overdue: false,
    });
    const withdrawn = await hub.graphql(WITHDRAW, { id }, {}, as(hub.keys.humanResources.key, null));
    expect(withdrawn.errors?.[0].extensions).toMatchObject({ code: 'APPLICATION_DECIDED' });
  });

  it('lets only the applicant withdraw an undecided application', async () => {
    const submitted = await apply([3]);
    const id = submitted.data!.applyForSharing.id;
    const byOther = await hub.graphql(WITHDRAW, { id }, {}, as(otherHrSystem, null));
    expect(byOther.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const withdrawn = await hub.graphql<{ withdrawSharingApplication: Application }>(
      WITHDRAW,
      { id },
      {},
      as(hub.keys.humanResources.key, null),
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data?.withdrawSharingApplication).toMatchObject({ id, status: 'WITHDRAWN' });
    const late = await hub.graphql(APPROVE, { input: { applicationId: id } }, {}, psb());
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'APPLICATION_DECIDED' });
  });

  it('refuses a grant whose period has ended', async () => {
    const submitted = await apply([2]);
    const id = submitted.data!.applyForSharing.id;
    const approved = await hub.graphql<{ approveSharingApplication: Application }>(
      APPROVE,
      { input: { applicationId: id } },
      {},
      psb(),
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data?.approveSharingApplication).toMatchObject({
      status: 'APPROVED',
      approvedItems: [2],
      decisionReason: null,
    });
    const expiring = approved.data!.approveSharingApplication.grantId!;
    await within(10_000, async () => (await readMarital()).errors === undefined);
    // Read under the grant; without full values the code itself is masked (CodedValue, docs/catalog.md §4).
    expect((await readMarital()).data?.person?.maritalStatus.code).toBe('******');

    const endGrantOn = async (validTo: string) => {
      const updated = await db.query(`UPDATE catalog.sharing_grant SET valid_from = $2, valid_to = $3 WHERE id = $1`, [
        expiring,
        addDays(today, -30),
        validTo,
      ]);
      expect(updated.rowCount).toBe(1);
      const reloads = await hub.metric('gateway', 'hub_policy_reloads_total');
      await nudgePolicy();
      await hub.eventually(
        async () => expect(await hub.metric('gateway', 'hub_policy_reloads_total')).toBeGreaterThan(reloads),
        10_000,
      );
    };
    // A grant ending today (CST) still works all day.
    await endGrantOn(today);
    expect((await readMarital()).errors).toBeUndefined();
    // One that ended yesterday (CST) is still in the gateway's snapshot, but no longer valid today.
    const yesterday = addDays(today, -1);
    await endGrantOn(yesterday);
    let last: GraphQLResponse | undefined;
    await within(10_000, async () => {
      last = await readMarital();
      return last.errors?.[0].extensions?.code === 'ACCESS_DENIED';
    });
    expect(last!.data ?? null).toBeNull();
    expect(last!.errors?.[0].extensions).toMatchObject({ refused: [{ item: MARITAL_ITEM, reason: 'GRANT_REQUIRED' }] });
    const grants = await hub.graphql<{ sharingGrants: Grant[] }>(
      GRANTS,
      { resourceCode: RESOURCE },
      {},
      as(hub.keys.humanResources.key, null),
    );
    expect(grants.data?.sharingGrants.find((g) => g.id === expiring)).toMatchObject({
      status: 'EXPIRED',
      validTo: yesterday,
    });
  });

  it('lists an application undecided past its deadline as overdue, and not one due today or later', async () => {
    const ids: Record<'fresh' | 'dueToday' | 'overdue' | 'longOverdue', string> = {
      fresh: '',
      dueToday: '',
      overdue: '',
      longOverdue: '',
    };
    for (const name of Object.keys(ids) as Array<keyof typeof ids>) {
      const submitted = await apply([3]);
      expect(submitted.errors).toBeUndefined();
      ids[name] = submitted.data!.applyForSharing.id;
    }
    const backdate = async (id: string, daysAgo: number, deadline?: string) => {
      const submittedAt = new Date(Date.now() - daysAgo * 86_400_000);
      const due = deadline ?? responseDeadline(submittedAt, loadWorkingDayCalendar());
      await db.query(`UPDATE catalog.sharing_application SET submitted_at = $2, deadline = $3 WHERE id = $1`, [
        id,
        submittedAt,
        due,
      ]);
      return due;
    };
    await backdate(ids.dueToday, 14, today);
    const overdueDeadline = await backdate(ids.overdue, 20);
    const longOverdueDeadline = await backdate(ids.longOverdue, 60);
    expect(overdueDeadline < today).toBe(true);

    const list = await hub.graphql<{
      overdueSharingApplications: { nodes: Array<{ id: string; status: string; deadline: string; overdue: boolean }> };
    }>(OVERDUE, {}, {}, psb());
    expect(list.errors).toBeUndefined();
    const nodes = list.data!.overdueSharingApplications.nodes;
    // Most overdue first, only undecided ones, all flagged.
    expect(nodes.map((n) => n.id)).toEqual([ids.longOverdue, ids.overdue]);
    expect(nodes).toEqual([
      { id: ids.longOverdue, status: 'SUBMITTED', deadline: longOverdueDeadline, overdue: true },
      { id: ids.overdue, status: 'SUBMITTED', deadline: overdueDeadline, overdue: true },
    ]);
    expect(await applicationAs(ids.overdue, hub.keys.humanResources.key)).toMatchObject({ overdue: true });
    expect(await applicationAs(ids.dueToday, hub.keys.humanResources.key)).toMatchObject({
      overdue: false,
      deadline: today,
    });
    expect(await applicationAs(ids.fresh, hub.keys.humanResources.key)).toMatchObject({ overdue: false });
    // A hub-wide steward sees them too; another department's steward has none of its own; a system may not ask.
    const hubWide = await hub.graphql<{ overdueSharingApplications: { nodes: Array<{ id: string }> } }>(
      OVERDUE,
      {},
      {},
      as(hub.keys.hubSteward.key, null),
    );
    expect(hubWide.data?.overdueSharingApplications.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining([ids.longOverdue, ids.overdue]),
    );
    const amr = await hub.graphql<{ overdueSharingApplications: { nodes: unknown[] } }>(
      OVERDUE,
      {},
      {},
      as(otherSteward, null),
    );
    expect(amr.data?.overdueSharingApplications.nodes).toEqual([]);
    const system = await hub.graphql(OVERDUE, {}, {}, as(hub.keys.humanResources.key, null));
    expect(system.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    // Deciding it takes it off the list.
    await hub.graphql(REJECT, { input: { applicationId: ids.overdue, reason: '逾期后经核查不予共享' } }, {}, psb());
    const after = await hub.graphql<{ overdueSharingApplications: { nodes: Array<{ id: string }> } }>(
      OVERDUE,
      {},
      {},
      psb(),
    );
    expect(after.data?.overdueSharingApplications.nodes.map((n) => n.id)).toEqual([ids.longOverdue]);
  });

  it('publishes every application change and every grant change as valid events', async () => {
    const mine = (topicEvents: EventCollector, key: string) => topicEvents.messages.filter((m) => m.key === key);
    await applicationEvents.waitFor(() => mine(applicationEvents, application.id).length >= 2);
    const appMessages = mine(applicationEvents, application.id);
    expect(appMessages.map((m) => JSON.parse(m.value).change)).toEqual(['submitted', 'partially-approved']);
    for (const m of appMessages) {
      expect(m.headers).toMatchObject({
        ce_type: 'hub.catalog.sharing-application-changed.v1',
        ce_source: '/hub/catalog',
        ce_subject: application.id,
      });
      expect(schemaErrors(m.headers.ce_type, JSON.parse(m.value))).toEqual([]);
    }
    expect(JSON.parse(appMessages[0].value)).toMatchObject({
      id: application.id,
      status: 'SUBMITTED',
      items: [1, 2],
      approvedItems: null,
      deadline: application.deadline,
      grantId: null,
    });
    expect(JSON.parse(appMessages[1].value)).toMatchObject({
      status: 'PARTIALLY_APPROVED',
      approvedItems: [1],
      grantId,
      decidedBy: hub.keys.psbSteward.principal.keyId,
    });

    await policyEvents.waitFor(() => mine(policyEvents, grantId).length >= 2);
    const grantMessages = mine(policyEvents, grantId);
    expect(grantMessages.map((m) => JSON.parse(m.value).change)).toEqual(['granted', 'revoked']);
    for (const m of grantMessages) {
      expect(m.headers).toMatchObject({
        ce_type: 'hub.catalog.grant-changed.v1',
        ce_source: '/hub/catalog',
        ce_subject: grantId,
      });
      expect(schemaErrors(m.headers.ce_type, JSON.parse(m.value))).toEqual([]);
    }
    expect(JSON.parse(grantMessages[0].value)).toMatchObject({
      applicationId: application.id,
      consumerSystemCode: 'fs-hrss-insurance',
      items: [1],
      fullValues: false,
      revokeReason: null,
    });
    expect(JSON.parse(grantMessages[1].value)).toMatchObject({ change: 'revoked', revokeReason: '核查发现超范围使用' });

    // Every application event of this suite — rejected and withdrawn ones too — and every grant event is valid.
    const changes = new Set<string>();
    for (const m of applicationEvents.messages) {
      const data = JSON.parse(m.value) as { consumerSystemCode: string; change: string };
      expect(schemaErrors(m.headers.ce_type, data), m.value).toEqual([]);
      if (data.consumerSystemCode === 'fs-hrss-insurance') changes.add(data.change);
    }
    expect([...changes].sort()).toEqual(['approved', 'partially-approved', 'rejected', 'submitted', 'withdrawn']);
    for (const m of policyEvents.messages.filter((p) => p.headers.ce_type === 'hub.catalog.grant-changed.v1')) {
      expect(schemaErrors(m.headers.ce_type, JSON.parse(m.value)), m.value).toEqual([]);
    }
  });
});
