import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Repository, type InTransaction } from '@hub/persistence';
import { SharingGrantRow } from './sharing.entities.js';
import { SharingGrantStatus } from './sharing.model.js';

/** Which grants a listing takes; each condition given narrows it. */
export interface GrantQuery {
  /** Whose grants the caller may see: a department's resources', or a system's own (none: all). */
  visibleTo?: { providerUscc: string | null } | { consumerSystemCode: string };
  consumerSystemCode?: string;
  resourceCode?: string;
  /** The status on `today` (China Standard Time), as toGrant tells it. */
  status?: SharingGrantStatus;
  today: string;
  /** Keyset: the last grant of the previous page (granted_at desc, id desc). */
  after?: { grantedAt: string; id: string };
  limit: number;
}

/** Grants (catalog.sharing_grant): what a system may read of a resource, until when. */
@Injectable()
export class GrantRepository extends Repository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  async insert(tx: InTransaction, grant: SharingGrantRow): Promise<void> {
    await tx.manager.getRepository(SharingGrantRow).insert(grant);
  }

  /** The grant, locked for update until the transaction ends. */
  findLocked(tx: InTransaction, id: string): Promise<SharingGrantRow | null> {
    return tx.manager.getRepository(SharingGrantRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(tx: InTransaction, grant: SharingGrantRow): Promise<void> {
    await tx.manager.getRepository(SharingGrantRow).save(grant);
  }

  /** Grants on a resource neither revoked nor run out by `today`, by consumer system then age. */
  liveOn(resourceCode: string, today: string): Promise<SharingGrantRow[]> {
    return this.manager()
      .getRepository(SharingGrantRow)
      .createQueryBuilder('g')
      .where('g.resource_code = :code', { code: resourceCode })
      .andWhere('g.revoked_at IS NULL')
      .andWhere('g.valid_to >= CAST(:today AS date)', { today })
      .orderBy('g.consumer_system_code')
      .addOrderBy('g.granted_at')
      .getMany();
  }

  /** Newest first (granted_at desc, id desc); `limit` rows at most. */
  list(q: GrantQuery): Promise<SharingGrantRow[]> {
    const qb = this.manager().getRepository(SharingGrantRow).createQueryBuilder('g');
    if (q.visibleTo && 'providerUscc' in q.visibleTo)
      qb.andWhere('g.provider_uscc = :p', { p: q.visibleTo.providerUscc });
    if (q.visibleTo && 'consumerSystemCode' in q.visibleTo)
      qb.andWhere('g.consumer_system_code = :s', { s: q.visibleTo.consumerSystemCode });
    if (q.consumerSystemCode) qb.andWhere('g.consumer_system_code = :fs', { fs: q.consumerSystemCode });
    if (q.resourceCode) qb.andWhere('g.resource_code = :fr', { fr: q.resourceCode });
    if (q.status) {
      const live = 'g.revoked_at IS NULL AND g.valid_to >= CAST(:today AS date)';
      const condition = {
        [SharingGrantStatus.REVOKED]: 'g.revoked_at IS NOT NULL',
        [SharingGrantStatus.EXPIRED]: 'g.revoked_at IS NULL AND g.valid_to < CAST(:today AS date)',
        [SharingGrantStatus.NOT_YET_VALID]: `${live} AND g.valid_from > CAST(:today AS date)`,
        [SharingGrantStatus.ACTIVE]: `${live} AND g.valid_from <= CAST(:today AS date)`,
      }[q.status];
      qb.andWhere(`(${condition})`, { today: q.today });
    }
    if (q.after)
      qb.andWhere('(g.granted_at, g.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))', {
        afterAt: q.after.grantedAt,
        afterId: q.after.id,
      });
    return qb.orderBy('g.granted_at', 'DESC').addOrderBy('g.id', 'DESC').take(q.limit).getMany();
  }

  /** Grants not revoked whose last day is `day` or later (what enforcement may still need). */
  notEndedBefore(day: string): Promise<SharingGrantRow[]> {
    return this.manager()
      .getRepository(SharingGrantRow)
      .createQueryBuilder('g')
      .where('g.revoked_at IS NULL AND g.valid_to >= :day', { day })
      .getMany();
  }
}
