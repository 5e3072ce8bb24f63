import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../gateway-context.js';
import {
  QUERY_TOO_COMPLEX,
  QUERY_TOO_DEEP,
  TOO_MANY_ALIASES,
  TOO_MANY_DIRECTIVES,
  measureOperation,
  tooComplex,
} from './query-limits.js';

export const RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE';

export interface OperationLimits {
  maxCost: number;
  /** Largest answer the gateway sends, in bytes of JSON (estimated without serialising it). */
  maxResponseBytes: number;
  /** Where refusals by any of the query limits are counted, by code (a bounded set: LIMIT_CODES). */
  refusals?: { inc(labels: { code: string }): void };
}

/** The codes of the query limits (validation, variables, tokens, answer size). */
export const LIMIT_CODES: ReadonlySet<string> = new Set([
  QUERY_TOO_DEEP,
  QUERY_TOO_COMPLEX,
  TOO_MANY_ALIASES,
  TOO_MANY_DIRECTIVES,
  'TOO_MANY_TOKENS',
  RESPONSE_TOO_LARGE,
]);

/**
 * The limits that need the request, not only its document:
 *
 * - the cost again once the variables are known (validation counted a list or `first:` passed as a
 *   variable as 1): 600 aliases of a batch lookup with a 1,000-element variable list are refused
 *   here, before anything is planned or sent to a subgraph;
 * - a ceiling on the answer: one larger than `maxResponseBytes` is replaced by a RESPONSE_TOO_LARGE
 *   error instead of being sent (and it is recorded as such).
 *
 * Must come before the access plugin in the plugin list: Apollo starts every plugin's hook in list
 * order, and an operation refused here is marked (`refusedByLimits`) before the access plugin's
 * hook runs, so that it spends no lookup budget; an answer replaced here is what the access plugin
 * records and masks.
 */
export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const { cost } = measureOperation(schema, document, operation, request.variables ?? {});
          if (cost <= limits.maxCost) return;
          contextValue.refusedByLimits = true;
          const error = tooComplex(cost, limits.maxCost, operation, true);
          throw new GraphQLError(error.message, {
            nodes: error.nodes,
            extensions: { ...error.extensions, hubCode: QUERY_TOO_COMPLEX, http: { status: 400 } },
          });
        },

        // Not awaiting anything: the answer is replaced before the next plugins' hooks start.
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const code = response.body.singleResult.errors?.[0]?.extensions?.code;
          if (typeof code === 'string' && LIMIT_CODES.has(code)) limits.refusals?.inc({ code });
          if (!response.body.singleResult.data) return;
          const size = jsonBytesUpTo(response.body.singleResult, limits.maxResponseBytes);
          if (size <= limits.maxResponseBytes) return;
          limits.refusals?.inc({ code: RESPONSE_TOO_LARGE });
          response.body = {
            kind: 'single',
            singleResult: {
              errors: [
                {
                  message: `The answer is larger than the ${limits.maxResponseBytes} bytes the hub sends in one response; ask for fewer items or fields per request`,
                  extensions: { code: RESPONSE_TOO_LARGE, maxResponseBytes: limits.maxResponseBytes },
                },
              ],
            },
          };
        },
      };
    },
  };
}

/**
 * The size of `value` as JSON in bytes (UTF-8), counted until it exceeds `limit` (then some number
 * above the limit): work proportional to what is counted, never to all of a huge answer, and no
 * serialisation.
 */
export function jsonBytesUpTo(value: unknown, limit: number): number {
  let size = 0;
  // Arrays and objects are walked through iterators, so that a huge one costs only what is counted.
  const stack: Iterator<unknown>[] = [[value][Symbol.iterator]()];
  while (stack.length > 0 && size <= limit) {
    const next = stack[stack.length - 1].next();
    if (next.done) {
      stack.pop();
      continue;
    }
    const v = next.value;
    size += 1; // the comma or colon after it
    if (v === null || v === undefined) size += 4;
    else if (typeof v === 'string') size += Buffer.byteLength(v) + 2;
    else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') size += String(v).length;
    else if (Array.isArray(v)) {
      size += 2;
      stack.push(v[Symbol.iterator]());
    } else if (typeof v === 'object') {
      size += 2;
      stack.push(objectEntries(v as Record<string, unknown>));
    }
  }
  return size;
}

/** An object's values, each counted with its key ("key": ), one at a time. */
function* objectEntries(object: Record<string, unknown>): Generator<unknown> {
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    yield key;
    yield object[key];
  }
}
