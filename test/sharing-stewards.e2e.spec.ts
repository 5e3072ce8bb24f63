// What the stewards' console needs of sharing applications and supervision (督办), through the
// gateway: the working days left to a deadline; a department steward applying on behalf of its own
// department's systems, following (filter.side CONSUMER) and withdrawing their applications; the
// supervising department's stewards (the data bureau) reading every department's overdue
// applications and data corrections, with counts per department, and deciding none of them.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@hub/identifiers';
import { loadWorkingDayCalendar, workingDaysLeft } from '@hub/working-days';
import { REGISTER_PERSON, aPerson } from './support/fixtures.js';
import { DEPARTMENTS } from './support/test-access.js';
import { TestHub } from './support/test-hub.js';
import { addDays } from './support/days.js';

// 人口联系方式与婚姻状况: conditional, provided by public security; items 1 phone, 2 marital status, 3 residence address.
const RESOURCE = '101003001/000001';

const FIELDS = `id resourceCode providerUscc consumerSystemCode consumerDepartmentUscc items status deadline overdue workingDaysLeft decidedBy`;
const APPLY = `mutation Apply($input: ApplyForSharingInput!) { applyForSharing(input: $input) { ${FIELDS} } }`;
const APPROVE = `mutation Approve($input: ApproveSharingInput!) { approveSharingApplication(input: $input) { id status } }`;
const REJECT = `mutation Reject($input: RejectSharingInput!) { rejectSharingApplication(input: $input) { id status } }`;
const WITHDRAW = `mutation Withdraw($id: ID!) { withdrawSharingApplication(id: $id) { ${FIELDS} } }`;
const APPLICATION = `query Application($id: ID!) { sharingApplication(id: $id) { ${FIELDS} } }`;
const LIST = `query List($filter: SharingApplicationFilter) { sharingApplications(filter: $filter, first: 100) { nodes { id } } }`;
const OVERDUE = `query Overdue { overdueSharingApplications(first: 100) { nodes { id providerUscc } } }`;
const COUNTS = `query Counts { overdueSharingApplicationCounts { departmentUscc count earliestDeadline } }`;
const ISSUE_KEY = `mutation Issue($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key apiKey { id } } }`;
const REPORT = `mutation Report($input: ReportDataCorrectionInput!) { reportDataCorrection(input: $input) { id status sourceDepartment } }`;
const OVERDUE_CORRECTIONS = `query OverdueCorrections { overdueDataCorrections(first: 100) { nodes { id sourceDepartment overdue } } }`;
const CORRECTION_COUNTS = `query CorrectionCounts { overdueDataCorrectionCounts { departmentUscc count earliestDeadline } }`;
const REJECT_CORRECTION = `mutation RejectCorrection($input: RejectDataCorrectionInput!) { rejectDataCorrection(input: $input) { id status } }`;

interface Application {
  id: string;
  resourceCode: string;
  providerUscc: string;
  consumerSystemCode: string;
  consumerDepartmentUscc: string;
  items: number[];
  status: string;
  deadline: string;
  overdue: boolean;
  workingDaysLeft: number;
  decidedBy: string | null;
}

describe('sharing applications for the stewards console: steward applicants, working days left, supervision', () => {
  let hub: TestHub;
  let db: pg.Client;
  let hrSteward: { key: string; id: string };
  let amrSteward: string;
  const today = chinaDate(new Date());
  const period = { requestedFrom: today, requestedTo: addDays(today, 365) };
  const person = aPerson().with({ sourceDepartment: DEPARTMENTS.publicSecurity, sourceSystem: 'fs-psb-hukou' }).build();

  const as = (key: string) => ({ key, purpose: null });
  const apply = (key: string, extra: Record<string, unknown> = {}) =>
    hub.graphql<{ applyForSharing: Application }>(
      APPLY,
      {
        input: {
          resourceCode: RESOURCE,
          items: [1, 2, 3],
          purpose: '就业补贴发放核验',
          legalBasis: '《就业促进法》第十五条',
          ...period,
          fullValues: false,
          ...extra,
        },
      },
      {},
      as(key),
    );
  const applicationAs = async (id: string, key: string) =>
    (await hub.graphql<{ sharingApplication: Application | null }>(APPLICATION, { id }, {}, as(key))).data
      ?.sharingApplication ?? null;
  const listAs = async (key: string, filter: Record<string, unknown> = {}) => {
    const result = await hub.graphql<{ sharingApplications: { nodes: Array<{ id: string }> } }>(
      LIST,
      { filter },
      {},
      as(key),
    );
    expect(result.errors).toBeUndefined();
    return result.data!.sharingApplications.nodes.map((n) => n.id);
  };
  const backdate = async (id: string, deadline: string) => {
    const updated = await db.query(`UPDATE catalog.sharing_application SET deadline = $2 WHERE id = $1`, [
      id,
      deadline,
    ]);
    expect(updated.rowCount).toBe(1);
  };

  beforeAll(async () => {
    hub = await TestHub.start();
    db = new pg.Client({ connectionString: hub.database.url });
    await db.connect();
    const admin = as(hub.keys.admin.key);
    const issue = (departmentUscc: string, holderName: string) =>
      hub.graphql<{ issueApiKey: { key: string; apiKey: { id: string } } }>(
        ISSUE_KEY,
        { input: { roles: ['STEWARD'], departmentUscc, holderName } },
        {},
        admin,
      );
    const hr = await issue(DEPARTMENTS.humanResources, 'HRSS steward');
    const amr = await issue(DEPARTMENTS.marketRegulation, 'AMR steward');
    expect([hr.errors, amr.errors]).toEqual([undefined, undefined]);
    hrSteward = { key: hr.data!.issueApiKey.key, id: hr.data!.issueApiKey.apiKey.id };
    amrSteward = amr.data!.issueApiKey.key;
    expect((await hub.graphql(REGISTER_PERSON, { input: person })).errors).toBeUndefined();
    await hub.eventually(async () => {
      for (const key of [hrSteward.key, amrSteward])
        expect((await hub.graphql(`{ departments { uscc } }`, {}, {}, as(key))).errors).toBeUndefined();
    });
  });
  afterAll(async () => {
    await db?.end();
    await hub?.close();
  });

  it('gives the working days left to the deadline by the hub calendar: 0 on the day, negative past it', async () => {
    const submitted = await apply(hub.keys.humanResources.key);
    expect(submitted.errors).toBeUndefined();
    const application = submitted.data!.applyForSharing;
    // Ten working days after the submission day: ten left, or eleven on a day off (received on the next working day).
    expect(application.workingDaysLeft).toBe(
      workingDaysLeft(application.deadline, new Date(), loadWorkingDayCalendar()),
    );
    expect([10, 11]).toContain(application.workingDaysLeft);
    await backdate(application.id, today);
    expect(await applicationAs(application.id, hub.keys.psbSteward.key)).toMatchObject({
      workingDaysLeft: 0,
      overdue: false,
    });
    // The day after the deadline is one day late, even a weekend.
    await backdate(application.id, addDays(today, -1));
    expect(await applicationAs(application.id, hub.keys.psbSteward.key)).toMatchObject({
      workingDaysLeft: -1,
      overdue: true,
    });
    // Four weeks late: at least 15 working days whatever the holidays, as the library counts them.
    const longAgo = addDays(today, -28);
    await backdate(application.id, longAgo);
    const late = await applicationAs(application.id, hub.keys.humanResources.key);
    expect(late?.workingDaysLeft).toBe(workingDaysLeft(longAgo, new Date(), loadWorkingDayCalendar()));
    expect(late!.workingDaysLeft).toBeLessThanOrEqual(-15);
    const list = await hub.graphql<{ sharingApplications: { nodes: Array<{ id: string; workingDaysLeft: number }> } }>(
      `{ sharingApplications(first: 100) { nodes { id workingDaysLeft } } }`,
      {},
      {},
      as(hub.keys.psbSteward.key),
    );
    expect(list.data?.sharingApplications.nodes.find((n) => n.id === application.id)?.workingDaysLeft).toBe(
      late!.workingDaysLeft,
    );
    // Taken off the supervision lists for the rest of the suite.
    expect(
      (
        await hub.graphql(
          REJECT,
          { input: { applicationId: application.id, reason: '测试结束，予以拒绝' } },
          {},
          as(hub.keys.psbSteward.key),
        )
      ).errors,
    ).toBeUndefined();
  });

  it("lets a department steward apply on behalf of its own department's system only", async () => {
    const submitted = await apply(hrSteward.key, { systemCode: 'fs-hrss-insurance' });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.applyForSharing).toMatchObject({
      resourceCode: RESOURCE,
      providerUscc: DEPARTMENTS.publicSecurity,
      consumerSystemCode: 'fs-hrss-insurance',
      consumerDepartmentUscc: DEPARTMENTS.humanResources,
      items: [1, 2, 3],
      status: 'SUBMITTED',
    });
    const id = submitted.data!.applyForSharing.id;
    // The system's application: the system and the provider's steward see it.
    expect((await applicationAs(id, hub.keys.humanResources.key))?.status).toBe('SUBMITTED');
    expect((await applicationAs(id, hub.keys.psbSteward.key))?.status).toBe('SUBMITTED');

    const codeOf = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions;
    expect(codeOf(await apply(hrSteward.key))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.systemCode',
      reason: 'SYSTEM_REQUIRED',
    });
    // Another department's system, or none at all: one answer.
    expect(codeOf(await apply(hrSteward.key, { systemCode: 'fs-tax-collection' }))).toMatchObject({
      code: 'SYSTEM_NOT_OF_DEPARTMENT',
    });
    expect(codeOf(await apply(hrSteward.key, { systemCode: 'fs-no-such-system' }))).toMatchObject({
      code: 'SYSTEM_NOT_OF_DEPARTMENT',
    });
    // A hub-wide steward has no department to apply for; an admin does not apply; a system applies for itself only.
    expect(codeOf(await apply(hub.keys.hubSteward.key, { systemCode: 'fs-hrss-insurance' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(codeOf(await apply(hub.keys.admin.key, { systemCode: 'fs-hrss-insurance' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(codeOf(await apply(hub.keys.tax.key, { systemCode: 'fs-hrss-insurance' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    // A provider's own resource stays refused when its steward applies for one of its systems.
    expect(codeOf(await apply(hub.keys.psbSteward.key, { systemCode: 'fs-psb-hukou' }))).toMatchObject({
      code: 'OWN_RESOURCE',
    });
  });

  it("lists a steward's department's applications on either side: PROVIDER (default) to decide, CONSUMER made", async () => {
    const id = (await apply(hrSteward.key, { systemCode: 'fs-hrss-insurance' })).data!.applyForSharing.id;
    expect(await listAs(hrSteward.key, { side: 'CONSUMER' })).toContain(id);
    expect(await listAs(hrSteward.key)).not.toContain(id);
    expect(await listAs(hrSteward.key, { side: 'PROVIDER' })).not.toContain(id);
    expect(await listAs(hub.keys.psbSteward.key)).toContain(id);
    expect(await listAs(hub.keys.psbSteward.key, { side: 'CONSUMER' })).not.toContain(id);
    expect(await listAs(amrSteward, { side: 'CONSUMER' })).not.toContain(id);
    expect(await listAs(amrSteward)).not.toContain(id);
    // A system's list is its own, whatever the side.
    expect(await listAs(hub.keys.humanResources.key, { side: 'PROVIDER' })).toContain(id);
    expect(await listAs(hub.keys.tax.key, { side: 'CONSUMER' })).not.toContain(id);
    // Filters combine with the side.
    expect(await listAs(hrSteward.key, { side: 'CONSUMER', status: 'APPROVED' })).not.toContain(id);
    expect(await listAs(hrSteward.key, { side: 'CONSUMER', status: 'SUBMITTED', resourceCode: RESOURCE })).toContain(
      id,
    );
  });

  it("lets the applying department's steward withdraw an undecided application, and decide none", async () => {
    const id = (await apply(hub.keys.humanResources.key)).data!.applyForSharing.id;
    // The applicant's steward does not decide it, the provider's steward does not withdraw it, another department's does neither.
    expect(
      (await hub.graphql(APPROVE, { input: { applicationId: id } }, {}, as(hrSteward.key))).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');
    for (const key of [hub.keys.psbSteward.key, amrSteward, hub.keys.hubSteward.key]) {
      expect((await hub.graphql(WITHDRAW, { id }, {}, as(key))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await applicationAs(id, amrSteward)).toBeNull();
    const withdrawn = await hub.graphql<{ withdrawSharingApplication: Application }>(
      WITHDRAW,
      { id },
      {},
      as(hrSteward.key),
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data!.withdrawSharingApplication).toMatchObject({
      id,
      status: 'WITHDRAWN',
      decidedBy: hrSteward.id,
    });
    expect((await hub.graphql(WITHDRAW, { id }, {}, as(hrSteward.key))).errors?.[0].extensions?.code).toBe(
      'APPLICATION_DECIDED',
    );
  });

  it("lets the supervising department's stewards read every department's overdue applications, counted per department, and decide none", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const submitted = await apply(hub.keys.humanResources.key);
      expect(submitted.errors).toBeUndefined();
      ids.push(submitted.data!.applyForSharing.id);
    }
    await backdate(ids[0], addDays(today, -20));
    await backdate(ids[1], addDays(today, -3));
    const overdueOf = async (key: string) => {
      const result = await hub.graphql<{
        overdueSharingApplications: { nodes: Array<{ id: string; providerUscc: string }> };
      }>(OVERDUE, {}, {}, as(key));
      expect(result.errors).toBeUndefined();
      return result.data!.overdueSharingApplications.nodes;
    };
    const countsOf = async (key: string) => {
      const result = await hub.graphql<{
        overdueSharingApplicationCounts: Array<{ departmentUscc: string; count: number; earliestDeadline: string }>;
      }>(COUNTS, {}, {}, as(key));
      expect(result.errors).toBeUndefined();
      return result.data!.overdueSharingApplicationCounts;
    };
    const expected = [{ departmentUscc: DEPARTMENTS.publicSecurity, count: 2, earliestDeadline: addDays(today, -20) }];
    expect((await overdueOf(hub.keys.supervisor.key)).map((n) => n.id)).toEqual(ids);
    expect(await countsOf(hub.keys.supervisor.key)).toEqual(expected);
    expect(await countsOf(hub.keys.hubSteward.key)).toEqual(expected);
    expect(await countsOf(hub.keys.psbSteward.key)).toEqual(expected);
    expect(await applicationAs(ids[0], hub.keys.supervisor.key)).toMatchObject({ id: ids[0], overdue: true });
    // Another department's steward: none of its own, nothing of others'.
    expect(await overdueOf(amrSteward)).toEqual([]);
    expect(await countsOf(amrSteward)).toEqual([]);
    expect(await applicationAs(ids[0], amrSteward)).toBeNull();
    // Reading is not deciding: the supervisor's inbox is its own department's, and its decisions are refused.
    expect(await listAs(hub.keys.supervisor.key)).not.toContain(ids[0]);
    expect(
      (await hub.graphql(APPROVE, { input: { applicationId: ids[0] } }, {}, as(hub.keys.supervisor.key))).errors?.[0]
        .extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await hub.graphql(
          REJECT,
          { input: { applicationId: ids[0], reason: '督办部门代为拒绝' } },
          {},
          as(hub.keys.supervisor.key),
        )
      ).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await hub.graphql(COUNTS, {}, {}, as(hub.keys.humanResources.key))).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    // Decided, it leaves the count.
    expect(
      (
        await hub.graphql(
          REJECT,
          { input: { applicationId: ids[1], reason: '逾期后经核查不予共享' } },
          {},
          as(hub.keys.psbSteward.key),
        )
      ).errors,
    ).toBeUndefined();
    expect(await countsOf(hub.keys.supervisor.key)).toEqual([{ ...expected[0], count: 1 }]);
  });

  it("lets the supervising department's stewards read every department's overdue data corrections, counted per department, and answer none", async () => {
    const reported = await hub.graphql<{
      reportDataCorrection: { id: string; status: string; sourceDepartment: string };
    }>(
      REPORT,
      { input: { subject: person.idNumber, field: 'Person.maritalStatus', reason: '婚姻状况与婚姻登记不一致' } },
      {},
      { key: hub.keys.tax.key, purpose: '税务登记信息核验' },
    );
    expect(reported.errors).toBeUndefined();
    const correction = reported.data!.reportDataCorrection;
    expect(correction).toMatchObject({ status: 'ROUTED', sourceDepartment: DEPARTMENTS.publicSecurity });
    const lastWeek = addDays(today, -7);
    await db.query(`UPDATE once_only.data_correction SET deadline = $2 WHERE id = $1`, [correction.id, lastWeek]);

    const overdueOf = async (key: string) => {
      const result = await hub.graphql<{ overdueDataCorrections: { nodes: Array<{ id: string }> } }>(
        OVERDUE_CORRECTIONS,
        {},
        {},
        as(key),
      );
      expect(result.errors).toBeUndefined();
      return result.data!.overdueDataCorrections.nodes.map((n) => n.id);
    };
    const countsOf = async (key: string) => {
      const result = await hub.graphql<{ overdueDataCorrectionCounts: unknown[] }>(CORRECTION_COUNTS, {}, {}, as(key));
      expect(result.errors).toBeUndefined();
      return result.data!.overdueDataCorrectionCounts;
    };
    const expected = [{ departmentUscc: DEPARTMENTS.publicSecurity, count: 1, earliestDeadline: lastWeek }];
    expect(await overdueOf(hub.keys.supervisor.key)).toEqual([correction.id]);
    expect(await countsOf(hub.keys.supervisor.key)).toEqual(expected);
    expect(await countsOf(hub.keys.psbSteward.key)).toEqual(expected);
    expect(await overdueOf(amrSteward)).toEqual([]);
    expect(await countsOf(amrSteward)).toEqual([]);
    expect((await hub.graphql(CORRECTION_COUNTS, {}, {}, as(hub.keys.tax.key))).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    // Supervising is not answering.
    const refused = await hub.graphql(
      REJECT_CORRECTION,
      { input: { id: correction.id, reason: '督办部门代为驳回' } },
      {},
      as(hub.keys.supervisor.key),
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
