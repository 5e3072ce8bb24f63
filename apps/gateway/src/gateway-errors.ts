import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/**
 * Errors from subgraphs pass through with their stable codes. What the gateway itself raises for
 * an unreachable subgraph is replaced by SUBGRAPH_UNAVAILABLE without internal addresses, and the
 * details go to the log.
 */
export function formatGatewayError(logger: Logger, maxTokens?: number) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const { stacktrace: _stacktrace, hubCode, ...extensions } = formatted.extensions ?? {};
    // The query limits' own codes (Apollo overwrote them with GRAPHQL_VALIDATION_FAILED).
    if (typeof hubCode === 'string') return { ...formatted, extensions: { ...extensions, code: hubCode } };
    const code = extensions.code;
    // graphql-js stops parsing past the token limit ("Document contains more that N tokens", sic).
    if (code === 'GRAPHQL_PARSE_FAILED' && /contains more th(?:an|at) \d+ tokens/.test(formatted.message)) {
      return {
        message: `The operation has more than the ${maxTokens ?? 'allowed number of'} tokens the hub parses; send a shorter operation (pass long lists as variables)`,
        extensions: { ...extensions, code: 'TOO_MANY_TOKENS', ...(maxTokens ? { maxTokens } : {}) },
      };
    }
    if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
      const original = unwrapResolverError(error);
      const message = original instanceof Error ? original.message : String(original);
      if (/ECONNREFUSED|fetch failed|socket hang up|ETIMEDOUT|Couldn't connect/i.test(message)) {
        logger.warn({ err: original }, 'subgraph unreachable');
        return {
          message: 'A base library is unavailable right now; try again shortly',
          path: formatted.path,
          extensions: { ...extensions, code: 'SUBGRAPH_UNAVAILABLE', retryable: true },
        };
      }
    }
    return { ...formatted, extensions };
  };
}

/** Codes that mean "a dependency is down; the same request may work in a moment". */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  'SUBGRAPH_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  'AUDIT_UNAVAILABLE',
  'POLICY_UNAVAILABLE',
]);

/** Seconds a caller is told to wait (Retry-After) when a dependency is down. */
export const RETRY_AFTER_SECONDS = 5;

/** Codes of a caller's own mistake: nothing served and nothing but these is HTTP 400, not 200. */
const CLIENT_MISTAKE_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
]);

/**
 * A request the gateway cannot run is the caller's mistake, answered 400 with a code before
 * anything runs: a document of several operations without `operationName` (Apollo Gateway let
 * that through to its planner, which answered 500), and a subscription (the hub has none).
 */
export function clientMistakesPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (!operation) {
            const named = document.definitions.filter((d) => d.kind === 'OperationDefinition').length;
            const message =
              named > 1 && !request.operationName
                ? `this document has ${named} operations: say which to run (operationName)`
                : `this document has no operation named ${JSON.stringify(request.operationName ?? '')}`;
            throw new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          }
          if (operation.operation === 'subscription') {
            throw new GraphQLError(
              'the hub serves no subscriptions: changes are published as events (see the event catalogue); send a query or a mutation',
              {
                extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}

/**
 * The HTTP status tells what the errors say: when an answer has errors of a dependency that is
 * down, it carries `Retry-After`, and when nothing could be served at all (no data, or only nulls)
 * and every error is such an outage it is 503; when nothing was served and every error is the
 * caller's mistake (BAD_USER_INPUT …) it is 400 — so that a caller, a proxy or a retry policy
 * tells "try again later" from "your request is wrong" or "here is your (partial) data" (200).
 */
export function httpStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          if (!errors?.length) return;
          const nothingServed = data == null || Object.values(data).every((v) => v === null);
          if (
            nothingServed &&
            (response.http.status ?? 200) === 200 &&
            errors.every((e) => CLIENT_MISTAKE_CODES.has(String(e.extensions?.code)))
          ) {
            response.http.status = 400;
            return;
          }
          const outages = errors.filter((e) => RETRYABLE_CODES.has(String(e.extensions?.code)));
          if (outages.length === 0) return;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          if (nothingServed && outages.length === errors.length) response.http.status = 503;
        },
      };
    },
  };
}
