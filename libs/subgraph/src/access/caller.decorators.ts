import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { Principal, SignedAccess } from '@hub/auth';
import { HubError } from '../hub-error.js';
import type { HubContext } from '../request-context.js';

function accessOf(context: ExecutionContext): SignedAccess | null {
  if (context.getType<string>() === 'graphql')
    return GqlExecutionContext.create(context).getContext<HubContext>().access;
  return context.switchToHttp().getRequest<FastifyRequest>().hubAccess ?? null;
}

/** The caller the gateway vouched for (the handler's access rule has admitted it). */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = accessOf(context)?.principal;
  if (!principal)
    throw new HubError('UNAUTHENTICATED', 'this operation needs a caller: send a hub API key to the gateway');
  return principal;
});

/** Everything the gateway vouched for: the caller, its purpose and case number, and what the catalog says of it. */
export const CallerAccess = createParamDecorator((_data: unknown, context: ExecutionContext): SignedAccess => {
  const access = accessOf(context);
  if (!access?.principal)
    throw new HubError('UNAUTHENTICATED', 'this operation needs a caller: send a hub API key to the gateway');
  return access;
});
