// Accepting a data correction (受理) through the gateway: only the record's source department (its
// system or its steward) accepts, only an open report; the report is then ACCEPTED — answered, no
// longer overdue — until the source's own system writes the record and the library's change event
// makes it CORRECTED with the version. Every state is an event valid against its JSON Schema; the
// working days left are counted with the hub's calendar, as the deadline is.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@hub/identifiers';
import { loadWorkingDayCalendar, workingDaysLeft } from '@hub/working-days';
import { ONCE_ONLY_DATA_CORRECTION_TOPIC, ONCE_ONLY_EVENT } from '@hub/contracts';
import { schemaErrors } from './support/event-schemas.js';
import { REGISTER_PERSON, aPerson } from './support/fixtures.js';
import { DEPARTMENTS } from './support/test-access.js';
import { TestHub, type EventCollector } from './support/test-hub.js';

const FIELDS =
  'id status deadline workingDaysLeft overdue resolvedAt resolutionReason correctedValue correctionEvent correctionVersion';
const REPORT = `mutation Report($input: ReportDataCorrectionInput!) { reportDataCorrection(input: $input) { ${FIELDS} } }`;
const ACCEPT = `mutation Accept($input: AcceptDataCorrectionInput!) { acceptDataCorrection(input: $input) { ${FIELDS} } }`;
const REJECT = `mutation Reject($input: RejectDataCorrectionInput!) { rejectDataCorrection(input: $input) { ${FIELDS} } }`;
const CORRECTION = `query Correction($id: ID!) { dataCorrection(id: $id) { ${FIELDS} } }`;
const OVERDUE = `query Overdue { overdueDataCorrections(first: 100) { nodes { id } } }`;
const CHANGE_PERSON = `mutation ChangePerson($input: ChangePersonInput!) { changePerson(input: $input) { outcome } }`;

interface Correction {
  id: string;
  status: string;
  deadline: string;
  workingDaysLeft: number;
  overdue: boolean;
  resolvedAt: string | null;
  resolutionReason: string | null;
  correctedValue: string | null;
  correctionEvent: string | null;
  correctionVersion: number | null;
}

describe('accepting a data correction (受理), then the source system corrects the record', () => {
  let hub: TestHub;
  let db: pg.Client;
  let events: EventCollector;
  const person = aPerson().with({ sourceDepartment: DEPARTMENTS.publicSecurity, sourceSystem: 'fs-psb-hukou' }).build();

  const as = (key: string, purpose: string | null = null) => ({ key, purpose });
  const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    result.errors?.[0]?.extensions;
  const report = async (field: string) => {
    const result = await hub.graphql<{ reportDataCorrection: Correction }>(
      REPORT,
      { input: { subject: person.idNumber, field, reason: '与户口簿记载不一致' } },
      {},
      as(hub.keys.tax.key, '税务登记信息核验'),
    );
    expect(result.errors).toBeUndefined();
    return result.data!.reportDataCorrection;
  };
  const accept = (id: string, key: string, note?: string) =>
    hub.graphql<{ acceptDataCorrection: Correction }>(ACCEPT, { input: { id, note } }, {}, as(key));
  const correctionOf = async (id: string) =>
    (await hub.graphql<{ dataCorrection: Correction }>(CORRECTION, { id }, {}, as(hub.keys.population.key))).data!
      .dataCorrection;

  beforeAll(async () => {
    hub = await TestHub.start();
    db = new pg.Client({ connectionString: hub.database.url });
    await db.connect();
    events = await hub.collect(ONCE_ONLY_DATA_CORRECTION_TOPIC);
    expect((await hub.graphql(REGISTER_PERSON, { input: person })).errors).toBeUndefined();
  });
  afterAll(async () => {
    await events?.close();
    await db?.end();
    await hub?.close();
  });

  it('counts the working days left with the hub calendar, negative once overdue', async () => {
    const fresh = await report('Person.ethnicity');
    expect(fresh.workingDaysLeft).toBe(workingDaysLeft(fresh.deadline, new Date(), loadWorkingDayCalendar()));
    expect(fresh.workingDaysLeft).toBeGreaterThan(0);
    // A week passing cannot be waited for: the deadline is moved back, as if reported long ago.
    const lastWeek = chinaDate(new Date(Date.now() - 7 * 86_400_000));
    await db.query(`UPDATE once_only.data_correction SET deadline = $2 WHERE id = $1`, [fresh.id, lastWeek]);
    const late = await correctionOf(fresh.id);
    expect(late).toMatchObject({ overdue: true, deadline: lastWeek });
    expect(late.workingDaysLeft).toBeLessThan(0);
    expect(late.workingDaysLeft).toBe(workingDaysLeft(lastWeek, new Date(), loadWorkingDayCalendar()));

    // Accepting answers it: no longer overdue, off the supervision list.
    const accepted = await accept(fresh.id, hub.keys.psbSteward.key);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptDataCorrection).toMatchObject({
      status: 'ACCEPTED',
      overdue: false,
      resolutionReason: null,
    });
    const overdue = await hub.graphql<{ overdueDataCorrections: { nodes: Array<{ id: string }> } }>(
      OVERDUE,
      {},
      {},
      as(hub.keys.hubSteward.key),
    );
    expect(overdue.data!.overdueDataCorrections.nodes.map((n) => n.id)).not.toContain(fresh.id);
  });

  it('lets only the source department accept, and only an open report', async () => {
    const name = await report('Person.name');
    // Neither the reporter nor another department's steward; a stable code and the department to ask.
    expect(codeOf(await accept(name.id, hub.keys.tax.key))).toMatchObject({
      code: 'FORBIDDEN',
      department: DEPARTMENTS.publicSecurity,
    });
    expect(codeOf(await accept(name.id, hub.keys.supervisor.key))).toMatchObject({
      code: 'FORBIDDEN',
      department: DEPARTMENTS.publicSecurity,
    });
    expect(codeOf(await accept(randomUUID(), hub.keys.psbSteward.key))).toMatchObject({ code: 'CORRECTION_UNKNOWN' });
    expect((await correctionOf(name.id)).status).toBe('ROUTED');

    // The source department's steward accepts, with a note for the reporter.
    const accepted = await accept(name.id, hub.keys.psbSteward.key, '  已核实，将于户籍系统更正  ');
    expect(accepted.errors).toBeUndefined();
    // (A steward holds no full-value grant: the note, which may quote the record, comes back masked like the values.)
    expect(accepted.data!.acceptDataCorrection).toMatchObject({
      status: 'ACCEPTED',
      resolutionReason: '******',
      correctedValue: null,
      correctionVersion: null,
    });
    expect(await correctionOf(name.id)).toMatchObject({
      status: 'ACCEPTED',
      resolutionReason: '已核实，将于户籍系统更正',
      resolvedAt: null,
    });
    // Answered is answered: neither accepted again nor rejected now.
    expect(codeOf(await accept(name.id, hub.keys.population.key))).toMatchObject({
      code: 'CORRECTION_CLOSED',
      status: 'ACCEPTED',
    });
    expect(
      codeOf(
        await hub.graphql(
          REJECT,
          { input: { id: name.id, reason: '经核无误，不予更正' } },
          {},
          as(hub.keys.population.key),
        ),
      ),
    ).toMatchObject({
      code: 'CORRECTION_CLOSED',
      status: 'ACCEPTED',
    });
    // A rejected report cannot be accepted.
    const phone = await report('Person.phone');
    expect(
      (
        await hub.graphql(
          REJECT,
          { input: { id: phone.id, reason: '经核无误，不予更正' } },
          {},
          as(hub.keys.population.key),
        )
      ).errors,
    ).toBeUndefined();
    expect(codeOf(await accept(phone.id, hub.keys.psbSteward.key))).toMatchObject({
      code: 'CORRECTION_CLOSED',
      status: 'REJECTED',
    });

    // Then the source's own system (the hukou system) writes the record: the change event makes it CORRECTED.
    const source = {
      idNumber: person.idNumber,
      sourceDepartment: DEPARTMENTS.publicSecurity,
      sourceSystem: 'fs-psb-hukou',
      sourceRecordId: person.sourceRecordId,
    };
    const changed = await hub.graphql<{ changePerson: { outcome: string } }>(
      CHANGE_PERSON,
      { input: { ...source, version: 2, name: '受理后更正' } },
      {},
      { key: hub.keys.population.key },
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.changePerson.outcome).toBe('CHANGED');
    const corrected = await hub.eventually(async () => {
      const c = await correctionOf(name.id);
      expect(c.status).toBe('CORRECTED');
      return c;
    });
    expect(corrected).toMatchObject({ correctedValue: '受理后更正', correctionVersion: 2, overdue: false });
    expect(corrected.correctionEvent).toMatch(/^[0-9a-f-]{36}$/);
    expect(codeOf(await accept(name.id, hub.keys.psbSteward.key))).toMatchObject({
      code: 'CORRECTION_CLOSED',
      status: 'CORRECTED',
    });

    // Its events: ROUTED, ACCEPTED (with the note), CORRECTED — each valid against the event's schema.
    const messages = await events.waitFor((ms) => ms.filter((m) => JSON.parse(m.value).id === name.id).length >= 3);
    const mine = messages
      .filter((m) => JSON.parse(m.value).id === name.id)
      .map((m) => ({ type: m.headers.ce_type, data: JSON.parse(m.value) as Record<string, unknown> }));
    for (const m of mine) expect(schemaErrors(m.type, m.data)).toEqual([]);
    expect(mine.map((m) => [m.type, m.data.status])).toEqual([
      [ONCE_ONLY_EVENT.dataCorrectionChanged, 'ROUTED'],
      [ONCE_ONLY_EVENT.dataCorrectionChanged, 'ACCEPTED'],
      [ONCE_ONLY_EVENT.dataCorrectionChanged, 'CORRECTED'],
    ]);
    expect(mine[1].data).toMatchObject({
      resolutionReason: '已核实，将于户籍系统更正',
      correctedValue: null,
      correctionEvent: null,
    });
    expect(mine[2].data).toMatchObject({ correctedValue: '受理后更正', correctionEvent: corrected.correctionEvent });
  });
});
