import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTER_PERSON, aPerson } from '../support/fixtures.js';
import { DEPARTMENTS } from '../support/test-access.js';
import { TestHub } from '../support/test-hub.js';

const PROVENANCE = `query($id: String!) { person(idNumber: $id) { name provenance { sourceDepartment sourceSystem } } }`;
const REPORT = `mutation($input: ReportDataCorrectionInput!) { reportDataCorrection(input: $input) { id status sourceDepartment sourceSystem } }`;
const REJECT = `mutation($input: RejectDataCorrectionInput!) { rejectDataCorrection(input: $input) { id status } }`;

/** A write names its source, and the source is the writer: a system writes as itself, an admin for a department with a reason. */
describe('attribution', () => {
  let hub: TestHub;
  let db: pg.Client;

  const provenanceOf = async (idNumber: string) =>
    (
      await hub.graphql<{
        person: { name: string; provenance: { sourceDepartment: string; sourceSystem: string } } | null;
      }>(PROVENANCE, { id: idNumber }, {}, { key: hub.keys.population.key })
    ).data?.person ?? null;

  beforeAll(async () => {
    hub = await TestHub.start();
    db = new pg.Client({ connectionString: hub.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await hub?.close();
  });

  it('refuses a provider system’s record that names another department or system as its source', async () => {
    // The hukou system registers a person "from the tax bureau": corrections would go to the tax bureau.
    const borrowed = aPerson().with({ sourceDepartment: DEPARTMENTS.tax, sourceSystem: 'fs-tax-collection' }).build();
    const refused = await hub.graphql(REGISTER_PERSON, { input: borrowed }, {}, { key: hub.keys.population.key });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'SOURCE_NOT_CALLER',
      field: 'input.sourceDepartment',
    });
    expect(await provenanceOf(borrowed.idNumber as string)).toBeNull();
    // Its own department with another system's code: refused too.
    const otherSystem = aPerson().with({ sourceSystem: 'fs-psb-other' }).build();
    expect((await hub.graphql(REGISTER_PERSON, { input: otherSystem })).errors?.[0].extensions).toMatchObject({
      code: 'SOURCE_NOT_CALLER',
      field: 'input.sourceSystem',
    });
    // As itself: stored, with the source it really is.
    const own = aPerson().build();
    expect((await hub.graphql(REGISTER_PERSON, { input: own })).errors).toBeUndefined();
    expect(await provenanceOf(own.idNumber as string)).toMatchObject({
      provenance: { sourceDepartment: DEPARTMENTS.publicSecurity, sourceSystem: 'fs-psb-hukou' },
    });
  });

  it('attributes an extract’s rows to the sending system, and rejects the rows that name another source', async () => {
    const own = aPerson().build();
    const { sourceDepartment: _d, sourceSystem: _s, ...bare } = aPerson().build();
    const foreign = aPerson()
      .with({ sourceDepartment: DEPARTMENTS.marketRegulation, sourceSystem: 'fs-amr-registration' })
      .build();
    const body = [own, bare, foreign].map((r) => JSON.stringify(r)).join('\n');
    const report = (await (await hub.ingest('persons', body, 'application/x-ndjson')).json()) as {
      registered: number;
      rejected: number;
      rejections: Array<{ line: number; code: string; field: string }>;
    };
    expect(report).toMatchObject({ registered: 2, rejected: 1 });
    expect(report.rejections).toEqual([
      expect.objectContaining({ line: 3, code: 'SOURCE_NOT_CALLER', field: 'sourceDepartment' }),
    ]);
    expect(await provenanceOf(bare.idNumber as string)).toMatchObject({
      provenance: { sourceDepartment: DEPARTMENTS.publicSecurity, sourceSystem: 'fs-psb-hukou' },
    });
    expect(await provenanceOf(foreign.idNumber as string)).toBeNull();
    // Naming another department for the whole extract: refused at once, nothing read.
    const query = `?sourceDepartment=${DEPARTMENTS.tax}&sourceSystem=fs-tax-collection`;
    const whole = await hub.ingest('persons', `${JSON.stringify(bare)}\n`, 'application/x-ndjson', {}, query);
    expect(whole.status).toBe(400);
    expect(await whole.json()).toMatchObject({ code: 'SOURCE_NOT_CALLER' });
  });

  it('lets an admin write for a department only with a reason, and records who and why', async () => {
    const forPsb = aPerson().build();
    const silent = await hub.graphql(
      REGISTER_PERSON,
      { input: forPsb },
      {},
      { key: hub.keys.admin.key, purpose: null },
    );
    expect(silent.errors?.[0].extensions).toMatchObject({ code: 'ADMIN_REASON_REQUIRED', field: 'purpose' });
    expect(await provenanceOf(forPsb.idNumber as string)).toBeNull();
    const reason = '户籍系统故障期间代为登记（工单 OPS-2026-118）';
    const registered = await hub.graphql(
      REGISTER_PERSON,
      { input: forPsb },
      {},
      { key: hub.keys.admin.key, purpose: reason },
    );
    expect(registered.errors).toBeUndefined();
    expect(await provenanceOf(forPsb.idNumber as string)).toMatchObject({
      provenance: { sourceDepartment: DEPARTMENTS.publicSecurity },
    });
    const recorded = await hub.eventually(async () => {
      const { rows } = await db.query(
        `SELECT key_id, roles, purpose, outcome FROM catalog.access_record WHERE operation_type = 'mutation' AND $1 = ANY(subjects) AND outcome = 'ALLOWED'`,
        [`PERSON:${forPsb.idNumber as string}`],
      );
      expect(rows).toHaveLength(1);
      return rows[0] as { key_id: string; roles: string[]; purpose: string };
    });
    // Recorded as the hub records every purpose: NFKC-normalised (the fullwidth brackets become ASCII).
    expect(recorded).toMatchObject({
      key_id: hub.keys.admin.principal.keyId,
      roles: ['ADMIN'],
      purpose: reason.normalize('NFKC'),
    });
  });

  it('routes a correction to the verified source, and only that source answers it', async () => {
    const person = aPerson().build();
    expect((await hub.graphql(REGISTER_PERSON, { input: person })).errors).toBeUndefined();
    const reported = await hub.graphql<{
      reportDataCorrection: { id: string; status: string; sourceDepartment: string; sourceSystem: string };
    }>(
      REPORT,
      {
        input: {
          subject: person.idNumber,
          field: 'Person.name',
          reason: '与纳税人登记信息不一致',
          proposedValue: '王五',
        },
      },
      {},
      { key: hub.keys.tax.key },
    );
    expect(reported.errors).toBeUndefined();
    const correction = reported.data!.reportDataCorrection;
    expect(correction).toMatchObject({
      status: 'ROUTED',
      sourceDepartment: DEPARTMENTS.publicSecurity,
      sourceSystem: 'fs-psb-hukou',
    });
    // The market regulator's system is no source of the person: it may not close the report.
    const hijack = await hub.graphql(
      REJECT,
      { input: { id: correction.id, reason: '记录无误，不予更正' } },
      {},
      { key: hub.keys.legalEntity.key },
    );
    expect(hijack.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const answered = await hub.graphql<{ rejectDataCorrection: { status: string } }>(
      REJECT,
      { input: { id: correction.id, reason: '记录无误，不予更正' } },
      {},
      { key: hub.keys.population.key },
    );
    expect(answered.data?.rejectDataCorrection.status).toBe('REJECTED');
  });
});
