import 'reflect-metadata';
import { bootstrapSubgraph } from '@hub/subgraph';
import { PopulationAppModule } from './population-app.module.js';

/** Runs the population subgraph as its own process (port POPULATION_PORT, default 4102). */
export function startPopulation(options: { shutdownHooks?: boolean } = {}) {
  return bootstrapSubgraph(PopulationAppModule, { name: 'population', portVariable: 'POPULATION_PORT', defaultPort: 4102, ...options });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startPopulation();
}
