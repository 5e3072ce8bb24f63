import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { internalSecret, signAccess } from '@hub/auth';
import { REQUEST_ID_HEADER } from '@hub/observability';
import type { GatewayContext } from '../gateway-context.js';

/** The response extension in which a subgraph reports whose data it served (see @hub/subgraph). */
const SUBJECTS_EXTENSION = 'hubSubjects';

type ResponseContext = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0];

/**
 * How the gateway calls a subgraph: Node's own fetch (keep-alive connections are reused across
 * requests), the caller's request id passed on (one request can be followed through the logs of
 * every app it touched), the caller and purpose vouched for with a signature, and the data
 * subjects the subgraph reports collected for the access record.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string) {
    super({ url, fetcher: fetch as never });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!context || !('requestId' in context)) return;
    const headers = request.http?.headers;
    if (!headers) return;
    if (context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    const secret = internalSecret();
    if (context.principal && secret) {
      for (const [name, value] of Object.entries(signAccess({ principal: context.principal, ...context.purpose, issuedAt: Date.now() }, secret))) {
        headers.set(name, value);
      }
    }
  }

  override didReceiveResponse({ response, context }: ResponseContext): ResponseContext['response'] {
    const reported = response.extensions?.[SUBJECTS_EXTENSION] as Record<string, string[]> | undefined;
    if (reported && context?.subjects) {
      for (const [kind, ids] of Object.entries(reported)) for (const id of ids) context.subjects.add(`${kind}:${id}`);
      delete response.extensions![SUBJECTS_EXTENSION];
    }
    return response;
  }
}
