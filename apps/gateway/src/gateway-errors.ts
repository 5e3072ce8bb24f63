import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
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
        return { message: 'A base library is unavailable right now; try again shortly', path: formatted.path, extensions: { ...extensions, code: 'SUBGRAPH_UNAVAILABLE' } };
      }
    }
    return { ...formatted, extensions };
  };
}
