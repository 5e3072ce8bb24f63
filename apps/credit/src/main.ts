import 'reflect-metadata';
import { bootstrapSubgraph } from '@hub/subgraph';
import { subgraphListen } from '@hub/config';
import { CreditAppModule } from './credit-app.module.js';

/** Runs the credit subgraph as its own process (port CREDIT_PORT, default 4103: libs/config/src/app-registry.ts). */
export function startCredit(options: { shutdownHooks?: boolean } = {}) {
  return bootstrapSubgraph(CreditAppModule, { ...subgraphListen('credit'), ...options });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startCredit();
}
