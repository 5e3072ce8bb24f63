import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MaskingRule, maskValue } from '@hub/policy';
import { REGISTER_PERSON, aPerson } from './support/fixtures.js';
import { TestHub } from './support/test-hub.js';

const REUSE_FOR = `query ReuseFor($item: String!, $subject: String!) {
  reuseFor(serviceItem: $item, subject: $subject) {
    subjectType subjectId asOf acceptableWithGaps
    materials { material { no name mayBeSuppliedLater } satisfied
      evidence { kind materialId licenceId title department issuedOn validUntil contentSha256 reviewResultId resultType reviewedAt caseNumber values { path value } } }
    toBring { no name }
  }
}`;

const PREFILL = `query Prefill($item: String!, $subject: String!) {
  prefillForm(serviceItem: $item, subject: $subject) { name label path value filled sourceDepartment }
}`;

interface Evidence {
  kind: string;
  materialId: string | null;
  licenceId: string | null;
  department: string | null;
  reviewResultId: string | null;
  values: Array<{ path: string; value: string | null }> | null;
}
interface ReuseAnswer {
  subjectId: string;
  acceptableWithGaps: boolean;
  materials: Array<{
    material: { no: number; name: string; mayBeSuppliedLater: boolean };
    satisfied: boolean;
    evidence: Evidence[];
  }>;
  toBring: Array<{ no: number; name: string }>;
}

describe("reuse: what the hub already holds for an application, under the asking system's rights", () => {
  let hub: TestHub;
  const person = aPerson().inHousehold('H440604000123', '02').build();

  beforeAll(async () => {
    hub = await TestHub.start();
    const registered = await hub.graphql(REGISTER_PERSON, { input: person });
    expect(registered.errors).toBeUndefined();
  }, 120_000);

  afterAll(async () => {
    await hub?.close();
  });

  it("fills an individual business registration's identity from the population library, and lists what is still to bring", async () => {
    // The one-window system (一窗受理) takes the application; it holds no grants.
    const answer = await hub.graphql<{ reuseFor: ReuseAnswer }>(
      REUSE_FOR,
      { item: 'FS-AMR-GTDJ-001', subject: person.idNumber },
      {},
      { key: hub.keys.window.key, purpose: '个体工商户设立登记受理', caseNumber: 'FS-AMR-2026-000123' },
    );
    expect(answer.errors).toBeUndefined();
    const reuse = answer.data!.reuseFor;
    // The catalog governs the answer too: without a full-value grant the citizen ID comes back masked.
    expect(reuse.subjectId).toBe(maskValue(MaskingRule.CITIZEN_ID, person.idNumber));
    const identity = reuse.materials.find((m) => m.material.no === 1)!;
    expect(identity.satisfied).toBe(true);
    const fromLibrary = identity.evidence.find((e) => e.kind === 'BASE_LIBRARY')!;
    expect(fromLibrary.department).toBe(person.sourceDepartment);
    // The population library's basic items are shared unconditionally, masked without a full-value grant.
    expect(fromLibrary.values).toContainEqual({ path: 'person.status', value: 'LIVING' });
    expect(fromLibrary.values!.find((v) => v.path === 'person.idNumber')!.value).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(reuse.toBring.map((m) => m.no)).toEqual([2, 3]);
    expect(reuse.acceptableWithGaps).toBe(false);
  });

  it('pre-fills the form with what the caller may see, and leaves what only the applicant knows empty', async () => {
    const answer = await hub.graphql<{
      prefillForm: Array<{ name: string; value: string | null; filled: boolean; sourceDepartment: string | null }>;
    }>(PREFILL, { item: 'FS-AMR-GTDJ-001', subject: person.idNumber }, {}, { key: hub.keys.window.key });
    expect(answer.errors).toBeUndefined();
    const byName = Object.fromEntries(answer.data!.prefillForm.map((f) => [f.name, f]));
    expect(byName.gender).toMatchObject({
      filled: true,
      value: person.gender,
      sourceDepartment: person.sourceDepartment,
    });
    expect(byName.operatorName.value).not.toBe(person.name); // masked for a department without a full-value grant
    expect(byName.operatorName.value?.[0]).toBe(person.name[0]);
    expect(byName.businessName).toMatchObject({ filled: false, value: null });
  });

  it('gives a department without the grant the policy refusal, not the data', async () => {
    // Household registration data is shared on condition: the one-window system has no grant for it.
    const answer = await hub.graphql<{ reuseFor: ReuseAnswer }>(
      REUSE_FOR,
      { item: 'FS-PSB-HJQR-001', subject: person.idNumber },
      {},
      { key: hub.keys.window.key, purpose: '户口迁入登记受理' },
    );
    expect(answer.data?.reuseFor ?? null).toBeNull();
    expect(answer.errors).toHaveLength(1);
    const error = answer.errors![0];
    expect(error.extensions?.code).toBe('ACCESS_DENIED');
    expect(JSON.stringify(answer)).not.toContain(person.householdNumber as string);
    const applyFor = error.extensions?.applyFor as Array<{ resourceCode: string; items: number[] }>;
    expect(applyFor.map((a) => a.resourceCode)).toContain('101002001/000001');
  });

  it('lets the provider department reuse its own conditional data', async () => {
    const answer = await hub.graphql<{ reuseFor: ReuseAnswer }>(
      REUSE_FOR,
      { item: 'FS-PSB-HJQR-001', subject: person.idNumber },
      {},
      { key: hub.keys.population.key, purpose: '户口迁入登记受理' },
    );
    expect(answer.errors).toBeUndefined();
    const household = answer.data!.reuseFor.materials.find((m) => m.material.no === 1)!;
    expect(household.satisfied).toBe(true);
    expect(household.evidence[0].values).toContainEqual({
      path: 'person.householdNumber',
      value: person.householdNumber,
    });
  });

  it("is an audited access: the citizen's log shows the reuse and the base-library read it made, with the system and the purpose", async () => {
    const log = await hub.eventually(async () => {
      const answer = await hub.graphql<{
        accessLog: {
          nodes: Array<{
            systemCode: string;
            purpose: string;
            caseNumber: string | null;
            operationName: string | null;
            fields: string[];
            outcome: string;
          }>;
        };
      }>(
        `query($id: String!) { accessLog(subjectType: PERSON, subjectId: $id, first: 100) { nodes { systemCode purpose caseNumber operationName fields outcome } } }`,
        { id: person.idNumber },
        {},
        { key: hub.keys.supervisor.key },
      );
      const nodes = answer.data!.accessLog.nodes.filter((n) => n.caseNumber === 'FS-AMR-2026-000123');
      if (nodes.length < 2) throw new Error(`only ${nodes.length} records of the reuse yet`);
      return nodes;
    });
    const outer = log.find((n) => n.fields.includes('Query.reuseFor'))!;
    expect(outer).toMatchObject({
      systemCode: 'fs-cc-one-window',
      purpose: '个体工商户设立登记受理',
      outcome: 'ALLOWED',
    });
    const read = log.find((n) => n.operationName === 'OnceOnlyReuseRead')!;
    expect(read).toMatchObject({
      systemCode: 'fs-cc-one-window',
      purpose: '个体工商户设立登记受理',
      outcome: 'ALLOWED',
    });
    expect(read.fields).toEqual(
      expect.arrayContaining(['Query.person', 'Person.name', 'Person.idNumber', 'Person.status']),
    );
  });

  it('refuses unknown items and bad identifiers with clear codes', async () => {
    const unknown = await hub.graphql(
      REUSE_FOR,
      { item: 'FS-NOPE-000', subject: person.idNumber },
      {},
      { key: hub.keys.legalEntity.key },
    );
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SERVICE_ITEM_UNKNOWN' });
    const bad = await hub.graphql(
      REUSE_FOR,
      { item: 'FS-AMR-GTDJ-001', subject: '110105194912310021' },
      {},
      { key: hub.keys.legalEntity.key },
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SUBJECT_INVALID' });
  });
});
