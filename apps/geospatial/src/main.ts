import 'reflect-metadata';
import { bootstrapSubgraph } from '@hub/subgraph';
import { subgraphListen } from '@hub/config';
import { GeospatialAppModule } from './geospatial-app.module.js';

/** Runs the geospatial subgraph as its own process (port GEOSPATIAL_PORT, default 4104: libs/config/src/app-registry.ts). */
export function startGeospatial(options: { shutdownHooks?: boolean } = {}) {
  return bootstrapSubgraph(GeospatialAppModule, { ...subgraphListen('geospatial'), ...options });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startGeospatial();
}
