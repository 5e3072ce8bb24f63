import type { INestApplication } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { Logger } from 'pino';
import { INGEST_REGISTERS, type IngestRegisters } from '@hub/register';
import { syntheticCity } from '@hub/synthetic-data';
import { type DemoCompany, demoOnceOnlyCompany } from './demo-once-only.js';
import { DEMO_KEYS } from './demo-keys.js';
import { subgraphEventsSettled } from './subgraphs.js';

/** The slice of the synthetic city the embedded start loads. */
export const DEMO_SIZES = { addresses: 600, persons: 1200, legalEntities: 300, creditRecords: 250 };

/**
 * The system each demo register is sent by: the register's provider in the catalog, whose demo key
 * may write it. The synthetic city names departments of its own (three cities, none registered), so
 * the demo attributes every record to the registered system instead, as an extract sent with that
 * system's key would be: a correction reported on a demo record reaches a department that has keys.
 */
export const DEMO_SOURCES: Record<string, { app: string; sender: keyof typeof DEMO_KEYS }> = {
  addresses: { app: 'geospatial', sender: 'address' },
  persons: { app: 'population', sender: 'hukou' },
  'legal-entities': { app: 'legal-entity', sender: 'registration' },
  'credit-records': { app: 'credit', sender: 'credit' },
};

/** The demo's records by register, each with the source of its register's sending system. */
export async function demoRecords(): Promise<Array<[register: string, records: Array<Record<string, unknown>>]>> {
  const city = await syntheticCity(DEMO_SIZES);
  const byRegister: Array<[string, Array<Record<string, unknown>>]> = [
    ['addresses', city.addresses],
    ['persons', city.persons],
    ['legal-entities', city.legalEntities],
    ['credit-records', city.creditRecords],
  ];
  return byRegister.map(([register, records]) => {
    const { departmentUscc, systemCode } = DEMO_KEYS[DEMO_SOURCES[register].sender];
    return [register, records.map((r) => ({ ...r, sourceDepartment: departmentUscc, sourceSystem: systemCode }))];
  });
}

/**
 * Loads the demo data through each library's own bulk ingest, so it is validated, versioned and
 * published like any extract (and the libraries react to each other's events, as with real data).
 * Deterministic: loading it again on the next start is a replay that changes nothing.
 */
export async function loadDemoData(
  apps: Record<string, INestApplication>,
  log: Logger,
): Promise<DemoCompany | undefined> {
  const extracts = await demoRecords();
  let legalEntities: Array<Record<string, unknown>> = [];
  for (const [register, records] of extracts) {
    if (register === 'legal-entities') legalEntities = records;
    const ingest = apps[DEMO_SOURCES[register].app].get<IngestRegisters>(INGEST_REGISTERS)[register];
    const report = await ingest.ingest(Readable.from(records.map((r) => `${JSON.stringify(r)}\n`)), {
      format: 'ndjson',
    });
    log.info(
      { register, registered: report.registered, replayed: report.replayed, rejected: report.rejected },
      `demo data loaded: ${register}`,
    );
  }
  // Announce the hub only once the libraries have reacted to the data (addresses geocoded,
  // standings recorded): the first query should see a consistent city.
  log.info('demo data: waiting for the libraries to process its events…');
  if (await subgraphEventsSettled(Object.values(apps), 120_000)) log.info('demo data: events processed');
  else log.warn('demo data: events still being processed after 120 s; locations and standings will follow');
  return demoOnceOnlyCompany(legalEntities);
}
