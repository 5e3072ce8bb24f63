import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { RegisterRow, historyEntity } from '@hub/register';

/** One credit record (see CREDIT_RECORD_REGISTER), from its single source record, versioned by its source. */
@Entity({ name: 'credit_record' })
@Unique('credit_record_source_record_uq', ['sourceSystem', 'sourceRecordId'])
export class CreditRecordRow extends RegisterRow {
  @PrimaryColumn({ name: 'record_id', type: 'varchar', length: 160 })
  recordId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 16 })
  subjectType: string;

  @Index('credit_record_subject_idx')
  @Column({ name: 'subject_id', type: 'varchar', length: 18 })
  subjectId: string;

  @Column({ name: 'subject_name', type: 'varchar', length: 200, nullable: true })
  subjectName: string | null;

  @Column({ name: 'decision_number', type: 'varchar', length: 128 })
  decisionNumber: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'authority_name', type: 'varchar', length: 200 })
  authorityName: string;

  @Column({ name: 'authority_uscc', type: 'varchar', length: 18 })
  authorityUscc: string;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn: string;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'varchar', length: 4000, nullable: true })
  content: string | null;

  @Column({ name: 'legal_basis', type: 'varchar', length: 1000, nullable: true })
  legalBasis: string | null;

  @Column({ name: 'penalty_type', type: 'varchar', length: 32, nullable: true })
  penaltyType: string | null;

  @Column({ name: 'fine_amount', type: 'numeric', precision: 18, scale: 2, nullable: true })
  fineAmount: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ name: 'status_effective_on', type: 'date', nullable: true })
  statusEffectiveOn: string | null;

  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;
}

export const CreditRecordChangeRow = historyEntity('credit_record_change', {
  property: 'recordId',
  column: 'record_id',
  length: 160,
});
