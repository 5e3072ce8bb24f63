import 'reflect-metadata';
import { bootstrapSubgraph } from '@hub/subgraph';
import { subgraphListen } from '@hub/config';
import { OnceOnlyAppModule } from './once-only-app.module.js';

/** Runs the once-only subgraph as its own process (port ONCE_ONLY_PORT, default 4106: libs/config/src/app-registry.ts). */
export function startOnceOnly(options: { shutdownHooks?: boolean } = {}) {
  return bootstrapSubgraph(OnceOnlyAppModule, { ...subgraphListen('once-only'), ...options });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startOnceOnly();
}
