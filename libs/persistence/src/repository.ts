import type { DataSource, EntityManager } from 'typeorm';

/** A transaction as repositories see it: the unit of work's (`@hub/events` Transaction) has its `manager`. */
export interface InTransaction {
  readonly manager: EntityManager;
}

/**
 * The base of an app's repositories: each method takes the caller's transaction when it must run in
 * one (a write, or a read that locks), and runs on the pool otherwise. Repositories own the SQL and
 * the TypeORM calls; services decide, authorise and map.
 */
export abstract class Repository {
  constructor(protected readonly dataSource: DataSource) {}

  protected manager(tx?: InTransaction): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }
}
