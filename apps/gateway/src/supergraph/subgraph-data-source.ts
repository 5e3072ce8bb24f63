import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { internalSecret, signAccess } from '@hub/auth';
import { REQUEST_ID_HEADER } from '@hub/observability';
import type { GatewayContext } from '../gateway-context.js';

/** The response extension in which a subgraph reports whose data it served (see @hub/subgraph). */
const SUBJECTS_EXTENSION = 'hubSubjects';

type ResponseContext = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0];

/** Re-sign an operation's access after this long (well within what a subgraph accepts, 5 minutes). */
const RESIGN_AFTER_MS = 60_000;

/**
 * Each operation's signed access: one signature for all its subgraph requests (an HMAC costs more
 * than the rest of the headers together, and subgraphs remember a signature they have checked).
 */
const signedAccess = new WeakMap<object, { headers: Record<string, string>; at: number }>();

/**
 * How the gateway calls a subgraph: Node's own fetch (keep-alive connections are reused across
 * requests), the caller's request id passed on (one request can be followed through the logs of
 * every app it touched), the caller and purpose vouched for with a signature, and the data
 * subjects the subgraph reports collected for the access record.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    /** The subgraph's name (join__graph): the subjects it reports are its own, for telling a lookup's hits. */
    private readonly graph = '',
  ) {
    super({ url, fetcher: fetch as never });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!context || !('requestId' in context)) return;
    const headers = request.http?.headers;
    if (!headers) return;
    if (context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    const secret = internalSecret();
    if (context.principal && secret) {
      const now = Date.now();
      let signed = signedAccess.get(context);
      if (!signed || now - signed.at > RESIGN_AFTER_MS) {
        signed = { headers: signAccess({ principal: context.principal, ...context.purpose, issuedAt: now }, secret), at: now };
        signedAccess.set(context, signed);
      }
      for (const [name, value] of Object.entries(signed.headers)) headers.set(name, value);
    }
  }

  override didReceiveResponse({ response, context }: ResponseContext): ResponseContext['response'] {
    const reported = response.extensions?.[SUBJECTS_EXTENSION] as Record<string, string[]> | undefined;
    if (reported && context?.subjects) {
      let served = context.served?.get(this.graph);
      if (context.served && !served) context.served.set(this.graph, (served = new Set()));
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
