// The hub under benchmark, in its own process so that its CPU time is measured apart from the
// load generator's: a scratch database on DATABASE_URL's server, the legal-entity subgraph and the
// gateway, seeded with legal entities. Prints one JSON line with the URLs when ready.
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { ScratchDatabase } from '@hub/persistence';
import { INGEST_REGISTERS, type IngestRegisters } from '@hub/register';
import { startGateway } from '../apps/gateway/src/main.js';
import { demoLegalEntities } from '../apps/legal-entity/src/demo/demo-legal-entities.js';
import { startLegalEntity } from '../apps/legal-entity/src/main.js';

const [usccFile, countArg] = process.argv.slice(2);
const database = await ScratchDatabase.create(process.env.DATABASE_URL, 'hub_bench');
Object.assign(process.env, { DATABASE_URL: database.url, LEGAL_ENTITY_PORT: '0', GATEWAY_PORT: '0', LOG_LEVEL: 'warn' });
const legalEntity = await startLegalEntity({ shutdownHooks: false });
const subgraph = await legalEntity.getUrl();
const records = demoLegalEntities(Number(countArg ?? 10_000), 4242);
const report = await legalEntity.get<IngestRegisters>(INGEST_REGISTERS)['legal-entities'].ingest(Readable.from(records.map((r) => `${JSON.stringify(r)}\n`)), { format: 'ndjson' });
const gateway = await startGateway({ ...process.env, SUBGRAPH_LEGAL_ENTITY_URL: `${subgraph}/graphql` }, { shutdownHooks: false });
const usccs = records.map((r) => r.uscc);
await writeFile(usccFile, JSON.stringify(usccs));
process.stdout.write(`${JSON.stringify({ subgraph, gateway: await gateway.getUrl(), seeded: report.registered })}\n`);

async function stop() {
  await gateway.close();
  await legalEntity.close();
  await database.drop();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
