import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@hub/identifiers';
import { calendarCoverage, deadlineOf, loadWorkingDayCalendar } from '@hub/working-days';
import { WorkingDayNoticeService } from '../apps/catalog/src/calendar/working-day-notice.service.js';
import {
  CATALOG_EVENT,
  CATALOG_POLICY_TOPIC,
  CATALOG_SHARING_APPLICATION_TOPIC,
  ONCE_ONLY_DATA_CORRECTION_TOPIC,
} from '@hub/contracts';
import { schemaErrors } from './support/event-schemas.js';
import { REGISTER_PERSON, aPerson } from './support/fixtures.js';
import { DEPARTMENTS } from './support/test-access.js';
import { TestHub, type EventCollector, type GraphQLResponse } from './support/test-hub.js';

// The calendar through the gateway: deadlines past the calendar file's years count the statutory
// holidays and say they are provisional; an admin enters a year's notice; the deadlines already
// given are counted again, in the catalog and in the once-only app; /health says which years are official.

const CHANGES =
  'deadlineChanges { previousDeadline previousProvisional deadline provisional cause noticeYear noticeVersion changedAt }';
const APPLY = `mutation Apply($input: ApplyForSharingInput!) { applyForSharing(input: $input) { id submittedAt deadline deadlineProvisional ${CHANGES} } }`;
const APPLICATION = `query Application($id: ID!) { sharingApplication(id: $id) { id deadline deadlineProvisional ${CHANGES} } }`;
const REPORT = `mutation Report($input: ReportDataCorrectionInput!) { reportDataCorrection(input: $input) { id reportedAt deadline deadlineProvisional ${CHANGES} } }`;
const CORRECTION = `query Correction($id: ID!) { dataCorrection(id: $id) { id deadline deadlineProvisional ${CHANGES} } }`;
const ENTER = `mutation Enter($input: EnterWorkingDayNoticeInput!) {
  enterWorkingDayNotice(input: $input) { year version holidays workdays source publishedOn reason unusualTotal deadlinesChanged enteredBy enteredAt }
}`;
const COVERAGE = `query Coverage { workingDayCalendar { officialYears { year from source version } officialUntil firstProvisionalYear warning } }`;
const NOTICES = `query Notices($year: Int) { workingDayNotices(year: $year) { year version reason deadlinesChanged } }`;
const STATUTORY = `query Statutory($year: Int!) { statutoryHolidays(year: $year) { day name } }`;

// A made-up arrangement for 2027, for this test only: the real notice for 2027 is not known here
// and the hub ships none. The statutory weekdays off; the six statutory days on a weekend made up on
// weekdays; Thu 02-11 and Fri 02-12 bridged, paid back by Saturdays 01-30 and 02-20 (13 net).
const NOTICE_2027 = {
  year: 2027,
  holidays: [
    '2027-01-01',
    ...['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
    '2027-04-05',
    ...['2027-05-03', '2027-05-04'],
    '2027-06-09',
    '2027-09-15',
    ...['2027-10-01', '2027-10-04', '2027-10-05'],
  ],
  workdays: ['2027-01-30', '2027-02-20'],
  source: '测试用安排（非真实通知）：2027年部分节假日安排',
  publishedOn: '2026-11-20',
  unusualTotalConfirmed: false,
};

/** Days a correction counts here: enough to reach the Spring Festival of 2027 from December 2026. */
const CORRECTION_WORKING_DAYS = 60;

interface Change {
  previousDeadline: string;
  previousProvisional: boolean;
  deadline: string;
  provisional: boolean;
  cause: string;
  noticeYear: number | null;
  noticeVersion: number | null;
  changedAt: string;
}
interface Dated {
  id: string;
  deadline: string;
  deadlineProvisional: boolean;
  deadlineChanges: Change[];
}
interface HealthCheck {
  status: string;
  error?: string;
  detail?: {
    officialYears: Array<{ year: number; from: string; source?: string; version?: number }>;
    officialUntil: string | null;
    firstProvisionalYear: number;
  };
}

describe('the working-day calendar never runs out silently', () => {
  let hub: TestHub;
  let db: pg.Client;
  let policyEvents: EventCollector;
  let applicationEvents: EventCollector;
  let correctionEvents: EventCollector;
  const person = aPerson().with({ sourceDepartment: DEPARTMENTS.publicSecurity, sourceSystem: 'fs-psb-hukou' }).build();
  // Filled in as the story goes.
  let fresh: Dated & { submittedAt: string };
  let lateDecember: Dated;
  let correction: Dated & { reportedAt: string };

  const as = (key: string, purpose: string | null = null) => ({ key, purpose });
  const admin = () => as(hub.keys.admin.key);
  const enter = (input: Record<string, unknown>, access = admin()) =>
    hub.graphql<{ enterWorkingDayNotice: Record<string, unknown> }>(ENTER, { input }, {}, access);
  const application = async (id: string) =>
    (await hub.graphql<{ sharingApplication: Dated }>(APPLICATION, { id }, {}, as(hub.keys.humanResources.key))).data!
      .sharingApplication;
  const readCorrection = async (id: string) =>
    (await hub.graphql<{ dataCorrection: Dated }>(CORRECTION, { id }, {}, as(hub.keys.population.key))).data!
      .dataCorrection;
  const health = async (app: string) => {
    const response = await fetch(`${hub.subgraphUrls[app]}/health`);
    return {
      http: response.status,
      body: (await response.json()) as { status: string; checks: Record<string, HealthCheck> },
    };
  };
  const violations = (result: GraphQLResponse) =>
    (result.errors?.[0]?.extensions?.violations as Array<{ field: string; code: string }> | undefined)?.map(
      (v) => `${v.field} ${v.code}`,
    );

  beforeAll(async () => {
    hub = await TestHub.start({ env: { DATA_CORRECTION_WORKING_DAYS: String(CORRECTION_WORKING_DAYS) } });
    db = new pg.Client({ connectionString: hub.database.url });
    await db.connect();
    policyEvents = await hub.collect(CATALOG_POLICY_TOPIC);
    applicationEvents = await hub.collect(CATALOG_SHARING_APPLICATION_TOPIC);
    correctionEvents = await hub.collect(ONCE_ONLY_DATA_CORRECTION_TOPIC);
    expect((await hub.graphql(REGISTER_PERSON, { input: person })).errors).toBeUndefined();
  });
  afterAll(async () => {
    await Promise.all([policyEvents?.close(), applicationEvents?.close(), correctionEvents?.close()]);
    await db?.end();
    await hub?.close();
  });

  it('says on /health of the catalog and the once-only app which years are official, degraded but serving from 60 days before they run out', async () => {
    const coverage = calendarCoverage(loadWorkingDayCalendar(), new Date());
    // The hub ships 2025 and 2026; this suite is meant for the weeks before 2027's notice is entered.
    expect(coverage.firstProvisionalYear).toBe(2027);
    for (const app of ['catalog', 'once-only']) {
      const { http, body } = await health(app);
      expect(http, app).toBe(200);
      const check = body.checks['working-day-calendar'];
      expect(check.detail, app).toEqual({
        officialYears: [
          { year: 2025, from: 'file' },
          { year: 2026, from: 'file' },
        ],
        officialUntil: '2026-12-31',
        firstProvisionalYear: 2027,
      });
      if (coverage.warning) {
        expect(check, app).toMatchObject({ status: 'unavailable', error: coverage.warning });
        expect(check.error).toMatch(/notice for 2027 \(enterWorkingDayNotice\)/);
        expect(body.status, app).toBe('degraded');
      } else {
        expect(check.status, app).toBe('ok');
      }
    }
    const answer = await hub.graphql<{ workingDayCalendar: Record<string, unknown> }>(
      COVERAGE,
      {},
      {},
      as(hub.keys.tax.key),
    );
    expect(answer.data?.workingDayCalendar).toEqual({
      officialYears: [
        { year: 2025, from: 'FILE', source: null, version: null },
        { year: 2026, from: 'FILE', source: null, version: null },
      ],
      officialUntil: '2026-12-31',
      firstProvisionalYear: 2027,
      warning: coverage.warning,
    });
  });

  it('lists the statutory holidays a year without its notice counts', async () => {
    const answer = await hub.graphql<{ statutoryHolidays: Array<{ day: string; name: string }> }>(
      STATUTORY,
      { year: 2027 },
      {},
      as(hub.keys.tax.key),
    );
    expect(answer.data?.statutoryHolidays.filter((h) => h.name.startsWith('春节'))).toEqual([
      { day: '2027-02-05', name: '春节（除夕）' },
      { day: '2027-02-06', name: '春节（正月初一）' },
      { day: '2027-02-07', name: '春节（正月初二）' },
      { day: '2027-02-08', name: '春节（正月初三）' },
    ]);
    const outside = await hub.graphql(STATUTORY, { year: 1999 }, {}, as(hub.keys.tax.key));
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'YEAR_INVALID' });
  });

  it('gives a new application a deadline that says whether it is provisional', async () => {
    const today = chinaDate(new Date());
    const result = await hub.graphql<{ applyForSharing: Dated & { submittedAt: string } }>(
      APPLY,
      {
        input: {
          resourceCode: '101003001/000001',
          items: [1],
          purpose: '社会保险待遇资格认证',
          legalBasis: '《社会保险法》第七十三条',
          requestedFrom: today,
          requestedTo: today,
          fullValues: false,
        },
      },
      {},
      as(hub.keys.humanResources.key),
    );
    expect(result.errors).toBeUndefined();
    fresh = result.data!.applyForSharing;
    const expected = deadlineOf(new Date(fresh.submittedAt), loadWorkingDayCalendar());
    expect(fresh).toMatchObject({
      deadline: expected.deadline,
      deadlineProvisional: expected.provisional,
      deadlineChanges: [],
    });
  });

  it('counts again, as at every start, a deadline given before statutory holidays were applied: New Year’s Day 2027 is not one', async () => {
    // An application submitted on Friday 2026-12-18, as the hub answered it before: 2027-01-01.
    const result = await hub.graphql<{ applyForSharing: Dated }>(
      APPLY,
      {
        input: {
          resourceCode: '101003001/000001',
          items: [2],
          purpose: '社会保险待遇资格认证',
          legalBasis: '《社会保险法》第七十三条',
          requestedFrom: '2027-01-04',
          requestedTo: '2027-06-30',
          fullValues: false,
        },
      },
      {},
      as(hub.keys.humanResources.key),
    );
    expect(result.errors).toBeUndefined();
    lateDecember = result.data!.applyForSharing;
    await db.query(
      `UPDATE catalog.sharing_application SET submitted_at = '2026-12-18T10:00:00+08:00', deadline = '2027-01-01', deadline_provisional = false WHERE id = $1`,
      [lateDecember.id],
    );

    await hub.app('catalog').get(WorkingDayNoticeService).onApplicationBootstrap();
    const counted = await application(lateDecember.id);
    expect(counted).toMatchObject({ deadline: '2027-01-04', deadlineProvisional: true });
    expect(counted.deadlineChanges).toEqual([
      {
        previousDeadline: '2027-01-01',
        previousProvisional: false,
        deadline: '2027-01-04',
        provisional: true,
        cause: 'CALENDAR',
        noticeYear: null,
        noticeVersion: null,
        changedAt: expect.any(String),
      },
    ]);
    const events = await applicationEvents.waitFor((ms) =>
      ms.some((m) => m.key === lateDecember.id && JSON.parse(m.value).change === 'deadline-changed'),
    );
    const event = events.find((m) => m.key === lateDecember.id && JSON.parse(m.value).change === 'deadline-changed')!;
    expect(JSON.parse(event.value)).toMatchObject({
      id: lateDecember.id,
      status: 'SUBMITTED',
      deadline: '2027-01-04',
      deadlineProvisional: true,
      previousDeadline: '2027-01-01',
    });
    expect(schemaErrors(event.headers.ce_type, JSON.parse(event.value))).toEqual([]);
    // Counting again changes nothing more.
    await hub.app('catalog').get(WorkingDayNoticeService).onApplicationBootstrap();
    expect((await application(lateDecember.id)).deadlineChanges).toHaveLength(1);
  });

  it('gives a data correction reaching into 2027 a provisional deadline that skips its statutory holidays', async () => {
    const result = await hub.graphql<{ reportDataCorrection: Dated & { reportedAt: string } }>(
      REPORT,
      {
        input: {
          subject: person.idNumber,
          field: 'Person.name',
          proposedValue: '校核更正',
          reason: '纳税人提供的户口簿姓名与人口库不一致',
        },
      },
      {},
      as(hub.keys.tax.key, '税务登记信息核验'),
    );
    expect(result.errors).toBeUndefined();
    correction = result.data!.reportDataCorrection;
    const expected = deadlineOf(new Date(correction.reportedAt), loadWorkingDayCalendar(), CORRECTION_WORKING_DAYS);
    expect(expected.provisional).toBe(true);
    expect(correction).toMatchObject({ deadline: expected.deadline, deadlineProvisional: true, deadlineChanges: [] });
    const weekendsOnly = deadlineOf(
      new Date(correction.reportedAt),
      loadWorkingDayCalendar(undefined, { statutoryHolidays: false }),
      CORRECTION_WORKING_DAYS,
    );
    expect(correction.deadline > weekendsOnly.deadline).toBe(true);
  });

  it('lets only an admin enter a notice', async () => {
    for (const key of [hub.keys.hubSteward.key, hub.keys.psbSteward.key, hub.keys.harness.key]) {
      const refused = await enter(NOTICE_2027, as(key));
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRoles: ['ADMIN'] });
    }
    expect(
      (await hub.graphql<{ workingDayNotices: unknown[] }>(NOTICES, {}, {}, admin())).data?.workingDayNotices,
    ).toEqual([]);
  });

  it('refuses a notice that does not add up, naming each field with a stable code', async () => {
    const outside = await enter({
      ...NOTICE_2027,
      holidays: [...NOTICE_2027.holidays, '2028-01-03', '2027-02-06'],
      workdays: [...NOTICE_2027.workdays, '2027-03-03'],
    });
    expect(outside.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(violations(outside)).toEqual([
      'input.holidays[15] DAY_OUTSIDE_YEAR',
      'input.holidays[16] HOLIDAY_ON_WEEKEND',
      'input.workdays[2] WORKDAY_NOT_ON_WEEKEND',
    ]);
    const missing = await enter({ ...NOTICE_2027, holidays: NOTICE_2027.holidays.filter((d) => d !== '2027-02-05') });
    expect(violations(missing)).toEqual(['input.holidays STATUTORY_DAY_MISSING']);
    expect(missing.errors?.[0].message).toContain('2027-02-05 (春节（除夕）)');
    const unusual = await enter({ ...NOTICE_2027, workdays: ['2027-01-30'] });
    expect(violations(unusual)).toEqual(['input.holidays TOTAL_UNUSUAL']);
    const both = await enter({ ...NOTICE_2027, workdays: [...NOTICE_2027.workdays, '2027-02-09'], source: '通知' });
    expect(violations(both)).toEqual([
      'input.workdays[2] DAY_BOTH_HOLIDAY_AND_WORKDAY',
      'input.workdays[2] WORKDAY_NOT_ON_WEEKEND',
      'input.source SOURCE_REQUIRED',
    ]);
    const badYear = await enter({ ...NOTICE_2027, year: 2200 });
    expect(violations(badYear)).toEqual(['input.year YEAR_INVALID']);
    const badDay = await enter({ ...NOTICE_2027, publishedOn: '2026-02-30' });
    expect(badDay.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // Nothing was kept, nothing was published.
    expect(
      (await hub.graphql<{ workingDayNotices: unknown[] }>(NOTICES, {}, {}, admin())).data?.workingDayNotices,
    ).toEqual([]);
    expect(policyEvents.messages.filter((m) => m.headers.ce_type === CATALOG_EVENT.workingDayNoticeEntered)).toEqual(
      [],
    );
  });

  it('takes an admin’s notice: recorded, published on the policy topic, deadlines already given counted again and no longer provisional', async () => {
    const result = await enter(NOTICE_2027);
    expect(result.errors).toBeUndefined();
    expect(result.data?.enterWorkingDayNotice).toMatchObject({
      year: 2027,
      version: 1,
      holidays: [...NOTICE_2027.holidays].sort(),
      workdays: NOTICE_2027.workdays,
      source: NOTICE_2027.source,
      publishedOn: '2026-11-20',
      reason: null,
      unusualTotal: false,
      enteredBy: hub.keys.admin.principal.keyId,
    });
    expect(result.data?.enterWorkingDayNotice.deadlinesChanged).toBeGreaterThanOrEqual(1);

    const published = await policyEvents.waitFor((ms) =>
      ms.some((m) => m.headers.ce_type === CATALOG_EVENT.workingDayNoticeEntered),
    );
    const event = published.find((m) => m.headers.ce_type === CATALOG_EVENT.workingDayNoticeEntered)!;
    expect(event.key).toBe('2027');
    expect(schemaErrors(event.headers.ce_type, JSON.parse(event.value))).toEqual([]);
    expect(JSON.parse(event.value)).toMatchObject({
      year: 2027,
      version: 1,
      holidays: [...NOTICE_2027.holidays].sort(),
      workdays: NOTICE_2027.workdays,
    });

    // The application of 2026-12-18: the same day (01-04), now official, its history showing both counts.
    const counted = await application(lateDecember.id);
    expect(counted).toMatchObject({ deadline: '2027-01-04', deadlineProvisional: false });
    expect(
      counted.deadlineChanges.map((c) => [
        c.cause,
        c.previousDeadline,
        c.previousProvisional,
        c.deadline,
        c.provisional,
        c.noticeYear,
        c.noticeVersion,
      ]),
    ).toEqual([
      ['CALENDAR', '2027-01-01', false, '2027-01-04', true, null, null],
      ['NOTICE', '2027-01-04', true, '2027-01-04', false, 2027, 1],
    ]);
    // An application whose days counted all lie in 2026 is left alone.
    if (!fresh.deadlineProvisional) expect((await application(fresh.id)).deadlineChanges).toEqual([]);
  });

  it('has the once-only app count its corrections again within seconds of the notice', async () => {
    const expected = deadlineOf(
      new Date(correction.reportedAt),
      loadWorkingDayCalendar().withNotice(NOTICE_2027),
      CORRECTION_WORKING_DAYS,
    );
    let seen: Dated | undefined;
    await hub.eventually(async () => {
      seen = await readCorrection(correction.id);
      expect(seen.deadlineChanges).toHaveLength(1);
    }, 10_000);
    expect(seen).toMatchObject({ deadline: expected.deadline, deadlineProvisional: expected.provisional });
    expect(seen!.deadlineChanges[0]).toMatchObject({
      previousDeadline: correction.deadline,
      previousProvisional: true,
      deadline: expected.deadline,
      cause: 'NOTICE',
      noticeYear: 2027,
      noticeVersion: 1,
    });
    // The correction's event says so, schema-valid.
    const messages = await correctionEvents.waitFor((ms) =>
      ms.some((m) => JSON.parse(m.value).id === correction.id && JSON.parse(m.value).previousDeadline),
    );
    const event = messages.find(
      (m) => JSON.parse(m.value).id === correction.id && JSON.parse(m.value).previousDeadline,
    )!;
    expect(JSON.parse(event.value)).toMatchObject({
      status: 'ROUTED',
      deadline: expected.deadline,
      previousDeadline: correction.deadline,
    });
    expect(schemaErrors(event.headers.ce_type, JSON.parse(event.value))).toEqual([]);
  });

  it('reports 2027 as official on /health and in the catalog’s answer', async () => {
    const official = { year: 2027, from: 'notice', source: NOTICE_2027.source, version: 1 };
    await hub.eventually(async () => {
      for (const app of ['catalog', 'once-only']) {
        const { body } = await health(app);
        expect(body.checks['working-day-calendar'].detail, app).toMatchObject({
          officialUntil: '2027-12-31',
          firstProvisionalYear: 2028,
        });
        expect(body.checks['working-day-calendar'].detail?.officialYears.at(-1), app).toEqual(official);
      }
    }, 10_000);
    const coverage = calendarCoverage(loadWorkingDayCalendar().withNotice(NOTICE_2027), new Date());
    const answer = await hub.graphql<{ workingDayCalendar: { officialUntil: string; warning: string | null } }>(
      COVERAGE,
      {},
      {},
      as(hub.keys.tax.key),
    );
    expect(answer.data?.workingDayCalendar).toMatchObject({ officialUntil: '2027-12-31', warning: coverage.warning });
  });

  it('takes a corrected version only with a reason, and keeps every version', async () => {
    const noReason = await enter(NOTICE_2027);
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REASON_REQUIRED' });
    // The correction: Monday 01-04 bridged too, paid back by Saturday 01-09 (still 13 net).
    const corrected = await enter({
      ...NOTICE_2027,
      holidays: [...NOTICE_2027.holidays, '2027-01-04'],
      workdays: [...NOTICE_2027.workdays, '2027-01-09'],
      reason: '更正：元旦假期连休至1月4日，1月9日（周六）上班',
    });
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data?.enterWorkingDayNotice).toMatchObject({
      version: 2,
      reason: '更正：元旦假期连休至1月4日，1月9日（周六）上班',
    });
    // 2026-12-18 + 10 working days: 12-21 … 12-31 (9), 01-04 off now, Tue 01-05 (10).
    const moved = await application(lateDecember.id);
    expect(moved).toMatchObject({ deadline: '2027-01-05', deadlineProvisional: false });
    expect(moved.deadlineChanges.at(-1)).toMatchObject({
      previousDeadline: '2027-01-04',
      deadline: '2027-01-05',
      cause: 'NOTICE',
      noticeYear: 2027,
      noticeVersion: 2,
    });
    const versions = await hub.graphql<{
      workingDayNotices: Array<{ year: number; version: number; reason: string | null }>;
    }>(NOTICES, { year: 2027 }, {}, as(hub.keys.tax.key));
    expect(versions.data?.workingDayNotices.map((n) => [n.year, n.version])).toEqual([
      [2027, 2],
      [2027, 1],
    ]);
    const events = await policyEvents.waitFor(
      (ms) => ms.filter((m) => m.headers.ce_type === CATALOG_EVENT.workingDayNoticeEntered).length >= 2,
    );
    const second = events.filter((m) => m.headers.ce_type === CATALOG_EVENT.workingDayNoticeEntered)[1];
    expect(schemaErrors(second.headers.ce_type, JSON.parse(second.value))).toEqual([]);
    expect(JSON.parse(second.value)).toMatchObject({ version: 2, reason: expect.stringContaining('更正') });
  });
});
