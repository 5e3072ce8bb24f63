import 'reflect-metadata';
import { bootstrapSubgraph } from '@hub/subgraph';
import { subgraphListen } from '@hub/config';
import { PopulationAppModule } from './population-app.module.js';

/** Runs the population subgraph as its own process (port POPULATION_PORT, default 4102: libs/config/src/app-registry.ts). */
export function startPopulation(options: { shutdownHooks?: boolean } = {}) {
  return bootstrapSubgraph(PopulationAppModule, { ...subgraphListen('population'), ...options });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startPopulation();
}
