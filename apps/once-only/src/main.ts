import 'reflect-metadata';
import { bootstrapSubgraph } from '@hub/subgraph';
import { OnceOnlyAppModule } from './once-only-app.module.js';

/** Runs the once-only subgraph as its own process (port ONCE_ONLY_PORT, default 4106). */
export function startOnceOnly(options: { shutdownHooks?: boolean } = {}) {
  return bootstrapSubgraph(OnceOnlyAppModule, { name: 'once-only', portVariable: 'ONCE_ONLY_PORT', defaultPort: 4106, ...options });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startOnceOnly();
}
