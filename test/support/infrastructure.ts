import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the in-process test hubs write their apps' JSON logs (one file per hub). */
export const TEST_LOG_DIR = join(tmpdir(), 'hub-test-logs');

/**
 * What real infrastructure this test run has. Without it the suites that need it are skipped (and
 * the run says so); with HUB_REQUIRE_INFRA=1 — as in CI — a missing piece fails the run instead,
 * so a green CI can never mean "skipped".
 */
export const infrastructure = {
  /** A real Postgres server to create scratch databases on (DATABASE_URL); else the embedded database. */
  postgres: Boolean(process.env.DATABASE_URL),
  /** A running Kafka broker (KAFKA_BROKERS); else the in-process transport. */
  kafka: Boolean(process.env.KAFKA_BROKERS),
  /** The broker jars (infra/kafka/fetch.sh), for suites that run and stop a broker of their own. */
  kafkaJars: hasJars(),
  /** A Chromium for the console's browser tests (Debian's `chromium`; npm's browser downloads fail here). */
  chromium: chromiumPath() !== undefined,
  required: process.env.HUB_REQUIRE_INFRA === '1',
};

export type Need = 'postgres' | 'kafka' | 'kafkaJars' | 'chromium';

declare module 'vitest' {
  interface TaskMeta {
    /** Why a test or suite was skipped (set by skipUnless), listed at the end of the run. */
    skipReason?: string;
  }
}

const HOW: Record<Need, string> = {
  postgres: 'set DATABASE_URL to a Postgres (PostGIS) server',
  kafka: 'set KAFKA_BROKERS to a running broker (infra/kafka/broker.sh start)',
  kafkaJars: 'fetch the broker jars with infra/kafka/fetch.sh',
  chromium: 'install Chromium (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH',
};

/** The Chromium binary the browser tests drive: CHROMIUM_PATH, or Debian's package. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((c): c is string => Boolean(c) && existsSync(c!));
}

/** True when every need is met; false (skip) when not, or throws when HUB_REQUIRE_INFRA=1. */
export function has(...needs: Need[]): boolean {
  const missing = needs.filter((n) => !infrastructure[n]);
  if (missing.length === 0) return true;
  if (infrastructure.required) {
    throw new Error(
      `HUB_REQUIRE_INFRA=1 but ${missing.join(', ')} is missing: ${missing.map((m) => HOW[m]).join('; ')}`,
    );
  }
  return false;
}

/**
 * Test options that skip a suite or test when infrastructure is missing, and say why, so the end
 * of the run can list every skipped test with its reason (test/support/skip-reporter.ts):
 * `describe('…', skipUnless('chromium'), () => …)`. With HUB_REQUIRE_INFRA=1 it throws like has().
 */
export function skipUnless(...needs: Need[]): { skip?: boolean; meta?: { skipReason: string } } {
  if (has(...needs)) return {};
  const missing = needs.filter((n) => !infrastructure[n]);
  return { skip: true, meta: { skipReason: `needs ${missing.join(', ')}: ${missing.map((m) => HOW[m]).join('; ')}` } };
}

function hasJars(): boolean {
  const dir = process.env.KAFKA_LIB_DIR ?? join(process.cwd(), 'infra', 'kafka', 'lib');
  return existsSync(dir) && readdirSync(dir).some((f) => f.startsWith('kafka_2.13') && f.endsWith('.jar'));
}

export function describeInfrastructure(): string {
  const lines = [
    `database: ${infrastructure.postgres ? 'Postgres at DATABASE_URL (a scratch database per suite)' : 'embedded PGlite (one per suite)'}`,
    `events:   ${infrastructure.kafka ? `Kafka at ${process.env.KAFKA_BROKERS} (topics prefixed per suite)` : 'in-process transport'}`,
    `broker jars for the outage suite: ${infrastructure.kafkaJars ? 'present' : 'absent — that suite is skipped'}`,
    `chromium for the console's browser tests: ${infrastructure.chromium ? chromiumPath() : 'absent — that suite is skipped'}`,
    `apps' logs: ${process.env.HUB_TEST_APP_OUTPUT === '1' ? 'here (HUB_TEST_APP_OUTPUT=1)' : `${TEST_LOG_DIR}/<topic prefix>.log, one file per test hub (HUB_TEST_APP_OUTPUT=1 prints them here)`}`,
  ];
  if (!infrastructure.postgres || !infrastructure.kafka) {
    lines.push(
      'Suites that need the missing pieces are skipped; set DATABASE_URL and KAFKA_BROKERS to run everything (see README).',
    );
  }
  return lines.join('\n');
}
