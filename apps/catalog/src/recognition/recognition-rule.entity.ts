import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A recognition rule (互认规则): a review-result type, and the departments that accept a result of
 * that type instead of checking again. The types come with the shipped catalog
 * (schemas/catalog/recognition-rules.json); which departments accept them is each department's
 * decision, made by its steward and kept here.
 */
@Entity({ name: 'recognition_rule' })
export class RecognitionRuleRow {
  @PrimaryColumn({ name: 'result_type', type: 'varchar', length: 64 })
  resultType: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** PERSON or LEGAL_ENTITY */
  @Column({ name: 'subject_type', type: 'varchar', length: 12 })
  subjectType: string;

  @Column({ name: 'max_validity_days', type: 'integer' })
  maxValidityDays: number;

  /** USCCs of the departments that accept a result of this type, sorted. */
  @Column({ name: 'accepted_by', type: 'varchar', length: 18, array: true })
  acceptedBy: string[];

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** The key that last changed who accepts it; null for the shipped rule. */
  @Column({ name: 'updated_by', type: 'varchar', length: 12, nullable: true })
  updatedBy: string | null;
}
