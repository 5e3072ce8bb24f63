import type { FastifyRequest } from 'fastify';
import type { AccessPurpose, Principal } from '@hub/auth';
import type { AccessDecision } from '@hub/policy';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the API key says is calling; set by the gateway's authentication hook. */
    hubPrincipal?: Principal;
  }
}

/** The context of one operation in the gateway. */
export interface GatewayContext {
  requestId: string;
  principal: Principal | null;
  headers: FastifyRequest['headers'];
  purpose: AccessPurpose;
  /** Set when the query limits refused the operation with its variables: nothing else is done for it (see operationLimitsPlugin). */
  refusedByLimits?: boolean;
  /** The catalog's decision for this operation, once made. */
  decision?: AccessDecision;
  /** Data subjects the operation read or named: `PERSON:<id>`, `LEGAL_ENTITY:<uscc>`. */
  subjects: Set<string>;
  /** The subjects each subgraph (by name) reported serving: what tells a lookup's hit from a miss. */
  served: Map<string, Set<string>>;
}

export function gatewayContext(request: FastifyRequest): GatewayContext {
  return {
    requestId: String(request.id),
    principal: request.hubPrincipal ?? null,
    headers: request.headers,
    purpose: { purpose: null, caseNumber: null },
    subjects: new Set(),
    served: new Map(),
  };
}
