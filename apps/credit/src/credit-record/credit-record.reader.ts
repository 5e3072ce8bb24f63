import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RegisterReader, provenanceOf } from '@hub/register';
import { assessCredit } from '../assessment/credit-assessment.js';
import { CreditRecordKind, type CreditRecordStatus, type PenaltyType, SubjectType } from './credit-enums.js';
import type { AssessmentLevelEnum, CreditProfile, CreditRecord } from './credit-record.model.js';
import { CREDIT_RECORD_REGISTER } from './credit-record.register.js';

/** Reads of the credit library: every batch of subjects costs two statements (records, standing). */
@Injectable()
export class CreditRecordReader {
  private readonly register = new RegisterReader(CREDIT_RECORD_REGISTER);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byIds(recordIds: readonly string[]): Promise<Array<CreditRecord | null>> {
    return (await this.register.rowsByKeys(this.dataSource, recordIds)).map((r) => (r ? toCreditRecord(r) : null));
  }

  /** The credit profiles of many subjects of one type, assessed on `asOf`. */
  async profiles(subjectType: SubjectType, subjectIds: readonly string[], asOf: string): Promise<CreditProfile[]> {
    const ids = [...new Set(subjectIds)];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      'SELECT * FROM credit.credit_record WHERE subject_id = ANY($1) AND subject_type = $2 ORDER BY decided_on DESC, record_id',
      [ids, subjectType],
    );
    const standings: Array<{ uscc: string; status: string; effective_on: string | null }> =
      subjectType === SubjectType.LEGAL_ENTITY
        ? await this.dataSource.query(
            'SELECT uscc, status, effective_on FROM credit.subject_standing WHERE uscc = ANY($1)',
            [ids],
          )
        : [];
    const bySubject = new Map<string, CreditRecord[]>();
    for (const row of rows) {
      const record = toCreditRecord(row);
      bySubject.set(record.subjectId, [...(bySubject.get(record.subjectId) ?? []), record]);
    }
    const standingOf = new Map(standings.map((s) => [s.uscc, { status: s.status, effectiveOn: s.effective_on }]));
    return subjectIds.map((subjectId) => {
      const records = bySubject.get(subjectId) ?? [];
      const of = (kind: CreditRecordKind) => records.filter((r) => r.kind === kind);
      const standing = standingOf.get(subjectId);
      const assessment = assessCredit(
        records.map((r) => ({
          recordId: r.recordId,
          kind: r.kind,
          status: r.status,
          decidedOn: r.decidedOn,
          validTo: r.validTo ?? null,
          title: r.title,
        })),
        standing,
        asOf,
      );
      return {
        subjectType,
        subjectId,
        licences: of(CreditRecordKind.LICENCE),
        penalties: of(CreditRecordKind.PENALTY),
        redListEntries: of(CreditRecordKind.RED_LIST),
        blackListEntries: of(CreditRecordKind.BLACK_LIST),
        commitments: of(CreditRecordKind.COMMITMENT),
        registrationStanding: standing?.status,
        assessment: { ...assessment, level: assessment.level as AssessmentLevelEnum },
      };
    });
  }
}

export function toCreditRecord(r: Record<string, unknown>): CreditRecord {
  const text = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
  return {
    recordId: r.record_id as string,
    kind: r.kind as CreditRecordKind,
    subjectType: r.subject_type as SubjectType,
    subjectId: r.subject_id as string,
    subjectName: text(r.subject_name),
    decisionNumber: r.decision_number as string,
    title: r.title as string,
    authorityName: r.authority_name as string,
    authorityUscc: r.authority_uscc as string,
    decidedOn: r.decided_on as string,
    validFrom: text(r.valid_from),
    validTo: text(r.valid_to),
    content: text(r.content),
    legalBasis: text(r.legal_basis),
    penaltyType: (text(r.penalty_type) as PenaltyType | undefined) ?? undefined,
    fineAmount: text(r.fine_amount),
    status: r.status as CreditRecordStatus,
    statusEffectiveOn: text(r.status_effective_on),
    statusReason: text(r.status_reason),
    provenance: provenanceOf(r),
  };
}
