import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
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
 * own request errors pass through, and anything else (a bug) becomes INTERNAL_SERVER_ERROR without
 * internals — the log has the details under the same request id.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const hub = hubErrorOf(error);
  if (hub) {
    return { ...formatted, message: hub.message, extensions: { ...hub.details, code: hub.code } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && APOLLO_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: 'Internal error: the hub could not complete this request', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Logs unexpected errors with the request id, and gives every error in a response that request id. */
export function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (hubErrorOf(error) || (error instanceof GraphQLError && APOLLO_CODES.has(String(error.extensions?.code)))) continue;
            logger.error({ requestId: contextValue?.requestId, operationName, err: error.originalError ?? error }, 'unexpected error in GraphQL operation');
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors) return;
          response.body.singleResult.errors = errors.map((e) => ({ ...e, extensions: { ...e.extensions, requestId: contextValue?.requestId } }));
        },
      };
    },
  };
}
