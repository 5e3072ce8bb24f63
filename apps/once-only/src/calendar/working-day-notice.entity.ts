import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * This app's copy of the working-day notices the catalog's admins enter (its policy event
 * hub.catalog.working-day-notice-entered.v1): the latest version of each year, so that data
 * corrections count the same working days as sharing applications, also after a restart.
 */
@Entity({ name: 'working_day_notice' })
export class WorkingDayNoticeCopyRow {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 10, array: true })
  holidays: string[];

  @Column({ type: 'varchar', length: 10, array: true })
  workdays: string[];

  @Column({ type: 'varchar', length: 500 })
  source: string;

  /** When the catalog's admin entered it. */
  @Column({ name: 'entered_at', type: 'timestamptz' })
  enteredAt: Date;

  /** When this app received it. */
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
