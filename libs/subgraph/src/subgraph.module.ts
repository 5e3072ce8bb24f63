import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { GraphQLFormattedError } from 'graphql';
import type { FastifyRequest } from 'fastify';
import {
  Metrics,
  ObservabilityModule,
  createLogger,
  noOutboundReporting,
  operationMetricsPlugin,
} from '@hub/observability';
import { AccessModule } from './access/access.module.js';
import { errorLoggingPlugin, formatGraphQLError } from './graphql-errors.js';
import { createContext, subjectsPlugin } from './request-context.js';
import { InputValidationPipe } from './validation.js';

export interface SubgraphOptions {
  /** The subgraph's name in the supergraph, e.g. `legal-entity`. */
  name: string;
  /**
   * The modules whose resolvers and GraphQL types make up this subgraph: its feature modules and
   * its GraphQL scope (types declare `registerIn` that scope). Other subgraphs loaded in the same
   * process stay out of this schema.
   */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  include: Function[];
  /** Types the subgraph only references (entity stubs owned elsewhere) that no query returns directly. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
}

/**
 * The shared wiring of a department subgraph: Federation 2 schema from the code-first resolvers,
 * per-request context with DataLoaders, input validation (class-validator) on every argument,
 * errors mapped to stable codes, operation metrics, and /health + /metrics. Every request but a
 * health probe is checked before it is handled: signed by the gateway for this app and this request
 * (RequestAccess), and admitted by the access rule its query, mutation or route declares (AccessGuard).
 */
@Module({})
export class SubgraphModule {
  static forRoot(options: SubgraphOptions): DynamicModule {
    const logger = createLogger(options.name);
    return {
      module: SubgraphModule,
      imports: [
        ObservabilityModule.forRoot(options.name),
        AccessModule.forApp(options.name),
        GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          inject: [Metrics],
          useFactory: (metrics: Metrics) => ({
            path: '/graphql',
            include: options.include,
            autoSchemaFile: { federation: 2 },
            sortSchema: true,
            graphiql: false,
            introspection: true,
            buildSchemaOptions: {
              orphanedTypes: options.orphanedTypes ?? [],
              dateScalarMode: 'isoDate',
              // The federation driver does not pass `include` on to type generation; this internal
              // option does (without it, types of other subgraphs in the process would leak in).
              ...({ includeModules: options.include } as object),
            },
            context: (request: FastifyRequest) => createContext(request),
            formatError: (formatted: GraphQLFormattedError, error: unknown) =>
              formatGraphQLError(formatted, error, options.name),
            includeStacktraceInErrorResponses: false,
            plugins: [
              ...noOutboundReporting(),
              errorLoggingPlugin(logger),
              operationMetricsPlugin(metrics),
              subjectsPlugin(),
            ],
          }),
        }),
      ],
      providers: [{ provide: APP_PIPE, useClass: InputValidationPipe }],
    };
  }
}
