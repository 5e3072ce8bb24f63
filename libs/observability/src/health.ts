/** A readiness check: resolves when the dependency is usable, throws (with a reason) when it is not. */
export interface HealthCheck {
  name: string;
  check(): Promise<void>;
  /**
   * A non-critical dependency failing makes the app `degraded`, not `unavailable`: e.g. with Kafka
   * down a library still serves reads and accepts writes (the outbox keeps their events).
   */
  critical?: boolean;
  /** What the check knows beyond ok or not (e.g. the years a calendar covers), shown with its result either way. */
  detail?: () => Record<string, unknown>;
}

export interface HealthReport {
  status: 'ok' | 'degraded' | 'unavailable';
  checks: Record<
    string,
    { status: 'ok' | 'unavailable'; error?: string; ms: number; detail?: Record<string, unknown> }
  >;
}

/** Runs every check in parallel with a timeout, so a hung dependency reports instead of hanging /health. */
export async function runHealthChecks(checks: HealthCheck[], timeoutMs = 2000): Promise<HealthReport> {
  const results = await Promise.all(
    checks.map(async (c) => {
      const started = performance.now();
      try {
        await Promise.race([
          c.check(),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs).unref(),
          ),
        ]);
        return [c.name, { status: 'ok' as const, ms: Math.round(performance.now() - started) }, c] as const;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return [
          c.name,
          { status: 'unavailable' as const, error: message, ms: Math.round(performance.now() - started) },
          c,
        ] as const;
      }
    }),
  );
  const failed = results.filter(([, r]) => r.status !== 'ok');
  const status =
    failed.length === 0 ? 'ok' : failed.some(([, , c]) => c.critical !== false) ? 'unavailable' : 'degraded';
  return {
    status,
    checks: Object.fromEntries(results.map(([name, r, c]) => [name, c.detail ? { ...r, detail: c.detail() } : r])),
  };
}
