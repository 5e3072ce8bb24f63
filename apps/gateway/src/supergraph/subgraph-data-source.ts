import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ACCESS_HEADER, internalSecret, signRequest } from '@hub/auth';
import { REQUEST_ID_HEADER } from '@hub/observability';
import type { GatewayContext } from '../gateway-context.js';
import { RESPONSE_TOO_LARGE } from '../query-limits/operation-limits.js';

/** The response extension in which a subgraph reports whose data it served (see @hub/subgraph). */
const SUBJECTS_EXTENSION = 'hubSubjects';
/** Carries an operation's encoded claims from willSendRequest to the fetcher, which signs the request's exact bytes; never sent. */
const CLAIMS_HEADER = 'x-hub-access-claims';

type ResponseContext = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0];
type FetchInit = { method?: string; headers?: Record<string, string>; body?: string };

/** The encoded claims an operation's subgraph requests are signed with (the caller, its purpose, what it provides), or null. */
export type ClaimsOf = (context: GatewayContext) => string | null;

/**
 * How the gateway calls a subgraph: Node's own fetch (keep-alive connections are reused across
 * requests), the caller's request id passed on (one request can be followed through the logs of
 * every app it touched), every request signed for this subgraph and its exact body (the query
 * plan's operation and variables) with the caller and purpose it is made for, and the data
 * subjects the subgraph reports collected for the access record.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    /** The subgraph's name: the audience its requests are signed for. */
    readonly name: string,
    url: string,
    private readonly claimsOf: ClaimsOf,
    /** A subgraph answer larger than this (bytes, by its Content-Length) is not read: the gateway could not send it on anyway. */
    private readonly maxResponseBytes = Infinity,
  ) {
    super({ url, fetcher: ((input: string, init: FetchInit) => fetch(input, sign(name, input, init))) as never });
  }

  // Refused before its body is read, so that an oversized answer never sits in the gateway's memory
  // (the answer to the caller is limited again as a whole: operationLimitsPlugin).
  override parseBody(...[fetchResponse, ...rest]: Parameters<RemoteGraphQLDataSource<GatewayContext>['parseBody']>): Promise<object | string> {
    const length = Number(fetchResponse.headers.get('content-length'));
    if (length > this.maxResponseBytes) {
      void (fetchResponse as unknown as Response).body?.cancel().catch(() => undefined);
      throw new GraphQLError(`A part of the answer (from the ${this.name} library) is larger than the ${this.maxResponseBytes} bytes the hub sends in one response; ask for fewer items or fields per request`, {
        extensions: { code: RESPONSE_TOO_LARGE, maxResponseBytes: this.maxResponseBytes },
      });
    }
    return super.parseBody(fetchResponse, ...rest);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!context || !('requestId' in context)) return;
    const headers = request.http?.headers;
    if (!headers) return;
    if (context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    const claims = this.claimsOf(context as GatewayContext);
    if (claims) headers.set(CLAIMS_HEADER, claims);
  }

  override didReceiveResponse({ response, context }: ResponseContext): ResponseContext['response'] {
    const reported = response.extensions?.[SUBJECTS_EXTENSION] as Record<string, string[]> | undefined;
    if (reported && context?.subjects) {
      let served = context.served?.get(this.name);
      if (context.served && !served) context.served.set(this.name, (served = new Set()));
      for (const [kind, ids] of Object.entries(reported)) {
        for (const id of ids) {
          context.subjects.add(`${kind}:${id}`);
          served?.add(`${kind}:${id}`);
        }
      }
      delete response.extensions![SUBJECTS_EXTENSION];
    }
    return response;
  }
}

/** The request with its signature: over the method, the path and the body exactly as they are sent. */
function sign(audience: string, url: string, init: FetchInit): FetchInit {
  const headers = { ...init.headers };
  const claims = headers[CLAIMS_HEADER];
  delete headers[CLAIMS_HEADER];
  const secret = internalSecret();
  if (claims && secret) {
    const { pathname, search } = new URL(url);
    headers[ACCESS_HEADER] = signRequest(claims, audience, { method: init.method ?? 'POST', url: `${pathname}${search}`, body: init.body ?? '' }, secret);
  }
  return { ...init, headers };
}
