import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDIT_RECORD_TOPIC } from '@hub/contracts';
import { schemaErrors } from './support/event-schemas.js';
import {
  AUTHORITY,
  REGISTER,
  REGISTER_PERSON,
  RECORD_CREDIT,
  SOURCE_DEPARTMENT,
  aCreditRecord,
  aLegalEntity,
  aPerson,
} from './support/fixtures.js';
import { TestHub, type EventCollector } from './support/test-hub.js';

type Profile = {
  assessment: { level: string; reasons: Array<{ code: string; recordIds: string[] }> };
  penalties: Array<{ recordId: string }>;
  registrationStanding: string | null;
};

const PROFILE = `query($u: String!) { legalEntity(uscc: $u) { name credit { registrationStanding penalties { recordId decisionNumber fineAmount }
  blackListEntries { recordId } assessment { level reasons { code recordIds } rule } } } }`;

describe('credit library through the gateway', () => {
  let hub: TestHub;
  let events: EventCollector;

  beforeAll(async () => {
    hub = await TestHub.start();
    events = await hub.collect(CREDIT_RECORD_TOPIC);
  });
  afterAll(async () => {
    await events?.close();
    await hub?.close();
  });

  it('records penalties and list entries on a legal entity, and assesses it by the documented rule', async () => {
    const company = aLegalEntity().build();
    await hub.graphql(REGISTER, { input: company });
    const penalty = aCreditRecord('PENALTY', { uscc: company.uscc }).build();
    const written = await hub.graphql<{
      recordCredit: { outcome: string; record: { recordId: string; kind: string } };
    }>(RECORD_CREDIT, { input: penalty });
    expect(written.errors).toBeUndefined();
    expect(written.data?.recordCredit).toMatchObject({
      outcome: 'REGISTERED',
      record: { kind: 'PENALTY', recordId: `P:${AUTHORITY}:${penalty.decisionNumber}` },
    });

    const profile = await hub.graphql<{ legalEntity: { credit: Profile } }>(PROFILE, { u: company.uscc });
    expect(profile.errors).toBeUndefined();
    expect(profile.data?.legalEntity.credit).toMatchObject({
      penalties: [{ decisionNumber: penalty.decisionNumber, fineAmount: '5000.00' }],
      assessment: { level: 'C', reasons: [{ code: 'PENALTIES' }], rule: 'hub-credit-rule/v1' },
    });

    const blackList = aCreditRecord('BLACK_LIST', { uscc: company.uscc }).build();
    await hub.graphql(RECORD_CREDIT, { input: blackList });
    const worse = await hub.graphql<{ legalEntity: { credit: Profile } }>(PROFILE, { u: company.uscc });
    expect(worse.data?.legalEntity.credit.assessment.level).toBe('D');

    const [event] = (await events.waitFor((ms) => ms.some((m) => m.key === company.uscc))).filter(
      (m) => m.key === company.uscc,
    );
    expect(event.headers).toMatchObject({ ce_type: 'hub.credit.registered.v1', ce_subject: company.uscc });
    expect(schemaErrors(event.headers.ce_type, JSON.parse(event.value))).toEqual([]);
  });

  it('gives a person a credit profile too', async () => {
    const person = aPerson().build();
    await hub.graphql(REGISTER_PERSON, { input: person });
    await hub.graphql(RECORD_CREDIT, { input: aCreditRecord('RED_LIST', { idNumber: person.idNumber }).build() });
    const result = await hub.graphql<{
      person: { name: string; credit: { redListEntries: unknown[]; assessment: { level: string } } };
    }>(
      `query($id: String!) { person(idNumber: $id) { name credit { redListEntries { title } assessment { level } } } }`,
      { id: person.idNumber },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.person).toMatchObject({
      name: person.name,
      credit: { redListEntries: [{}], assessment: { level: 'A' } },
    });
  });

  describe('refuses records that are not complete for their kind', () => {
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['a penalty without decision number', { decisionNumber: '' }, 'input.decisionNumber', 'DECISION_NUMBER_REQUIRED'],
      ['a penalty without its type', { penaltyType: undefined }, 'input.penaltyType', 'REQUIRED'],
      ['a penalty without legal basis', { legalBasis: undefined }, 'input.legalBasis', 'REQUIRED'],
      [
        'a subject that is not a valid USCC',
        { subjectId: '91330106MA2XXXXXX1' },
        'input.subjectId',
        'USCC_CHECK_DIGIT',
      ],
      ['a status a penalty cannot have', { status: 'FULFILLED' }, 'input.status', 'INVALID_VALUE'],
    ];
    it.each(cases)('%s', async (_name, override, field, reason) => {
      const input = aCreditRecord('PENALTY', { uscc: aLegalEntity().build().uscc }).with(override).build();
      const result = await hub.graphql(RECORD_CREDIT, { input });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect([reason, 'USCC_FORMAT', 'USCC_CHARSET']).toContain(result.errors?.[0].extensions?.reason);
    });
  });

  it('records a revocation or deregistration in the legal-entity library through its events, and the assessment reflects it', async () => {
    const company = aLegalEntity().build();
    await hub.graphql(REGISTER, { input: company });
    const source = {
      uscc: company.uscc,
      sourceDepartment: SOURCE_DEPARTMENT,
      sourceSystem: 'fs-amr-registration',
      sourceRecordId: company.sourceRecordId,
    };
    const status = `mutation($i: ChangeLegalEntityStatusInput!) { changeLegalEntityStatus(input: $i) { outcome } }`;
    expect(
      (
        await hub.graphql(status, {
          i: { ...source, version: 2, status: 'REVOKED', statusEffectiveOn: '2026-01-05', statusReason: '未年报' },
        })
      ).errors,
    ).toBeUndefined();
    const revoked = await waitForProfile(hub, company.uscc, (p) => p.registrationStanding === 'REVOKED');
    expect(revoked.assessment).toMatchObject({ level: 'D', reasons: [{ code: 'REGISTRATION_REVOKED' }] });

    expect(
      (
        await hub.graphql(status, {
          i: { ...source, version: 3, status: 'DEREGISTERED', statusEffectiveOn: '2026-03-01' },
        })
      ).errors,
    ).toBeUndefined();
    const deregistered = await waitForProfile(hub, company.uscc, (p) => p.registrationStanding === 'DEREGISTERED');
    expect(deregistered.assessment).toMatchObject({ level: 'NOT_ASSESSED', reasons: [{ code: 'DEREGISTERED' }] });
    expect(await hub.metric('credit', 'hub_events_consumed_total')).toBeGreaterThanOrEqual(3);
  });
});

async function waitForProfile(
  hub: TestHub,
  uscc: string,
  done: (p: Profile) => boolean,
  timeoutMs = 20_000,
): Promise<Profile> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await hub.graphql<{ legalEntity: { credit: Profile } }>(PROFILE, { u: uscc });
    const profile = result.data?.legalEntity.credit;
    if (profile && done(profile)) return profile;
    if (Date.now() > deadline) throw new Error(`timed out; last profile ${JSON.stringify(result)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
