import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@hub/identifiers';
import { MaskingRule, maskValue } from '@hub/policy';
import { loadWorkingDayCalendar, responseDeadline } from '@hub/working-days';
import { ONCE_ONLY_DATA_CORRECTION_TOPIC, ONCE_ONLY_EVENT } from '@hub/contracts';
import { schemaErrors } from './support/event-schemas.js';
import { REGISTER, REGISTER_PERSON, aLegalEntity, aPerson } from './support/fixtures.js';
import { DEPARTMENTS } from './support/test-access.js';
import { TestHub, type EventCollector } from './support/test-hub.js';

const FIELDS = `id subjectType subjectId field reportedValue proposedValue reason evidence reporterDepartment reporterSystem reportedAt
  sourceDepartment sourceSystem deadline overdue status resolvedAt resolutionReason correctedValue correctionEvent correctionVersion`;
const REPORT = `mutation Report($input: ReportDataCorrectionInput!) { reportDataCorrection(input: $input) { ${FIELDS} } }`;
const REJECT = `mutation Reject($input: RejectDataCorrectionInput!) { rejectDataCorrection(input: $input) { ${FIELDS} } }`;
const CORRECTION = `query Correction($id: ID!) { dataCorrection(id: $id) { ${FIELDS} } }`;
const CORRECTIONS = `query Corrections($role: DataCorrectionRole!, $status: DataCorrectionStatus, $first: Int!, $after: String) {
  dataCorrections(role: $role, status: $status, first: $first, after: $after) { nodes { id status field subjectId } pageInfo { hasNextPage endCursor } }
}`;
const OVERDUE = `query Overdue { overdueDataCorrections(first: 100) { nodes { id status deadline overdue } pageInfo { hasNextPage } } }`;
const CHANGE_PERSON = `mutation ChangePerson($input: ChangePersonInput!) { changePerson(input: $input) { outcome person { name provenance { version } } } }`;
const CHANGE_LEGAL_ENTITY = `mutation ChangeLegalEntity($input: ChangeLegalEntityInput!) { changeLegalEntity(input: $input) { outcome } }`;
const NAME = `query Name($id: String!) { person(idNumber: $id) { name } }`;
// A record's history is its provider's to read: it names the change event of each version.
const PERSON_LAST_CHANGE = `query PersonLastChange($id: String!) { person(idNumber: $id) { history(last: 1) { version changeType eventId } } }`;
const ENTITY_LAST_CHANGE = `query EntityLastChange($id: String!) { legalEntity(uscc: $id) { history(last: 1) { version changeType eventId } } }`;

interface Correction {
  id: string;
  subjectType: string;
  subjectId: string;
  field: string;
  reportedValue: string | null;
  proposedValue: string | null;
  reason: string;
  evidence: string[];
  reporterDepartment: string;
  reporterSystem: string | null;
  reportedAt: string;
  sourceDepartment: string;
  sourceSystem: string | null;
  deadline: string;
  overdue: boolean;
  status: string;
  resolvedAt: string | null;
  resolutionReason: string | null;
  correctedValue: string | null;
  correctionEvent: string | null;
  correctionVersion: number | null;
}

describe('data correction (校核纠错): report, route to the source, resolve through the library', () => {
  let hub: TestHub;
  let db: pg.Client;
  let correctionEvents: EventCollector;
  // The population's record, held by the public-security bureau's hukou system (一数一源).
  const person = aPerson().with({ sourceDepartment: DEPARTMENTS.publicSecurity, sourceSystem: 'fs-psb-hukou' }).build();
  const NEW_NAME = '校核更正后';
  // Filled in as the story goes.
  let nameReport: Correction;
  let phoneReport: Correction;

  const as = (key: string, purpose: string | null = '税务登记信息核验') => ({ key, purpose });
  const tax = () => as(hub.keys.tax.key);
  const psb = () => as(hub.keys.population.key, null);
  const report = (input: Record<string, unknown>, access = tax()) =>
    hub.graphql<{ reportDataCorrection: Correction }>(REPORT, { input }, {}, access);
  const reject = (id: string, reason: string | undefined, access = psb()) =>
    hub.graphql<{ rejectDataCorrection: Correction }>(REJECT, { input: { id, reason } }, {}, access);
  const correctionAs = async (id: string, key: string) =>
    hub.graphql<{ dataCorrection: Correction | null }>(CORRECTION, { id }, {}, as(key, null));
  const listAs = async (key: string, role: 'REPORTED' | 'TO_ANSWER', extra: Record<string, unknown> = {}) => {
    const result = await hub.graphql<{
      dataCorrections: {
        nodes: Array<Pick<Correction, 'id' | 'status' | 'field' | 'subjectId'>>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    }>(CORRECTIONS, { role, first: 100, ...extra }, {}, as(key, null));
    expect(result.errors).toBeUndefined();
    return result.data!.dataCorrections;
  };
  const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    result.errors?.[0]?.extensions;
  /** The data-correction events of one correction, each checked against its JSON Schema. */
  const eventsOf = async (id: string, count: number) => {
    const messages = await correctionEvents.waitFor(
      (ms) => ms.filter((m) => JSON.parse(m.value).id === id).length >= count,
    );
    const mine = messages.filter((m) => JSON.parse(m.value).id === id);
    for (const m of mine) {
      expect(m.headers.ce_type).toBe(ONCE_ONLY_EVENT.dataCorrectionChanged);
      expect(schemaErrors(m.headers.ce_type, JSON.parse(m.value))).toEqual([]);
    }
    return mine.map((m) => ({ key: m.key, data: JSON.parse(m.value) as Record<string, unknown>, raw: m.value }));
  };

  beforeAll(async () => {
    hub = await TestHub.start();
    db = new pg.Client({ connectionString: hub.database.url });
    await db.connect();
    correctionEvents = await hub.collect(ONCE_ONLY_DATA_CORRECTION_TOPIC);
    // Registered by the population's provider system, the PSB's hukou system (the harness picks its key).
    const registered = await hub.graphql(REGISTER_PERSON, { input: person });
    expect(registered.errors).toBeUndefined();
  });
  afterAll(async () => {
    await correctionEvents?.close();
    await db?.end();
    await hub?.close();
  });

  it("routes a report from the tax system to the record's source department, due in 5 working days", async () => {
    // The tax system sees the name as the catalog lets it (masked) and believes it wrong.
    const seen = await hub.graphql<{ person: { name: string } }>(NAME, { id: person.idNumber }, {}, tax());
    expect(seen.errors).toBeUndefined();
    const served = seen.data!.person.name;
    expect(served).not.toBe(person.name);

    const result = await report({
      subject: person.idNumber,
      field: 'Person.name',
      reportedValue: served,
      proposedValue: NEW_NAME,
      reason: '纳税人提供的户口簿姓名与人口库不一致',
    });
    expect(result.errors).toBeUndefined();
    nameReport = result.data!.reportDataCorrection;
    // The report itself is governed by the catalog (数据校核纠错记录): without a full-value grant the
    // reporter reads the subject's ID masked and the values redacted, like any personal value.
    expect(nameReport).toMatchObject({
      subjectType: 'PERSON',
      subjectId: maskValue(MaskingRule.CITIZEN_ID, person.idNumber),
      field: 'Person.name',
      reportedValue: '******',
      proposedValue: '******',
      evidence: [],
      reporterDepartment: DEPARTMENTS.tax,
      reporterSystem: 'fs-tax-collection',
      sourceDepartment: DEPARTMENTS.publicSecurity,
      sourceSystem: 'fs-psb-hukou',
      status: 'ROUTED',
      overdue: false,
      resolvedAt: null,
      correctedValue: null,
      correctionEvent: null,
      correctionVersion: null,
    });
    // The source department, with full values granted, reads what was reported.
    expect((await correctionAs(nameReport.id, hub.keys.population.key)).data?.dataCorrection).toMatchObject({
      subjectId: person.idNumber,
      reportedValue: served,
      proposedValue: NEW_NAME,
    });
    const reportedAt = new Date(nameReport.reportedAt);
    expect(Math.abs(reportedAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(nameReport.deadline).toBe(responseDeadline(reportedAt, loadWorkingDayCalendar(), 5));

    // The event says who answers by when, and carries neither the value seen nor the one proposed.
    const [routed] = await eventsOf(nameReport.id, 1);
    expect(routed.key).toBe(person.idNumber);
    expect(routed.data).toMatchObject({
      status: 'ROUTED',
      field: 'Person.name',
      sourceDepartment: DEPARTMENTS.publicSecurity,
      reporterDepartment: DEPARTMENTS.tax,
      deadline: nameReport.deadline,
    });
    expect(routed.raw).not.toContain(NEW_NAME);
    expect(routed.raw).not.toContain(served);
  });

  it('shows the report to the source as one to answer, to the reporter as its own, and to no one else', async () => {
    const phone = await report({
      subject: person.idNumber,
      field: 'Person.phone',
      reason: '纳税人申报的联系电话与人口库不同',
    });
    expect(phone.errors).toBeUndefined();
    phoneReport = phone.data!.reportDataCorrection;

    const toAnswer = await listAs(hub.keys.population.key, 'TO_ANSWER');
    expect(toAnswer.nodes.map((n) => n.id)).toEqual([phoneReport.id, nameReport.id]); // newest first
    expect((await listAs(hub.keys.psbSteward.key, 'TO_ANSWER')).nodes.map((n) => n.id)).toEqual([
      phoneReport.id,
      nameReport.id,
    ]);
    expect((await listAs(hub.keys.population.key, 'REPORTED')).nodes).toEqual([]);
    expect((await listAs(hub.keys.tax.key, 'REPORTED')).nodes.map((n) => n.id)).toEqual([
      phoneReport.id,
      nameReport.id,
    ]);
    expect((await listAs(hub.keys.tax.key, 'TO_ANSWER')).nodes).toEqual([]);
    // Paged: one at a time, the cursor leads on.
    const first = await listAs(hub.keys.tax.key, 'REPORTED', { first: 1 });
    expect(first.nodes.map((n) => n.id)).toEqual([phoneReport.id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await listAs(hub.keys.tax.key, 'REPORTED', { first: 1, after: first.pageInfo.endCursor });
    expect(second.nodes.map((n) => n.id)).toEqual([nameReport.id]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    // A hub-wide steward sees all of them.
    expect((await listAs(hub.keys.hubSteward.key, 'REPORTED')).nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining([phoneReport.id, nameReport.id]),
    );

    for (const key of [hub.keys.tax.key, hub.keys.population.key, hub.keys.psbSteward.key, hub.keys.hubSteward.key]) {
      expect((await correctionAs(nameReport.id, key)).data?.dataCorrection?.status).toBe('ROUTED');
    }
    // Another department's system sees neither the report nor that it exists as anything but forbidden.
    const other = await correctionAs(nameReport.id, hub.keys.humanResources.key);
    expect(codeOf(other)).toMatchObject({ code: 'FORBIDDEN' });
    expect(JSON.stringify(other)).not.toContain(NEW_NAME);
    for (const id of [randomUUID(), 'not-a-report-id'])
      expect((await correctionAs(id, hub.keys.tax.key)).data?.dataCorrection).toBeNull();
  });

  it('closes the report when the source corrects its record through the library, within seconds', async () => {
    const source = {
      idNumber: person.idNumber,
      sourceDepartment: DEPARTMENTS.publicSecurity,
      sourceSystem: 'fs-psb-hukou',
      sourceRecordId: person.sourceRecordId,
    };
    const started = Date.now();
    const changed = await hub.graphql<{ changePerson: { outcome: string } }>(CHANGE_PERSON, {
      input: { ...source, version: 2, name: NEW_NAME },
    });
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.changePerson.outcome).toBe('CHANGED');

    const closed = await hub.eventually(async () => {
      const result = await correctionAs(nameReport.id, hub.keys.population.key);
      expect(result.data?.dataCorrection?.status).toBe('CORRECTED');
      return result.data!.dataCorrection!;
    });
    console.log(`data correction closed ${Date.now() - started} ms after changePerson`);
    // The event that corrected it is the library's own change event of version 2.
    const history = await hub.graphql<{
      person: { history: Array<{ version: number; changeType: string; eventId: string }> };
    }>(PERSON_LAST_CHANGE, { id: person.idNumber }, {}, as(hub.keys.population.key, '核对校核纠错的更正记录'));
    expect(history.errors).toBeUndefined();
    const [change] = history.data!.person.history;
    expect(change).toMatchObject({ version: 2, changeType: 'changed' });
    expect(closed).toMatchObject({
      correctedValue: NEW_NAME,
      correctionEvent: change.eventId,
      correctionVersion: 2,
      resolutionReason: null,
      overdue: false,
    });
    expect(Date.parse(closed.resolvedAt!)).toBeGreaterThanOrEqual(Date.parse(nameReport.reportedAt));

    // The library serves the new value (read by its source: how a name is masked depends on the reader).
    const served = await hub.graphql<{ person: { name: string } }>(NAME, { id: person.idNumber }, {}, psb());
    expect(served.data?.person.name).toBe(NEW_NAME);
    // The reporter sees the outcome; the value itself as its rights allow (redacted here, and the
    // library serves it the new name masked).
    expect((await correctionAs(nameReport.id, hub.keys.tax.key)).data?.dataCorrection).toMatchObject({
      status: 'CORRECTED',
      correctedValue: '******',
    });
    const seenByReporter = await hub.graphql<{ person: { name: string } }>(NAME, { id: person.idNumber }, {}, tax());
    expect(seenByReporter.data?.person.name).toBe(maskValue(MaskingRule.NAME, NEW_NAME));
    const events = await eventsOf(nameReport.id, 2);
    expect(events[1].data).toMatchObject({
      status: 'CORRECTED',
      correctedValue: NEW_NAME,
      correctionEvent: change.eventId,
      resolutionReason: null,
    });
    // A change of the name leaves the report on the phone open.
    expect((await correctionAs(phoneReport.id, hub.keys.tax.key)).data?.dataCorrection?.status).toBe('ROUTED');
    expect((await listAs(hub.keys.population.key, 'TO_ANSWER', { status: 'ROUTED' })).nodes.map((n) => n.id)).toEqual([
      phoneReport.id,
    ]);
  });

  it('lets only the source department reject, with a reason, and only an open report', async () => {
    // (No reason at all is refused by the schema: the field is required.)
    for (const reason of ['', '  ', '无']) {
      expect(codeOf(await reject(phoneReport.id, reason)), JSON.stringify(reason)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.reason',
        reason: 'REASON_REQUIRED',
      });
    }
    // Neither the reporter nor another department.
    expect(codeOf(await reject(phoneReport.id, '我方认为无误', tax()))).toMatchObject({
      code: 'FORBIDDEN',
      department: DEPARTMENTS.publicSecurity,
    });
    expect(codeOf(await reject(phoneReport.id, '我方认为无误', as(hub.keys.humanResources.key, null)))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await correctionAs(phoneReport.id, hub.keys.tax.key)).data?.dataCorrection?.status).toBe('ROUTED');

    const rejected = await reject(phoneReport.id, '经核户籍档案，联系电话为本人登记，无误');
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data!.rejectDataCorrection).toMatchObject({
      status: 'REJECTED',
      resolutionReason: '经核户籍档案，联系电话为本人登记，无误',
      correctedValue: null,
      correctionEvent: null,
    });
    // The reporter, without full values, learns that it was rejected; the reason, which may quote
    // the source's record, is masked like the values (docs/catalog.md §4).
    expect((await correctionAs(phoneReport.id, hub.keys.tax.key)).data?.dataCorrection).toMatchObject({
      status: 'REJECTED',
      resolutionReason: '******',
    });
    const events = await eventsOf(phoneReport.id, 2);
    expect(events[1].data).toMatchObject({
      status: 'REJECTED',
      resolutionReason: '经核户籍档案，联系电话为本人登记，无误',
      correctedValue: null,
    });

    // Closed is closed: rejected, or corrected by the library.
    expect(codeOf(await reject(phoneReport.id, '再次驳回'))).toMatchObject({
      code: 'CORRECTION_CLOSED',
      status: 'REJECTED',
    });
    expect(codeOf(await reject(nameReport.id, '已更正，无需驳回', as(hub.keys.psbSteward.key, null)))).toMatchObject({
      code: 'CORRECTION_CLOSED',
      status: 'CORRECTED',
    });
    expect(codeOf(await reject(randomUUID(), '没有这一条'))).toMatchObject({ code: 'CORRECTION_UNKNOWN' });
  });

  it('refuses reports it could not route or close', async () => {
    const base = { subject: person.idNumber, field: 'Person.name', reason: '姓名有误' };
    // A field the library's change event does not carry, one of the other kind of subject, an unknown one.
    for (const field of ['Person.status', 'LegalEntity.name', 'Person.shoeSize']) {
      const refused = await report({ ...base, field });
      expect(codeOf(refused), field).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.field',
        reason: 'FIELD_NOT_CORRECTABLE',
      });
      expect(refused.errors![0].message).toContain('Person.householdAddress');
    }
    // A valid citizen ID the population library does not hold; one with a wrong check digit.
    expect(codeOf(await report({ ...base, subject: aPerson().build().idNumber }))).toMatchObject({
      code: 'SUBJECT_UNKNOWN',
    });
    const last = person.idNumber.at(-1);
    expect(
      codeOf(await report({ ...base, subject: `${person.idNumber.slice(0, 17)}${last === '0' ? '1' : '0'}` })),
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SUBJECT_INVALID' });
    expect(codeOf(await report({ ...base, reason: '   ' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
      reason: 'REASON_REQUIRED',
    });
    expect(codeOf(await report({ ...base, reason: '长'.repeat(1001) }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });
    // Only a department system reports.
    expect(codeOf(await report(base, as(hub.keys.psbSteward.key, null)))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("takes materials of the subject's archive as evidence, and refuses any other", async () => {
    // Materials as the archive files them (its API is another feature's): one of this person, one of someone else.
    const own = randomUUID();
    const foreign = randomUUID();
    for (const [id, subjectId] of [
      [own, person.idNumber],
      [foreign, aPerson().build().idNumber],
    ]) {
      await db.query(
        `INSERT INTO once_only.material (id, subject_type, subject_id, kind, material_type, title, issuer_uscc, issued_on, status, filed_by_department, filed_by_key, filed_at)
         VALUES ($1, 'PERSON', $2, 'MATERIAL', 'household-register', '户口簿', $3, '2024-01-01', 'VALID', $3, 'abcdefghijkm', now())`,
        [id, subjectId, DEPARTMENTS.publicSecurity],
      );
    }
    const base = {
      subject: person.idNumber,
      field: 'Person.householdAddress',
      reason: '户口簿记载的户籍地址与人口库不同',
    };
    expect(codeOf(await report({ ...base, evidence: [own, foreign] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.evidence',
      reason: 'EVIDENCE_INVALID',
    });
    expect(codeOf(await report({ ...base, evidence: [randomUUID()] }))).toMatchObject({ reason: 'EVIDENCE_INVALID' });
    const accepted = await report({ ...base, evidence: [own] });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.reportDataCorrection).toMatchObject({
      status: 'ROUTED',
      evidence: [own],
      field: 'Person.householdAddress',
    });
  });

  it('lists a report unanswered past its deadline for supervision (督办)', async () => {
    const late = (
      await report({ subject: person.idNumber, field: 'Person.maritalStatus', reason: '婚姻状况与婚姻登记不一致' })
    ).data!.reportDataCorrection;
    expect(late.status).toBe('ROUTED');
    const onTime = (await report({ subject: person.idNumber, field: 'Person.ethnicity', reason: '民族与户口簿不一致' }))
      .data!.reportDataCorrection;
    // A week passing cannot be waited for: the deadline is moved back instead, as if reported long ago.
    const lastWeek = chinaDate(new Date(Date.now() - 7 * 86_400_000));
    await db.query(`UPDATE once_only.data_correction SET deadline = $2 WHERE id = $1`, [late.id, lastWeek]);

    const hubWide = await hub.graphql<{
      overdueDataCorrections: { nodes: Array<{ id: string; status: string; deadline: string; overdue: boolean }> };
    }>(OVERDUE, {}, {}, as(hub.keys.hubSteward.key, null));
    expect(hubWide.errors).toBeUndefined();
    expect(hubWide.data!.overdueDataCorrections.nodes).toEqual([
      { id: late.id, status: 'ROUTED', deadline: lastWeek, overdue: true },
    ]);
    const psbSteward = await hub.graphql<{ overdueDataCorrections: { nodes: Array<{ id: string }> } }>(
      OVERDUE,
      {},
      {},
      as(hub.keys.psbSteward.key, null),
    );
    expect(psbSteward.data!.overdueDataCorrections.nodes.map((n) => n.id)).toEqual([late.id]);
    expect(codeOf(await hub.graphql(OVERDUE, {}, {}, tax()))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await correctionAs(late.id, hub.keys.tax.key)).data?.dataCorrection?.overdue).toBe(true);
    expect((await correctionAs(onTime.id, hub.keys.tax.key)).data?.dataCorrection?.overdue).toBe(false);
    // Answered late is still answered, and no longer overdue.
    expect((await reject(late.id, '婚姻登记已核对，无误')).data?.rejectDataCorrection).toMatchObject({
      status: 'REJECTED',
      overdue: false,
    });
    const after = await hub.graphql<{ overdueDataCorrections: { nodes: unknown[] } }>(
      OVERDUE,
      {},
      {},
      as(hub.keys.hubSteward.key, null),
    );
    expect(after.data!.overdueDataCorrections.nodes).toEqual([]);
  });

  it("routes a company's record to its registration authority and closes on its change event", async () => {
    const entity = aLegalEntity()
      .with({ sourceDepartment: DEPARTMENTS.marketRegulation, sourceSystem: 'fs-amr-registration' })
      .build();
    expect((await hub.graphql(REGISTER, { input: entity })).errors).toBeUndefined();
    const reported = await report({
      subject: entity.uscc,
      field: 'LegalEntity.registeredAddress',
      reason: '实地核查地址与登记不符',
    });
    expect(reported.errors).toBeUndefined();
    const correction = reported.data!.reportDataCorrection;
    expect(correction).toMatchObject({
      subjectType: 'LEGAL_ENTITY',
      sourceDepartment: DEPARTMENTS.marketRegulation,
      sourceSystem: 'fs-amr-registration',
      status: 'ROUTED',
    });
    expect(codeOf(await report({ subject: entity.uscc, field: 'Person.name', reason: '名称有误' }))).toMatchObject({
      reason: 'FIELD_NOT_CORRECTABLE',
    });

    const source = {
      uscc: entity.uscc,
      sourceDepartment: DEPARTMENTS.marketRegulation,
      sourceSystem: 'fs-amr-registration',
      sourceRecordId: entity.sourceRecordId,
    };
    const changed = await hub.graphql(CHANGE_LEGAL_ENTITY, {
      input: { ...source, version: 2, registeredAddress: '核查后地址1号' },
    });
    expect(changed.errors).toBeUndefined();
    const closed = await hub.eventually(async () => {
      const result = await correctionAs(correction.id, hub.keys.legalEntity.key);
      expect(result.data?.dataCorrection?.status).toBe('CORRECTED');
      return result.data!.dataCorrection!;
    });
    // An address is held with its division: the keys that changed, as JSON.
    expect(JSON.parse(closed.correctedValue!)).toEqual({ registeredAddress: '核查后地址1号' });
    const history = await hub.graphql<{ legalEntity: { history: Array<{ version: number; eventId: string }> } }>(
      ENTITY_LAST_CHANGE,
      { id: entity.uscc },
      {},
      as(hub.keys.legalEntity.key, '核对校核纠错的更正记录'),
    );
    expect(history.errors).toBeUndefined();
    expect(closed).toMatchObject({
      correctionEvent: history.data!.legalEntity.history[0].eventId,
      correctionVersion: 2,
    });
    await eventsOf(correction.id, 2);
  });
});
