import { SUBGRAPHS as ENTRIES } from '../apps/hub/src/subgraphs.js';

/**
 * The subgraphs of the supergraph, with the URL each has in a local all-in-one run (the gateway
 * overrides it with SUBGRAPH_<NAME>_URL).
 */
export const SUBGRAPHS = ENTRIES.map((s) => ({
  name: s.name,
  module: s.module,
  url: `http://127.0.0.1:${s.defaultPort}/graphql`,
}));
