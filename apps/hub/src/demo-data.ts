import type { INestApplication } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { Logger } from 'pino';
import { INGEST_REGISTERS, type IngestRegisters } from '@hub/register';
import { syntheticCity } from '@hub/synthetic-data';
import { type DemoCompany, demoOnceOnlyCompany } from './demo-once-only.js';
import { subgraphEventsSettled } from './subgraphs.js';

/** The slice of the synthetic city the embedded start loads. */
export const DEMO_SIZES = { addresses: 600, persons: 1200, legalEntities: 300, creditRecords: 250 };

/**
 * Loads the demo data through each library's own bulk ingest, so it is validated, versioned and
 * published like any extract (and the libraries react to each other's events, as with real data).
 * Deterministic: loading it again on the next start is a replay that changes nothing.
 */
export async function loadDemoData(apps: Record<string, INestApplication>, log: Logger): Promise<DemoCompany | undefined> {
  const city = await syntheticCity(DEMO_SIZES);
  const extracts: Array<[string, string, Array<Record<string, unknown>>]> = [
    ['geospatial', 'addresses', city.addresses],
    ['population', 'persons', city.persons],
    ['legal-entity', 'legal-entities', city.legalEntities],
    ['credit', 'credit-records', city.creditRecords],
  ];
  for (const [app, register, records] of extracts) {
    const ingest = apps[app].get<IngestRegisters>(INGEST_REGISTERS)[register];
    const report = await ingest.ingest(Readable.from(records.map((r) => `${JSON.stringify(r)}\n`)), { format: 'ndjson' });
    log.info({ register, registered: report.registered, replayed: report.replayed, rejected: report.rejected }, `demo data loaded: ${register}`);
  }
  // Announce the hub only once the libraries have reacted to the data (addresses geocoded,
  // standings recorded): the first query should see a consistent city.
  log.info('demo data: waiting for the libraries to process its events…');
  if (await subgraphEventsSettled(Object.values(apps), 120_000)) log.info('demo data: events processed');
  else log.warn('demo data: events still being processed after 120 s; locations and standings will follow');
  return demoOnceOnlyCompany(city.legalEntities);
}
