import './telemetry.js';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { HealthRegistry, Metrics, ObservabilityModule, createLogger, operationMetricsPlugin } from '@hub/observability';
import { gatewayContext, type GatewayContext } from './gateway-context.js';
import { GatewayConfig, subgraphUrl } from './gateway.config.js';
import { GraphiqlController } from './graphiql/graphiql.controller.js';
import { costLimit, depthLimit } from './query-limits/query-limits.js';
import { SubgraphDataSource } from './supergraph/subgraph-data-source.js';
import { readSupergraph } from './supergraph/supergraph.js';
import { disableApolloTelemetry } from './telemetry.js';
import { formatGatewayError } from './gateway-errors.js';
import { INGEST_TARGETS, IngestProxyController, type IngestTargets } from './ingest-proxy/ingest-proxy.controller.js';

/**
 * The hub's single entry point: Apollo Gateway on the static supergraph, query depth and cost
 * limits checked before planning, request ids passed to subgraphs, GraphiQL from local files.
 */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const supergraph = readSupergraph(config.SUPERGRAPH_PATH);
    const urls = Object.fromEntries(supergraph.subgraphs.map((s) => [s.name, subgraphUrl(s.name, s.url, env)]));
    const logger = createLogger('gateway');
    return {
      module: GatewayModule,
      imports: [
        ObservabilityModule.forRoot('gateway'),
        GraphQLModule.forRootAsync<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          inject: [Metrics, HealthRegistry],
          useFactory: (metrics: Metrics, health: HealthRegistry) => {
            disableApolloTelemetry();
            for (const [name, url] of Object.entries(urls)) {
              health.register({ name: `subgraph:${name}`, critical: false, check: () => ping(url.replace(/\/graphql$/, '/health/live')) });
            }
            return {
              server: {
                path: '/graphql',
                graphiql: false,
                introspection: true,
                includeStacktraceInErrorResponses: false,
                validationRules: [depthLimit(config.MAX_QUERY_DEPTH), costLimit(config.MAX_QUERY_COST)],
                context: (request: FastifyRequest) => gatewayContext(request),
                formatError: formatGatewayError(logger),
                plugins: [operationMetricsPlugin(metrics), requestIdPlugin()],
              },
              gateway: {
                supergraphSdl: supergraph.sdl,
                buildService: ({ name, url }) => new SubgraphDataSource(urls[name] ?? url!),
              },
            };
          },
        }),
      ],
      controllers: [IngestProxyController, ...(config.GRAPHIQL ? [GraphiqlController] : [])],
      providers: [{ provide: INGEST_TARGETS, useValue: ingestTargets(urls) }],
    };
  }
}

/** Every error in a response carries the request id, the key to the logs of every app involved. */
function requestIdPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((e) => ({
            ...e,
            extensions: { ...e.extensions, requestId: contextValue.requestId },
          }));
        },
      };
    },
  };
}

async function ping(url: string): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(1500) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
}

/** The registers each library's subgraph takes bulk extracts for (POST /ingest/<register>). */
export const INGEST_REGISTERS_OF: Record<string, string[]> = {
  'legal-entity': ['legal-entities'],
  population: ['persons'],
  credit: ['credit-records'],
  geospatial: ['addresses'],
};

/** Where each register takes bulk extracts: its subgraph's base URL + /ingest/<register>. */
function ingestTargets(urls: Record<string, string>): IngestTargets {
  const targets: IngestTargets = {};
  for (const [subgraph, registers] of Object.entries(INGEST_REGISTERS_OF)) {
    if (!urls[subgraph]) continue;
    for (const register of registers) targets[register] = urls[subgraph].replace(/\/graphql$/, `/ingest/${register}`);
  }
  return targets;
}
