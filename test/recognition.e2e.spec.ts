import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, generateCitizenId, seededRandom } from '@hub/identifiers';
import { MaskingRule, maskValue } from '@hub/policy';
import {
  CATALOG_POLICY_TOPIC,
  ONCE_ONLY_EVENT,
  ONCE_ONLY_REVIEW_RESULT_TOPIC,
  POPULATION_PERSON_TOPIC,
} from '@hub/contracts';
import { schemaErrors } from './support/event-schemas.js';
import {
  PUBLIC_SECURITY,
  RECORD_CREDIT,
  REGISTER,
  REGISTER_PERSON,
  SOURCE_DEPARTMENT,
  aCreditRecord,
  aLegalEntity,
  aPerson,
} from './support/fixtures.js';
import { DEPARTMENTS } from './support/test-access.js';
import { TestHub, type EventCollector, type GraphQLResponse } from './support/test-hub.js';

const RESULT_FIELDS = `id subjectType subjectId resultType resultTypeName serviceItemCode caseNumber outcome reviewingDepartment reviewer reviewedAt validUntil
  state invalidatedAt invalidationCode invalidationReason recordedAt evidence { materialId sha256 }`;
const RECORD = `mutation Record($input: RecordReviewResultInput!) { recordReviewResult(input: $input) { ${RESULT_FIELDS} } }`;
const RECOGNIZED = `query Recognized($subject: String!, $forDepartment: String!) { recognizedResults(subject: $subject, forDepartment: $forDepartment) { ${RESULT_FIELDS} } }`;
const HISTORY = `query History($subject: String!) { reviewResults(subject: $subject) { ${RESULT_FIELDS} } }`;
const ONE = `query One($id: ID!) { reviewResult(id: $id) { ${RESULT_FIELDS} } }`;
const PERSON_STATUS = `mutation($i: ChangePersonStatusInput!) { changePersonStatus(input: $i) { outcome } }`;
const LEGAL_ENTITY_STATUS = `mutation($i: ChangeLegalEntityStatusInput!) { changeLegalEntityStatus(input: $i) { outcome } }`;

// Items of the shipped service guide and rules (schemas/once-only, schemas/catalog/recognition-rules.json).
const SOLE_TRADER_REGISTRATION = 'FS-AMR-GTDJ-001'; // 个体工商户设立登记: a citizen's item
const FOOD_LICENCE = 'FS-AMR-SPJY-001'; // 食品经营许可（餐饮服务）新办: a company's item
const IDENTITY_VERIFIED = 'IDENTITY_VERIFIED_ORIGINALS';
const LEGAL_REP_VERIFIED = 'LEGAL_REP_IDENTITY_VERIFIED';

interface ReviewResult {
  id: string;
  subjectType: string;
  subjectId: string;
  resultType: string;
  resultTypeName: string;
  caseNumber: string;
  outcome: string;
  reviewingDepartment: string;
  reviewedAt: string;
  validUntil: string;
  state: 'VALID' | 'EXPIRED' | 'INVALIDATED';
  invalidatedAt: string | null;
  invalidationCode: string | null;
  invalidationReason: string | null;
  evidence: Array<{ materialId: string; sha256: string | null }>;
}

const DAY_MS = 86_400_000;
const day = (offset: number) => chinaDate(new Date(Date.now() + offset * DAY_MS));

describe('review results and their mutual recognition (审查结果互认)', () => {
  let hub: TestHub;
  let resultEvents: EventCollector;
  let personEvents: EventCollector;
  let cases = 0;

  const as = (key: string) => ({ key, purpose: null });
  const windowSystem = () => as(hub.keys.window.key);
  /** 市场监管局's registration system: a department that recognises identity checks. */
  const marketRegulation = () => as(hub.keys.legalEntity.key);

  const record = (input: Record<string, unknown>, access = windowSystem()) =>
    hub.graphql<{ recordReviewResult: ReviewResult }>(
      RECORD,
      {
        input: {
          resultType: IDENTITY_VERIFIED,
          serviceItemCode: SOLE_TRADER_REGISTRATION,
          caseNumber: `CC-2026-${String(++cases).padStart(6, '0')}`,
          outcome: 'PASSED',
          reviewer: '禅城区行政服务中心 窗口 李四',
          validUntil: day(90),
          ...input,
        },
      },
      {},
      access,
    );
  const recognized = async (subject: string, forDepartment: string, access = marketRegulation()) =>
    hub.graphql<{ recognizedResults: ReviewResult[] }>(RECOGNIZED, { subject, forDepartment }, {}, access);
  const one = async (id: string) =>
    (await hub.graphql<{ reviewResult: ReviewResult }>(ONE, { id }, {}, windowSystem())).data!.reviewResult;
  const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;
  const reasonOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.reason;

  /**
   * Records a result as soon as the once-only app has learnt of the subject from its library's
   * events (until then: SUBJECT_UNKNOWN).
   */
  const recordOnceKnown = async (input: Record<string, unknown>, access = windowSystem()) => {
    const response = await hub.eventually(async () => {
      const attempt = await record(input, access);
      expect(codeOf(attempt)).not.toBe('SUBJECT_UNKNOWN');
      return attempt;
    });
    expect(response.errors).toBeUndefined();
    return response.data!.recordReviewResult;
  };

  /** Polls until the result is invalidated; prints how long it took after `since`. */
  const invalidation = async (id: string, since: number, what: string) => {
    const invalidated = await hub.eventually(async () => {
      const result = await one(id);
      expect(result.state).toBe('INVALIDATED');
      return result;
    }, 20_000);
    console.log(`review result invalidated ${Math.round(performance.now() - since)} ms after ${what}`);
    return invalidated;
  };

  const invalidatedEvent = async (id: string) => {
    const messages = await resultEvents.waitFor((ms) =>
      ms.some((m) => m.headers.ce_type === ONCE_ONLY_EVENT.reviewResultInvalidated && JSON.parse(m.value).id === id),
    );
    const message = messages.find(
      (m) => m.headers.ce_type === ONCE_ONLY_EVENT.reviewResultInvalidated && JSON.parse(m.value).id === id,
    )!;
    const data = JSON.parse(message.value) as Record<string, unknown>;
    expect(schemaErrors(message.headers.ce_type, data)).toEqual([]);
    return { key: message.key, data };
  };

  beforeAll(async () => {
    hub = await TestHub.start();
    resultEvents = await hub.collect(ONCE_ONLY_REVIEW_RESULT_TOPIC);
    personEvents = await hub.collect(POPULATION_PERSON_TOPIC);
  });
  afterAll(async () => {
    await resultEvents?.close();
    await personEvents?.close();
    await hub?.close();
  });

  it("a death recorded in population invalidates that person's identity verifications", async () => {
    // A citizen registers a sole trader at the one-stop window, which checks her ID card against the originals.
    const person = aPerson('1950-02-02').build();
    expect((await hub.graphql(REGISTER_PERSON, { input: person })).errors).toBeUndefined();
    const verified = await recordOnceKnown({ subject: person.idNumber });
    // The window holds no full-value grant: it reads back the citizen ID and its own staff member's name masked, as the catalog says.
    expect(verified).toMatchObject({
      subjectType: 'PERSON',
      subjectId: maskValue(MaskingRule.CITIZEN_ID, person.idNumber),
      resultType: IDENTITY_VERIFIED,
      resultTypeName: '申请人身份已核验原件（居民身份证）',
      outcome: 'PASSED',
      reviewingDepartment: DEPARTMENTS.window,
      validUntil: day(90),
      state: 'VALID',
      invalidationCode: null,
      evidence: [],
    });
    const recorded = await resultEvents.waitFor((ms) => ms.some((m) => JSON.parse(m.value).id === verified.id));
    const recordedEvent = recorded.find((m) => JSON.parse(m.value).id === verified.id)!;
    expect(recordedEvent).toMatchObject({
      key: person.idNumber,
      headers: { ce_type: ONCE_ONLY_EVENT.reviewResultRecorded },
    });
    expect(schemaErrors(ONCE_ONLY_EVENT.reviewResultRecorded, JSON.parse(recordedEvent.value))).toEqual([]);

    // The market-regulation bureau accepts that check instead of asking for the originals again.
    const accepted = await recognized(person.idNumber, DEPARTMENTS.marketRegulation);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.recognizedResults.map((r) => r.id)).toEqual([verified.id]);

    // Then public security records her death.
    const diedOn = day(-1);
    const started = performance.now();
    const died = await hub.graphql(PERSON_STATUS, {
      i: {
        idNumber: person.idNumber,
        sourceDepartment: PUBLIC_SECURITY,
        sourceSystem: 'fs-psb-hukou',
        sourceRecordId: person.sourceRecordId,
        version: 2,
        status: 'DECEASED',
        statusEffectiveOn: diedOn,
      },
    });
    expect(died.errors).toBeUndefined();

    const invalidated = await invalidation(verified.id, started, 'the death was recorded');
    expect(invalidated).toMatchObject({
      invalidationCode: 'SUBJECT_DECEASED',
      invalidationReason: `the person died in ${diedOn.slice(0, 4)}: population record version 2`,
    });
    expect(Date.parse(invalidated.invalidatedAt!)).toBeGreaterThan(Date.parse(verified.reviewedAt));
    expect((await recognized(person.idNumber, DEPARTMENTS.marketRegulation)).data?.recognizedResults).toEqual([]);

    // The published invalidation names the death event that caused it.
    const deathEvents = await personEvents.waitFor((ms) =>
      ms.some((m) => m.key === person.idNumber && m.headers.ce_type === 'hub.population.status-changed.v1'),
    );
    const death = deathEvents.find(
      (m) => m.key === person.idNumber && m.headers.ce_type === 'hub.population.status-changed.v1',
    )!;
    const event = await invalidatedEvent(verified.id);
    expect(event).toMatchObject({
      key: person.idNumber,
      data: { subjectId: person.idNumber, invalidationCode: 'SUBJECT_DECEASED', causeEventId: death.headers.ce_id },
    });

    // Her history still shows the result, with why it no longer holds; nothing new can be recorded.
    const history = await hub.graphql<{ reviewResults: ReviewResult[] }>(
      HISTORY,
      { subject: person.idNumber },
      {},
      marketRegulation(),
    );
    expect(history.data?.reviewResults).toEqual([
      expect.objectContaining({ id: verified.id, state: 'INVALIDATED', invalidationCode: 'SUBJECT_DECEASED' }),
    ]);
    const afterDeath = await record({ subject: person.idNumber });
    expect(codeOf(afterDeath)).toBe('SUBJECT_DECEASED');
  });

  it("a change of a person's identity data ends the identity check of the originals, and nothing else", async () => {
    const person = aPerson().build();
    expect((await hub.graphql(REGISTER_PERSON, { input: person })).errors).toBeUndefined();
    const identity = await recordOnceKnown({ subject: person.idNumber });
    const source = {
      idNumber: person.idNumber,
      sourceDepartment: PUBLIC_SECURITY,
      sourceSystem: 'fs-psb-hukou',
      sourceRecordId: person.sourceRecordId,
    };
    const CHANGE = `mutation($i: ChangePersonInput!) { changePerson(input: $i) { outcome } }`;
    // A new phone number is not identity data: the check stands.
    expect((await hub.graphql(CHANGE, { i: { ...source, version: 2, phone: '13900008888' } })).errors).toBeUndefined();
    const started = performance.now();
    expect((await hub.graphql(CHANGE, { i: { ...source, version: 3, name: '更名后' } })).errors).toBeUndefined();
    const invalidated = await invalidation(identity.id, started, 'the name change was recorded');
    expect(invalidated).toMatchObject({
      invalidationCode: 'IDENTITY_CHANGED',
      invalidationReason: "the person's identity data changed (name): population record version 3",
    });
    // The reason names version 3: the phone change at version 2, which came first, did not end it.
    expect((await invalidatedEvent(identity.id)).data).toMatchObject({ invalidationCode: 'IDENTITY_CHANGED' });
    // A check of the originals made after the change counts again.
    const again = await recordOnceKnown({ subject: person.idNumber });
    expect(again.state).toBe('VALID');
  });

  it('a company deregistered (注销): its results are invalidated with LEGAL_ENTITY_CLOSED', async () => {
    const company = aLegalEntity().build();
    expect((await hub.graphql(REGISTER, { input: company })).errors).toBeUndefined();
    const verified = await recordOnceKnown({
      subject: company.uscc,
      resultType: LEGAL_REP_VERIFIED,
      serviceItemCode: FOOD_LICENCE,
    });
    expect(verified).toMatchObject({ subjectType: 'LEGAL_ENTITY', state: 'VALID' });

    const closedOn = day(-1);
    const started = performance.now();
    const closed = await hub.graphql(LEGAL_ENTITY_STATUS, {
      i: {
        uscc: company.uscc,
        sourceDepartment: SOURCE_DEPARTMENT,
        sourceSystem: 'fs-amr-registration',
        sourceRecordId: company.sourceRecordId,
        version: 2,
        status: 'DEREGISTERED',
        statusEffectiveOn: closedOn,
        statusReason: '决议解散',
      },
    });
    expect(closed.errors).toBeUndefined();
    const invalidated = await invalidation(verified.id, started, 'the deregistration was recorded');
    expect(invalidated).toMatchObject({
      invalidationCode: 'LEGAL_ENTITY_CLOSED',
      invalidationReason: `the legal entity was deregistered (注销) on ${closedOn} (决议解散): legal-entity record version 2`,
    });
    expect((await invalidatedEvent(verified.id)).data).toMatchObject({
      subjectId: company.uscc,
      invalidationCode: 'LEGAL_ENTITY_CLOSED',
    });
    expect(
      codeOf(await record({ subject: company.uscc, resultType: LEGAL_REP_VERIFIED, serviceItemCode: FOOD_LICENCE })),
    ).toBe('SUBJECT_CLOSED');
  });

  it('a company put on the credit black list (黑名单): its results are invalidated with BLACK_LISTED', async () => {
    const company = aLegalEntity().build();
    await hub.graphql(REGISTER, { input: company });
    const verified = await recordOnceKnown({
      subject: company.uscc,
      resultType: LEGAL_REP_VERIFIED,
      serviceItemCode: FOOD_LICENCE,
    });

    const entry = aCreditRecord('BLACK_LIST', { uscc: company.uscc }).build();
    const started = performance.now();
    expect((await hub.graphql(RECORD_CREDIT, { input: entry })).errors).toBeUndefined();
    const invalidated = await invalidation(verified.id, started, 'the black-list entry was recorded');
    expect(invalidated.invalidationCode).toBe('BLACK_LISTED');
    expect(invalidated.invalidationReason).toContain('严重违法失信名单');
    expect(invalidated.invalidationReason).toContain(entry.decisionNumber);
    expect((await invalidatedEvent(verified.id)).data).toMatchObject({ invalidationCode: 'BLACK_LISTED' });
    expect(
      codeOf(await record({ subject: company.uscc, resultType: LEGAL_REP_VERIFIED, serviceItemCode: FOOD_LICENCE })),
    ).toBe('SUBJECT_BLACK_LISTED');
  });

  describe('who may rely on a result', () => {
    let person: string;
    let passed: ReviewResult;

    beforeAll(async () => {
      const input = aPerson().build();
      await hub.graphql(REGISTER_PERSON, { input });
      person = input.idNumber;
      passed = await recordOnceKnown({ subject: person });
    });

    it('lists only valid, passed results of the types the department recognises, newest first', async () => {
      const failed = await record({ subject: person, outcome: 'FAILED' });
      const expired = await record({
        subject: person,
        reviewedAt: new Date(Date.now() - 40 * DAY_MS).toISOString(),
        validUntil: day(-1),
      });
      expect(failed.errors).toBeUndefined();
      expect(expired.data?.recordReviewResult.state).toBe('EXPIRED');
      expect((await recognized(person, DEPARTMENTS.marketRegulation)).data?.recognizedResults.map((r) => r.id)).toEqual(
        [passed.id],
      );
      const history = (
        await hub.graphql<{ reviewResults: ReviewResult[] }>(HISTORY, { subject: person }, {}, marketRegulation())
      ).data!.reviewResults;
      expect(history.map((r) => [r.id, r.state, r.outcome])).toEqual([
        [failed.data!.recordReviewResult.id, 'VALID', 'FAILED'],
        [passed.id, 'VALID', 'PASSED'],
        [expired.data!.recordReviewResult.id, 'EXPIRED', 'PASSED'],
      ]);
    });

    it('a department the recognition rule does not name gets nothing', async () => {
      const naturalResources = await recognized(person, DEPARTMENTS.naturalResources, as(hub.keys.geospatial.key));
      expect(naturalResources.errors).toBeUndefined();
      expect(naturalResources.data?.recognizedResults).toEqual([]);
    });

    it('a system asks only for its own department; stewards for theirs (hub-wide: any); admins for any', async () => {
      const forOther = await recognized(person, DEPARTMENTS.marketRegulation, windowSystem());
      expect(codeOf(forOther)).toBe('FORBIDDEN');
      expect(forOther.data?.recognizedResults ?? null).toBeNull();
      expect(codeOf(await recognized(person, DEPARTMENTS.marketRegulation, as(hub.keys.psbSteward.key)))).toBe(
        'FORBIDDEN',
      );
      for (const [key, department] of [
        [hub.keys.psbSteward.key, DEPARTMENTS.publicSecurity],
        [hub.keys.hubSteward.key, DEPARTMENTS.marketRegulation],
        [hub.keys.admin.key, DEPARTMENTS.humanResources],
        [hub.keys.window.key, DEPARTMENTS.window],
      ]) {
        const answer = await recognized(person, department, as(key));
        expect(answer.errors).toBeUndefined();
        expect(answer.data?.recognizedResults.map((r) => r.id)).toEqual([passed.id]);
      }
    });

    it('refuses a department that is not a valid USCC', async () => {
      const answer = await recognized(person, '11440600MB2C50125X', as(hub.keys.hubSteward.key));
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'forDepartment' });
    });

    it("follows the catalog: a department's steward stops recognising a result type, and its systems check again within seconds", async () => {
      const SET = `mutation Set($input: SetRecognitionInput!) { setRecognition(input: $input) { resultType acceptedBy version } }`;
      const set = (
        accepts: boolean,
        reason: string,
        key = hub.keys.psbSteward.key,
        department: string = DEPARTMENTS.publicSecurity,
      ) =>
        hub.graphql<{ setRecognition: { acceptedBy: string[]; version: number } }>(
          SET,
          { input: { resultType: IDENTITY_VERIFIED, department, accepts, reason } },
          {},
          as(key),
        );
      const forPsb = async () =>
        (await recognized(person, DEPARTMENTS.publicSecurity, as(hub.keys.population.key))).data?.recognizedResults.map(
          (r) => r.id,
        );
      expect(await forPsb()).toEqual([passed.id]);
      const policyEvents = await hub.collect(CATALOG_POLICY_TOPIC);
      try {
        // Only that department's steward (or a hub-wide one, or an admin) decides, and says why.
        expect(
          codeOf(await set(false, '改为本部门现场核验', hub.keys.psbSteward.key, DEPARTMENTS.marketRegulation)),
        ).toBe('FORBIDDEN');
        expect(codeOf(await set(false, '改为本部门现场核验', hub.keys.population.key))).toBe('FORBIDDEN');
        expect(reasonOf(await set(false, '  '))).toBe('REASON_REQUIRED');

        const withdrawn = await set(false, '户籍业务改为本部门现场核验原件');
        expect(withdrawn.errors).toBeUndefined();
        expect(withdrawn.data!.setRecognition.acceptedBy).not.toContain(DEPARTMENTS.publicSecurity);
        const started = performance.now();
        await hub.eventually(async () => expect(await forPsb()).toEqual([]), 10_000);
        console.log(
          `recognition withdrawn: in force ${Math.round(performance.now() - started)} ms after setRecognition returned`,
        );
        // Market regulation still recognises it; the result itself is untouched.
        expect(
          (await recognized(person, DEPARTMENTS.marketRegulation)).data?.recognizedResults.map((r) => r.id),
        ).toEqual([passed.id]);
        expect((await one(passed.id)).state).toBe('VALID');

        const restored = await set(true, '恢复采信窗口核验结果');
        expect(restored.data!.setRecognition.acceptedBy).toContain(DEPARTMENTS.publicSecurity);
        await hub.eventually(async () => expect(await forPsb()).toEqual([passed.id]), 10_000);

        const changes = await policyEvents.waitFor(
          (ms) => ms.filter((m) => m.headers.ce_type === 'hub.catalog.recognition-rule-changed.v1').length >= 2,
        );
        const data = changes
          .filter((m) => m.headers.ce_type === 'hub.catalog.recognition-rule-changed.v1')
          .map((m) => JSON.parse(m.value) as Record<string, unknown>);
        expect(data.map((d) => [d.change, d.department])).toEqual([
          ['withdrawn', DEPARTMENTS.publicSecurity],
          ['accepted', DEPARTMENTS.publicSecurity],
        ]);
        for (const d of data) expect(schemaErrors('hub.catalog.recognition-rule-changed.v1', d)).toEqual([]);
      } finally {
        await policyEvents.close();
      }
    });
  });

  describe('what a department cannot record', () => {
    let person: string;
    let otherPerson: string;

    beforeAll(async () => {
      const inputs = [aPerson().build(), aPerson().build()];
      for (const input of inputs) await hub.graphql(REGISTER_PERSON, { input });
      [person, otherPerson] = inputs.map((i) => i.idNumber);
      await recordOnceKnown({ subject: person });
    });

    it('a citizen the base libraries do not have: SUBJECT_UNKNOWN, saying so', async () => {
      const stranger = generateCitizenId(seededRandom(404), { areaCode: '440604', birthDate: '1977-07-07' });
      const answer = await record({ subject: stranger });
      expect(codeOf(answer)).toBe('SUBJECT_UNKNOWN');
      expect(answer.errors?.[0].message).toContain(`no record of citizen ${stranger} in the population library`);
    });

    it.each([
      [
        'an identifier that is neither a citizen ID nor a USCC',
        { subject: '11010519491231002Y' },
        'input.subject',
        'SUBJECT_INVALID',
      ],
      [
        'a result type the recognition rules do not have',
        { resultType: 'ORIGINALS_SEEN' },
        'input.resultType',
        'RESULT_TYPE_UNKNOWN',
      ],
      [
        "a company's result type for a citizen",
        { resultType: LEGAL_REP_VERIFIED },
        'input.resultType',
        'RESULT_TYPE_SUBJECT_MISMATCH',
      ],
      ['an unknown service item', { serviceItemCode: 'FS-XX-000' }, 'input.serviceItemCode', 'SERVICE_ITEM_UNKNOWN'],
      ['a validity beyond the rule (365 days)', { validUntil: day(367) }, 'input.validUntil', 'VALIDITY_TOO_LONG'],
      ['a validity ending before the review', { validUntil: day(-1) }, 'input.validUntil', 'VALIDITY_INVALID'],
      [
        'a review in the future',
        { reviewedAt: new Date(Date.now() + DAY_MS).toISOString() },
        'input.reviewedAt',
        'REVIEWED_IN_FUTURE',
      ],
      [
        'a review time without its offset',
        { reviewedAt: '2026-05-04T09:30:00' },
        'input.reviewedAt',
        'INVALID_DATETIME',
      ],
      ['a case number with a space', { caseNumber: 'CC 2026 1' }, 'input.caseNumber', 'INVALID_FORMAT'],
      ['a case number of 65 characters', { caseNumber: 'C'.repeat(65) }, 'input.caseNumber', 'TOO_LONG'],
      ['no reviewer', { reviewer: '  ' }, 'input.reviewer', 'INVALID_FORMAT'],
      ['evidence that is not a material id', { evidence: ['lease.pdf'] }, 'input.evidence', 'INVALID_FORMAT'],
    ])('%s', async (_name, override, field, reason) => {
      const answer = await record({ subject: person, ...override });
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    });

    it('evidence of another subject, or not in the archive: EVIDENCE_INVALID naming it', async () => {
      // Filed straight into the archive's table: this suite is about results, not about filing.
      const theirs = randomUUID();
      const database = new pg.Client({ connectionString: hub.database.url });
      await database.connect();
      try {
        await database.query(
          `INSERT INTO once_only.material (id, subject_type, subject_id, kind, material_type, title, issuer_uscc, issued_on, status, filed_by_department, filed_by_key, filed_at)
           VALUES ($1, 'PERSON', $2, 'MATERIAL', 'IDENTITY', '居民身份证复印件', $3, '2026-01-05', 'VALID', $3, 'filerkey2345', now())`,
          [theirs, otherPerson, DEPARTMENTS.window],
        );
      } finally {
        await database.end();
      }
      const answer = await record({ subject: person, evidence: [theirs] });
      expect(answer.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.evidence.0',
        reason: 'EVIDENCE_INVALID',
      });
      expect(answer.errors?.[0].message).toContain(theirs);
      const missing = randomUUID();
      const unknown = await record({ subject: person, evidence: [missing] });
      expect(reasonOf(unknown)).toBe('EVIDENCE_INVALID');
      expect(unknown.errors?.[0].message).toContain(`${missing} is not in the archive`);
    });

    it('only a department system records results', async () => {
      expect(codeOf(await record({ subject: person }, as(hub.keys.hubSteward.key)))).toBe('FORBIDDEN');
      expect(codeOf(await record({ subject: person }, as(hub.keys.admin.key)))).toBe('FORBIDDEN');
    });
  });
});
