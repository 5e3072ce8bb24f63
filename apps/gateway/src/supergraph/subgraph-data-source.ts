import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { context as otelContext, propagation } from '@opentelemetry/api';
import { GraphQLError, Kind, parse, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';
import { ACCESS_HEADER, internalSecret, signRequest } from '@hub/auth';
import { REQUEST_ID_HEADER, createLogger } from '@hub/observability';
import type { GatewayContext } from '../gateway-context.js';
import { RESPONSE_TOO_LARGE } from '../query-limits/operation-limits.js';

const log = createLogger('gateway.subgraphs');

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
  private lastUnreachableLog = 0;

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
  override parseBody(
    ...[fetchResponse, ...rest]: Parameters<RemoteGraphQLDataSource<GatewayContext>['parseBody']>
  ): Promise<object | string> {
    const length = Number(fetchResponse.headers.get('content-length'));
    if (length > this.maxResponseBytes) {
      void (fetchResponse as unknown as Response).body?.cancel().catch(() => undefined);
      throw new GraphQLError(
        `A part of the answer (from the ${this.name} library) is larger than the ${this.maxResponseBytes} bytes the hub sends in one response; ask for fewer items or fields per request`,
        {
          extensions: { code: RESPONSE_TOO_LARGE, maxResponseBytes: this.maxResponseBytes },
        },
      );
    }
    return super.parseBody(fetchResponse, ...rest);
  }

  /**
   * A library that cannot be reached (refused, reset, timed out, or answering 502/503/504) is not a
   * bug of the query: the gateway answers what the other libraries gave, and says which paths are
   * missing and why — one SUBGRAPH_UNAVAILABLE error per field this fetch was to fill (its `path`,
   * `service` the library), so that a null there is never mistaken for data.
   */
  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    try {
      return await super.process(options);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      // For the operators, the library and the cause — once per outage, not once per request.
      if (Date.now() - this.lastUnreachableLog > 10_000) {
        this.lastUnreachableLog = Date.now();
        log.warn(
          {
            service: this.name,
            error:
              error instanceof Error
                ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}`
                : String(error),
          },
          `the ${this.name} library cannot be reached: answered SUBGRAPH_UNAVAILABLE for what it serves`,
        );
      }
      return { errors: unavailableErrors(this.name, options.request.query ?? '', options.request.variables) as never };
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!context || !('requestId' in context)) return;
    const headers = request.http?.headers;
    if (!headers) return;
    if (context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    // The subgraph's spans join this request's trace (W3C traceparent of the gateway's fetch span); a no-op while tracing is off.
    propagation.inject(otelContext.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
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
    headers[ACCESS_HEADER] = signRequest(
      claims,
      audience,
      { method: init.method ?? 'POST', url: `${pathname}${search}`, body: init.body ?? '' },
      secret,
    );
  }
  return { ...init, headers };
}

/** At most this many "missing here" errors per failed fetch (a list of many entities); the rest are summed up in one. */
const MAX_MISSING_PATHS = 50;

function isUnreachable(error: unknown): boolean {
  const status = (error as { extensions?: { response?: { status?: unknown } } })?.extensions?.response?.status;
  if (typeof status === 'number') return status === 502 || status === 503 || status === 504;
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as { message?: unknown; code?: unknown; cause?: unknown; name?: unknown };
    if (
      typeof e.code === 'string' &&
      /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|UND_ERR_SOCKET|UND_ERR_CONNECT_TIMEOUT)$/.test(
        e.code,
      )
    )
      return true;
    if (
      e.name === 'TimeoutError' ||
      (typeof e.message === 'string' && /fetch failed|socket hang up|other side closed/i.test(e.message))
    )
      return true;
    current = e.cause;
  }
  return false;
}

/**
 * The errors of a fetch that could not be made, with the paths (as the gateway reads them from a
 * subgraph: `[field]` for a root fetch, `['_entities', i, field]` for an entity fetch) of every
 * field it was to fill.
 */
export function unavailableErrors(
  service: string,
  query: string,
  variables: Record<string, unknown> | undefined,
): GraphQLFormattedError[] {
  const message = `the ${service} library is unavailable right now: this part of the answer is missing (null here is not data) — try again shortly`;
  const extensions = { code: 'SUBGRAPH_UNAVAILABLE', service, retryable: true };
  const paths: Array<Array<string | number>> = [];
  let more = 0;
  try {
    const operation = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    const roots = operation?.kind === Kind.OPERATION_DEFINITION ? operation.selectionSet : undefined;
    const entities = roots?.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
    if (entities?.kind === Kind.FIELD && entities.selectionSet) {
      const representations = Array.isArray(variables?.representations)
        ? (variables.representations as Array<{ __typename?: string }>)
        : [];
      representations.forEach((representation, i) => {
        for (const key of responseKeys(entities.selectionSet!, representation?.__typename)) {
          if (paths.length < MAX_MISSING_PATHS) paths.push(['_entities', i, key]);
          else more++;
        }
      });
    } else if (roots) {
      for (const key of responseKeys(roots, undefined)) paths.push([key]);
    }
  } catch {
    // Not parseable (it is the gateway's own plan, so this does not happen): one error without a path.
  }
  if (paths.length === 0) return [{ message, extensions }];
  const errors: GraphQLFormattedError[] = paths.map((path) => ({ message, path, extensions }));
  if (more > 0) errors.push({ message: `${message} (and ${more} more fields of it)`, extensions });
  return errors;
}

/** The response keys a selection set asks for on a type (its own fields, and those of fragments on that type). */
function responseKeys(selectionSet: SelectionSetNode, typename: string | undefined): string[] {
  const keys: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      if (key !== '__typename' && !keys.includes(key)) keys.push(key);
    } else if (
      selection.kind === Kind.INLINE_FRAGMENT &&
      (!selection.typeCondition || !typename || selection.typeCondition.name.value === typename)
    ) {
      for (const key of responseKeys(selection.selectionSet, typename)) if (!keys.includes(key)) keys.push(key);
    }
  }
  return keys;
}
