// The catalog's event payloads against their JSON Schemas (schemas/events/hub.catalog.*.schema.json).
// The payload builders are private to the services (CatalogService.resourceEvent,
// ParticipantsService.keyEvent / participantEvent, SharingService.applicationEvent / grantEvent,
// audit.service.ts toEvent, access-log-seal.ts toEvent), so the services themselves are driven here — on an in-memory stand-in
// for the database, with a publisher that keeps what they record — and every payload they emit is
// checked, as it travels (JSON: jsonb in the outbox, the Kafka message value), with the validator the
// end-to-end suites use. A payload that drifts from its schema fails here, before any suite runs.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FindOperator, type DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Role, type Principal } from '@hub/auth';
import type { EventPublisher, NewEvent } from '@hub/events';
import { generateCitizenId, generateUscc, seededRandom } from '@hub/identifiers';
import { Metrics } from '@hub/observability';
import type { GovernanceCatalog } from '@hub/policy';
import { loadWorkingDayCalendar } from '@hub/working-days';
import { schemaErrors } from '../../../test/support/event-schemas.js';
import { AccessLogSeal } from './audit/access-log-seal.js';
import type { AccessRecordInput } from './audit/access-record.js';
import { AuditKey } from './audit/audit-key.js';
import { AuditConfig } from './audit/audit.config.js';
import { AccessLog } from './audit/audit.service.js';
import { CheckpointStore } from './audit/checkpoint-store.js';
import { CATALOG_EVENT } from '@hub/contracts';
import { CatalogService } from './catalog/catalog.service.js';
import { ApiKeyRow, DepartmentRow } from './participants/participant.entities.js';
import { ParticipantsService } from './participants/participants.service.js';
import { RecognitionRuleRow } from './recognition/recognition-rule.entity.js';
import { RecognitionRulesService } from './recognition/recognition-rules.service.js';
import { readSeedCatalog } from './seed/catalog-seed.js';
import { SharingService } from './sharing/sharing.service.js';
import type { WorkingDayCalendarStore } from './calendar/working-day-calendar.store.js';
import { WorkingDayNoticeService } from './calendar/working-day-notice.service.js';
import { SupervisionConfig } from '@hub/subgraph';

type Row = Record<string, unknown>;
type Where = Record<string, unknown>;

function matches(row: Row, where: Where = {}): boolean {
  return Object.entries(where).every(([key, value]) =>
    value instanceof FindOperator ? value.type === 'in' && (value.value as unknown[]).includes(row[key]) : row[key] === value,
  );
}

/** One table: just the repository calls the catalog services make. */
class FakeRepository {
  readonly rows: Row[] = [];
  async findOne(options: { where: Where }): Promise<Row | null> {
    return this.rows.find((r) => matches(r, options.where)) ?? null;
  }
  async findOneBy(where: Where): Promise<Row | null> {
    return this.rows.find((r) => matches(r, where)) ?? null;
  }
  async findBy(where: Where): Promise<Row[]> {
    return this.rows.filter((r) => matches(r, where));
  }
  async find(options: { where?: Where } = {}): Promise<Row[]> {
    return this.rows.filter((r) => matches(r, options.where));
  }
  async existsBy(where: Where): Promise<boolean> {
    return this.rows.some((r) => matches(r, where));
  }
  async count(): Promise<number> {
    return this.rows.length;
  }
  async insert(rows: Row | Row[]): Promise<void> {
    this.rows.push(...[rows].flat().map((r) => ({ ...r })));
  }
  /** The services save rows they loaded (and changed in place). */
  async save(row: Row): Promise<Row> {
    if (!this.rows.includes(row)) this.rows.push(row);
    return row;
  }
  async delete(where: Where): Promise<void> {
    const keep = this.rows.filter((r) => !matches(r, where));
    this.rows.splice(0, this.rows.length, ...keep);
  }
  /** CatalogService.load: the items of the resources asked for (it filters them by resource itself). */
  createQueryBuilder() {
    // (SharingService.recountDeadlines too: every application, unfiltered, which is enough for payloads.)
    const query = { where: () => query, andWhere: () => query, orderBy: () => query, addOrderBy: () => query, setLock: () => query, getMany: async () => this.rows };
    return query;
  }
}

/** The database as the services see it: repositories by entity, transactions that just run. */
class FakeDatabase {
  private readonly tables = new Map<unknown, FakeRepository>();
  constructor(private readonly answer: (sql: string) => unknown[] = () => []) {}
  readonly getRepository = (entity: unknown): FakeRepository => {
    if (!this.tables.has(entity)) this.tables.set(entity, new FakeRepository());
    return this.tables.get(entity)!;
  };
  readonly query = async (sql: string): Promise<unknown[]> => this.answer(sql);
  readonly transaction = async <T>(work: (tx: FakeDatabase) => Promise<T>): Promise<T> => work(this);
  get manager(): FakeDatabase {
    return this;
  }
  get dataSource(): DataSource {
    return this as unknown as DataSource;
  }
}

/** Keeps the events a service records (instead of writing them to the outbox). */
class Recorder {
  readonly events: NewEvent[] = [];
  async record(_tx: unknown, events: NewEvent[]): Promise<[]> {
    this.events.push(...events);
    return [];
  }
  committed(): void {}
  get publisher(): EventPublisher {
    return this as unknown as EventPublisher;
  }
}

/** An event's data as a consumer receives it: the outbox stores it as jsonb, Kafka carries JSON.stringify(data). */
const wire = (event: NewEvent): Record<string, unknown> => JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>;

const TYPES = Object.values(CATALOG_EVENT);
const NOW = new Date('2026-03-02T02:00:00.000Z'); // a Monday in the years the working-day calendar covers
const allowed = () => undefined;
const random = seededRandom(20260302);

const admin: Principal = { keyId: 'demoadminkey', roles: [Role.ADMIN], departmentUscc: null, systemCode: null, name: '演示管理员' };
const hubSteward: Principal = { keyId: 'demostewards', roles: [Role.STEWARD], departmentUscc: null, systemCode: null, name: '全市数据管理员' };

const emitted: NewEvent[] = [];
let issuedKey: { key: string; secretHash: string };

/** CatalogService.resourceEvent, via seed, create, update, publish and retire. */
async function resourceEvents(seed: GovernanceCatalog, sdl: string): Promise<void> {
  const seeded = new Recorder();
  await new CatalogService(new FakeDatabase().dataSource, seeded.publisher, sdl).seed(seed.resources, seed.departments);
  emitted.push(...seeded.events);

  const db = new FakeDatabase();
  await db.getRepository(DepartmentRow).insert(seed.departments.map((d) => ({ uscc: d.uscc, name: d.name, divisionCode: d.divisionCode })));
  const events = new Recorder();
  const catalog = new CatalogService(db.dataSource, events.publisher, sdl);
  const template = seed.resources.find((r) => r.code === '102002001/000001')!;
  const code = '102002001/000002';
  await catalog.create(
    {
      code,
      name: `${template.name}（新版）`,
      providerUscc: template.provider,
      summary: template.summary,
      format: template.format,
      sharingType: template.sharingType,
      sharingConditions: template.sharingConditions ?? undefined,
      sharingMethod: template.sharingMethod,
      openAttribute: template.openAttribute,
      updateCycle: template.updateCycle,
      relatedCodes: [],
      items: template.items.map((i) => ({ ...i, fields: [...i.fields] })),
    },
    hubSteward,
  );
  await catalog.update({ code, expectedVersion: 1, summary: `${template.summary}（修订）` }, hubSteward, allowed);
  await catalog.publish(code, 2, hubSteward, allowed);
  await catalog.retire(code, 3, hubSteward, allowed);
  emitted.push(...events.events);
}

/** ParticipantsService.participantEvent and keyEvent, via seed, registrations, a system's rate, issuing and revoking keys. */
async function participantEvents(seed: GovernanceCatalog): Promise<void> {
  const db = new FakeDatabase();
  const events = new Recorder();
  const participants = new ParticipantsService(db.dataSource, events.publisher);
  await participants.seed(seed.departments);
  const uscc = generateUscc(random);
  await participants.registerDepartment({ uscc, name: '佛山市数据测试局', divisionCode: '440604' }, admin);
  await participants.registerSystem({ code: 'fs-test-window', departmentUscc: uscc, name: '测试一窗系统' }, admin);
  await participants.setSystemRateLimit({ systemCode: 'fs-test-window', requestsPerMinute: 300, reason: '测试：一窗系统每分钟三百次' }, admin);
  const system = await participants.issueKey({ roles: [Role.SYSTEM], systemCode: 'fs-test-window', holderName: '测试一窗系统' }, admin);
  const steward = await participants.issueKey({ roles: [Role.STEWARD], departmentUscc: uscc, holderName: '测试局数据管理员' }, admin);
  await participants.revokeKey({ id: steward.apiKey.id, reason: '人员调岗' }, admin);
  const row = db.getRepository(ApiKeyRow).rows.find((r) => r.id === system.apiKey.id)!;
  issuedKey = { key: system.key, secretHash: row.secretHash as string };
  emitted.push(...events.events);
}

/** SharingService.applicationEvent and grantEvent, via apply, approve (in part and in full), reject, withdraw, revoke. */
async function sharingEvents(seed: GovernanceCatalog, sdl: string): Promise<void> {
  const db = new FakeDatabase();
  await new CatalogService(db.dataSource, new Recorder().publisher, sdl).seed(seed.resources, seed.departments);
  const events = new Recorder();
  // The calendar file alone (this fake database holds no notices).
  const calendar = loadWorkingDayCalendar();
  const sharing = new SharingService(db.dataSource, events.publisher, { forDeadline: async () => calendar, current: async () => calendar } as unknown as WorkingDayCalendarStore, new SupervisionConfig());
  const resource = seed.resources.find((r) => r.code === '102002001/000001')!;
  const window = seed.departments.find((d) => d.systems.some((s) => s.code === 'fs-cc-one-window'))!;
  const consumer: Principal = { keyId: 'demowindowcc', roles: [Role.SYSTEM], departmentUscc: window.uscc, systemCode: 'fs-cc-one-window', name: '禅城区一窗受理系统' };
  const steward: Principal = { keyId: 'demoamrstewd', roles: [Role.STEWARD], departmentUscc: resource.provider, systemCode: null, name: '市场监管局数据管理员' };
  const items = resource.items.map((i) => i.no);
  const apply = () =>
    sharing.apply(
      {
        resourceCode: resource.code,
        items,
        purpose: '一窗受理：核验申请人及法定代表人信息',
        legalBasis: '《优化营商环境条例》第三十五条',
        requestedFrom: '2026-03-02',
        requestedTo: '2027-03-01',
        fullValues: true,
      },
      consumer,
      NOW,
    );
  const [partial, full, rejected, withdrawn] = [await apply(), await apply(), await apply(), await apply()];
  await sharing.approve({ applicationId: partial.id, items: items.slice(0, -1), reason: '  仅批准与本事项直接相关的信息项  ' }, steward, NOW);
  const approved = await sharing.approve({ applicationId: full.id, fullValues: false, validTo: '2026-12-31' }, steward, NOW);
  await sharing.reject({ applicationId: rejected.id, reason: '申请用途与所列依据不符' }, steward, NOW);
  await sharing.withdraw(withdrawn.id, consumer, NOW);
  await sharing.revokeGrant({ grantId: approved.grantId!, reason: '事项已办结' }, steward, NOW);
  // A notice for 2026 giving Monday 9 March off as well (a one-off, confirmed): every deadline
  // counted across it moves a day (deadline-changed), and the notice is published.
  const shipped = JSON.parse(readFileSync('schemas/catalog/working-day-calendar.json', 'utf8')) as { holidays: string[]; workdays: string[] };
  const in2026 = (day: string) => day.startsWith('2026-');
  const store = { calendarIn: async () => calendar, lockForRecount: async () => undefined, invalidate: () => undefined } as unknown as WorkingDayCalendarStore;
  await new WorkingDayNoticeService(db.dataSource, events.publisher, store, sharing).enter(
    {
      year: 2026,
      holidays: [...shipped.holidays.filter(in2026), '2026-03-09'],
      workdays: shipped.workdays.filter(in2026),
      source: '国务院办公厅关于2026年部分节假日安排的通知（测试用，另加3月9日）',
      publishedOn: '2025-11-04',
      reason: null,
      unusualTotalConfirmed: true,
    },
    admin,
    NOW,
  );
  emitted.push(...events.events);
}

const auditKey = AuditKey.random();
const checkpointFile = join(tmpdir(), `hub-catalog-events-${process.pid}.ndjson`);

/** audit.service.ts toEvent, via AccessLog.append: an allowed, a refused and an anonymous failed operation. */
async function accessEvents(): Promise<void> {
  const head = { seq: '41', hash: 'c3ab8ff13720e8ad9047dd39466b3c8974e592c2fa383d4a3960714caef0c4f2' };
  const db = new FakeDatabase((sql) => (sql.includes('FOR UPDATE') ? [head] : []));
  const events = new Recorder();
  const person = generateCitizenId(random);
  const company = generateUscc(random);
  const base: AccessRecordInput = {
    requestId: 'a1b2c3d4-0000-4000-8000-000000000001',
    keyId: 'demowindowcc',
    systemCode: 'fs-cc-one-window',
    departmentUscc: '11440604MB2D07312X',
    holderName: '禅城区一窗受理系统',
    roles: ['SYSTEM'],
    purpose: '一窗受理：核验申请人信息',
    caseNumber: 'YC-2026-000123',
    operationType: 'query',
    operationName: 'CompanyProfile',
    fields: ['Query.legalEntity', 'LegalEntity.name', 'LegalEntity.legalRepresentative'],
    subjects: [`LEGAL_ENTITY:${company}`, `PERSON:${person}`],
    outcome: 'ALLOWED',
    errorCode: null,
    refusal: null,
    startedAt: new Date(Date.now() - 25).toISOString(),
    durationMs: 18,
    timings: { policy: 0.4, execute: 17.2 },
  };
  await new AccessLog(db.dataSource, events.publisher, auditKey, new CheckpointStore(checkpointFile, auditKey)).append([
    base,
    {
      ...base,
      requestId: 'a1b2c3d4-0000-4000-8000-000000000002',
      outcome: 'REFUSED',
      errorCode: 'FORBIDDEN',
      refusal: { items: [{ item: '101001001/000001#3', reason: 'NO_GRANT' }] },
      subjects: [],
    },
    {
      ...base,
      requestId: 'a1b2c3d4-0000-4000-8000-000000000003',
      keyId: null,
      systemCode: null,
      departmentUscc: null,
      holderName: null,
      roles: [],
      purpose: null,
      caseNumber: null,
      operationType: 'mutation',
      operationName: null,
      fields: [],
      subjects: [],
      outcome: 'FAILED',
      errorCode: 'UNAUTHENTICATED',
      timings: {},
    },
  ]);
  emitted.push(...events.events);
}

/** access-log-seal.ts toEvent, via AccessLogSeal.seal: checkpoints of the log accessEvents() chained, at the interval and at shutdown. */
async function checkpointEvents(): Promise<void> {
  const records = emitted.filter((e) => e.type === CATALOG_EVENT.accessRecorded).map(wire);
  const last = records.at(-1)!;
  let head = { seq: last.seq, hash: last.hash, keyedFrom: records[0].seq, no: '0', sealedSeq: '0', digest: null as string | null };
  // Record 1 of this log (only its hash is read: the checkpoint's root), and the head record.
  const root = { seq: '1', hash: 'b'.repeat(64) };
  const db = new FakeDatabase((sql) => (sql.includes('FOR UPDATE') ? [head] : sql.includes('ANY(') ? [last] : sql.includes('seq = 1') ? [root] : []));
  const events = new Recorder();
  const store = new CheckpointStore(checkpointFile, auditKey);
  const seal = new AccessLogSeal(db.dataSource, events.publisher, auditKey, store, new AuditConfig(), new Metrics('catalog-events-spec'));
  try {
    const first = (await seal.seal('interval'))!;
    head = { ...head, no: first.no, sealedSeq: first.headSeq, digest: 'f'.repeat(64) };
    await seal.seal('shutdown');
  } finally {
    await rm(checkpointFile, { force: true });
  }
  emitted.push(...events.events);
}

const changesIn = (type: string): unknown[] => {
  const schema = JSON.parse(readFileSync(`schemas/events/${type}.schema.json`, 'utf8')) as {
    properties: { change?: { enum: unknown[] } };
  };
  return schema.properties.change?.enum ?? [];
};
const first = (type: string, change?: string): Record<string, unknown> => {
  const event = emitted.find((e) => e.type === type && (change === undefined || wire(e).change === change));
  if (!event) throw new Error(`no ${type} ${change ?? ''} event was emitted`);
  return wire(event);
};
const without = (data: Record<string, unknown>, field: string): Record<string, unknown> => {
  const copy = { ...data };
  delete copy[field];
  return copy;
};

/** RecognitionRulesService.setRecognition: a department starts, then stops, accepting a result type. */
async function recognitionEvents(seed: GovernanceCatalog): Promise<void> {
  const db = new FakeDatabase();
  await db.getRepository(DepartmentRow).insert(seed.departments.map((d) => ({ uscc: d.uscc, name: d.name, divisionCode: d.divisionCode })));
  await db.getRepository(RecognitionRuleRow).insert({ resultType: 'PREMISES_VERIFIED', name: '经营场所使用证明已核验', subjectType: 'LEGAL_ENTITY', maxValidityDays: 365, acceptedBy: ['11440600MB2C50125L'], description: null, version: 1, updatedAt: NOW, updatedBy: null });
  const events = new Recorder();
  const rules = new RecognitionRulesService(db.dataSource, events.publisher);
  const tax = seed.departments.find((d) => d.name.includes('税务'))!.uscc;
  await rules.setRecognition({ resultType: 'PREMISES_VERIFIED', department: tax, accepts: true, reason: '税务登记时采信市场监管的场所核验' }, hubSteward, NOW);
  await rules.setRecognition({ resultType: 'PREMISES_VERIFIED', department: tax, accepts: false, reason: '改为税务现场核查，不再采信' }, admin, NOW);
  emitted.push(...events.events);
}

describe('catalog event payloads', () => {
  beforeAll(async () => {
    const seed = await readSeedCatalog();
    const sdl = readFileSync('schemas/graphql/supergraph.graphql', 'utf8');
    await resourceEvents(seed, sdl);
    await participantEvents(seed);
    await sharingEvents(seed, sdl);
    await accessEvents();
    await checkpointEvents();
    await recognitionEvents(seed);
  });

  it('are emitted for every catalog event type, with every change its schema names', () => {
    expect([...new Set(emitted.map((e) => e.type))].sort()).toEqual([...TYPES].sort());
    for (const type of TYPES.filter((t) => t !== CATALOG_EVENT.accessRecorded && t !== CATALOG_EVENT.accessLogCheckpoint && t !== CATALOG_EVENT.workingDayNoticeEntered)) {
      const seen = [...new Set(emitted.filter((e) => e.type === type).map((e) => wire(e).change))].sort();
      expect({ type, seen }).toEqual({ type, seen: [...changesIn(type)].sort() });
    }
  });

  it.each(TYPES)('%s: every payload the code emits matches the schema', (type) => {
    const mine = emitted.filter((e) => e.type === type);
    expect(mine.length).toBeGreaterThan(0);
    for (const event of mine) {
      const data = wire(event);
      expect({ change: data.change, errors: schemaErrors(type, data) }).toEqual({ change: data.change, errors: [] });
    }
  });

  it('api key events carry the key id, never the key, its secret or its hash', () => {
    const [, secret] = /^hubk_[a-z2-7]{12}_(.+)$/.exec(issuedKey.key)!;
    for (const event of emitted.filter((e) => e.type === CATALOG_EVENT.apiKeyChanged)) {
      const text = JSON.stringify(wire(event));
      for (const forbidden of [issuedKey.key, secret, issuedKey.secretHash]) expect(text).not.toContain(forbidden);
      expect(Object.keys(wire(event)).filter((k) => /secret|hash|^key$/i.test(k))).toEqual([]);
    }
    expect(schemaErrors(CATALOG_EVENT.apiKeyChanged, { ...first(CATALOG_EVENT.apiKeyChanged), secretHash: issuedKey.secretHash })).not.toEqual([]);
  });

  it('access records are chained in the events as in the log', () => {
    const records = emitted.filter((e) => e.type === CATALOG_EVENT.accessRecorded).map(wire);
    expect(records.map((r) => r.seq)).toEqual(['42', '43', '44']);
    expect(records[1].prevHash).toBe(records[0].hash);
    expect(records[2].prevHash).toBe(records[1].hash);
  });

  it('checkpoints seal the head of the chain, numbered, each naming the one before', () => {
    const records = emitted.filter((e) => e.type === CATALOG_EVENT.accessRecorded).map(wire);
    const checkpoints = emitted.filter((e) => e.type === CATALOG_EVENT.accessLogCheckpoint);
    expect(checkpoints.map((e) => [e.subject, wire(e).no, wire(e).reason, wire(e).prev])).toEqual([
      ['access-log-checkpoint', '1', 'interval', null],
      ['access-log-checkpoint', '2', 'shutdown', 'f'.repeat(64)],
    ]);
    expect(wire(checkpoints[0])).toMatchObject({ root: 'b'.repeat(64), headSeq: '44', headHash: records.at(-1)!.hash, keyedFrom: '42', keyId: auditKey.keyId });
  });

  const NEGATIVE: Array<[type: string, what: string, make: () => unknown]> = [
    [CATALOG_EVENT.resourceChanged, 'without version', () => without(first(CATALOG_EVENT.resourceChanged), 'version')],
    [CATALOG_EVENT.resourceChanged, 'a resource change for code "catalog"', () => ({ ...first(CATALOG_EVENT.resourceChanged, 'published'), code: 'catalog' })],
    [CATALOG_EVENT.resourceChanged, 'retired but PUBLISHED', () => ({ ...first(CATALOG_EVENT.resourceChanged, 'retired'), status: 'PUBLISHED' })],
    [CATALOG_EVENT.grantChanged, 'without resourceCode', () => without(first(CATALOG_EVENT.grantChanged), 'resourceCode')],
    [CATALOG_EVENT.grantChanged, 'revoked without a reason', () => ({ ...first(CATALOG_EVENT.grantChanged, 'revoked'), revokeReason: null })],
    [CATALOG_EVENT.grantChanged, 'with a date-time for validTo', () => ({ ...first(CATALOG_EVENT.grantChanged), validTo: '2026-12-31T00:00:00Z' })],
    [CATALOG_EVENT.apiKeyChanged, 'without keyId', () => without(first(CATALOG_EVENT.apiKeyChanged), 'keyId')],
    [CATALOG_EVENT.apiKeyChanged, 'a SYSTEM key without a system', () => ({ ...first(CATALOG_EVENT.apiKeyChanged), roles: ['SYSTEM'], systemCode: null })],
    [CATALOG_EVENT.apiKeyChanged, 'carrying the key', () => ({ ...first(CATALOG_EVENT.apiKeyChanged), key: issuedKey.key })],
    [CATALOG_EVENT.participantChanged, 'without change', () => without(first(CATALOG_EVENT.participantChanged), 'change')],
    [CATALOG_EVENT.participantChanged, 'a department registered under a system code', () => ({ id: 'fs-test-window', change: 'department-registered' })],
    [CATALOG_EVENT.sharingApplicationChanged, 'without consumerDepartmentUscc', () => without(first(CATALOG_EVENT.sharingApplicationChanged), 'consumerDepartmentUscc')],
    [CATALOG_EVENT.sharingApplicationChanged, 'rejected without a reason', () => ({ ...first(CATALOG_EVENT.sharingApplicationChanged, 'rejected'), decisionReason: null })],
    [CATALOG_EVENT.sharingApplicationChanged, 'approved but SUBMITTED', () => ({ ...first(CATALOG_EVENT.sharingApplicationChanged, 'approved'), status: 'SUBMITTED' })],
    [CATALOG_EVENT.sharingApplicationChanged, 'with an invalid provider USCC', () => ({ ...first(CATALOG_EVENT.sharingApplicationChanged), providerUscc: '11440600MB2C5O125L' })],
    [CATALOG_EVENT.accessRecorded, 'without hash', () => without(first(CATALOG_EVENT.accessRecorded), 'hash')],
    [CATALOG_EVENT.accessRecorded, 'with seq as a number', () => ({ ...first(CATALOG_EVENT.accessRecorded), seq: 42 })],
    [CATALOG_EVENT.accessRecorded, 'with a subject not normalised', () => ({ ...first(CATALOG_EVENT.accessRecorded), subjects: ['person:11010519491231002x'] })],
    [CATALOG_EVENT.accessRecorded, 'with an unknown hash algorithm', () => ({ ...first(CATALOG_EVENT.accessRecorded), hashAlg: 'md5' })],
    [CATALOG_EVENT.accessLogCheckpoint, 'without signature', () => without(first(CATALOG_EVENT.accessLogCheckpoint), 'signature')],
    [CATALOG_EVENT.accessLogCheckpoint, 'without the log it seals', () => without(first(CATALOG_EVENT.accessLogCheckpoint), 'root')],
    [CATALOG_EVENT.accessLogCheckpoint, 'with headSeq as a number', () => ({ ...first(CATALOG_EVENT.accessLogCheckpoint), headSeq: 44 })],
    [CATALOG_EVENT.accessLogCheckpoint, 'with a hex signature', () => ({ ...first(CATALOG_EVENT.accessLogCheckpoint), signature: 'ab'.repeat(64) })],
    [CATALOG_EVENT.recognitionRuleChanged, 'without a reason', () => without(first(CATALOG_EVENT.recognitionRuleChanged), 'reason')],
    [CATALOG_EVENT.recognitionRuleChanged, 'with a department that is no USCC', () => ({ ...first(CATALOG_EVENT.recognitionRuleChanged), department: '佛山市税务局' })],
    [CATALOG_EVENT.sharingApplicationChanged, 'deadline-changed without the deadline before', () => without(first(CATALOG_EVENT.sharingApplicationChanged, 'deadline-changed'), 'previousDeadline')],
    [CATALOG_EVENT.sharingApplicationChanged, 'submitted with a deadline before', () => ({ ...first(CATALOG_EVENT.sharingApplicationChanged, 'submitted'), previousDeadline: '2026-03-16' })],
    [CATALOG_EVENT.sharingApplicationChanged, 'without deadlineProvisional', () => without(first(CATALOG_EVENT.sharingApplicationChanged), 'deadlineProvisional')],
    [CATALOG_EVENT.workingDayNoticeEntered, 'without its source', () => without(first(CATALOG_EVENT.workingDayNoticeEntered), 'source')],
    [CATALOG_EVENT.workingDayNoticeEntered, 'a second version without a reason', () => ({ ...first(CATALOG_EVENT.workingDayNoticeEntered), version: 2, reason: null })],
    [CATALOG_EVENT.workingDayNoticeEntered, 'with a holiday as a date-time', () => ({ ...first(CATALOG_EVENT.workingDayNoticeEntered), holidays: ['2026-01-01T00:00:00Z'] })],
  ];

  it.each(NEGATIVE)('%s: refuses a payload %s', (type, _what, make) => {
    expect(schemaErrors(type, make())).not.toEqual([]);
  });

  it('has a negative case for every schema', () => {
    expect([...new Set(NEGATIVE.map(([type]) => type))].sort()).toEqual([...TYPES].sort());
  });
});
