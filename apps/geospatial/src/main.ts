import 'reflect-metadata';
import { bootstrapSubgraph } from '@hub/subgraph';
import { GeospatialAppModule } from './geospatial-app.module.js';

/** Runs the geospatial subgraph as its own process (port GEOSPATIAL_PORT, default 4104). */
export function startGeospatial(options: { shutdownHooks?: boolean } = {}) {
  return bootstrapSubgraph(GeospatialAppModule, { name: 'geospatial', portVariable: 'GEOSPATIAL_PORT', defaultPort: 4104, ...options });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startGeospatial();
}
