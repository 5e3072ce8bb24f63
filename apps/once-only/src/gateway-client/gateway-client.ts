import { context, propagation } from '@opentelemetry/api';
import { Injectable } from '@nestjs/common';
import { internalSecret, signedHeaders, type SignedAccess } from '@hub/auth';
import { HubError, isHubErrorCode } from '@hub/subgraph';

export const GATEWAY_URL_VARIABLE = 'HUB_GATEWAY_URL';

/** Codes of the gateway's refusals that the caller must see as they are (the policy's answer, not ours). */
const PASSED_ON = new Set([
  'ACCESS_DENIED',
  'PURPOSE_REQUIRED',
  'PURPOSE_INVALID',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'API_KEY_REVOKED',
  'API_KEY_EXPIRED',
  'LOOKUP_BUDGET_EXCEEDED',
]);

export interface GatewayAnswer<T> {
  data: T | null;
  errors: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/**
 * Reads the base libraries through the gateway on behalf of the caller: the same key's principal,
 * purpose and case number, signed with HUB_INTERNAL_SECRET for the gateway and this one request. So a read made for reuse or pre-fill
 * is decided by the catalog's policy, masked and recorded in the access log exactly as if the
 * caller had asked the gateway itself — this app never reads another library's data by any other way.
 */
@Injectable()
export class GatewayClient {
  private url: string | undefined = process.env[GATEWAY_URL_VARIABLE];

  /** Where the gateway is, when it is started after this app (the all-in-one process, tests). */
  useGateway(url: string): void {
    this.url = url.replace(/\/+$/, '').replace(/\/graphql$/, '');
  }

  async query<T>(
    access: Pick<SignedAccess, 'principal' | 'purpose' | 'caseNumber'>,
    query: string,
    variables: Record<string, unknown>,
    requestId?: string,
  ): Promise<GatewayAnswer<T>> {
    const secret = internalSecret();
    if (!this.url || !secret)
      throw new HubError(
        'GATEWAY_UNAVAILABLE',
        `this app cannot reach the gateway (${GATEWAY_URL_VARIABLE} and HUB_INTERNAL_SECRET must be set)`,
      );
    const url = `${this.url}/graphql`;
    const payload = JSON.stringify({
      query,
      variables,
      extensions: { purpose: access.purpose ?? undefined, caseNumber: access.caseNumber ?? undefined },
    });
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...signedHeaders(
        { principal: access.principal, issuer: 'once-only', purpose: access.purpose, caseNumber: access.caseNumber },
        'gateway',
        { method: 'POST', url: new URL(url).pathname, body: payload },
        secret,
      ),
    };
    if (requestId) headers['x-request-id'] = requestId;
    // The gateway links its trace of this read to this app's (a no-op while tracing is off).
    propagation.inject(context.active(), headers);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body: payload,
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new HubError(
        'GATEWAY_UNAVAILABLE',
        `the gateway did not answer: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const body = (await response.json().catch(() => null)) as {
      data?: T | null;
      errors?: GatewayAnswer<T>['errors'];
    } | null;
    if (!body)
      throw new HubError('GATEWAY_UNAVAILABLE', `the gateway answered ${response.status} without a GraphQL body`);
    const refusal = body.errors?.find((e) => PASSED_ON.has(String(e.extensions?.code)));
    if (refusal) {
      const { code, requestId: _ignored, ...details } = refusal.extensions ?? {};
      throw new HubError(isHubErrorCode(code) ? code : 'FORBIDDEN', refusal.message, details);
    }
    return { data: body.data ?? null, errors: body.errors ?? [] };
  }
}
