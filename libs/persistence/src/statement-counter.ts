import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Counter, Histogram } from 'prom-client';

/**
 * Counts every SQL statement TypeORM sends (TypeORM reports each query to its logger), as the
 * metric `hub_db_statements_total`. Tests read it to prove that N entities cost a bounded number of
 * statements; operators read it to spot N+1 patterns. Errors and slow queries are logged.
 */
export class StatementCountingLogger implements TypeOrmLogger {
  constructor(
    private readonly statements: Counter<string>,
    private readonly slow: Histogram<string> | undefined,
    private readonly report: (level: 'warn' | 'error', message: string, extra: Record<string, unknown>) => void,
  ) {}

  logQuery(): void {
    this.statements.inc();
  }

  logQueryError(error: string | Error, query: string): void {
    this.statements.inc();
    this.report('error', 'query failed', {
      error: error instanceof Error ? error.message : error,
      query: query.slice(0, 500),
    });
  }

  logQuerySlow(time: number, query: string): void {
    this.slow?.observe(time / 1000);
    this.report('warn', 'slow query', { ms: time, query: query.slice(0, 500) });
  }

  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
