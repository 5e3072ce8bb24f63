import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DEPENDENCY_RETRY_AFTER_SECONDS, isInvalidValue, unavailableDependency } from './dependency-errors.js';
import { HubError } from './hub-error.js';
import type { HubContext } from './request-context.js';

/** Codes Apollo itself produces for malformed requests: passed through untouched. */
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

function hubErrorOf(error: unknown): HubError | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof HubError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/**
 * Maps every error to what a client may see: a HubError keeps its stable code and details, Apollo's
 * own request errors pass through, a dependency that is down (the database) becomes
 * SERVICE_UNAVAILABLE — retryable, naming the app and the dependency in words, never an address —
 * and anything else (a bug) becomes INTERNAL_SERVER_ERROR without internals — the log has the
 * details under the same request id. `app` is the answering app's name (e.g. `population`).
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  app?: string,
): GraphQLFormattedError {
  const hub = hubErrorOf(error);
  if (hub) {
    return { ...formatted, message: hub.message, extensions: { ...hub.details, code: hub.code } };
  }
  const dependency = unavailableDependency(error);
  if (dependency) {
    const who = app ? `the ${app} service's ${dependency}` : `a ${dependency}`;
    return {
      message: `${who} is unavailable right now; this part of the answer is missing — try again in a few seconds`,
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        service: app ?? null,
        dependency,
        retryable: true,
        retryAfterSeconds: DEPENDENCY_RETRY_AFTER_SECONDS,
      },
    };
  }
  if (isInvalidValue(error)) {
    // An argument the resolver passed on unchecked (an id that is not a UUID): the caller's mistake.
    return {
      message:
        'a value of this request is not of the form it must have (e.g. an id that is not a UUID, a number out of range)',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_FORMAT' },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && APOLLO_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal error: the hub could not complete this request',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** Logs unexpected errors with the request id, and gives every error in a response that request id. */
export function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (
              hubErrorOf(error) ||
              (error instanceof GraphQLError && APOLLO_CODES.has(String(error.extensions?.code)))
            )
              continue;
            if (isInvalidValue(error)) {
              logger.info(
                { requestId: contextValue?.requestId, operationName, error: (error.originalError ?? error).message },
                'a value the database refused as malformed: answered BAD_USER_INPUT',
              );
              continue;
            }
            const dependency = unavailableDependency(error);
            if (dependency) {
              // An outage, not a bug: one line with the driver's own words, for the operators.
              const cause = error.originalError ?? error;
              logger.warn(
                {
                  requestId: contextValue?.requestId,
                  operationName,
                  dependency,
                  error: cause instanceof Error ? cause.message : String(cause),
                },
                `${dependency} unavailable: answered SERVICE_UNAVAILABLE`,
              );
              continue;
            }
            logger.error(
              { requestId: contextValue?.requestId, operationName, err: error.originalError ?? error },
              'unexpected error in GraphQL operation',
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors) return;
          // Called directly (not through the gateway), the app says "retry later" the HTTP way too.
          if (errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE'))
            response.http.headers.set('retry-after', String(DEPENDENCY_RETRY_AFTER_SECONDS));
          response.body.singleResult.errors = errors.map((e) => ({
            ...e,
            extensions: { ...e.extensions, requestId: contextValue?.requestId },
          }));
        },
      };
    },
  };
}
