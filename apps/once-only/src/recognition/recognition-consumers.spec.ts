import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@hub/auth';
import { Transaction, UnitOfWork, createCloudEvent, type CloudEvent, type EventConsumer } from '@hub/events';
import { chinaDate, generateCitizenId, generateUscc, parseCitizenId, seededRandom } from '@hub/identifiers';
import { ScratchDatabase, dataSourceOptions, migrateSchema } from '@hub/persistence';
import { HubError, InputError } from '@hub/subgraph';
import { schemaErrors } from '../../../../test/support/event-schemas.js';
import {
  CREDIT_RECORD_TOPIC as CREDIT_TOPIC,
  LEGAL_ENTITY_TOPIC,
  ONCE_ONLY_EVENT,
  ONCE_ONLY_MATERIAL_TOPIC as MATERIAL_TOPIC,
  POPULATION_PERSON_TOPIC as PERSON_TOPIC,
} from '@hub/contracts';
import { BASE_LIBRARY_EVENT } from '../once-only.events.js';
import { ONCE_ONLY_PERSISTENCE } from '../once-only.persistence.js';
import { ONCE_ONLY_SCHEMA } from '../once-only.schema.js';
import { loadOnceOnlySeed } from '../service-items/once-only-seed.js';
import { MaterialRepository } from '../archive/material.repository.js';
import { SubjectRepository } from '../subjects/subject.repository.js';
import { EvidenceEventsConsumer } from './evidence-events.consumer.js';
import { ReviewOutcome } from './recognition.model.js';
import { RecognitionRulesClient } from './recognition-rules.client.js';
import { RecognitionService } from './recognition.service.js';
import { ReviewResultRepository } from './review-result.repository.js';
import { SubjectEventsConsumer } from './subject-events.consumer.js';

const random = seededRandom(20260504);
const WINDOW = '11440604MB2D07312X';
const MARKET_REGULATION = '11440600MB2C50125L';
const window = {
  keyId: 'windowkey234',
  roles: [Role.SYSTEM],
  departmentUscc: WINDOW,
  systemCode: 'fs-cc-one-window',
  name: '一窗受理系统',
};
const provenance = {
  sourceDepartment: '114406000070201359',
  sourceSystem: 'fs-psb-hukou',
  sourceRecordId: 'r-1',
  version: 1,
  receivedAt: new Date().toISOString(),
};
const DAY_MS = 86_400_000;
const inDays = (n: number) => chinaDate(new Date(Date.now() + n * DAY_MS));

describe('review results and what invalidates them, on a real database', () => {
  let database: ScratchDatabase;
  let dataSource: DataSource;
  let recognition: RecognitionService;
  let subjectEventsConsumer: SubjectEventsConsumer;
  let evidenceEventsConsumer: EvidenceEventsConsumer;

  const deliver = (consumer: EventConsumer, event: CloudEvent) =>
    dataSource.transaction((manager) => consumer.handle(event, new Transaction(manager, ONCE_ONLY_SCHEMA)));
  const event = (topic: string, type: string, subject: string, data: unknown) =>
    createCloudEvent({ topic, type, source: '/test', subject, data });
  const result = async (id: string) =>
    (
      await dataSource.query(
        `SELECT status, invalidation_code, invalidation_reason, invalidation_event, invalidated_at FROM ${ONCE_ONLY_SCHEMA}.review_result WHERE id = $1`,
        [id],
      )
    )[0];
  const subjectRow = async (id: string) =>
    (
      await dataSource.query(
        `SELECT subject_type, status, status_effective_on, version, black_list_records FROM ${ONCE_ONLY_SCHEMA}.subject WHERE subject_id = $1`,
        [id],
      )
    )[0];
  const outbox = async (type: string, subject: string) =>
    (await dataSource.query(
      `SELECT topic, key, data FROM ${ONCE_ONLY_SCHEMA}.outbox WHERE type = $1 AND subject = $2 ORDER BY id`,
      [type, subject],
    )) as Array<{
      topic: string;
      key: string;
      data: Record<string, unknown>;
    }>;

  const registerPerson = async (idNumber: string, status = 'LIVING') =>
    deliver(
      subjectEventsConsumer,
      event(PERSON_TOPIC, BASE_LIBRARY_EVENT.personRegistered, idNumber, {
        idNumber,
        version: 1,
        record: { status, statusEffectiveOn: null, statusReason: null },
        provenance,
      }),
    );
  const registerCompany = async (uscc: string, version = 1) =>
    deliver(
      subjectEventsConsumer,
      event(LEGAL_ENTITY_TOPIC, BASE_LIBRARY_EVENT.legalEntityRegistered, uscc, {
        uscc,
        version,
        record: { status: 'ACTIVE', statusEffectiveOn: null, statusReason: null },
        provenance,
      }),
    );
  const file = async (subjectId: string, subjectType: string, fields: Record<string, unknown> = {}) => {
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO ${ONCE_ONLY_SCHEMA}.material (id, subject_type, subject_id, kind, material_type, title, issuer_uscc, licence_id, issued_on, valid_until, status,
         content_sha256, filed_by_department, filed_by_key, filed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $7, 'filerkey2345', now())`,
      [
        id,
        subjectType,
        subjectId,
        fields.kind ?? 'MATERIAL',
        fields.materialType ?? 'PREMISES_LEASE',
        fields.title ?? '经营场所租赁合同',
        MARKET_REGULATION,
        fields.licenceId ?? null,
        '2026-01-05',
        fields.validUntil ?? null,
        fields.status ?? 'VALID',
        'a'.repeat(64),
      ],
    );
    return id;
  };
  const record = (subject: string, extra: Partial<Parameters<RecognitionService['record']>[0]> = {}) =>
    recognition.record(
      {
        subject,
        resultType: parseCitizenId(subject).ok ? 'IDENTITY_VERIFIED_ORIGINALS' : 'PREMISES_VERIFIED',
        serviceItemCode: 'FS-AMR-SPJY-001',
        caseNumber: `CC-2026-${randomUUID().slice(0, 8)}`,
        outcome: ReviewOutcome.PASSED,
        reviewer: '窗口 李四',
        validUntil: inDays(30),
        ...extra,
      },
      window,
    );

  beforeAll(async () => {
    database = await ScratchDatabase.create(process.env.DATABASE_URL, 'hub_recognition');
    dataSource = await new DataSource(
      dataSourceOptions(ONCE_ONLY_PERSISTENCE, {
        url: database.url,
        poolSize: database.poolSize,
        embedded: database.embedded,
      }),
    ).initialize();
    await migrateSchema(dataSource, ONCE_ONLY_SCHEMA);
    // The real repositories, unit of work and outbox; only the relay it wakes is left out.
    const unitOfWork = new UnitOfWork((work) => dataSource.transaction(work), ONCE_ONLY_SCHEMA, {
      nudge: () => undefined,
    });
    const [subjects, materials, results] = [
      new SubjectRepository(dataSource),
      new MaterialRepository(dataSource),
      new ReviewResultRepository(dataSource),
    ];
    subjectEventsConsumer = new SubjectEventsConsumer(subjects, results);
    evidenceEventsConsumer = new EvidenceEventsConsumer(materials, results);
    // The rules client asks the catalog through the gateway; recognized() itself takes the types.
    recognition = new RecognitionService(
      results,
      subjects,
      materials,
      unitOfWork,
      loadOnceOnlySeed(),
      {} as RecognitionRulesClient,
    );
  });
  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  describe('a licence or material revoked, cancelled or expired invalidates the results that relied on it', () => {
    it('revoked: the results resting on it become INVALIDATED with EVIDENCE_REVOKED and the reason; others stay valid; one event each', async () => {
      const company = generateUscc(random, { authority: '9', category: '1', areaCode: '440604' });
      await registerCompany(company);
      const licenceId = '1.2.156.3005.2.BDCQZS.11440600MB2C5218XK.000123.001.X';
      const deed = await file(company, 'LEGAL_ENTITY', {
        kind: 'ELICENCE',
        materialType: 'BDCQZS',
        title: '不动产权证书',
        licenceId,
      });
      const lease = await file(company, 'LEGAL_ENTITY');
      const onDeed = await record(company, { evidence: [deed] });
      const onBoth = await record(company, { evidence: [lease, deed] });
      const onLease = await record(company, { evidence: [lease] });

      const revoked = event(MATERIAL_TOPIC, ONCE_ONLY_EVENT.materialStatusChanged, company, {
        materialId: deed,
        subjectType: 'LEGAL_ENTITY',
        subjectId: company,
        kind: 'ELICENCE',
        materialType: 'BDCQZS',
        licenceId,
        from: 'VALID',
        to: 'REVOKED',
        reason: '登记错误，依法撤销',
        supersededBy: null,
        changedAt: new Date().toISOString(),
      });
      await deliver(evidenceEventsConsumer, revoked);

      for (const id of [onDeed.id, onBoth.id]) {
        const row = await result(id);
        expect(row).toMatchObject({
          status: 'INVALIDATED',
          invalidation_code: 'EVIDENCE_REVOKED',
          invalidation_event: revoked.id,
        });
        expect(row.invalidation_reason).toContain(licenceId);
        expect(row.invalidation_reason).toContain('不动产权证书');
        expect(row.invalidation_reason).toContain('登记错误，依法撤销');
        expect(row.invalidated_at).toBeInstanceOf(Date);
      }
      expect(await result(onLease.id)).toMatchObject({ status: 'VALID', invalidation_code: null });

      const events = await outbox(ONCE_ONLY_EVENT.reviewResultInvalidated, company);
      expect(events.map((e) => e.data.id).sort()).toEqual([onDeed.id, onBoth.id].sort());
      for (const e of events) {
        expect(e).toMatchObject({
          topic: 'hub.once-only.review-result.v1',
          key: company,
          data: { invalidationCode: 'EVIDENCE_REVOKED', causeEventId: revoked.id },
        });
        expect(schemaErrors(ONCE_ONLY_EVENT.reviewResultInvalidated, e.data)).toEqual([]);
      }
      const recorded = await outbox(ONCE_ONLY_EVENT.reviewResultRecorded, company);
      expect(recorded).toHaveLength(3);
      for (const e of recorded) expect(schemaErrors(ONCE_ONLY_EVENT.reviewResultRecorded, e.data)).toEqual([]);
      expect(recorded.find((e) => e.data.id === onBoth.id)?.data.evidence).toEqual(
        expect.arrayContaining([
          { materialId: deed, sha256: 'a'.repeat(64) },
          { materialId: lease, sha256: 'a'.repeat(64) },
        ]),
      );
    });

    it.each([
      ['CANCELLED', 'EVIDENCE_CANCELLED'],
      ['EXPIRED', 'EVIDENCE_EXPIRED'],
    ])('%s: %s, naming the material by its title', async (to, code) => {
      const company = generateUscc(random, { authority: '9', category: '1', areaCode: '440605' });
      await registerCompany(company);
      const lease = await file(company, 'LEGAL_ENTITY', { title: '禅城区季华五路88号租赁合同' });
      const onLease = await record(company, { evidence: [lease] });
      await deliver(
        evidenceEventsConsumer,
        event(MATERIAL_TOPIC, ONCE_ONLY_EVENT.materialStatusChanged, company, {
          materialId: lease,
          licenceId: null,
          from: 'VALID',
          to,
          reason: null,
          supersededBy: null,
        }),
      );
      const row = await result(onLease.id);
      expect(row).toMatchObject({ status: 'INVALIDATED', invalidation_code: code });
      expect(row.invalidation_reason).toContain('禅城区季华五路88号租赁合同');
    });

    it('superseded: the results stay valid (the new version carries on), and nothing is published', async () => {
      const company = generateUscc(random, { authority: '9', category: '1', areaCode: '440605' });
      await registerCompany(company);
      const lease = await file(company, 'LEGAL_ENTITY');
      const onLease = await record(company, { evidence: [lease] });
      await deliver(
        evidenceEventsConsumer,
        event(MATERIAL_TOPIC, ONCE_ONLY_EVENT.materialStatusChanged, company, {
          materialId: lease,
          licenceId: null,
          from: 'VALID',
          to: 'SUPERSEDED',
          reason: '续签',
          supersededBy: randomUUID(),
        }),
      );
      expect(await result(onLease.id)).toMatchObject({ status: 'VALID' });
      expect(await outbox(ONCE_ONLY_EVENT.reviewResultInvalidated, company)).toEqual([]);
    });
  });

  describe('the base libraries tell who exists and what happened to them', () => {
    it("a death invalidates the person's valid results (not those already expired), and an older event changes nothing", async () => {
      const person = generateCitizenId(random, { areaCode: '440604', birthDate: '1950-03-03' });
      await registerPerson(person);
      expect(await subjectRow(person)).toMatchObject({ subject_type: 'PERSON', status: 'LIVING', version: 1 });
      const verified = await record(person);
      const expired = await record(person, {
        reviewedAt: new Date(Date.now() - 40 * DAY_MS).toISOString(),
        validUntil: inDays(-2),
      });
      expect(expired.state).toBe('EXPIRED');

      const death = event(PERSON_TOPIC, BASE_LIBRARY_EVENT.personStatusChanged, person, {
        idNumber: person,
        version: 2,
        from: 'LIVING',
        to: 'DECEASED',
        effectiveOn: '2026-05-04',
        reason: null,
        provenance,
      });
      await deliver(subjectEventsConsumer, death);
      expect(await subjectRow(person)).toMatchObject({
        status: 'DECEASED',
        status_effective_on: '2026-05-04',
        version: 2,
      });
      const row = await result(verified.id);
      expect(row).toMatchObject({
        status: 'INVALIDATED',
        invalidation_code: 'SUBJECT_DECEASED',
        invalidation_event: death.id,
      });
      expect(row.invalidation_reason).toBe('the person died in 2026: population record version 2');
      expect(await result(expired.id)).toMatchObject({ status: 'VALID' });

      // The registration delivered late (another event id): version 1 < 2, the death stands.
      await registerPerson(person);
      expect(await subjectRow(person)).toMatchObject({ status: 'DECEASED', version: 2 });
      await expect(record(person)).rejects.toMatchObject({ code: 'SUBJECT_DECEASED' });
    });

    it('a legal entity deregistered or revoked: LEGAL_ENTITY_CLOSED, and no new result for it', async () => {
      const company = generateUscc(random, { authority: '9', category: '1', areaCode: '440604' });
      await registerCompany(company);
      const verified = await record(company, { resultType: 'LEGAL_REP_IDENTITY_VERIFIED' });
      await deliver(
        subjectEventsConsumer,
        event(LEGAL_ENTITY_TOPIC, BASE_LIBRARY_EVENT.legalEntityStatusChanged, company, {
          uscc: company,
          version: 2,
          from: 'ACTIVE',
          to: 'REVOKED',
          effectiveOn: '2026-04-01',
          reason: '未依法年报',
          provenance,
        }),
      );
      const row = await result(verified.id);
      expect(row).toMatchObject({ status: 'INVALIDATED', invalidation_code: 'LEGAL_ENTITY_CLOSED' });
      expect(row.invalidation_reason).toBe(
        'the legal entity was revoked (吊销) on 2026-04-01 (未依法年报): legal-entity record version 2',
      );
      await expect(record(company)).rejects.toMatchObject({ code: 'SUBJECT_CLOSED' });
    });

    it("a company's legal representative changed: only its legal-representative checks end (IDENTITY_CHANGED); a redelivered or older change does nothing", async () => {
      const company = generateUscc(random, { authority: '9', category: '1', areaCode: '440604' });
      await registerCompany(company);
      const representative = await record(company, { resultType: 'LEGAL_REP_IDENTITY_VERIFIED' });
      const premises = await record(company);
      const changed = (version: number, changes: Record<string, { from: unknown; to: unknown }>) =>
        event(LEGAL_ENTITY_TOPIC, BASE_LIBRARY_EVENT.legalEntityChanged, company, {
          uscc: company,
          version,
          changes,
          provenance,
        });
      // The business scope is not what either check compared.
      await deliver(
        subjectEventsConsumer,
        changed(2, { businessScope: { from: '餐饮服务', to: '餐饮服务；食品销售' } }),
      );
      expect((await result(representative.id)).status).toBe('VALID');
      const newRepresentative = changed(3, {
        legalRepresentativeIdNumber: { from: '440604198001010011', to: '440604198202020022' },
      });
      await deliver(subjectEventsConsumer, newRepresentative);
      expect(await result(representative.id)).toMatchObject({
        status: 'INVALIDATED',
        invalidation_code: 'IDENTITY_CHANGED',
        invalidation_reason:
          "the legal entity's legal representative changed (legalRepresentativeIdNumber): legal-entity record version 3",
        invalidation_event: newRepresentative.id,
      });
      expect((await result(premises.id)).status).toBe('VALID');
      // A new check after the change, then the same change delivered again: it stands.
      const again = await record(company, { resultType: 'LEGAL_REP_IDENTITY_VERIFIED' });
      await deliver(subjectEventsConsumer, newRepresentative);
      expect((await result(again.id)).status).toBe('VALID');
      // The reason names the field, never the values (they are citizen IDs).
      const [published] = await outbox(ONCE_ONLY_EVENT.reviewResultInvalidated, company);
      expect(JSON.stringify(published.data)).not.toContain('440604198202020022');
    });

    it("a black-list entry, even one that arrives before the subject's registration, invalidates its results; its removal ends it", async () => {
      const company = generateUscc(random, { authority: '9', category: '1', areaCode: '440605' });
      const recordId = `B:${MARKET_REGULATION}:佛市监列严〔2026〕7号`;
      const listed = event(CREDIT_TOPIC, BASE_LIBRARY_EVENT.creditRegistered, company, {
        recordId,
        version: 1,
        record: {
          kind: 'BLACK_LIST',
          subjectType: 'LEGAL_ENTITY',
          subjectId: company,
          title: '严重违法失信名单',
          authorityName: '佛山市市场监督管理局',
          decisionNumber: '佛市监列严〔2026〕7号',
          status: 'ACTIVE',
          validTo: null,
        },
      });
      await deliver(subjectEventsConsumer, listed);
      expect(await subjectRow(company)).toMatchObject({
        status: 'NOT_YET_REGISTERED',
        version: 0,
        black_list_records: [recordId],
      });
      await expect(record(company)).rejects.toMatchObject({ code: 'SUBJECT_UNKNOWN' });

      await registerCompany(company);
      expect(await subjectRow(company)).toMatchObject({ status: 'ACTIVE', version: 1, black_list_records: [recordId] });
      await expect(record(company)).rejects.toMatchObject({ code: 'SUBJECT_BLACK_LISTED' });

      await deliver(
        subjectEventsConsumer,
        event(CREDIT_TOPIC, BASE_LIBRARY_EVENT.creditStatusChanged, company, {
          recordId,
          version: 2,
          from: 'ACTIVE',
          to: 'REMOVED',
        }),
      );
      expect((await subjectRow(company)).black_list_records).toEqual([]);
      const verified = await record(company);

      const again = `B:${MARKET_REGULATION}:佛市监列严〔2026〕9号`;
      await deliver(
        subjectEventsConsumer,
        event(CREDIT_TOPIC, BASE_LIBRARY_EVENT.creditRegistered, company, {
          ...(listed.data as object),
          recordId: again,
          record: { ...(listed.data as { record: object }).record, decisionNumber: '佛市监列严〔2026〕9号' },
        }),
      );
      const row = await result(verified.id);
      expect(row).toMatchObject({ status: 'INVALIDATED', invalidation_code: 'BLACK_LISTED' });
      expect(row.invalidation_reason).toContain('严重违法失信名单');
      expect(row.invalidation_reason).toContain(again);
    });

    it('a black-list entry already past its end, or another kind of record, changes nothing', async () => {
      const person = generateCitizenId(random, { areaCode: '440604', birthDate: '1980-01-01' });
      await registerPerson(person);
      const verified = await record(person);
      const base = {
        kind: 'BLACK_LIST',
        subjectType: 'PERSON',
        subjectId: person,
        title: '失信被执行人名单',
        authorityName: '佛山市中级人民法院',
        decisionNumber: 'x',
        status: 'ACTIVE',
        validTo: inDays(-1),
      };
      await deliver(
        subjectEventsConsumer,
        event(CREDIT_TOPIC, BASE_LIBRARY_EVENT.creditRegistered, person, {
          recordId: `B:${WINDOW}:x`,
          version: 1,
          record: base,
        }),
      );
      await deliver(
        subjectEventsConsumer,
        event(CREDIT_TOPIC, BASE_LIBRARY_EVENT.creditRegistered, person, {
          recordId: `P:${WINDOW}:y`,
          version: 1,
          record: { ...base, kind: 'PENALTY', validTo: null },
        }),
      );
      expect(await subjectRow(person)).toMatchObject({ black_list_records: [] });
      expect(await result(verified.id)).toMatchObject({ status: 'VALID' });
    });
  });

  describe('recording a result checks the evidence against the archive', () => {
    it('refuses a material of another subject, one not VALID, one unknown — naming it — and copies the hash of the good ones', async () => {
      const person = generateCitizenId(random, { areaCode: '440605', birthDate: '1990-09-09' });
      const other = generateCitizenId(random, { areaCode: '440605', birthDate: '1991-09-09' });
      await registerPerson(person);
      const own = await file(person, 'PERSON', { materialType: 'IDENTITY', title: '居民身份证复印件' });
      const theirs = await file(other, 'PERSON', { materialType: 'IDENTITY' });
      const revoked = await file(person, 'PERSON', { status: 'REVOKED' });
      const unknown = randomUUID();
      for (const [evidence, message] of [
        [[own, theirs], `material ${theirs}`],
        [[revoked], 'is REVOKED'],
        [[unknown], 'is not in the archive'],
      ] as const) {
        const refused = await record(person, { evidence: [...evidence] }).catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(InputError);
        expect((refused as InputError).violations[0]).toMatchObject({
          code: 'EVIDENCE_INVALID',
          field: `input.evidence.${evidence.length - 1}`,
        });
        expect((refused as InputError).violations[0].message).toContain(message);
      }
      const ok = await record(person, { evidence: [own] });
      expect(await recognition.evidenceOf([ok.id])).toEqual([[{ materialId: own, sha256: 'a'.repeat(64) }]]);
    });

    it('refuses an unknown subject with a message saying the base libraries do not have it', async () => {
      const stranger = generateCitizenId(random, { areaCode: '440605', birthDate: '1970-07-07' });
      const refused = await record(stranger).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(HubError);
      expect(refused).toMatchObject({ code: 'SUBJECT_UNKNOWN' });
      expect((refused as HubError).message).toContain('population library');
    });
  });

  it('recognized() lists only valid, passed results of the accepted types', async () => {
    const person = generateCitizenId(random, { areaCode: '440604', birthDate: '1985-05-05' });
    await registerPerson(person);
    const passed = await record(person);
    await record(person, { outcome: ReviewOutcome.FAILED });
    await record(person, { reviewedAt: new Date(Date.now() - 10 * DAY_MS).toISOString(), validUntil: inDays(-1) });
    const today = chinaDate(new Date());
    expect((await recognition.recognized(person, ['IDENTITY_VERIFIED_ORIGINALS'], today)).map((r) => r.id)).toEqual([
      passed.id,
    ]);
    expect(await recognition.recognized({ type: 'PERSON', id: person }, ['PREMISES_VERIFIED'], today)).toEqual([]);
    expect(await recognition.recognized({ type: 'PERSON', id: person }, [], today)).toEqual([]);
  });
});
