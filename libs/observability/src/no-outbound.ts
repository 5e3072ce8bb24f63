import type { ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';

/**
 * A government network sees no outbound call from the hub, whatever the environment holds. Apollo
 * Server starts usage reporting to Apollo's cloud when APOLLO_KEY and APOLLO_GRAPH_REF are set, and
 * schema reporting with APOLLO_SCHEMA_REPORTING; subgraphs add inline traces (ftv1) for it.
 * Installing the "disabled" plugins turns each of these off for good, in the gateway and in every
 * subgraph. (The landing page, which loads Apollo's sandbox from a CDN, is off wherever
 * `graphiql: false` is set: Nest then installs its disabled plugin itself.)
 */
export function noOutboundReporting(): ApolloServerPlugin[] {
  return [
    ApolloServerPluginUsageReportingDisabled(),
    ApolloServerPluginSchemaReportingDisabled(),
    ApolloServerPluginInlineTraceDisabled(),
  ] as ApolloServerPlugin[];
}
