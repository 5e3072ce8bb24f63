import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { REQUEST_ID_HEADER } from '@hub/observability';
import type { GatewayContext } from '../gateway-context.js';

/**
 * How the gateway calls a subgraph: Node's own fetch (keep-alive connections are reused across
 * requests) and the caller's request id passed on, so one request can be followed through the
 * logs of every app it touched.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string) {
    super({ url, fetcher: fetch as never });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context && 'requestId' in context && context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}
