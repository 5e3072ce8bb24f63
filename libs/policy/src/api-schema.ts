import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';

/**
 * The API schema clients see for a Federation 2 supergraph: the schema the gateway validates and
 * plans operations against, without the join__/link__ machinery and without @inaccessible elements.
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  // The same derivation @apollo/gateway performs (Supergraph.build → apiSchema → graphql-js), so
  // field coordinates computed against this schema are exactly the ones the gateway serves.
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}
