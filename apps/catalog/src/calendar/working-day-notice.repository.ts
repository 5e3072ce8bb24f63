import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Repository, type InTransaction } from '@hub/persistence';
import { WorkingDayNoticeRow } from './working-day-notice.entity.js';

/** The advisory lock between giving deadlines and counting them again. */
const NOTICE_LOCK = 'catalog.working_day_notice';

/** The working-day notices entered (catalog.working_day_notice), every version, and the lock that orders them with deadlines. */
@Injectable()
export class WorkingDayNoticeRepository extends Repository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Every version, newest first; of one year when asked. */
  list(year?: number): Promise<WorkingDayNoticeRow[]> {
    return this.manager()
      .getRepository(WorkingDayNoticeRow)
      .find({ where: year === undefined ? {} : { year }, order: { year: 'DESC', version: 'DESC' } });
  }

  /** The latest version of every year, by year (as the transaction sees them, when given). */
  latestPerYear(tx?: InTransaction): Promise<WorkingDayNoticeRow[]> {
    return this.manager(tx)
      .getRepository(WorkingDayNoticeRow)
      .createQueryBuilder('n')
      .distinctOn(['n.year'])
      .orderBy('n.year', 'ASC')
      .addOrderBy('n.version', 'DESC')
      .getMany();
  }

  /** A year's latest version, locked until the transaction ends. */
  latestLocked(tx: InTransaction, year: number): Promise<WorkingDayNoticeRow | null> {
    return tx.manager
      .getRepository(WorkingDayNoticeRow)
      .findOne({ where: { year }, order: { version: 'DESC' }, lock: { mode: 'pessimistic_write' } });
  }

  /** Fails with the unique violation (23505) when that version of the year exists already. */
  async insert(tx: InTransaction, notice: WorkingDayNoticeRow): Promise<void> {
    await tx.manager.getRepository(WorkingDayNoticeRow).insert(notice);
  }

  /** Held by a transaction that gives a deadline: waits while a notice is entered, and holds the next one off. */
  async lockForDeadline(tx: InTransaction): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock_shared(hashtext('${NOTICE_LOCK}'))`);
  }

  /** Held by a transaction that counts deadlines again: no deadline is given meanwhile. */
  async lockForRecount(tx: InTransaction): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('${NOTICE_LOCK}'))`);
  }
}
