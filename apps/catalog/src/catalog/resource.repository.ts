import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Repository, type InTransaction } from '@hub/persistence';
import type { ResourceStatus } from '@hub/policy';
import { DataItemRow, ResourceRow, ResourceVersionRow } from './catalog.entities.js';

/** One page of a catalog search: the codes in order and each one's sort value (for the cursor). */
export interface ResourceSearch {
  status: string;
  /** Matched in name or summary, case-insensitively (LIKE wildcards in it match themselves). */
  text?: string;
  providerUscc?: string;
  /** A classification prefix. */
  classification?: string;
  sharingType?: string;
  updateCycle?: string;
  order: ResourceOrder;
  direction: 'ASC' | 'DESC';
  /** The last row of the previous page: its sort value (omitted for the code order) and code. */
  after?: { value?: string; code: string };
  limit: number;
}

/**
 * The orders a search offers. Names compare bytewise (COLLATE "C") in both ORDER BY and the keyset
 * condition, so the two always agree whatever the database's locale; updated_at travels in the
 * cursor as Postgres text, which keeps the microseconds a JavaScript Date would drop.
 */
export type ResourceOrder = 'code' | 'name' | 'updated';
const ORDERS: Record<ResourceOrder, { column: string; select: string; cast: (p: string) => string }> = {
  code: { column: 'r.code', select: 'r.code', cast: (p) => p },
  name: { column: 'r.name COLLATE "C"', select: 'r.name', cast: (p) => `CAST(${p} AS text) COLLATE "C"` },
  updated: { column: 'r.updated_at', select: 'r.updated_at::text', cast: (p) => `CAST(${p} AS timestamptz)` },
};

/** Catalog resources, their data items and their versions (catalog.resource, data_item, resource_version). */
@Injectable()
export class ResourceRepository extends Repository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  findByCode(code: string, tx?: InTransaction): Promise<ResourceRow | null> {
    return this.manager(tx).getRepository(ResourceRow).findOneBy({ code });
  }

  findByCodes(codes: string[], tx?: InTransaction): Promise<ResourceRow[]> {
    return this.manager(tx)
      .getRepository(ResourceRow)
      .findBy({ code: In(codes) });
  }

  /** The resource, locked for update until the transaction ends. */
  findLocked(tx: InTransaction, code: string): Promise<ResourceRow | null> {
    return tx.manager.getRepository(ResourceRow).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
  }

  exists(code: string, tx?: InTransaction): Promise<boolean> {
    return this.manager(tx).getRepository(ResourceRow).existsBy({ code });
  }

  count(tx?: InTransaction): Promise<number> {
    return this.manager(tx).getRepository(ResourceRow).count();
  }

  /** Every resource (of one status), by code. */
  list(status?: ResourceStatus, tx?: InTransaction): Promise<ResourceRow[]> {
    return this.manager(tx)
      .getRepository(ResourceRow)
      .find({ where: status ? { status } : {}, order: { code: 'ASC' } });
  }

  async insert(
    tx: InTransaction,
    row: Omit<ResourceRow, 'createdAt' | 'updatedAt'>,
    items: DataItemRow[],
  ): Promise<void> {
    await tx.manager.getRepository(ResourceRow).insert(row);
    await tx.manager.getRepository(DataItemRow).insert(items);
  }

  async save(tx: InTransaction, row: ResourceRow): Promise<void> {
    await tx.manager.getRepository(ResourceRow).save(row);
  }

  itemsOf(code: string, tx?: InTransaction): Promise<DataItemRow[]> {
    return this.manager(tx)
      .getRepository(DataItemRow)
      .find({ where: { resourceCode: code }, order: { no: 'ASC' } });
  }

  /** The items of these resources, by number (every resource's when `codes` is omitted, by resource then number). */
  items(codes?: string[], tx?: InTransaction): Promise<DataItemRow[]> {
    const items = this.manager(tx).getRepository(DataItemRow);
    if (!codes) return items.find({ order: { resourceCode: 'ASC', no: 'ASC' } });
    return items.createQueryBuilder('i').where('i.resource_code IN (:...codes)', { codes }).orderBy('i.no').getMany();
  }

  async replaceItems(tx: InTransaction, code: string, items: DataItemRow[]): Promise<void> {
    await tx.manager.getRepository(DataItemRow).delete({ resourceCode: code });
    await tx.manager.getRepository(DataItemRow).insert(items);
  }

  async insertVersion(tx: InTransaction, version: ResourceVersionRow): Promise<void> {
    await tx.manager.getRepository(ResourceVersionRow).insert({ ...version, snapshot: version.snapshot as never });
  }

  versions(code: string): Promise<ResourceVersionRow[]> {
    return this.manager()
      .getRepository(ResourceVersionRow)
      .find({ where: { resourceCode: code }, order: { version: 'DESC' } });
  }

  /**
   * Serialises publications on the catalog until the transaction ends: two resources claiming one
   * field cannot both pass the soundness check concurrently.
   */
  async lockPublications(tx: InTransaction): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('catalog.publication'))`);
  }

  /** A page of codes (one more than `limit` when there are more), with each one's sort value as text. */
  search(q: ResourceSearch): Promise<Array<{ code: string; sort_value: string }>> {
    const where: string[] = ['r.status = $1'];
    const params: unknown[] = [q.status];
    const add = (sql: string, ...values: unknown[]) => {
      let sqlWithParams = sql;
      for (const value of values) {
        params.push(value);
        sqlWithParams = sqlWithParams.replace('?', `$${params.length}`);
      }
      where.push(sqlWithParams);
    };
    if (q.text) {
      const like = `%${escapeLike(q.text)}%`;
      add('(r.name ILIKE ? OR r.summary ILIKE ?)', like, like);
    }
    if (q.providerUscc) add('r.provider_uscc = ?', q.providerUscc);
    if (q.classification) add('r.classification LIKE ?', `${q.classification}%`);
    if (q.sharingType) add('r.sharing_type = ?', q.sharingType);
    if (q.updateCycle) add('r.update_cycle = ?', q.updateCycle);
    const order = ORDERS[q.order];
    const compare = q.direction === 'ASC' ? '>' : '<';
    if (q.after) {
      if (q.order === 'code') add(`r.code ${compare} ?`, q.after.code);
      else add(`(${order.column}, r.code) ${compare} (${order.cast(`?`)}, ?)`, q.after.value, q.after.code);
    }
    params.push(q.limit);
    const orderSql =
      q.order === 'code' ? `r.code ${q.direction}` : `${order.column} ${q.direction}, r.code ${q.direction}`;
    return this.manager().query(
      `SELECT r.code, ${order.select} AS sort_value FROM catalog.resource r WHERE ${where.join(' AND ')} ORDER BY ${orderSql} LIMIT $${params.length}`,
      params,
    );
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
