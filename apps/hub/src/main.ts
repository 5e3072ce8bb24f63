// The whole hub in one process: the embedded database (when DATABASE_URL is unset), every base
// library's subgraph, demo data, and the gateway with GraphiQL. `npm start` runs this.
import 'reflect-metadata';
import { Readable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import { createLogger } from '@hub/observability';
import { INGEST_REGISTERS, type IngestRegisters } from '@hub/register';
import { resolveDatabase, stopEmbeddedDatabase } from '@hub/persistence';
import { startGateway } from '../../gateway/src/main.js';
import { demoLegalEntities } from '../../legal-entity/src/demo/demo-legal-entities.js';
import { startLegalEntity } from '../../legal-entity/src/main.js';

const log = createLogger('hub');

async function main(): Promise<void> {
  const started = performance.now();
  const database = await resolveDatabase();
  log.info({ embedded: database.embedded }, database.embedded ? 'embedded database ready (PGlite + PostGIS)' : 'using DATABASE_URL');

  const apps: INestApplication[] = [];
  const legalEntity = await startLegalEntity({ shutdownHooks: false });
  apps.push(legalEntity);
  const legalEntityUrl = `${await legalEntity.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');

  if (database.embedded || process.env.HUB_DEMO_DATA === 'true') {
    const report = await legalEntity.get<IngestRegisters>(INGEST_REGISTERS)['legal-entities'].ingest(Readable.from(demoLegalEntities().map((r) => JSON.stringify(r) + '\n')), { format: 'ndjson' });
    log.info({ registered: report.registered, replayed: report.replayed, rejected: report.rejected }, 'demo legal entities loaded');
  }

  const gateway = await startGateway({ SUBGRAPH_LEGAL_ENTITY_URL: legalEntityUrl, ...process.env }, { shutdownHooks: false });
  apps.unshift(gateway);
  const url = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`\n  Data-sharing hub is running (started in ${seconds} s)\n\n  GraphiQL:  ${url}/graphiql\n  GraphQL:   ${url}/graphql\n  Health:    ${url}/health\n\n  Press Ctrl+C to stop.\n\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: draining the outboxes, closing the apps and the database');
    // The gateway first (no new requests), then the libraries (their relays drain), then the database.
    for (const app of apps) await app.close().catch((error: unknown) => log.error({ err: error }, 'error while closing an app'));
    await stopEmbeddedDatabase();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch(async (error: unknown) => {
  log.fatal({ err: error }, error instanceof Error ? error.message : String(error));
  await stopEmbeddedDatabase().catch(() => undefined);
  process.exit(1);
});
