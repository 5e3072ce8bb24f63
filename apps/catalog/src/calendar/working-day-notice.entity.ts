import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A year's holiday arrangement as the State Council's notice gives it (国务院办公厅关于XXXX年部分节假日
 * 安排的通知), entered by an admin. Every version is kept: the latest of a year is in force, and
 * replaces what the calendar file (WORKING_DAY_CALENDAR) says of that year.
 */
@Entity({ name: 'working_day_notice' })
export class WorkingDayNoticeRow {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  /** 1 when the year is first entered, one more with each correction. */
  @PrimaryColumn({ type: 'integer' })
  version: number;

  /** Monday–Friday days off, YYYY-MM-DD, in order. */
  @Column({ type: 'varchar', length: 10, array: true })
  holidays: string[];

  /** Weekend days worked (调休上班), YYYY-MM-DD, in order. */
  @Column({ type: 'varchar', length: 10, array: true })
  workdays: string[];

  /** The notice: its title and number (文号). */
  @Column({ type: 'varchar', length: 500 })
  source: string;

  /** The day the notice was issued. */
  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn: string | null;

  /** Why this version (required from the second one on: what the first got wrong, or the amending notice). */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason: string | null;

  /** The admin confirmed a total of days off other than the statutory one (a one-off holiday). */
  @Column({ name: 'unusual_total', type: 'boolean' })
  unusualTotal: boolean;

  /** How many sharing applications' deadlines this version moved (or made official). */
  @Column({ name: 'deadlines_changed', type: 'integer' })
  deadlinesChanged: number;

  @Column({ name: 'entered_by', type: 'varchar', length: 12 })
  enteredBy: string;

  @Column({ name: 'entered_at', type: 'timestamptz' })
  enteredAt: Date;
}
