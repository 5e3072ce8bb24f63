import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Repository, type InTransaction } from '@hub/persistence';
import { DepartmentRow, DepartmentSystemRow } from './participant.entities.js';

/** Departments and their systems (catalog.department, department_system). */
@Injectable()
export class DepartmentRepository extends Repository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Every department, by USCC. */
  all(tx?: InTransaction): Promise<DepartmentRow[]> {
    return this.manager(tx)
      .getRepository(DepartmentRow)
      .find({ order: { uscc: 'ASC' } });
  }

  byUscc(uscc: string): Promise<DepartmentRow | null> {
    return this.manager().getRepository(DepartmentRow).findOneBy({ uscc });
  }

  byUsccs(usccs: string[], tx?: InTransaction): Promise<DepartmentRow[]> {
    return this.manager(tx)
      .getRepository(DepartmentRow)
      .findBy({ uscc: In(usccs) });
  }

  exists(uscc: string, tx?: InTransaction): Promise<boolean> {
    return this.manager(tx).getRepository(DepartmentRow).existsBy({ uscc });
  }

  count(tx?: InTransaction): Promise<number> {
    return this.manager(tx).getRepository(DepartmentRow).count();
  }

  async insert(
    tx: InTransaction,
    departments: Array<Pick<DepartmentRow, 'uscc' | 'name' | 'divisionCode'>>,
  ): Promise<void> {
    await tx.manager.getRepository(DepartmentRow).insert(departments);
  }

  /** Every system, by code. */
  systems(tx?: InTransaction): Promise<DepartmentSystemRow[]> {
    return this.manager(tx)
      .getRepository(DepartmentSystemRow)
      .find({ order: { code: 'ASC' } });
  }

  systemsOf(departmentUscc: string): Promise<DepartmentSystemRow[]> {
    return this.manager().getRepository(DepartmentSystemRow).findBy({ departmentUscc });
  }

  system(code: string, tx?: InTransaction): Promise<DepartmentSystemRow | null> {
    return this.manager(tx).getRepository(DepartmentSystemRow).findOneBy({ code });
  }

  systemsByCodes(codes: string[]): Promise<DepartmentSystemRow[]> {
    return this.manager()
      .getRepository(DepartmentSystemRow)
      .findBy({ code: In(codes) });
  }

  /** The system, locked for update until the transaction ends. */
  systemLocked(tx: InTransaction, code: string): Promise<DepartmentSystemRow | null> {
    return tx.manager
      .getRepository(DepartmentSystemRow)
      .findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
  }

  systemExists(code: string, tx?: InTransaction): Promise<boolean> {
    return this.manager(tx).getRepository(DepartmentSystemRow).existsBy({ code });
  }

  async insertSystems(
    tx: InTransaction,
    systems: Array<Pick<DepartmentSystemRow, 'code' | 'departmentUscc' | 'name'>>,
  ): Promise<void> {
    await tx.manager.getRepository(DepartmentSystemRow).insert(systems);
  }

  async saveSystem(tx: InTransaction, system: DepartmentSystemRow): Promise<void> {
    await tx.manager.getRepository(DepartmentSystemRow).save(system);
  }

  /** The systems with a request rate of their own. */
  rateLimitedSystems(): Promise<DepartmentSystemRow[]> {
    return this.manager()
      .getRepository(DepartmentSystemRow)
      .createQueryBuilder('s')
      .where('s.rate_limit_per_minute IS NOT NULL')
      .getMany();
  }
}
