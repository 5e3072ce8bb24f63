import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, formatELicenceId } from '@hub/identifiers';
import { ONCE_ONLY_EVENT, ONCE_ONLY_REVIEW_RESULT_TOPIC } from '@hub/contracts';
import { schemaErrors } from './support/event-schemas.js';
import { REGISTER, REGISTER_PERSON, aLegalEntity, aPerson } from './support/fixtures.js';
import { DEPARTMENTS } from './support/test-access.js';
import { TestHub, type EventCollector, type GraphQLResponse } from './support/test-hub.js';

// "Run at most once" (最多跑一次), as a restaurant owner feels it: what a company handed in and what
// was checked for its first restaurant is on file; for its second one, the market-regulation
// window sees what is already satisfied — and why — and asks only for what is not.

const FILE = `mutation File($input: FileMaterialInput!) { fileMaterial(input: $input) { id licenceId status } }`;
const CHANGE = `mutation Change($input: ChangeMaterialStatusInput!) { changeMaterialStatus(input: $input) { id status } }`;
const RECORD = `mutation Record($input: RecordReviewResultInput!) { recordReviewResult(input: $input) { id state } }`;
const RESULT = `query Result($id: ID!) { reviewResult(id: $id) { id state invalidationCode invalidationReason invalidatedAt } }`;
const REUSE_FOR = `query ReuseFor($item: String!, $subject: String!) {
  reuseFor(serviceItem: $item, subject: $subject) {
    subjectId acceptableWithGaps
    materials { material { no name } satisfied
      evidence { kind materialId licenceId title department issuedOn validUntil reviewResultId resultType reviewedAt caseNumber values { path value } } }
    toBring { no name mayBeSuppliedLater }
  }
}`;

const FOOD_LICENCE = 'FS-AMR-SPJY-001'; // 食品经营许可（餐饮服务）新办
const FIRST_CASE = 'FS-SPJY-2026-000101';

interface Evidence {
  kind: string;
  materialId: string | null;
  licenceId: string | null;
  title: string | null;
  department: string | null;
  reviewResultId: string | null;
  resultType: string | null;
  caseNumber: string | null;
  values: Array<{ path: string; value: string | null }> | null;
}
interface Reuse {
  subjectId: string;
  acceptableWithGaps: boolean;
  materials: Array<{ material: { no: number; name: string }; satisfied: boolean; evidence: Evidence[] }>;
  toBring: Array<{ no: number; name: string; mayBeSuppliedLater: boolean }>;
}

describe('once-only: a restaurant owner applies for a second food-business licence', () => {
  let hub: TestHub;
  let resultEvents: EventCollector;
  const owner = aPerson('1979-03-08').build();
  const restaurant = aLegalEntity()
    .with({ name: '佛山市禅城区粤味轩餐饮有限公司', legalRepresentativeIdNumber: owner.idNumber })
    .build();
  const today = chinaDate(new Date());
  const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  let businessLicence: string;
  let propertyCertificate: string;
  let premisesVerified: string;
  let identityVerified: string;
  let foodSafetyRules: string;

  const as = (key: string) => ({ key, purpose: '食品经营许可受理', caseNumber: FIRST_CASE });
  /** Runs a write, retrying while the once-only app has not yet heard of the subject from its library. */
  async function writeForKnownSubject<T>(query: string, input: Record<string, unknown>, key: string): Promise<T> {
    return hub.eventually(async () => {
      const answer = (await hub.graphql<T>(query, { input }, {}, as(key))) as GraphQLResponse<T>;
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      return answer.data!;
    });
  }

  beforeAll(async () => {
    hub = await TestHub.start();
    resultEvents = await hub.collect(ONCE_ONLY_REVIEW_RESULT_TOPIC);
    expect((await hub.graphql(REGISTER_PERSON, { input: owner })).errors).toBeUndefined();
    expect((await hub.graphql(REGISTER, { input: restaurant })).errors).toBeUndefined();

    // The first application, months ago. Market regulation issued the business licence (an e-licence);
    type Filed = { fileMaterial: { id: string; licenceId: string | null } };
    const licence = formatELicenceId({
      typeCode: 'YYZZ',
      issuerUscc: DEPARTMENTS.marketRegulation,
      serial: restaurant.uscc,
      version: '001',
    });
    businessLicence = (
      await writeForKnownSubject<Filed>(
        FILE,
        {
          subject: restaurant.uscc,
          kind: 'ELICENCE',
          materialType: 'YYZZ',
          title: '营业执照',
          licenceId: licence,
          issuedOn: '2018-06-01',
        },
        hub.keys.legalEntity.key,
      )
    ).fileMaterial.id;
    // natural resources the property certificate of the premises;
    const certificate = formatELicenceId({
      typeCode: 'BDCQZS',
      issuerUscc: DEPARTMENTS.naturalResources,
      serial: '2026000417',
      version: '001',
    });
    propertyCertificate = (
      await writeForKnownSubject<Filed>(
        FILE,
        {
          subject: restaurant.uscc,
          kind: 'ELICENCE',
          materialType: 'BDCQZS',
          title: '不动产权证书 粤（2026）佛山市不动产权第0000417号',
          licenceId: certificate,
          issuedOn: '2026-01-15',
        },
        hub.keys.geospatial.key,
      )
    ).fileMaterial.id;
    // the one-stop window took the food-safety rules with the case, and checked the legal representative's ID card against the original;
    foodSafetyRules = (
      await writeForKnownSubject<Filed>(
        FILE,
        {
          subject: restaurant.uscc,
          kind: 'MATERIAL',
          materialType: 'FOOD_SAFETY_RULES',
          title: '食品安全管理制度（第一版）',
          issuedOn: '2026-03-02',
          caseNumber: FIRST_CASE,
          serviceItemCode: FOOD_LICENCE,
        },
        hub.keys.window.key,
      )
    ).fileMaterial.id;
    type Recorded = { recordReviewResult: { id: string } };
    identityVerified = (
      await writeForKnownSubject<Recorded>(
        RECORD,
        {
          subject: restaurant.uscc,
          resultType: 'LEGAL_REP_IDENTITY_VERIFIED',
          serviceItemCode: FOOD_LICENCE,
          caseNumber: FIRST_CASE,
          outcome: 'PASSED',
          reviewer: '窗口 017 号',
          validUntil: nextYear,
        },
        hub.keys.window.key,
      )
    ).recordReviewResult.id;
    // and market regulation verified the premises on the property certificate.
    premisesVerified = (
      await writeForKnownSubject<Recorded>(
        RECORD,
        {
          subject: restaurant.uscc,
          resultType: 'PREMISES_VERIFIED',
          serviceItemCode: FOOD_LICENCE,
          caseNumber: FIRST_CASE,
          outcome: 'PASSED',
          reviewer: '审批科 李某',
          validUntil: nextYear,
          evidence: [propertyCertificate],
        },
        hub.keys.legalEntity.key,
      )
    ).recordReviewResult.id;
  }, 180_000);

  afterAll(async () => {
    await resultEvents?.close();
    await hub?.close();
  });

  const reuse = async (): Promise<Reuse> => {
    const answer = await hub.graphql<{ reuseFor: Reuse }>(
      REUSE_FOR,
      { item: FOOD_LICENCE, subject: restaurant.uscc },
      {},
      { key: hub.keys.legalEntity.key, purpose: '食品经营许可受理', caseNumber: 'FS-SPJY-2026-000388' },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.reuseFor;
  };

  it('shows every material satisfied but the one not on file, with the evidence for each', async () => {
    const answer = await reuse();
    const material = (no: number) => answer.materials.find((m) => m.material.no === no)!;

    // 1 营业执照: the e-licence on file, and the legal-entity library's record of an active company.
    expect(material(1).satisfied).toBe(true);
    expect(material(1).evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'ELICENCE',
          materialId: businessLicence,
          licenceId: expect.stringMatching(/^1\.2\.156\.3005\.2\.YYZZ\./),
          department: DEPARTMENTS.marketRegulation,
        }),
        expect.objectContaining({ kind: 'BASE_LIBRARY', department: restaurant.sourceDepartment }),
      ]),
    );
    const record = material(1).evidence.find((e) => e.kind === 'BASE_LIBRARY')!;
    expect(record.values).toEqual(
      expect.arrayContaining([
        { path: 'legalEntity.name', value: restaurant.name },
        { path: 'legalEntity.status', value: 'ACTIVE' },
      ]),
    );
    // 2 法定代表人身份证明: the window's check of the originals, which market regulation recognises (互认).
    expect(material(2).evidence).toEqual([
      expect.objectContaining({
        kind: 'REVIEW_RESULT',
        reviewResultId: identityVerified,
        resultType: 'LEGAL_REP_IDENTITY_VERIFIED',
        department: DEPARTMENTS.window,
        caseNumber: FIRST_CASE,
      }),
    ]);
    // 3 经营场所: the premises verification, and the property certificate it rests on.
    expect(material(3).evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'REVIEW_RESULT',
          reviewResultId: premisesVerified,
          department: DEPARTMENTS.marketRegulation,
        }),
        expect.objectContaining({
          kind: 'ELICENCE',
          materialId: propertyCertificate,
          department: DEPARTMENTS.naturalResources,
        }),
      ]),
    );
    // 4 食品安全管理制度: handed in with the first case.
    expect(material(4).evidence).toEqual([
      expect.objectContaining({
        kind: 'MATERIAL',
        materialId: foodSafetyRules,
        caseNumber: FIRST_CASE,
        title: '食品安全管理制度（第一版）',
      }),
    ]);
    // 5 平面布局图: the new restaurant's floor plan is not on file — the only thing to bring.
    expect(material(5)).toMatchObject({ satisfied: false, evidence: [] });
    expect(answer.toBring).toEqual([{ no: 5, name: '经营场所平面布局图', mayBeSuppliedLater: false }]);
    expect(answer.acceptableWithGaps).toBe(false);
  });

  it('invalidates the recognition that relied on a licence revoked in its library, through the event stream, within seconds, with the reason', async () => {
    const started = Date.now();
    const revoked = await hub.graphql(
      CHANGE,
      { input: { id: propertyCertificate, status: 'REVOKED', reason: '不动产登记错误，依法撤销' } },
      {},
      { key: hub.keys.geospatial.key },
    );
    expect(revoked.errors).toBeUndefined();
    const invalidated = await hub.eventually(async () => {
      const answer = await hub.graphql<{
        reviewResult: { state: string; invalidationCode: string; invalidationReason: string };
      }>(RESULT, { id: premisesVerified }, {}, { key: hub.keys.legalEntity.key });
      if (answer.data?.reviewResult?.state !== 'INVALIDATED')
        throw new Error(`still ${answer.data?.reviewResult?.state}`);
      return answer.data.reviewResult;
    }, 20_000);
    console.info(`recognition invalidated ${Date.now() - started} ms after the licence was revoked`);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(invalidated.invalidationCode).toBe('EVIDENCE_REVOKED');
    expect(invalidated.invalidationReason).toContain('不动产登记错误，依法撤销');

    const isOurs = (e: { type: string; data: Record<string, unknown> }) =>
      e.type === ONCE_ONLY_EVENT.reviewResultInvalidated && e.data.id === premisesVerified;
    await resultEvents.waitFor(() => resultEvents.events().some(isOurs));
    const published = resultEvents.events().filter(isOurs);
    expect(published).toHaveLength(1);
    expect(published[0].data).toMatchObject({ invalidationCode: 'EVIDENCE_REVOKED', subjectId: restaurant.uscc });
    expect(schemaErrors(ONCE_ONLY_EVENT.reviewResultInvalidated, published[0].data)).toEqual([]);

    // The next application asks for the premises again; nothing else changed.
    const answer = await reuse();
    expect(answer.toBring.map((m) => m.no)).toEqual([3, 5]);
    expect(answer.materials.find((m) => m.material.no === 2)!.satisfied).toBe(true);
  });
});
