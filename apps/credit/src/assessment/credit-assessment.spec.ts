import { describe, expect, it } from 'vitest';
import { assessCredit, type AssessedRecord } from './credit-assessment.js';

const record = (kind: AssessedRecord['kind'], over: Partial<AssessedRecord> = {}): AssessedRecord => ({
  recordId: `${kind}-${Math.random()}`,
  kind,
  status: 'ACTIVE',
  decidedOn: '2025-01-10',
  validTo: null,
  title: kind === 'BLACK_LIST' ? '严重失信主体名单' : kind === 'RED_LIST' ? '纳税信用A级名单' : '处罚',
  ...over,
});

describe('credit assessment rule v1', () => {
  const asOf = '2026-06-01';

  it('rates a subject without records B, with a reason saying so', () => {
    expect(assessCredit([], undefined, asOf)).toMatchObject({
      level: 'B',
      reasons: [{ code: 'NO_NEGATIVE_RECORDS' }],
      rule: 'hub-credit-rule/v1',
    });
  });

  it('rates an active red-list entry A, and a licence alone B', () => {
    expect(assessCredit([record('RED_LIST')], undefined, asOf).level).toBe('A');
    expect(assessCredit([record('LICENCE')], undefined, asOf).level).toBe('B');
  });

  it('counts penalties of the last three years: 1–2 → C, 3 → D; older, revoked or repaired ones do not count', () => {
    expect(assessCredit([record('PENALTY')], undefined, asOf).level).toBe('C');
    expect(assessCredit([record('PENALTY'), record('PENALTY'), record('PENALTY')], undefined, asOf).level).toBe('D');
    expect(assessCredit([record('PENALTY', { decidedOn: '2023-05-31' })], undefined, asOf).level).toBe('B');
    expect(
      assessCredit(
        [record('PENALTY', { status: 'REVOKED' }), record('PENALTY', { status: 'REPAIRED' })],
        undefined,
        asOf,
      ).level,
    ).toBe('B');
  });

  it('puts a black-listed or revoked subject at D, over a red-list entry', () => {
    expect(assessCredit([record('RED_LIST'), record('BLACK_LIST')], undefined, asOf)).toMatchObject({
      level: 'D',
      reasons: [{ code: 'BLACK_LIST' }, { code: 'RED_LIST' }],
    });
    expect(assessCredit([], { status: 'REVOKED', effectiveOn: '2026-01-05' }, asOf).reasons[0]).toMatchObject({
      code: 'REGISTRATION_REVOKED',
      description: expect.stringContaining('2026-01-05'),
    });
  });

  it('ignores list entries removed or past their publication period', () => {
    expect(assessCredit([record('BLACK_LIST', { status: 'REMOVED' })], undefined, asOf).level).toBe('B');
    expect(assessCredit([record('BLACK_LIST', { validTo: '2026-05-31' })], undefined, asOf).level).toBe('B');
  });

  it('does not assess a deregistered legal entity, but keeps its findings', () => {
    expect(
      assessCredit([record('PENALTY')], { status: 'DEREGISTERED', effectiveOn: '2026-02-01' }, asOf),
    ).toMatchObject({
      level: 'NOT_ASSESSED',
      reasons: [{ code: 'DEREGISTERED' }, { code: 'PENALTIES' }],
    });
  });

  it('rates a breached commitment C', () => {
    expect(assessCredit([record('COMMITMENT', { status: 'BREACHED' })], undefined, asOf).level).toBe('C');
  });
});
