import type { INestApplication } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { Logger } from 'pino';
import { INGEST_REGISTERS, type IngestRegisters } from '@hub/register';
import { demoLegalEntities } from '../../legal-entity/src/demo/demo-legal-entities.js';

/**
 * Loads the demo data through each library's own bulk ingest, so it is validated, versioned and
 * published like any extract. Deterministic: loading it again on the next start is a replay.
 */
export async function loadDemoData(apps: Record<string, INestApplication>, log: Logger): Promise<void> {
  const extracts: Array<[string, string, unknown[]]> = [['legal-entity', 'legal-entities', demoLegalEntities()]];
  for (const [app, register, records] of extracts) {
    const ingest = apps[app].get<IngestRegisters>(INGEST_REGISTERS)[register];
    const report = await ingest.ingest(Readable.from(records.map((r) => `${JSON.stringify(r)}\n`)), { format: 'ndjson' });
    log.info({ register, registered: report.registered, replayed: report.replayed, rejected: report.rejected }, `demo data loaded: ${register}`);
  }
}
