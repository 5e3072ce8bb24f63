import 'reflect-metadata';
import { bootstrapSubgraph } from '@hub/subgraph';
import { LegalEntityAppModule } from './legal-entity-app.module.js';

/** Runs the legal-entity subgraph as its own process (port LEGAL_ENTITY_PORT, default 4101). */
export function startLegalEntity(options: { shutdownHooks?: boolean } = {}) {
  return bootstrapSubgraph(LegalEntityAppModule, { name: 'legal-entity', portVariable: 'LEGAL_ENTITY_PORT', defaultPort: 4101, ...options });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startLegalEntity();
}
