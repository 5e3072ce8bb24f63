// The hub under benchmark, in its own process so that its CPU time and memory are measured apart
// from the load generator's: a scratch database on DATABASE_URL's server, every subgraph and the
// gateway, seeded with a synthetic city and the demo's keys and grants. Prints one JSON line with the
// URLs and the API keys to call the gateway with when ready (the attack scenario's attacker has its
// own). A second gateway over the same subgraphs runs with access control off: the benchmark's
// baseline for what policy and audit cost.
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { ensureInternalSecret } from '@hub/auth';
import { createLogger } from '@hub/observability';
import { ScratchDatabase } from '@hub/persistence';
import { INGEST_REGISTERS, type IngestRegisters } from '@hub/register';
import { syntheticCity } from '@hub/synthetic-data';
import { startGateway } from '../apps/gateway/src/main.js';
import { ParticipantsService } from '../apps/catalog/src/participants/participants.service.js';
import { demoKey, demoPrincipal, loadDemoAccess } from '../apps/hub/src/demo-access.js';
import { SUBGRAPHS, subgraphEventsSettled, subgraphUrlVariable } from '../apps/hub/src/subgraphs.js';

const [usccFile, countArg] = process.argv.slice(2);
/** The one-window system (normal traffic) and the social-insurance system (the attacker of the attack scenario). */
const BENCH_SYSTEMS = ['fs-cc-one-window', 'fs-hrss-insurance'];
ensureInternalSecret();
const database = await ScratchDatabase.create(process.env.DATABASE_URL, 'hub_bench');
Object.assign(
  process.env,
  { DATABASE_URL: database.url, GATEWAY_PORT: '0', LOG_LEVEL: 'warn' },
  Object.fromEntries(SUBGRAPHS.map((s) => [s.portVariable, '0'])),
);
const apps: Array<Awaited<ReturnType<(typeof SUBGRAPHS)[number]['start']>>> = [];
const urls: Record<string, string> = {};
for (const subgraph of SUBGRAPHS) {
  const app = await subgraph.start({ shutdownHooks: false });
  apps.push(app);
  urls[subgraph.name] = await app.getUrl();
}
const entities = Number(countArg ?? 10_000);
const city = await syntheticCity(
  { addresses: Math.ceil(entities / 2), persons: entities * 2, legalEntities: entities, creditRecords: entities / 2 },
  4242,
);
for (const [name, register, records] of [
  ['geospatial', 'addresses', city.addresses],
  ['population', 'persons', city.persons],
  ['legal-entity', 'legal-entities', city.legalEntities],
  ['credit', 'credit-records', city.creditRecords],
] as const) {
  const app = apps[SUBGRAPHS.findIndex((s) => s.name === name)];
  const ingest = app.get<IngestRegisters>(INGEST_REGISTERS)[register];
  await ingest.ingest(Readable.from(records.map((r) => `${JSON.stringify(r)}\n`)), { format: 'ndjson' });
}
// Measuring while the seed's events are still being consumed (geocoding…) would measure that too.
await subgraphEventsSettled(apps, 600_000);
// The demo's keys, and grants for its one-window system, which reads the company profile with them.
const catalog = apps[SUBGRAPHS.findIndex((s) => s.name === 'catalog')];
await loadDemoAccess(catalog, createLogger('bench'));
// The systems the bench calls as get rates of their own from the catalog, far above what the bench
// sends: it measures throughput, not the rate limit (every other system keeps the default).
for (const systemCode of BENCH_SYSTEMS) {
  await catalog
    .get(ParticipantsService)
    .setSystemRateLimit(
      { systemCode, requestsPerMinute: 1_000_000, reason: 'benchmark: measuring throughput' },
      demoPrincipal('admin'),
    );
}
const gatewayEnv = {
  ...process.env,
  ...Object.fromEntries(SUBGRAPHS.map((s) => [subgraphUrlVariable(s.name), `${urls[s.name]}/graphql`])),
};
const gateway = await startGateway(gatewayEnv, { shutdownHooks: false });
// Benchmark baseline only: the same gateway without authentication, policy, masking or audit.
const ungoverned = await startGateway(gatewayEnv, { shutdownHooks: false, accessControl: false });
await writeFile(usccFile, JSON.stringify(city.legalEntities.map((e) => e.uscc)));
process.stdout.write(
  `${JSON.stringify({ subgraphs: urls, gateway: await gateway.getUrl(), ungovernedGateway: await ungoverned.getUrl(), key: demoKey('window'), attackerKey: demoKey('insurance'), database: database.url })}\n`,
);

async function stop() {
  await ungoverned.close();
  await gateway.close();
  for (const app of apps) await app.close();
  await database.drop();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
