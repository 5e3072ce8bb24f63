// creditProfile(subjectType, subjectId, asOf) through the gateway: the query the README lists for a
// subject's credit without going through its library record. Its arguments are validated as one
// whitelisted object; split across two argument classes, every call was refused with
// "property subjectType should not exist" (issue 12, point 5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTER, REGISTER_PERSON, RECORD_CREDIT, aCreditRecord, aLegalEntity, aPerson } from './support/fixtures.js';
import { TestHub } from './support/test-hub.js';

const CREDIT_PROFILE = `query($type: CreditSubjectType!, $id: String!, $asOf: String) {
  creditProfile(subjectType: $type, subjectId: $id, asOf: $asOf) {
    subjectId penalties { recordId decisionNumber } redListEntries { recordId } assessment { level reasons { code } }
  }
}`;

type Profile = {
  subjectId: string;
  penalties: Array<{ recordId: string; decisionNumber: string }>;
  redListEntries: Array<{ recordId: string }>;
  assessment: { level: string; reasons: Array<{ code: string }> };
};

describe('creditProfile through the gateway', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await TestHub.start();
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('answers for a legal entity, with its penalties and assessment', async () => {
    const company = aLegalEntity().build();
    await hub.graphql(REGISTER, { input: company });
    const penalty = aCreditRecord('PENALTY', { uscc: company.uscc }).build();
    expect((await hub.graphql(RECORD_CREDIT, { input: penalty })).errors).toBeUndefined();

    const result = await hub.graphql<{ creditProfile: Profile }>(CREDIT_PROFILE, {
      type: 'LEGAL_ENTITY',
      id: company.uscc,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.creditProfile).toMatchObject({
      subjectId: company.uscc,
      penalties: [{ decisionNumber: penalty.decisionNumber }],
      assessment: { level: 'C', reasons: [{ code: 'PENALTIES' }] },
    });
  });

  it('answers for a person, and takes the day to assess', async () => {
    const person = aPerson().build();
    await hub.graphql(REGISTER_PERSON, { input: person });
    expect(
      (await hub.graphql(RECORD_CREDIT, { input: aCreditRecord('RED_LIST', { idNumber: person.idNumber }).build() }))
        .errors,
    ).toBeUndefined();

    const result = await hub.graphql<{ creditProfile: Profile }>(CREDIT_PROFILE, {
      type: 'PERSON',
      id: person.idNumber,
      asOf: '2026-01-01',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.creditProfile).toMatchObject({
      subjectId: person.idNumber,
      penalties: [],
      redListEntries: [{}],
      assessment: { level: 'A' },
    });
  });

  it('still refuses an argument that is not valid, naming it', async () => {
    const result = await hub.graphql(CREDIT_PROFILE, { type: 'PERSON', id: 'X'.repeat(40) });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subjectId' });
  });
});
