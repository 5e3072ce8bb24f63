import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A review result (审查结果): department A checked something for a subject — e.g. the legal
 * representative's identity against the originals — and other departments may accept it within
 * its validity instead of checking again (互认). Invalidated, with the reason, when what it rests on
 * changes: the person died, the company was deregistered, a black-list entry, a licence revoked.
 */
@Entity({ name: 'review_result' })
@Index('review_result_subject_idx', ['subjectId', 'resultType'])
export class ReviewResultRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 12 })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 18 })
  subjectId: string;

  /** A result type of schemas/once-only/review-result-types.json */
  @Column({ name: 'result_type', type: 'varchar', length: 64 })
  resultType: string;

  @Column({ name: 'service_item_code', type: 'varchar', length: 64 })
  serviceItemCode: string;

  @Column({ name: 'case_number', type: 'varchar', length: 64 })
  caseNumber: string;

  /** PASSED or FAILED */
  @Column({ type: 'varchar', length: 8 })
  outcome: string;

  @Column({ name: 'reviewing_department', type: 'varchar', length: 18 })
  reviewingDepartment: string;

  @Column({ name: 'reviewing_system', type: 'varchar', length: 64, nullable: true })
  reviewingSystem: string | null;

  /** The person who reviewed (name or staff number), as the department records it. */
  @Column({ type: 'varchar', length: 100 })
  reviewer: string;

  @Column({ name: 'reviewed_at', type: 'timestamptz' })
  reviewedAt: Date;

  /** Last day the result may be relied on (inclusive, China time). */
  @Column({ name: 'valid_until', type: 'date' })
  validUntil: string;

  /** VALID or INVALIDATED (a result past valid_until is reported EXPIRED, not rewritten). */
  @Index('review_result_status_idx')
  @Column({ type: 'varchar', length: 12 })
  status: string;

  @Column({ name: 'invalidated_at', type: 'timestamptz', nullable: true })
  invalidatedAt: Date | null;

  /** SUBJECT_DECEASED, LEGAL_ENTITY_CLOSED, BLACK_LISTED, EVIDENCE_REVOKED … */
  @Column({ name: 'invalidation_code', type: 'varchar', length: 32, nullable: true })
  invalidationCode: string | null;

  @Column({ name: 'invalidation_reason', type: 'varchar', length: 500, nullable: true })
  invalidationReason: string | null;

  /** The event that caused the invalidation (CloudEvents id). */
  @Column({ name: 'invalidation_event', type: 'varchar', length: 64, nullable: true })
  invalidationEvent: string | null;

  @Column({ name: 'recorded_by_key', type: 'varchar', length: 12 })
  recordedByKey: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

/** A material or licence a review result relied on, with the content hash it was checked against. */
@Entity({ name: 'review_result_evidence' })
export class ReviewResultEvidenceRow {
  @PrimaryColumn({ name: 'result_id', type: 'uuid' })
  resultId: string;

  @Index('review_result_evidence_material_idx')
  @PrimaryColumn({ name: 'material_id', type: 'uuid' })
  materialId: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  sha256: string | null;
}
