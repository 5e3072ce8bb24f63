import 'reflect-metadata';
import { bootstrapSubgraph } from '@hub/subgraph';
import { subgraphListen } from '@hub/config';
import { CatalogAppModule } from './catalog-app.module.js';

/** Runs the catalog subgraph as its own process (port CATALOG_PORT, default 4105: libs/config/src/app-registry.ts). */
export function startCatalog(options: { shutdownHooks?: boolean } = {}) {
  return bootstrapSubgraph(CatalogAppModule, { ...subgraphListen('catalog'), ...options });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startCatalog();
}
