import { LegalEntityAppModule } from '../apps/legal-entity/src/legal-entity-app.module.js';

/**
 * The subgraphs of the supergraph, with the URL each has in a local all-in-one run (the gateway
 * overrides it with SUBGRAPH_<NAME>_URL). Adding a base library means adding it here.
 */
export const SUBGRAPHS = [{ name: 'legal-entity', module: LegalEntityAppModule, url: 'http://127.0.0.1:4101/graphql' }] as const;
