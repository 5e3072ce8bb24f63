import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What this app knows of a subject from the base libraries' events: that it exists, its status
 * (a person's LIVING / DECEASED / MOVED_OUT, a legal entity's registration status) and whether it
 * is on a credit black list. Results and materials are recorded only for known subjects, and a
 * change here invalidates the subject's review results.
 */
@Entity({ name: 'subject' })
export class SubjectRow {
  @PrimaryColumn({ name: 'subject_id', type: 'varchar', length: 18 })
  subjectId: string;

  /** PERSON or LEGAL_ENTITY */
  @Column({ name: 'subject_type', type: 'varchar', length: 12 })
  subjectType: string;

  @Column({ type: 'varchar', length: 24 })
  status: string;

  @Column({ name: 'status_effective_on', type: 'date', nullable: true })
  statusEffectiveOn: string | null;

  /** The subject's version in its library: an older event changes nothing. */
  @Column({ type: 'integer' })
  version: number;

  /** Credit record ids of black-list entries in force (黑名单). */
  @Column({ name: 'black_list_records', type: 'varchar', length: 64, array: true, default: () => "'{}'" })
  blackListRecords: string[];

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
