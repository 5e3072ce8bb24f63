import 'reflect-metadata';
import { bootstrapSubgraph } from '@hub/subgraph';
import { CatalogAppModule } from './catalog-app.module.js';

/** Runs the catalog subgraph as its own process (port CATALOG_PORT, default 4105). */
export function startCatalog(options: { shutdownHooks?: boolean } = {}) {
  return bootstrapSubgraph(CatalogAppModule, { name: 'catalog', portVariable: 'CATALOG_PORT', defaultPort: 4105, ...options });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startCatalog();
}
