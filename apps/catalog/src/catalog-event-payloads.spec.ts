// The catalog's event payloads against their JSON Schemas (schemas/events/hub.catalog.*.schema.json).
// Each payload builder lives in its domain folder (*.events.ts) and is called here on rows as the
// services write them — from the shipped catalog — with every change its schema names; every
// payload is checked as it travels (JSON: jsonb in the outbox, the Kafka message value) with the
// validator the end-to-end suites use. A payload that drifts from its schema fails here, before
// any suite runs, and without a database.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Role, generateApiKey } from '@hub/auth';
import type { NewEvent } from '@hub/events';
import { generateCitizenId, generateUscc, seededRandom } from '@hub/identifiers';
import type { GovernanceCatalog } from '@hub/policy';
import { loadWorkingDayCalendar, recountDeadline } from '@hub/working-days';
import { schemaErrors } from '../../../test/support/event-schemas.js';
import { CHECKPOINT_EVENT_SUBJECT, accessLogCheckpointEvent, accessRecordedEvent } from './audit/access-log.events.js';
import type { AccessRecordInput } from './audit/access-record.js';
import { AuditKey } from './audit/audit-key.js';
import type { AccessRecordRow } from './audit/audit.entities.js';
import { toRow } from './audit/audit.service.js';
import { checkpointDigest, signCheckpoint } from './audit/checkpoint.js';
import { canonicalRecord } from './audit/hash-chain.js';
import { workingDayNoticeEnteredEvent } from './calendar/working-day-notice.events.js';
import { CATALOG_EVENT } from '@hub/contracts';
import { resourceChangedEvent } from './catalog/resource.events.js';
import type { ApiKeyRow } from './participants/participant.entities.js';
import { apiKeyChangedEvent, participantChangedEvent } from './participants/participant.events.js';
import { recognitionRuleChangedEvent } from './recognition/recognition-rule.events.js';
import { readSeedCatalog } from './seed/catalog-seed.js';
import type { SharingApplicationRow, SharingGrantRow } from './sharing/sharing.entities.js';
import { applicationChangedEvent, grantChangedEvent } from './sharing/sharing.events.js';

/** An event's data as a consumer receives it: the outbox stores it as jsonb, Kafka carries JSON.stringify(data). */
const wire = (event: NewEvent): Record<string, unknown> =>
  JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>;

const TYPES = Object.values(CATALOG_EVENT);
const NOW = new Date('2026-03-02T02:00:00.000Z'); // a Monday in the years the working-day calendar covers
const random = seededRandom(20260302);
const auditKey = AuditKey.random();
const emitted: NewEvent[] = [];
let issuedKey: { key: string; secretHash: string };

/** resourceChangedEvent: the seed, then a resource's lifecycle. */
function resourceEvents(seed: GovernanceCatalog): void {
  const resource = seed.resources.find((r) => r.code === '102002001/000001')!;
  emitted.push(
    resourceChangedEvent('seeded', 'catalog', 1, 'PUBLISHED'),
    resourceChangedEvent('created', resource.code, 1, 'DRAFT'),
    resourceChangedEvent('updated', resource.code, 2, 'DRAFT'),
    resourceChangedEvent('published', resource.code, 3, 'PUBLISHED'),
    resourceChangedEvent('retired', resource.code, 4, 'RETIRED'),
  );
}

/** participantChangedEvent and apiKeyChangedEvent: the seed, registrations, a system's rate, keys issued and revoked. */
function participantEvents(): void {
  const uscc = generateUscc(random);
  emitted.push(
    participantChangedEvent('seeded', 'catalog'),
    participantChangedEvent('department-registered', uscc),
    participantChangedEvent('system-registered', 'fs-test-window'),
    participantChangedEvent('system-rate-limit-set', 'fs-test-window', {
      requestsPerMinute: 300,
      reason: '测试：一窗系统每分钟三百次',
      by: 'demoadminkey',
    }),
  );
  const issued = generateApiKey();
  issuedKey = { key: issued.key, secretHash: issued.secretHash };
  const key = (roles: Role[], departmentUscc: string | null, systemCode: string | null): ApiKeyRow => ({
    id: issued.id,
    secretHash: issued.secretHash,
    roles,
    departmentUscc,
    systemCode,
    holderName: '测试一窗系统',
    issuedAt: NOW,
    issuedBy: 'demoadminkey',
    expiresAt: new Date('2027-03-02T16:00:00.000Z'),
    revokedAt: null,
    revokedBy: null,
    revokeReason: null,
  });
  emitted.push(apiKeyChangedEvent('issued', key([Role.SYSTEM], uscc, 'fs-test-window')));
  emitted.push(
    apiKeyChangedEvent('revoked', {
      ...key([Role.STEWARD], uscc, null),
      revokedAt: NOW,
      revokedBy: 'demoadminkey',
      revokeReason: '人员调岗',
    }),
  );
}

/** applicationChangedEvent and grantChangedEvent through an application's life, and a deadline moved by a notice. */
function sharingEvents(seed: GovernanceCatalog): void {
  const resource = seed.resources.find((r) => r.code === '102002001/000001')!;
  const window = seed.departments.find((d) => d.systems.some((s) => s.code === 'fs-cc-one-window'))!;
  const items = resource.items.map((i) => i.no);
  const submitted: SharingApplicationRow = {
    id: 'a4d1c0de-0000-4000-8000-000000000001',
    resourceCode: resource.code,
    providerUscc: resource.provider,
    consumerSystemCode: 'fs-cc-one-window',
    consumerDepartmentUscc: window.uscc,
    items,
    purpose: '一窗受理：核验申请人及法定代表人信息',
    legalBasis: '《优化营商环境条例》第三十五条',
    requestedFrom: '2026-03-02',
    requestedTo: '2027-03-01',
    fullValues: true,
    status: 'SUBMITTED',
    submittedAt: NOW,
    submittedBy: 'demowindowcc',
    deadline: '2026-03-16',
    workingDays: 10,
    deadlineProvisional: false,
    deadlineChanges: [],
    decidedAt: null,
    decidedBy: null,
    decisionReason: null,
    approvedItems: null,
    grantId: null,
  };
  const grant: SharingGrantRow = {
    id: 'a4d1c0de-0000-4000-8000-0000000000a1',
    applicationId: submitted.id,
    resourceCode: resource.code,
    providerUscc: resource.provider,
    consumerSystemCode: 'fs-cc-one-window',
    items: items.slice(0, -1),
    purpose: submitted.purpose,
    fullValues: false,
    validFrom: '2026-03-02',
    validTo: '2026-12-31',
    grantedAt: NOW,
    grantedBy: 'demoamrstewd',
    revokedAt: null,
    revokedBy: null,
    revokeReason: null,
  };
  const decided = { decidedAt: NOW, decidedBy: 'demoamrstewd' };
  // A notice for 2026 giving Monday 9 March off as well: the deadline counted across it moves a day.
  const calendar = loadWorkingDayCalendar().withNotice({
    year: 2026,
    holidays: ['2026-03-09'],
    workdays: [],
    source: '国务院办公厅关于2026年部分节假日安排的通知（测试用）',
    version: 1,
  });
  const change = recountDeadline(
    { submittedAt: NOW, workingDays: 10, deadline: submitted.deadline, provisional: false },
    calendar,
    { kind: 'notice', year: 2026, version: 1 },
    NOW,
  );
  expect(change).not.toBeNull();
  emitted.push(
    applicationChangedEvent(submitted, 'submitted'),
    applicationChangedEvent(
      {
        ...submitted,
        ...decided,
        status: 'PARTIALLY_APPROVED',
        decisionReason: '仅批准与本事项直接相关的信息项',
        approvedItems: grant.items,
        grantId: grant.id,
      },
      'partially-approved',
    ),
    applicationChangedEvent(
      { ...submitted, ...decided, status: 'APPROVED', approvedItems: items, grantId: grant.id },
      'approved',
    ),
    applicationChangedEvent(
      { ...submitted, ...decided, status: 'REJECTED', decisionReason: '申请用途与所列依据不符' },
      'rejected',
    ),
    applicationChangedEvent(
      { ...submitted, status: 'WITHDRAWN', decidedAt: NOW, decidedBy: 'demowindowcc' },
      'withdrawn',
    ),
    applicationChangedEvent(
      { ...submitted, deadline: change!.deadline, deadlineChanges: [change!] },
      'deadline-changed',
      change!.previousDeadline,
    ),
    grantChangedEvent(grant, 'granted'),
    grantChangedEvent({ ...grant, revokedAt: NOW, revokedBy: 'demoamrstewd', revokeReason: '事项已办结' }, 'revoked'),
  );
  emitted.push(
    workingDayNoticeEnteredEvent({
      year: 2026,
      version: 1,
      holidays: ['2026-01-01', '2026-03-09'],
      workdays: [],
      source: '国务院办公厅关于2026年部分节假日安排的通知（测试用，另加3月9日）',
      publishedOn: '2025-11-04',
      reason: null,
      unusualTotal: true,
      deadlinesChanged: 1,
      enteredBy: 'demoadminkey',
      enteredAt: NOW,
    }),
  );
}

/** accessRecordedEvent on three chained records (allowed, refused, anonymous failed), then two checkpoints sealing them. */
function accessEvents(): void {
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
    startedAt: new Date(NOW.getTime() - 25).toISOString(),
    durationMs: 18,
    timings: { policy: 0.4, execute: 17.2 },
  };
  const inputs: AccessRecordInput[] = [
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
  ];
  // Chained after record 41 of a log, as AccessLog.append chains them.
  let prevHash = 'c3ab8ff13720e8ad9047dd39466b3c8974e592c2fa383d4a3960714caef0c4f2';
  const rows: AccessRecordRow[] = inputs.map((input, i) => {
    const row = toRow(input, String(42 + i), NOW, prevHash);
    row.hash = auditKey.mac(prevHash, canonicalRecord(row));
    prevHash = row.hash;
    return row;
  });
  emitted.push(...rows.map(accessRecordedEvent));
  const head = rows.at(-1)!;
  const seal = (no: string, prev: string | null, reason: 'interval' | 'shutdown') =>
    signCheckpoint(auditKey, {
      root: 'b'.repeat(64),
      no,
      prev,
      headSeq: head.seq,
      headHash: head.hash,
      keyedFrom: '42',
      time: NOW.toISOString(),
      instance: 'catalog-1',
      reason,
    });
  const first = seal('1', null, 'interval');
  emitted.push(
    accessLogCheckpointEvent(first),
    accessLogCheckpointEvent(seal('2', checkpointDigest(first), 'shutdown')),
  );
}

/** recognitionRuleChangedEvent: a department starts, then stops, accepting a result type. */
function recognitionEvents(seed: GovernanceCatalog): void {
  const tax = seed.departments.find((d) => d.name.includes('税务'))!.uscc;
  const rule = {
    resultType: 'PREMISES_VERIFIED',
    name: '经营场所使用证明已核验',
    subjectType: 'LEGAL_ENTITY',
    maxValidityDays: 365,
    description: null,
    updatedAt: NOW,
  };
  emitted.push(
    recognitionRuleChangedEvent(
      { ...rule, acceptedBy: ['11440600MB2C50125L', tax].sort(), version: 2, updatedBy: 'demostewards' },
      {
        department: tax,
        accepts: true,
        reason: '税务登记时采信市场监管的场所核验',
        changedBy: 'demostewards',
        changedAt: NOW,
      },
    ),
    recognitionRuleChangedEvent(
      { ...rule, acceptedBy: ['11440600MB2C50125L'], version: 3, updatedBy: 'demoadminkey' },
      {
        department: tax,
        accepts: false,
        reason: '改为税务现场核查，不再采信',
        changedBy: 'demoadminkey',
        changedAt: NOW,
      },
    ),
  );
}

const changesIn = (type: string): unknown[] => {
  const schema = JSON.parse(readFileSync(`schemas/events/${type}.schema.json`, 'utf8')) as {
    properties: { change?: { enum: unknown[] } };
  };
  return schema.properties.change?.enum ?? [];
};
const first = (type: string, change?: string): Record<string, unknown> => {
  const event = emitted.find((e) => e.type === type && (change === undefined || wire(e).change === change));
  if (!event) throw new Error(`no ${type} ${change ?? ''} event was built`);
  return wire(event);
};
const without = (data: Record<string, unknown>, field: string): Record<string, unknown> => {
  const copy = { ...data };
  delete copy[field];
  return copy;
};

describe('catalog event payloads', () => {
  beforeAll(async () => {
    const seed = await readSeedCatalog();
    resourceEvents(seed);
    participantEvents();
    sharingEvents(seed);
    accessEvents();
    recognitionEvents(seed);
  });

  it('are built for every catalog event type, with every change its schema names', () => {
    expect([...new Set(emitted.map((e) => e.type))].sort()).toEqual([...TYPES].sort());
    for (const type of TYPES.filter(
      (t) =>
        t !== CATALOG_EVENT.accessRecorded &&
        t !== CATALOG_EVENT.accessLogCheckpoint &&
        t !== CATALOG_EVENT.workingDayNoticeEntered,
    )) {
      const seen = [...new Set(emitted.filter((e) => e.type === type).map((e) => wire(e).change))].sort();
      expect({ type, seen }).toEqual({ type, seen: [...changesIn(type)].sort() });
    }
  });

  it.each(TYPES)('%s: every payload built matches the schema', (type) => {
    const mine = emitted.filter((e) => e.type === type);
    expect(mine.length).toBeGreaterThan(0);
    for (const event of mine) {
      const data = wire(event);
      expect({ change: data.change, errors: schemaErrors(type, data) }).toEqual({ change: data.change, errors: [] });
    }
  });

  it('are keyed by what changed: a resource, a key, an application, a grant, a year, a caller, the checkpoints', () => {
    expect(emitted.filter((e) => e.type === CATALOG_EVENT.resourceChanged).map((e) => e.subject)).toEqual([
      'catalog',
      ...Array(4).fill('102002001/000001'),
    ]);
    expect(
      emitted.filter((e) => e.type === CATALOG_EVENT.apiKeyChanged).every((e) => e.subject === wire(e).keyId),
    ).toBe(true);
    expect(
      emitted
        .filter((e) => e.type === CATALOG_EVENT.sharingApplicationChanged || e.type === CATALOG_EVENT.grantChanged)
        .every((e) => e.subject === wire(e).id),
    ).toBe(true);
    expect(emitted.find((e) => e.type === CATALOG_EVENT.workingDayNoticeEntered)!.subject).toBe('2026');
    expect(emitted.filter((e) => e.type === CATALOG_EVENT.accessRecorded).map((e) => e.subject)).toEqual([
      'fs-cc-one-window',
      'fs-cc-one-window',
      'anonymous',
    ]);
    expect(new Set(emitted.filter((e) => e.type === CATALOG_EVENT.accessLogCheckpoint).map((e) => e.subject))).toEqual(
      new Set([CHECKPOINT_EVENT_SUBJECT]),
    );
  });

  it('api key events carry the key id, never the key, its secret or its hash', () => {
    const [, secret] = /^hubk_[a-z2-7]{12}_(.+)$/.exec(issuedKey.key)!;
    for (const event of emitted.filter((e) => e.type === CATALOG_EVENT.apiKeyChanged)) {
      const text = JSON.stringify(wire(event));
      for (const forbidden of [issuedKey.key, secret, issuedKey.secretHash]) expect(text).not.toContain(forbidden);
      expect(Object.keys(wire(event)).filter((k) => /secret|hash|^key$/i.test(k))).toEqual([]);
    }
    expect(
      schemaErrors(CATALOG_EVENT.apiKeyChanged, {
        ...first(CATALOG_EVENT.apiKeyChanged),
        secretHash: issuedKey.secretHash,
      }),
    ).not.toEqual([]);
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
    expect(checkpoints.map((e) => [wire(e).no, wire(e).reason, wire(e).prev === null])).toEqual([
      ['1', 'interval', true],
      ['2', 'shutdown', false],
    ]);
    expect(wire(checkpoints[0])).toMatchObject({
      root: 'b'.repeat(64),
      headSeq: '44',
      headHash: records.at(-1)!.hash,
      keyedFrom: '42',
      keyId: auditKey.keyId,
    });
    expect(checkpoints[0].time).toEqual(NOW);
  });

  const NEGATIVE: Array<[type: string, what: string, make: () => unknown]> = [
    [CATALOG_EVENT.resourceChanged, 'without version', () => without(first(CATALOG_EVENT.resourceChanged), 'version')],
    [
      CATALOG_EVENT.resourceChanged,
      'a resource change for code "catalog"',
      () => ({ ...first(CATALOG_EVENT.resourceChanged, 'published'), code: 'catalog' }),
    ],
    [
      CATALOG_EVENT.resourceChanged,
      'retired but PUBLISHED',
      () => ({ ...first(CATALOG_EVENT.resourceChanged, 'retired'), status: 'PUBLISHED' }),
    ],
    [
      CATALOG_EVENT.grantChanged,
      'without resourceCode',
      () => without(first(CATALOG_EVENT.grantChanged), 'resourceCode'),
    ],
    [
      CATALOG_EVENT.grantChanged,
      'revoked without a reason',
      () => ({ ...first(CATALOG_EVENT.grantChanged, 'revoked'), revokeReason: null }),
    ],
    [
      CATALOG_EVENT.grantChanged,
      'with a date-time for validTo',
      () => ({ ...first(CATALOG_EVENT.grantChanged), validTo: '2026-12-31T00:00:00Z' }),
    ],
    [CATALOG_EVENT.apiKeyChanged, 'without keyId', () => without(first(CATALOG_EVENT.apiKeyChanged), 'keyId')],
    [
      CATALOG_EVENT.apiKeyChanged,
      'a SYSTEM key without a system',
      () => ({ ...first(CATALOG_EVENT.apiKeyChanged), roles: ['SYSTEM'], systemCode: null }),
    ],
    [
      CATALOG_EVENT.apiKeyChanged,
      'carrying the key',
      () => ({ ...first(CATALOG_EVENT.apiKeyChanged), key: issuedKey.key }),
    ],
    [
      CATALOG_EVENT.participantChanged,
      'without change',
      () => without(first(CATALOG_EVENT.participantChanged), 'change'),
    ],
    [
      CATALOG_EVENT.participantChanged,
      'a department registered under a system code',
      () => ({ id: 'fs-test-window', change: 'department-registered' }),
    ],
    [
      CATALOG_EVENT.sharingApplicationChanged,
      'without consumerDepartmentUscc',
      () => without(first(CATALOG_EVENT.sharingApplicationChanged), 'consumerDepartmentUscc'),
    ],
    [
      CATALOG_EVENT.sharingApplicationChanged,
      'rejected without a reason',
      () => ({ ...first(CATALOG_EVENT.sharingApplicationChanged, 'rejected'), decisionReason: null }),
    ],
    [
      CATALOG_EVENT.sharingApplicationChanged,
      'approved but SUBMITTED',
      () => ({ ...first(CATALOG_EVENT.sharingApplicationChanged, 'approved'), status: 'SUBMITTED' }),
    ],
    [
      CATALOG_EVENT.sharingApplicationChanged,
      'with an invalid provider USCC',
      () => ({ ...first(CATALOG_EVENT.sharingApplicationChanged), providerUscc: '11440600MB2C5O125L' }),
    ],
    [
      CATALOG_EVENT.sharingApplicationChanged,
      'deadline-changed without the deadline before',
      () => without(first(CATALOG_EVENT.sharingApplicationChanged, 'deadline-changed'), 'previousDeadline'),
    ],
    [
      CATALOG_EVENT.sharingApplicationChanged,
      'submitted with a deadline before',
      () => ({ ...first(CATALOG_EVENT.sharingApplicationChanged, 'submitted'), previousDeadline: '2026-03-16' }),
    ],
    [
      CATALOG_EVENT.sharingApplicationChanged,
      'without deadlineProvisional',
      () => without(first(CATALOG_EVENT.sharingApplicationChanged), 'deadlineProvisional'),
    ],
    [CATALOG_EVENT.accessRecorded, 'without hash', () => without(first(CATALOG_EVENT.accessRecorded), 'hash')],
    [CATALOG_EVENT.accessRecorded, 'with seq as a number', () => ({ ...first(CATALOG_EVENT.accessRecorded), seq: 42 })],
    [
      CATALOG_EVENT.accessRecorded,
      'with a subject not normalised',
      () => ({ ...first(CATALOG_EVENT.accessRecorded), subjects: ['person:11010519491231002x'] }),
    ],
    [
      CATALOG_EVENT.accessRecorded,
      'with an unknown hash algorithm',
      () => ({ ...first(CATALOG_EVENT.accessRecorded), hashAlg: 'md5' }),
    ],
    [
      CATALOG_EVENT.accessLogCheckpoint,
      'without signature',
      () => without(first(CATALOG_EVENT.accessLogCheckpoint), 'signature'),
    ],
    [
      CATALOG_EVENT.accessLogCheckpoint,
      'without the log it seals',
      () => without(first(CATALOG_EVENT.accessLogCheckpoint), 'root'),
    ],
    [
      CATALOG_EVENT.accessLogCheckpoint,
      'with headSeq as a number',
      () => ({ ...first(CATALOG_EVENT.accessLogCheckpoint), headSeq: 44 }),
    ],
    [
      CATALOG_EVENT.accessLogCheckpoint,
      'with a hex signature',
      () => ({ ...first(CATALOG_EVENT.accessLogCheckpoint), signature: 'ab'.repeat(64) }),
    ],
    [
      CATALOG_EVENT.recognitionRuleChanged,
      'without a reason',
      () => without(first(CATALOG_EVENT.recognitionRuleChanged), 'reason'),
    ],
    [
      CATALOG_EVENT.recognitionRuleChanged,
      'with a department that is no USCC',
      () => ({ ...first(CATALOG_EVENT.recognitionRuleChanged), department: '佛山市税务局' }),
    ],
    [
      CATALOG_EVENT.workingDayNoticeEntered,
      'without its source',
      () => without(first(CATALOG_EVENT.workingDayNoticeEntered), 'source'),
    ],
    [
      CATALOG_EVENT.workingDayNoticeEntered,
      'a second version without a reason',
      () => ({ ...first(CATALOG_EVENT.workingDayNoticeEntered), version: 2, reason: null }),
    ],
    [
      CATALOG_EVENT.workingDayNoticeEntered,
      'with a holiday as a date-time',
      () => ({ ...first(CATALOG_EVENT.workingDayNoticeEntered), holidays: ['2026-01-01T00:00:00Z'] }),
    ],
  ];

  it.each(NEGATIVE)('%s: refuses a payload %s', (type, _what, make) => {
    expect(schemaErrors(type, make())).not.toEqual([]);
  });

  it('has a negative case for every schema', () => {
    expect([...new Set(NEGATIVE.map(([type]) => type))].sort()).toEqual([...TYPES].sort());
  });
});
