import { runHealthChecks, type HealthCheck, type HealthReport } from './health.js';

/** Collects the readiness checks the modules of one app register (database, event transport, …). */
export class HealthRegistry {
  private readonly checks: HealthCheck[] = [];

  register(check: HealthCheck): void {
    this.checks.push(check);
  }

  run(): Promise<HealthReport> {
    return runHealthChecks(this.checks);
  }
}
