import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/**
 * Errors from subgraphs pass through with their stable codes. What the gateway itself raises for
 * an unreachable subgraph is replaced by SUBGRAPH_UNAVAILABLE without internal addresses, and the
 * details go to the log.
 */
export function formatGatewayError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const { stacktrace: _stacktrace, hubCode, ...extensions } = formatted.extensions ?? {};
    // The query limits' own codes (Apollo overwrote them with GRAPHQL_VALIDATION_FAILED).
    if (typeof hubCode === 'string') return { ...formatted, extensions: { ...extensions, code: hubCode } };
    const code = extensions.code;
    if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
      const original = unwrapResolverError(error);
      const message = original instanceof Error ? original.message : String(original);
      if (/ECONNREFUSED|fetch failed|socket hang up|ETIMEDOUT|Couldn't connect/i.test(message)) {
        logger.warn({ err: original }, 'subgraph unreachable');
        return { message: 'A base library is unavailable right now; try again shortly', path: formatted.path, extensions: { ...extensions, code: 'SUBGRAPH_UNAVAILABLE' } };
      }
    }
    return { ...formatted, extensions };
  };
}
