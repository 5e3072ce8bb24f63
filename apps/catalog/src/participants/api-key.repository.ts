import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Repository, type InTransaction } from '@hub/persistence';
import { ApiKeyRow } from './participant.entities.js';
import { ApiKeyStatus } from './participants.model.js';

/** Which keys a listing takes; each condition set narrows it. */
export interface ApiKeyQuery {
  departmentUscc?: string;
  /** A second department condition (the caller's own department, when it is a steward's listing). */
  ownDepartmentUscc?: string;
  systemCode?: string;
  /** As toApiKey tells the status: revoked first, then expired at expires_at (compared with `now`). */
  status?: ApiKeyStatus;
  now: Date;
  /** Keyset: the last key of the previous page (issued_at desc, id desc). */
  after?: { issuedAt: string; id: string };
  limit: number;
}

/** The hub's API keys (catalog.api_key). */
@Injectable()
export class ApiKeyRepository extends Repository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  exists(id: string): Promise<boolean> {
    return this.manager().getRepository(ApiKeyRow).existsBy({ id });
  }

  /** The key, locked for update until the transaction ends. */
  findLocked(tx: InTransaction, id: string): Promise<ApiKeyRow | null> {
    return tx.manager.getRepository(ApiKeyRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(tx: InTransaction, key: ApiKeyRow): Promise<void> {
    await tx.manager.getRepository(ApiKeyRow).insert(key);
  }

  async save(tx: InTransaction, key: ApiKeyRow): Promise<void> {
    await tx.manager.getRepository(ApiKeyRow).save(key);
  }

  /** The newest keys (at most `take`) matching every condition given. */
  newest(where: { departmentUscc?: string; systemCode?: string }, take: number): Promise<ApiKeyRow[]> {
    return this.manager()
      .getRepository(ApiKeyRow)
      .find({ where, order: { issuedAt: 'DESC' }, take });
  }

  /** A page of keys, newest first (one more than `limit` when there are more). */
  page(q: ApiKeyQuery): Promise<ApiKeyRow[]> {
    const qb = this.manager().getRepository(ApiKeyRow).createQueryBuilder('k');
    if (q.ownDepartmentUscc) qb.andWhere('k.department_uscc = :own', { own: q.ownDepartmentUscc });
    if (q.departmentUscc) qb.andWhere('k.department_uscc = :department', { department: q.departmentUscc });
    if (q.systemCode) qb.andWhere('k.system_code = :system', { system: q.systemCode });
    if (q.status === ApiKeyStatus.REVOKED) qb.andWhere('k.revoked_at IS NOT NULL');
    else if (q.status === ApiKeyStatus.EXPIRED)
      qb.andWhere('k.revoked_at IS NULL AND k.expires_at <= CAST(:now AS timestamptz)', { now: q.now.toISOString() });
    else if (q.status === ApiKeyStatus.ACTIVE)
      qb.andWhere('k.revoked_at IS NULL AND k.expires_at > CAST(:now AS timestamptz)', { now: q.now.toISOString() });
    if (q.after)
      qb.andWhere('(k.issued_at, k.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS varchar))', {
        afterAt: q.after.issuedAt,
        afterId: q.after.id,
      });
    return qb.orderBy('k.issued_at', 'DESC').addOrderBy('k.id', 'DESC').take(q.limit).getMany();
  }

  /** Whether an unrevoked, unexpired key with this role exists. */
  inForceWithRole(role: string): Promise<boolean> {
    return this.manager()
      .getRepository(ApiKeyRow)
      .createQueryBuilder('k')
      .where(':role = ANY(k.roles)', { role })
      .andWhere('k.revoked_at IS NULL')
      .andWhere('k.expires_at > now()')
      .getExists();
  }

  /** Every key, revoked and expired ones too. */
  all(): Promise<ApiKeyRow[]> {
    return this.manager().getRepository(ApiKeyRow).find();
  }
}
