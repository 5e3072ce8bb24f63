import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DeadlineChange } from '@hub/working-days';

/**
 * A data correction (校核纠错): a consumer reports a value it believes wrong; the report goes to
 * the record's source department (一数一源) with a deadline; the source corrects its record through
 * the library's normal ingest (the change event closes the report with the new value) or rejects
 * the report with a reason. The reporter sees the outcome.
 */
@Entity({ name: 'data_correction' })
export class DataCorrectionRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 12 })
  subjectType: string;

  @Index('data_correction_subject_idx')
  @Column({ name: 'subject_id', type: 'varchar', length: 18 })
  subjectId: string;

  /** The graph field reported, e.g. Person.name */
  @Column({ type: 'varchar', length: 100 })
  field: string;

  /** The value the reporter was served (as it saw it, possibly masked). */
  @Column({ name: 'reported_value', type: 'varchar', length: 500, nullable: true })
  reportedValue: string | null;

  /** The value the reporter believes right, if it knows it. */
  @Column({ name: 'proposed_value', type: 'varchar', length: 500, nullable: true })
  proposedValue: string | null;

  @Column({ type: 'varchar', length: 1000 })
  reason: string;

  /** Archive materials supporting the report. */
  @Column({ name: 'evidence_material_ids', type: 'uuid', array: true })
  evidenceMaterialIds: string[];

  @Column({ name: 'reporter_department', type: 'varchar', length: 18 })
  reporterDepartment: string;

  @Column({ name: 'reporter_system', type: 'varchar', length: 64, nullable: true })
  reporterSystem: string | null;

  @Column({ name: 'reporter_key', type: 'varchar', length: 12 })
  reporterKey: string;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;

  /** The record's source department (its provenance), to which the report is routed. */
  @Index('data_correction_source_idx')
  @Column({ name: 'source_department', type: 'varchar', length: 18 })
  sourceDepartment: string;

  @Column({ name: 'source_system', type: 'varchar', length: 64, nullable: true })
  sourceSystem: string | null;

  /** The last day an answer is on time (working days after the report, China time). */
  @Column({ type: 'date' })
  deadline: string;

  /** The working days the deadline counts; null for reports made before it was kept (DATA_CORRECTION_WORKING_DAYS then). */
  @Column({ name: 'working_days', type: 'integer', nullable: true })
  workingDays: number | null;

  /** The deadline counts a year whose notice the hub does not hold (statutory holidays only): it may still move. */
  @Column({ name: 'deadline_provisional', type: 'boolean', default: false })
  deadlineProvisional: boolean;

  /** Every time the deadline was counted again (a notice entered, a new calendar), oldest first. */
  @Column({ name: 'deadline_changes', type: 'jsonb', default: () => "'[]'" })
  deadlineChanges: DeadlineChange[];

  /** ROUTED, ACCEPTED, CORRECTED, REJECTED */
  @Index('data_correction_status_idx')
  @Column({ type: 'varchar', length: 12 })
  status: string;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /** Why the report was rejected (required), or a note on the correction. */
  @Column({ name: 'resolution_reason', type: 'varchar', length: 1000, nullable: true })
  resolutionReason: string | null;

  @Column({ name: 'corrected_value', type: 'varchar', length: 500, nullable: true })
  correctedValue: string | null;

  /** The library's change event that carried the correction, and the record version it made. */
  @Column({ name: 'correction_event', type: 'varchar', length: 64, nullable: true })
  correctionEvent: string | null;

  @Column({ name: 'correction_version', type: 'integer', nullable: true })
  correctionVersion: number | null;

  @Column({ name: 'resolved_by_key', type: 'varchar', length: 12, nullable: true })
  resolvedByKey: string | null;
}
