import type { FastifyRequest } from 'fastify';

/** The context of one operation in the gateway. */
export interface GatewayContext {
  requestId: string;
}

export function gatewayContext(request: FastifyRequest): GatewayContext {
  return { requestId: String(request.id) };
}
