import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Repository, type InTransaction } from '@hub/persistence';
import { MaterialRow, MaterialStatusChangeRow } from './archive.entities.js';

/** The archive's materials and e-licences (once_only.material) and their status histories (material_status_change). */
@Injectable()
export class MaterialRepository extends Repository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  findById(id: string): Promise<MaterialRow | null> {
    return this.manager().getRepository(MaterialRow).findOneBy({ id });
  }

  /** The material, locked for update until the transaction ends. */
  findLocked(tx: InTransaction, id: string): Promise<MaterialRow | null> {
    return tx.manager.getRepository(MaterialRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** These materials, held (FOR SHARE) until the transaction ends: a revocation waits for what rests on them. */
  findSharedLocked(tx: InTransaction, ids: string[]): Promise<MaterialRow[]> {
    return tx.manager.getRepository(MaterialRow).find({ where: { id: In(ids) }, lock: { mode: 'pessimistic_read' } });
  }

  /** Which of these materials are of this subject. */
  async idsOfSubject(ids: string[], subjectId: string): Promise<string[]> {
    const rows = await this.manager()
      .getRepository(MaterialRow)
      .createQueryBuilder('m')
      .select('m.id', 'id')
      .where('m.id IN (:...ids)', { ids })
      .andWhere('m.subject_id = :subject', { subject: subjectId })
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** A subject's materials in force on `today` (VALID, not past their last day), newest issue first. */
  inForce(subjectId: string, today: string): Promise<MaterialRow[]> {
    return this.manager()
      .getRepository(MaterialRow)
      .createQueryBuilder('m')
      .where('m.subject_id = :id AND m.status = :valid', { id: subjectId, valid: 'VALID' })
      .andWhere('(m.valid_until IS NULL OR m.valid_until >= :today)', { today })
      .orderBy('m.issued_on', 'DESC')
      .getMany();
  }

  /** A material's title (null when there is no such material). */
  async titleOf(id: string, tx?: InTransaction): Promise<string | null> {
    const row = await this.manager(tx)
      .getRepository(MaterialRow)
      .findOne({ where: { id }, select: { id: true, title: true } });
    return row?.title ?? null;
  }

  licenceOnFile(licenceId: string, tx?: InTransaction): Promise<boolean> {
    return this.manager(tx).getRepository(MaterialRow).existsBy({ licenceId });
  }

  /** Fails with the unique violation (23505) when its licence is on file already. */
  async insert(tx: InTransaction, material: MaterialRow): Promise<void> {
    await tx.manager.getRepository(MaterialRow).insert(material);
  }

  async update(
    tx: InTransaction,
    id: string,
    changes: Partial<
      Pick<MaterialRow, 'status' | 'supersededBy' | 'contentSha256' | 'contentSize' | 'contentType' | 'contentStoredAt'>
    >,
  ): Promise<void> {
    await tx.manager.getRepository(MaterialRow).update({ id }, changes);
  }

  async markAll(tx: InTransaction, ids: string[], status: string): Promise<void> {
    await tx.manager.getRepository(MaterialRow).update({ id: In(ids) }, { status });
  }

  /**
   * Up to `limit` VALID materials whose validity ended before `today`, locked; rows another
   * transaction holds are skipped (SKIP LOCKED): a sweep in another instance, or a status change.
   */
  dueToExpire(tx: InTransaction, today: string, valid: string, limit: number): Promise<MaterialRow[]> {
    return tx.manager
      .getRepository(MaterialRow)
      .createQueryBuilder('m')
      .where('m.status = :valid AND m.valid_until < :today', { valid, today })
      .orderBy('m.valid_until')
      .addOrderBy('m.id')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** A subject's materials, newest first. */
  ofSubject(subjectId: string, kind?: string, status?: string): Promise<MaterialRow[]> {
    return this.manager()
      .getRepository(MaterialRow)
      .find({
        where: { subjectId, ...(kind ? { kind } : {}), ...(status ? { status } : {}) },
        order: { filedAt: 'DESC', id: 'DESC' },
      });
  }

  async insertChange(tx: InTransaction, change: MaterialStatusChangeRow): Promise<void> {
    await tx.manager.getRepository(MaterialStatusChangeRow).insert(change);
  }

  /** The status changes of these materials, oldest first (the filing first even when a change shares its instant). */
  changesOf(ids: string[]): Promise<MaterialStatusChangeRow[]> {
    return this.manager()
      .getRepository(MaterialStatusChangeRow)
      .createQueryBuilder('c')
      .where('c.material_id IN (:...ids)', { ids })
      .orderBy('c.changed_at')
      .addOrderBy('c.from_status IS NOT NULL')
      .addOrderBy('c.id')
      .getMany();
  }
}
