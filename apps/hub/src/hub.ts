// The whole hub in one process: the embedded database (when DATABASE_URL is unset), every base
// library's subgraph, demo data, and the gateway with GraphiQL. `npm start` runs this through
// main.ts, which first sends the JSON logs to a file (HUB_LOG_FILE) unless HUB_LOG_TO_TERMINAL=1.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { OPERATOR_TOKEN_VARIABLE, ensureInternalSecret, operatorToken } from '@hub/auth';
import { createLogger, startTracing, stopTracing } from '@hub/observability';
import { resolveDatabase, stopEmbeddedDatabase } from '@hub/persistence';
import { startGateway } from '../../gateway/src/main.js';
import { startBanner } from './banner.js';
import { demoKey, loadDemoAccess } from './demo-access.js';
import { loadDemoData } from './demo-data.js';
import { loadDemoOnceOnly } from './demo-once-only.js';
import { SUBGRAPHS, connectToGateway, subgraphUrlVariable } from './subgraphs.js';

const log = createLogger('hub');
const logFile = process.env.HUB_LOG_FILE;

/**
 * One short line on the terminal per step of the start (and of the stop), whatever the JSON logs
 * do: with the logs in a file these lines are all a newcomer sees before the banner.
 */
let lastStep = performance.now();
function progress(text: string): void {
  const now = performance.now();
  process.stdout.write(`  ✓ ${text} (${((now - lastStep) / 1000).toFixed(1)} s)\n`);
  lastStep = now;
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  if (logFile) process.stdout.write(`\n  Starting the data-sharing hub (JSON logs in ${logFile})\n`);
  // Every app runs in this process: they share a fresh secret unless one is configured.
  ensureInternalSecret();
  placeAuditFiles();
  const metricsToken = await placeOperatorToken();
  // Before any app starts: in this process every app's spans are the service `hub` (each span names its app).
  if (await startTracing({ serviceName: 'hub' }))
    progress(
      `traces: OTLP to ${process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_ENDPOINT}`,
    );
  const database = await resolveDatabase();
  log.info(
    { embedded: database.embedded },
    database.embedded ? 'embedded database ready (PGlite + PostGIS)' : 'using DATABASE_URL',
  );
  progress(database.embedded ? 'database: embedded (PGlite + PostGIS)' : 'database: DATABASE_URL');

  const apps: INestApplication[] = [];
  const urls: Record<string, string> = {};
  const byName: Record<string, INestApplication> = {};
  for (const subgraph of SUBGRAPHS) {
    const app = await subgraph.start({ shutdownHooks: false });
    apps.push(app);
    byName[subgraph.name] = app;
    urls[subgraphUrlVariable(subgraph.name)] = `${await app.getUrl()}/graphql`;
    progress(`${subgraph.name}: migrations applied, app started`);
  }

  const demo = database.embedded || process.env.HUB_DEMO_DATA === 'true';
  let company: Awaited<ReturnType<typeof loadDemoData>>;
  if (demo) {
    company = await loadDemoData(byName, log);
    await loadDemoAccess(byName.catalog, log);
    if (company) await loadDemoOnceOnly(byName['once-only'], company, log);
    progress('demo data and demo keys loaded');
  }

  const gateway = await startGateway({ ...urls, ...process.env }, { shutdownHooks: false });
  apps.unshift(gateway);
  const url = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
  connectToGateway(byName, url);
  progress('gateway started');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: draining the outboxes, closing the apps and the database');
    process.stdout.write('\n  Stopping: draining the outboxes, closing the apps and the database…\n');
    // A signal always stops the hub: should closing hang on something (a request that does not
    // end, a database that does not answer), it exits anyway after HUB_STOP_TIMEOUT_MS.
    const limit = Number(process.env.HUB_STOP_TIMEOUT_MS) > 0 ? Number(process.env.HUB_STOP_TIMEOUT_MS) : 30_000;
    setTimeout(() => {
      log.error({ signal, limitMs: limit }, 'closing did not finish in time: exiting anyway');
      process.stderr.write(
        `  closing did not finish in ${limit} ms: exiting anyway${logFile ? ` (see ${logFile})` : ''}\n`,
      );
      process.exit(1);
    }, limit).unref();
    // The gateway first (no new requests), then the libraries (their relays drain), then the database.
    for (const app of apps)
      await app.close().catch((error: unknown) => log.error({ err: error }, 'error while closing an app'));
    await stopEmbeddedDatabase();
    await stopTracing().catch(() => undefined);
    log.info('stopped');
    process.stdout.write('  Stopped.\n');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // The banner last, once a signal would be handled: whoever reads it may stop the hub at once.
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  process.stdout.write(
    startBanner({ url, seconds, metricsToken, demoKey: demo ? demoKey('window') : undefined, company, logFile }),
  );
}

/**
 * The access log's audit key and its checkpoint file live in the data folder beside the archive,
 * outside the database's files: created on first start (the key 0600) and reused after. What is
 * configured is left alone.
 */
function placeAuditFiles(env: NodeJS.ProcessEnv = process.env): void {
  const dataDir = dirname(env.ARCHIVE_DIR || '.data/archive');
  if (!env.HUB_AUDIT_KEY && !env.HUB_AUDIT_KEY_FILE) env.HUB_AUDIT_KEY_FILE = join(dataDir, 'access-log.key');
  if (!env.AUDIT_CHECKPOINT_FILE) env.AUDIT_CHECKPOINT_FILE = join(dataDir, 'access-log-checkpoints.ndjson');
}

/**
 * /metrics of every app takes the operators' token. Unless one is configured, the all-in-one hub
 * keeps one in the data folder (created on first start, owner-readable only) and says where.
 * Returns that file, or undefined when the token came from the environment.
 */
async function placeOperatorToken(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  if (operatorToken(env)) return undefined;
  const dataDir = dirname(env.ARCHIVE_DIR || '.data/archive');
  const file = join(dataDir, 'metrics.token');
  let token = await readFile(file, 'utf8').then(
    (t) => t.trim(),
    () => '',
  );
  if (token.length < 32) {
    token = randomBytes(32).toString('hex');
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await writeFile(file, `${token}\n`, { mode: 0o600 });
  }
  await chmod(file, 0o600);
  env[OPERATOR_TOKEN_VARIABLE] = token;
  return file;
}

main().catch(async (error: unknown) => {
  log.fatal({ err: error }, error instanceof Error ? error.message : String(error));
  // With the logs in a file, the terminal still has to say that and why the start failed.
  if (logFile)
    process.stderr.write(
      `\n  The hub did not start: ${error instanceof Error ? error.message : String(error)}\n  Details: ${logFile}\n`,
    );
  await stopEmbeddedDatabase().catch(() => undefined);
  process.exit(1);
});
