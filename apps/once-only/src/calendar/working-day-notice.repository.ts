import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CatalogWorkingDayNoticeEntered } from '@hub/contracts';
import { Repository, type InTransaction } from '@hub/persistence';
import { ONCE_ONLY_SCHEMA } from '../once-only.schema.js';

/** A notice as the catalog published it (what of it this app keeps). */
export type ReceivedNotice = Pick<
  CatalogWorkingDayNoticeEntered,
  'year' | 'version' | 'holidays' | 'workdays' | 'source' | 'enteredAt'
>;

/** The advisory lock between giving deadlines and counting them again. */
const NOTICE_LOCK = `${ONCE_ONLY_SCHEMA}.working_day_notice`;

/** This app's copy of the working-day notices the catalog's admins enter (once_only.working_day_notice): the latest version of each year. */
@Injectable()
export class WorkingDayNoticeRepository extends Repository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Keeps the notice when it is newer than the year's copy (or the first); false when this version or a later one is here already. */
  async keepIfNewer(tx: InTransaction, notice: ReceivedNotice, receivedAt: Date): Promise<boolean> {
    const stored: unknown[] = await tx.manager.query(
      `INSERT INTO ${ONCE_ONLY_SCHEMA}.working_day_notice (year, version, holidays, workdays, source, entered_at, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (year) DO UPDATE SET version = EXCLUDED.version, holidays = EXCLUDED.holidays, workdays = EXCLUDED.workdays,
              source = EXCLUDED.source, entered_at = EXCLUDED.entered_at, received_at = EXCLUDED.received_at
        WHERE ${ONCE_ONLY_SCHEMA}.working_day_notice.version < EXCLUDED.version
       RETURNING year`,
      [notice.year, notice.version, notice.holidays, notice.workdays, notice.source, notice.enteredAt, receivedAt],
    );
    return stored.length > 0;
  }

  /** Every notice held (the latest version of each year), by year; as the transaction sees them, when given. */
  all(
    tx?: InTransaction,
  ): Promise<Array<{ year: number; version: number; holidays: string[]; workdays: string[]; source: string }>> {
    return this.manager(tx).query(
      `SELECT year, version, holidays, workdays, source FROM ${ONCE_ONLY_SCHEMA}.working_day_notice ORDER BY year`,
    );
  }

  /** Held by a transaction that gives a deadline: waits while a notice is applied, and holds the next one off until it ends. */
  async lockForDeadline(tx: InTransaction): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock_shared(hashtext('${NOTICE_LOCK}'))`);
  }

  /** Held by a transaction that counts deadlines again (a notice received, the start): no deadline is given meanwhile. */
  async lockForRecount(tx: InTransaction): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('${NOTICE_LOCK}'))`);
  }
}
