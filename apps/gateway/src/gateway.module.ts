import './telemetry.js';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { Role, encodeClaims } from '@hub/auth';
import { loadConfig } from '@hub/config';
import { EventsConfig, createTransport } from '@hub/events';
import {
  HealthRegistry,
  Metrics,
  ObservabilityModule,
  createLogger,
  noOutboundReporting,
  operationMetricsPlugin,
} from '@hub/observability';
import { apiSchemaOf, baseLibraryFields, baseLibraryMutations, governedArguments } from '@hub/policy';
import { accessPlugin } from './access/access.plugin.js';
import { AuditWriter } from './access/audit-writer.js';
import { LookupBudget } from './access/lookup-budget.js';
import { PolicyStore } from './access/policy-store.js';
import { DEFAULT_RATE_LIMIT, RequestAuthentication } from './access/request-authentication.js';
import { gatewayContext, type GatewayContext } from './gateway-context.js';
import { GatewayConfig, subgraphUrl } from './gateway.config.js';
import { ConsoleController } from './console/console.controller.js';
import { GraphiqlController } from './graphiql/graphiql.controller.js';
import { aliasLimit, costLimit, depthLimit, directiveLimit } from './query-limits/query-limits.js';
import { operationLimitsPlugin } from './query-limits/operation-limits.js';
import { SubgraphDataSource, type ClaimsOf } from './supergraph/subgraph-data-source.js';
import { providedRegisters } from './access/register-writes.js';
import { readSupergraph } from './supergraph/supergraph.js';
import { disableApolloTelemetry } from './telemetry.js';
import { tracingPlugin } from './tracing-plugin.js';
import { clientMistakesPlugin, httpStatusPlugin, formatGatewayError } from './gateway-errors.js';
import { ErrorBodies } from './error-bodies.js';
import { SecurityHeaders } from './security-headers.js';
import { INGEST_TARGETS, IngestProxyController, type IngestTargets } from './ingest-proxy/ingest-proxy.controller.js';
import { ARCHIVE_TARGET, ArchiveProxyController } from './ingest-proxy/archive-proxy.controller.js';
import { ConsoleSessionController } from './console/console-session.controller.js';
import { ConsoleSessions } from './console/console-sessions.js';

export interface GatewayOptions {
  /**
   * BENCHMARK BASELINE ONLY. `false` runs the gateway without governance: no API keys, no policy
   * check, no masking, no access records, and no ingest routes (they cannot be governed without
   * those). It exists so that `npm run bench` can measure what governance costs against the same
   * gateway without it. It is deliberately not a setting or an environment variable: only code that
   * starts the gateway itself (bench/server.ts) can pass it. Default: true.
   */
  accessControl?: boolean;
}

/**
 * The hub's single entry point: Apollo Gateway on the static supergraph, query depth and cost
 * limits checked before planning, request ids passed to subgraphs, GraphiQL from local files.
 */
@Module({})
export class GatewayModule {
  static forRoot(
    config: GatewayConfig,
    env: NodeJS.ProcessEnv = process.env,
    options: GatewayOptions = {},
  ): DynamicModule {
    const governed = options.accessControl !== false;
    const supergraph = readSupergraph(config.SUPERGRAPH_PATH);
    const urls = Object.fromEntries(supergraph.subgraphs.map((s) => [s.name, subgraphUrl(s.name, s.url, env)]));
    const logger = createLogger('gateway');
    if (!urls.catalog)
      throw new Error('the supergraph has no catalog subgraph: the gateway cannot enforce a catalog it does not have');
    const catalogUrl = urls.catalog.replace(/\/graphql$/, '');
    const apiSchema = apiSchemaOf(supergraph.sdl);
    const governedTypes = new Set(baseLibraryFields(supergraph.sdl).map((c) => c.slice(0, c.indexOf('.'))));
    const registerMutations = new Set(baseLibraryMutations(supergraph.sdl));
    const argumentRules = governedArguments(supergraph.sdl);
    const policyStore = {
      provide: PolicyStore,
      inject: [Metrics, HealthRegistry],
      useFactory: async (metrics: Metrics, health: HealthRegistry) => {
        const transport = createTransport('gateway', loadConfig(EventsConfig, env));
        const store = new PolicyStore({
          catalogUrl,
          governedTypes,
          governedArguments: argumentRules,
          refreshMs: config.POLICY_REFRESH_MS,
          transport,
          metrics,
          health,
        });
        await store.start();
        return store;
      },
    };
    const auditWriter = {
      provide: AuditWriter,
      inject: [Metrics],
      useFactory: (metrics: Metrics) =>
        new AuditWriter({
          catalogUrl,
          batchSize: config.AUDIT_BATCH_SIZE,
          timeoutMs: config.AUDIT_TIMEOUT_MS,
          metrics,
        }),
    };
    return {
      module: GatewayModule,
      imports: [
        ObservabilityModule.forRoot('gateway'),
        GraphQLModule.forRootAsync<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          imports: governed ? [GatewayAccessModule.with(policyStore, auditWriter)] : [],
          inject: governed ? [Metrics, HealthRegistry, PolicyStore, AuditWriter] : [Metrics, HealthRegistry],
          useFactory: (metrics: Metrics, health: HealthRegistry, policy?: PolicyStore, audit?: AuditWriter) => {
            disableApolloTelemetry();
            if (!policy || !audit)
              logger.warn(
                'access control is OFF (benchmark baseline only): no authentication, no policy, no masking, no access records',
              );
            for (const [name, url] of Object.entries(urls)) {
              health.register({
                name: `subgraph:${name}`,
                critical: false,
                check: () => ping(url.replace(/\/graphql$/, '/health/live')),
              });
            }
            if (policy && audit) {
              // Ready only when it can serve: every answer needs the catalog (policy) and its access log (the audit store).
              health.register({ name: 'catalog', check: () => ping(`${catalogUrl}/health/live`) });
              health.register({ name: 'audit-store', check: () => auditStoreReady(catalogUrl) });
            }
            return {
              server: {
                path: '/graphql',
                graphiql: false,
                introspection: true,
                includeStacktraceInErrorResponses: false,
                // Every rule is linear in the document (each fragment measured once) and parsing stops
                // past MAX_QUERY_TOKENS, so no document of the allowed size can hold the gateway up.
                parseOptions: { maxTokens: config.MAX_QUERY_TOKENS },
                // @nestjs/apollo resets every answer with data to 200; the status is httpStatusPlugin's to set (503 for an outage, 400 for a caller's mistake).
                preserveHttpStatusForExecutionErrors: false,
                validationRules: [
                  depthLimit(config.MAX_QUERY_DEPTH),
                  costLimit(config.MAX_QUERY_COST),
                  aliasLimit(config.MAX_ALIASES),
                  directiveLimit(config.MAX_DIRECTIVES),
                ],
                context: (request: FastifyRequest) => gatewayContext(request),
                formatError: formatGatewayError(logger, config.MAX_QUERY_TOKENS),
                plugins: [
                  // First: it marks what it refuses before the access plugin's hook starts (see there).
                  operationLimitsPlugin({
                    maxCost: config.MAX_QUERY_COST,
                    maxResponseBytes: config.MAX_RESPONSE_BYTES,
                    refusals: metrics.counter(
                      'hub_query_limit_refusals_total',
                      'Operations refused by the query limits (depth, cost with variables, aliases, directives, tokens, answer size), by code',
                      ['code'],
                    ),
                  }),
                  ...noOutboundReporting(),
                  operationMetricsPlugin(metrics),
                  requestIdPlugin(),
                  tracingPlugin(),
                  clientMistakesPlugin(),
                  httpStatusPlugin(),
                  ...(policy && audit
                    ? [
                        accessPlugin({
                          apiSchema,
                          policy,
                          audit,
                          registerMutations,
                          lookups: lookupGuard(config, metrics),
                          log: createLogger('gateway.access'),
                        }),
                      ]
                    : []),
                ],
              },
              gateway: {
                supergraphSdl: supergraph.sdl,
                // Apollo Gateway's own spans (request, plan, fetch per subgraph) join the hub's traces
                // when tracing is on — without the document or exception messages, which can hold
                // the values a caller asked about.
                telemetry: { includeDocument: false, recordExceptions: false },
                buildService: ({ name, url }) =>
                  new SubgraphDataSource(
                    name!,
                    urls[name!] ?? url!,
                    policy ? governedClaims(policy) : baselineClaims,
                    config.MAX_RESPONSE_BYTES,
                  ),
              },
            };
          },
        }),
      ],
      controllers: [
        ...(governed ? [IngestProxyController, ArchiveProxyController, ConsoleSessionController] : []),
        ...(config.GRAPHIQL ? [GraphiqlController] : []),
        ...(config.CONSOLE ? [ConsoleController] : []),
      ],
      providers: [
        ErrorBodies,
        SecurityHeaders,
        ...(governed
          ? [
              { provide: INGEST_TARGETS, useValue: ingestTargets(urls) },
              { provide: ARCHIVE_TARGET, useValue: urls['once-only']?.replace(/\/graphql$/, '') ?? null },
              { provide: DEFAULT_RATE_LIMIT, useValue: config.RATE_LIMIT_PER_MINUTE },
              {
                provide: ConsoleSessions,
                useValue: new ConsoleSessions({
                  maxAgeMs: config.CONSOLE_SESSION_MAX_AGE_MS,
                  idleMs: config.CONSOLE_SESSION_IDLE_MS,
                  maxSessions: config.CONSOLE_MAX_SESSIONS,
                  signInsPerMinute: config.CONSOLE_SIGN_INS_PER_MINUTE,
                  cookieSecure: config.CONSOLE_COOKIE_SECURE,
                }),
              },
              RequestAuthentication,
            ]
          : []),
      ],
    };
  }
}

/** The policy store and the audit writer, shared by the GraphQL layer and the HTTP routes. */
@Module({})
class GatewayAccessModule {
  static with(...providers: Provider[]): DynamicModule {
    return { module: GatewayAccessModule, global: true, providers, exports: [PolicyStore, AuditWriter] };
  }
}

/** The lookup budget of this gateway instance, and where its refusals and misses are counted (bounded labels: the key id is in the log). */
function lookupGuard(config: GatewayConfig, metrics: Metrics) {
  const budget = new LookupBudget({ budget: config.LOOKUP_MISS_BUDGET, windowMs: config.LOOKUP_WINDOW_MS });
  metrics.gauge('hub_lookup_budget_keys', 'API keys whose lookups this gateway instance is counting now', [], (gauge) =>
    gauge.set(budget.tracked),
  );
  return {
    budget,
    refusals: metrics.counter(
      'hub_lookup_budget_refusals_total',
      'Lookups by identifier refused because they could take an API key past its budget of misses (LOOKUP_BUDGET_EXCEEDED)',
    ),
    misses: metrics.counter(
      'hub_lookup_misses_total',
      'Keys looked up without full access that the answering subgraph did not serve (misses), by subgraph',
      ['graph'],
    ),
    log: createLogger('gateway.lookups'),
  };
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

/** What the gateway vouches for on an operation's subgraph requests: the caller, its purpose, the registers it provides. */
function governedClaims(policy: PolicyStore): ClaimsOf {
  const encoded = new WeakMap<GatewayContext, string>();
  return (context) => {
    const principal = context.principal;
    if (!principal) return null;
    let claims = encoded.get(context);
    if (claims === undefined) {
      const loaded = policy.current;
      claims = encodeClaims({
        principal,
        issuer: 'gateway',
        purpose: context.purpose.purpose,
        caseNumber: context.purpose.caseNumber,
        provides: loaded ? providedRegisters(principal, loaded.policy) : [],
      });
      encoded.set(context, claims);
    }
    return claims;
  };
}

/**
 * BENCHMARK BASELINE ONLY (accessControl: false): the ungoverned gateway authenticates nobody, so it
 * signs as a fixed reader; the subgraphs check signatures all the same.
 */
const BASELINE_CLAIMS = encodeClaims({
  principal: {
    keyId: 'bench-baseline',
    roles: [Role.SYSTEM],
    departmentUscc: null,
    systemCode: null,
    name: 'benchmark baseline (access control off)',
  },
  issuer: 'gateway',
  purpose: 'benchmark baseline',
  caseNumber: null,
});
const baselineClaims: ClaimsOf = () => BASELINE_CLAIMS;

/** The access log is the catalog's database: ready when the catalog says its database is. */
async function auditStoreReady(catalogUrl: string): Promise<void> {
  const response = await fetch(`${catalogUrl}/health`, { signal: AbortSignal.timeout(1500) });
  const report = (await response.json().catch(() => null)) as { checks?: Record<string, { status?: string }> } | null;
  if (report?.checks?.database?.status !== 'ok')
    throw new Error(
      'the catalog cannot reach its database, which holds the access log: no access can be recorded, so nothing is answered',
    );
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

/** Where each register takes bulk extracts: its subgraph (the audience of the signed request) and its base URL + /ingest/<register>. */
function ingestTargets(urls: Record<string, string>): IngestTargets {
  const targets: IngestTargets = {};
  for (const [subgraph, registers] of Object.entries(INGEST_REGISTERS_OF)) {
    if (!urls[subgraph]) continue;
    for (const register of registers)
      targets[register] = { subgraph, url: urls[subgraph].replace(/\/graphql$/, `/ingest/${register}`) };
  }
  return targets;
}
