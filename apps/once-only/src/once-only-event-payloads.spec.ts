// The once-only app's event payloads against their JSON Schemas (schemas/events/hub.once-only.*),
// built by the builders of each domain folder (*.events.ts) on rows as the services and consumers
// write them, and checked as they travel (JSON) with the validator the end-to-end suites use. No
// database: a payload that drifts from its schema fails here first.
import { describe, expect, it } from 'vitest';
import type { NewEvent } from '@hub/events';
import { schemaErrors } from '../../../test/support/event-schemas.js';
import type { MaterialRow, MaterialStatusChangeRow } from './archive/archive.entities.js';
import { materialFiledEvent, materialStatusChangedEvent } from './archive/material.events.js';
import { dataCorrectionChanged, type DataCorrectionState } from './correction/correction.events.js';
import { ONCE_ONLY_EVENT } from '@hub/contracts';
import { InvalidationCode } from './recognition/invalidation.js';
import type { ReviewResultRow } from './recognition/recognition.entities.js';
import { reviewResultInvalidatedEvent, reviewResultRecordedEvent } from './recognition/review-result.events.js';

const wire = (event: NewEvent): Record<string, unknown> =>
  JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>;
const NOW = new Date('2026-05-04T01:30:00.000Z');
const COMPANY = '91440604MA4UJ8KX1B';
const MARKET_REGULATION = '11440600MB2C50125L';
const WINDOW = '11440604MB2D07312X';

const deed: MaterialRow = {
  id: '5b0f3c1e-0000-4000-8000-000000000001',
  subjectType: 'LEGAL_ENTITY',
  subjectId: COMPANY,
  kind: 'ELICENCE',
  materialType: 'BDCQZS',
  title: '不动产权证书',
  issuerUscc: MARKET_REGULATION,
  licenceId: `1.2.156.3005.2.BDCQZS.${MARKET_REGULATION}.000123.001.X`,
  issuedOn: '2026-01-05',
  validUntil: null,
  status: 'VALID',
  supersededBy: null,
  contentSha256: 'a'.repeat(64),
  contentSize: null,
  contentType: null,
  contentStoredAt: null,
  caseNumber: 'CC-2026-000123',
  serviceItemCode: 'FS-AMR-SPJY-001',
  filedByDepartment: MARKET_REGULATION,
  filedBySystem: 'fs-amr-licence',
  filedByKey: 'filerkey2345',
  filedAt: NOW,
};
const revocation: MaterialStatusChangeRow = {
  id: '5b0f3c1e-0000-4000-8000-0000000000c1',
  materialId: deed.id,
  fromStatus: 'VALID',
  toStatus: 'REVOKED',
  reason: '登记错误，依法撤销',
  supersededBy: null,
  changedAt: NOW,
  changedByKey: 'filerkey2345',
  changedByDepartment: MARKET_REGULATION,
};
const result: ReviewResultRow = {
  id: '5b0f3c1e-0000-4000-8000-0000000000b1',
  subjectType: 'LEGAL_ENTITY',
  subjectId: COMPANY,
  resultType: 'PREMISES_VERIFIED',
  serviceItemCode: 'FS-AMR-SPJY-001',
  caseNumber: 'CC-2026-000123',
  outcome: 'PASSED',
  reviewingDepartment: WINDOW,
  reviewingSystem: 'fs-cc-one-window',
  reviewer: '窗口 李四',
  reviewedAt: NOW,
  validUntil: '2026-06-03',
  status: 'VALID',
  invalidatedAt: null,
  invalidationCode: null,
  invalidationReason: null,
  invalidationEvent: null,
  recordedByKey: 'windowkey234',
  recordedAt: NOW,
};
const correction: DataCorrectionState = {
  id: '5b0f3c1e-0000-4000-8000-0000000000d1',
  subjectType: 'LEGAL_ENTITY',
  subjectId: COMPANY,
  field: 'LegalEntity.name',
  status: 'ROUTED',
  sourceDepartment: MARKET_REGULATION,
  reporterDepartment: WINDOW,
  deadline: '2026-05-18',
  deadlineProvisional: false,
  correctedValue: null,
  resolutionReason: null,
  correctionEvent: null,
};

const built: NewEvent[] = [
  materialFiledEvent(deed, null),
  materialFiledEvent(
    {
      ...deed,
      id: '5b0f3c1e-0000-4000-8000-000000000002',
      licenceId: `1.2.156.3005.2.BDCQZS.${MARKET_REGULATION}.000124.001.X`,
    },
    deed.id,
  ),
  materialStatusChangedEvent({ ...deed, status: 'REVOKED' }, revocation),
  materialStatusChangedEvent(
    { ...deed, status: 'SUPERSEDED', supersededBy: '5b0f3c1e-0000-4000-8000-000000000002' },
    { ...revocation, toStatus: 'SUPERSEDED', supersededBy: '5b0f3c1e-0000-4000-8000-000000000002' },
  ),
  materialStatusChangedEvent(
    { ...deed, status: 'EXPIRED' },
    {
      ...revocation,
      toStatus: 'EXPIRED',
      reason: 'validity ended on 2026-05-03',
      changedByKey: null,
      changedByDepartment: null,
    },
  ),
  reviewResultRecordedEvent(result, [{ materialId: deed.id, sha256: deed.contentSha256 }]),
  reviewResultInvalidatedEvent(
    {
      id: result.id,
      subject_type: 'LEGAL_ENTITY',
      subject_id: COMPANY,
      result_type: result.resultType,
      service_item_code: result.serviceItemCode,
      case_number: result.caseNumber,
      outcome: 'PASSED',
      reviewing_department: WINDOW,
      valid_until: result.validUntil,
    },
    {
      code: InvalidationCode.EVIDENCE_REVOKED,
      reason: 'the evidence 不动产权证书 was revoked (撤销): 登记错误，依法撤销',
      causeEventId: '5b0f3c1e-0000-4000-8000-0000000000e1',
      at: NOW,
    },
  ),
  dataCorrectionChanged(correction, NOW),
  dataCorrectionChanged({ ...correction, status: 'ACCEPTED', resolutionReason: '已受理，五个工作日内更正' }, NOW),
  dataCorrectionChanged(
    {
      ...correction,
      status: 'CORRECTED',
      correctedValue: '佛山市禅城区某某餐饮店',
      correctionEvent: '5b0f3c1e-0000-4000-8000-0000000000e2',
    },
    NOW,
  ),
  dataCorrectionChanged({ ...correction, status: 'REJECTED', resolutionReason: '登记信息与原始材料一致' }, NOW),
  dataCorrectionChanged({ ...correction, deadline: '2026-05-19' }, NOW, '2026-05-18'),
];

describe('once-only event payloads', () => {
  it('are built for every once-only event type', () => {
    expect([...new Set(built.map((e) => e.type))].sort()).toEqual(Object.values(ONCE_ONLY_EVENT).sort());
  });

  it.each(Object.values(ONCE_ONLY_EVENT))('%s: every payload built matches the schema', (type) => {
    for (const event of built.filter((e) => e.type === type)) expect(schemaErrors(type, wire(event))).toEqual([]);
  });

  it('are keyed by the subject, so one subject’s events stay in order', () => {
    expect(new Set(built.map((e) => e.subject))).toEqual(new Set([COMPANY]));
  });

  it('tell what changed and why: the material replaced, the status moved, the invalidation and its cause, the deadline before', () => {
    expect(wire(built[1])).toMatchObject({ supersedes: deed.id });
    expect(wire(built[2])).toMatchObject({
      from: 'VALID',
      to: 'REVOKED',
      reason: '登记错误，依法撤销',
      changedAt: NOW.toISOString(),
    });
    expect(wire(built[5])).toMatchObject({
      evidence: [{ materialId: deed.id, sha256: deed.contentSha256 }],
      recordedBy: 'windowkey234',
    });
    expect(wire(built[6])).toMatchObject({
      invalidationCode: 'EVIDENCE_REVOKED',
      causeEventId: '5b0f3c1e-0000-4000-8000-0000000000e1',
      invalidatedAt: NOW.toISOString(),
    });
    expect(wire(built.at(-1)!)).toMatchObject({ deadline: '2026-05-19', previousDeadline: '2026-05-18' });
    expect(wire(built[7])).not.toHaveProperty('previousDeadline');
  });

  it('refuses payloads that drift: a filing without its filer, an unknown status move, an invalidation without its cause', () => {
    const without = (data: Record<string, unknown>, field: string) =>
      Object.fromEntries(Object.entries(data).filter(([k]) => k !== field));
    expect(schemaErrors(ONCE_ONLY_EVENT.materialFiled, without(wire(built[0]), 'filedByDepartment'))).not.toEqual([]);
    expect(schemaErrors(ONCE_ONLY_EVENT.materialStatusChanged, { ...wire(built[2]), to: 'VALID' })).not.toEqual([]);
    expect(schemaErrors(ONCE_ONLY_EVENT.reviewResultInvalidated, without(wire(built[6]), 'causeEventId'))).not.toEqual(
      [],
    );
    expect(schemaErrors(ONCE_ONLY_EVENT.dataCorrectionChanged, { ...wire(built[7]), status: 'OPEN' })).not.toEqual([]);
  });
});
