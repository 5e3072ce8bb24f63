import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DeadlineChange } from '@hub/working-days';
import { RESOURCE_CODE_MAX_LENGTH } from '@hub/policy';

/** A sharing application (共享申请): a consumer system asks for items of a conditional resource. */
@Entity({ name: 'sharing_application' })
export class SharingApplicationRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('sharing_application_resource_idx')
  @Column({ name: 'resource_code', type: 'varchar', length: RESOURCE_CODE_MAX_LENGTH })
  resourceCode: string;

  @Column({ name: 'provider_uscc', type: 'varchar', length: 18 })
  providerUscc: string;

  @Index('sharing_application_consumer_idx')
  @Column({ name: 'consumer_system_code', type: 'varchar', length: 64 })
  consumerSystemCode: string;

  @Column({ name: 'consumer_department_uscc', type: 'varchar', length: 18 })
  consumerDepartmentUscc: string;

  /** Item numbers within the resource. */
  @Column({ type: 'integer', array: true })
  items: number[];

  @Column({ type: 'varchar', length: 200 })
  purpose: string;

  @Column({ name: 'legal_basis', type: 'varchar', length: 1000 })
  legalBasis: string;

  @Column({ name: 'requested_from', type: 'date' })
  requestedFrom: string;

  @Column({ name: 'requested_to', type: 'date' })
  requestedTo: string;

  /** Whether the applicant asks for unmasked values of sensitive items. */
  @Column({ name: 'full_values', type: 'boolean' })
  fullValues: boolean;

  /** SUBMITTED, APPROVED, PARTIALLY_APPROVED, REJECTED, WITHDRAWN */
  @Index('sharing_application_status_idx')
  @Column({ type: 'varchar', length: 20 })
  status: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'submitted_by', type: 'varchar', length: 12 })
  submittedBy: string;

  /** The last day an answer is on time: 10 working days after submission (CST). */
  @Column({ type: 'date' })
  deadline: string;

  /** The working days the deadline counts (kept, so that it can be counted again when a notice is entered). */
  @Column({ name: 'working_days', type: 'integer', default: 10 })
  workingDays: number;

  /** The deadline counts a year whose notice was not entered (statutory holidays only): it may still move. */
  @Column({ name: 'deadline_provisional', type: 'boolean', default: false })
  deadlineProvisional: boolean;

  /** Every time the deadline was counted again (a notice entered, a new calendar), oldest first. */
  @Column({ name: 'deadline_changes', type: 'jsonb', default: () => "'[]'" })
  deadlineChanges: DeadlineChange[];

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 12, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decision_reason', type: 'varchar', length: 2000, nullable: true })
  decisionReason: string | null;

  @Column({ name: 'approved_items', type: 'integer', array: true, nullable: true })
  approvedItems: number[] | null;

  @Column({ name: 'grant_id', type: 'uuid', nullable: true })
  grantId: string | null;
}

/** What an approval gives: a consumer system may read these items, for this purpose, in this period. */
@Entity({ name: 'sharing_grant' })
export class SharingGrantRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'resource_code', type: 'varchar', length: RESOURCE_CODE_MAX_LENGTH })
  resourceCode: string;

  @Column({ name: 'provider_uscc', type: 'varchar', length: 18 })
  providerUscc: string;

  @Index('sharing_grant_consumer_idx')
  @Column({ name: 'consumer_system_code', type: 'varchar', length: 64 })
  consumerSystemCode: string;

  @Column({ type: 'integer', array: true })
  items: number[];

  @Column({ type: 'varchar', length: 200 })
  purpose: string;

  @Column({ name: 'full_values', type: 'boolean' })
  fullValues: boolean;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date' })
  validTo: string;

  @Column({ name: 'granted_at', type: 'timestamptz' })
  grantedAt: Date;

  @Column({ name: 'granted_by', type: 'varchar', length: 12 })
  grantedBy: string;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'varchar', length: 12, nullable: true })
  revokedBy: string | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 2000, nullable: true })
  revokeReason: string | null;
}
