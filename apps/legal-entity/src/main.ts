import 'reflect-metadata';
import { bootstrapSubgraph } from '@hub/subgraph';
import { subgraphListen } from '@hub/config';
import { LegalEntityAppModule } from './legal-entity-app.module.js';

/** Runs the legal-entity subgraph as its own process (port LEGAL_ENTITY_PORT, default 4101: libs/config/src/app-registry.ts). */
export function startLegalEntity(options: { shutdownHooks?: boolean } = {}) {
  return bootstrapSubgraph(LegalEntityAppModule, { ...subgraphListen('legal-entity'), ...options });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startLegalEntity();
}
