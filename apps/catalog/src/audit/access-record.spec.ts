import { describe, expect, it } from 'vitest';
import { generateCitizenId, generateUscc, seededRandom } from '@hub/identifiers';
import {
  ACCESS_RECORD_LIMITS,
  MAX_RECORDS_PER_BATCH,
  accessRecordViolations,
  validateAccessRecords,
  type AccessRecordInput,
} from './access-record.js';

const citizenId = generateCitizenId(seededRandom(7));
const uscc = generateUscc(seededRandom(8));

const record = (over: Partial<Record<keyof AccessRecordInput, unknown>> = {}): AccessRecordInput =>
  ({
    requestId: 'r-0001',
    keyId: 'abcdefghijk2',
    systemCode: 'fs-hrss-social',
    departmentUscc: uscc,
    holderName: '人社局社保系统',
    roles: ['SYSTEM'],
    purpose: '养老金资格认证',
    caseNumber: 'BJ-2025-000123',
    operationType: 'query',
    operationName: 'PersonForPension',
    fields: ['Query.person', 'Person.name'],
    subjects: [`PERSON:${citizenId}`, `LEGAL_ENTITY:${uscc}`],
    outcome: 'ALLOWED',
    errorCode: null,
    refusal: null,
    startedAt: '2025-03-01T08:00:00.123Z',
    durationMs: 12,
    timings: { policy: 0.4, execute: 11.2 },
    ...over,
  }) as AccessRecordInput;

const codesOf = (over: Partial<Record<keyof AccessRecordInput, unknown>>) =>
  accessRecordViolations(record(over)).map((v) => `${v.field} ${v.code}`);

describe('validateAccessRecords', () => {
  it('accepts a batch of valid records and returns them', () => {
    const batch = [
      record(),
      record({
        outcome: 'REFUSED',
        errorCode: 'FORBIDDEN',
        refusal: { items: [{ item: 'Person.name', reason: 'NO_GRANT' }] },
      }),
    ];
    expect(validateAccessRecords(batch)).toEqual({ ok: true, records: batch });
  });

  it('accepts an anonymous, refused record with every nullable field null and nothing touched', () => {
    const anonymous = record({
      keyId: null,
      systemCode: null,
      departmentUscc: null,
      holderName: null,
      roles: [],
      purpose: null,
      caseNumber: null,
      operationName: null,
      fields: [],
      subjects: [],
      outcome: 'REFUSED',
      errorCode: 'UNAUTHENTICATED',
      timings: {},
    });
    expect(accessRecordViolations(anonymous)).toEqual([]);
  });

  it('refuses what is not a non-empty array of at most 1,000 records', () => {
    expect(validateAccessRecords({})).toMatchObject({
      ok: false,
      violations: [{ field: 'records', code: 'INVALID_TYPE' }],
    });
    expect(validateAccessRecords([])).toMatchObject({ ok: false, violations: [{ field: 'records', code: 'TOO_FEW' }] });
    const tooMany = Array.from({ length: MAX_RECORDS_PER_BATCH + 1 }, () => record());
    expect(validateAccessRecords(tooMany)).toMatchObject({
      ok: false,
      violations: [{ field: 'records', code: 'TOO_MANY' }],
    });
    expect(validateAccessRecords(tooMany.slice(1)).ok).toBe(true);
  });

  it('refuses the whole batch for one invalid record, naming where', () => {
    const result = validateAccessRecords([record(), record({ outcome: 'MAYBE' })]);
    expect(result).toEqual({
      ok: false,
      violations: [
        {
          field: 'records[1].outcome',
          code: 'INVALID_VALUE',
          message: 'must be one of ALLOWED, REFUSED, FAILED, INTENDED',
        },
      ],
    });
  });

  it('requires every field (null when there is none) and refuses unknown ones', () => {
    const { purpose: _purpose, ...withoutPurpose } = record();
    expect(accessRecordViolations(withoutPurpose).map((v) => `${v.field} ${v.code}`)).toEqual([
      'record.purpose REQUIRED',
    ]);
    expect(accessRecordViolations({ ...record(), extra: 1 }).map((v) => `${v.field} ${v.code}`)).toEqual([
      'record.extra UNKNOWN_FIELD',
    ]);
    expect(accessRecordViolations('x')).toEqual([
      { field: 'record', code: 'INVALID_TYPE', message: 'must be an object' },
    ]);
  });

  it('caps strings at the column lengths, counting characters as Postgres does', () => {
    expect(codesOf({ purpose: '因'.repeat(ACCESS_RECORD_LIMITS.purpose) })).toEqual([]);
    expect(codesOf({ purpose: '因'.repeat(ACCESS_RECORD_LIMITS.purpose + 1) })).toEqual(['record.purpose TOO_LONG']);
    // 200 astral characters are 400 UTF-16 units but 200 characters for varchar(200).
    expect(codesOf({ holderName: '𠀀'.repeat(200) })).toEqual([]);
    expect(codesOf({ requestId: 'r'.repeat(65) })).toEqual(['record.requestId TOO_LONG']);
    expect(codesOf({ caseNumber: 'c'.repeat(65) })).toEqual(['record.caseNumber TOO_LONG']);
    expect(codesOf({ fields: ['Query.person', `T.${'f'.repeat(199)}`] })).toEqual(['record.fields[1] TOO_LONG']);
    expect(codesOf({ errorCode: 'E'.repeat(65), operationName: 'o'.repeat(201), systemCode: 's'.repeat(65) })).toEqual([
      'record.systemCode TOO_LONG',
      'record.operationName TOO_LONG',
      'record.errorCode TOO_LONG',
    ]);
  });

  it('refuses text Postgres would not store as hashed: NUL, unpaired surrogates, empty strings', () => {
    expect(codesOf({ purpose: 'a\u0000b' })).toEqual(['record.purpose INVALID_CHARACTER']);
    expect(codesOf({ holderName: 'a\uD800b' })).toEqual(['record.holderName INVALID_CHARACTER']);
    expect(codesOf({ refusal: { reason: 'x\uDC00' } })).toEqual(['record.refusal INVALID_CHARACTER']);
    expect(codesOf({ refusal: { ['k\u0000']: 1 } })).toEqual(['record.refusal INVALID_CHARACTER']);
    expect(codesOf({ purpose: '' })).toEqual(['record.purpose REQUIRED']);
  });

  it('checks identifiers: key id, department USCC, subjects (valid and normalised)', () => {
    expect(codesOf({ keyId: 'ABCDEFGHIJK2' })).toEqual(['record.keyId INVALID_FORMAT']);
    expect(codesOf({ departmentUscc: uscc.toLowerCase() })).toEqual(['record.departmentUscc INVALID_FORMAT']);
    const wrongCheck = citizenId.slice(0, 17) + (citizenId[17] === '0' ? '1' : '0');
    expect(codesOf({ subjects: [`PERSON:${wrongCheck}`, `COMPANY:${uscc}`, `LEGAL_ENTITY:${uscc}`, 42] })).toEqual([
      'record.subjects[0] INVALID_FORMAT',
      'record.subjects[1] INVALID_FORMAT',
      'record.subjects[3] INVALID_TYPE',
    ]);
    expect(codesOf({ subjects: [`person:${citizenId}`] })).toEqual(['record.subjects[0] INVALID_FORMAT']);
  });

  it('checks enums, roles, numbers and the start time', () => {
    expect(codesOf({ operationType: 'subscription' })).toEqual(['record.operationType INVALID_VALUE']);
    expect(codesOf({ roles: ['SYSTEM', 'ROOT'] })).toEqual(['record.roles[1] INVALID_VALUE']);
    expect(codesOf({ durationMs: 1.5 })).toEqual(['record.durationMs INVALID_NUMBER']);
    expect(codesOf({ durationMs: -1 })).toEqual(['record.durationMs INVALID_NUMBER']);
    expect(codesOf({ durationMs: 2 ** 31 })).toEqual(['record.durationMs INVALID_NUMBER']);
    expect(codesOf({ timings: { execute: -1 } })).toEqual(['record.timings.execute INVALID_NUMBER']);
    expect(codesOf({ timings: [1] })).toEqual(['record.timings INVALID_TYPE']);
    expect(codesOf({ startedAt: '2025-03-01 08:00:00' })).toEqual(['record.startedAt INVALID_DATE']);
    expect(codesOf({ startedAt: '2025-03-01T08:00:00' })).toEqual(['record.startedAt INVALID_DATE']);
    expect(codesOf({ startedAt: '2025-02-30T08:00:00Z' })).toEqual(['record.startedAt INVALID_DATE']);
    expect(codesOf({ startedAt: '1999-12-31T23:59:59Z' })).toEqual(['record.startedAt INVALID_DATE']);
    expect(codesOf({ startedAt: '2025-03-01T16:00:00.123456+08:00' })).toEqual([]);
  });

  it('refusal: a JSON object or null, bounded in size and depth', () => {
    expect(codesOf({ refusal: [] })).toEqual(['record.refusal INVALID_TYPE']);
    expect(codesOf({ refusal: { s: 'x'.repeat(20_000) } })).toEqual(['record.refusal TOO_LONG']);
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 10; i++) deep = { deep };
    expect(codesOf({ refusal: deep })).toEqual(['record.refusal TOO_DEEP']);
  });

  it('stops at 100 violations', () => {
    const batch = Array.from({ length: 200 }, () => record({ outcome: 'X' }));
    const result = validateAccessRecords(batch);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.violations).toHaveLength(100);
  });
});
