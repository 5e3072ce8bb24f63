import 'reflect-metadata';
import { bootstrapSubgraph } from '@hub/subgraph';
import { CreditAppModule } from './credit-app.module.js';

/** Runs the credit subgraph as its own process (port CREDIT_PORT, default 4103). */
export function startCredit(options: { shutdownHooks?: boolean } = {}) {
  return bootstrapSubgraph(CreditAppModule, { name: 'credit', portVariable: 'CREDIT_PORT', defaultPort: 4103, ...options });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startCredit();
}
