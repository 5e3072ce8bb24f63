import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { ACCESS_RULE, Role, hasRole, type AccessRule, type SignedAccess } from '@hub/auth';
import { HubError } from '../hub-error.js';
import type { HubContext } from '../request-context.js';

/**
 * The rule a query, mutation or route declares, checked before its handler runs (RequestAccess
 * has already checked the request's signature): a caller with one of the roles, or a system of the
 * register's provider department (as the gateway signed it from the catalog) or an admin.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const graphql = context.getType<string>() === 'graphql';
    const request = graphql ? undefined : context.switchToHttp().getRequest<FastifyRequest>();
    const access = graphql
      ? GqlExecutionContext.create(context).getContext<HubContext>().access
      : (request!.hubAccess ?? null);
    const refusal = refusalOf(rule, access, request);
    if (!refusal) return true;
    if (graphql) throw new HubError(refusal.code, refusal.message, refusal.details);
    const body = { code: refusal.code, message: refusal.message, ...refusal.details, requestId: String(request!.id) };
    throw refusal.code === 'UNAUTHENTICATED' ? new UnauthorizedException(body) : new ForbiddenException(body);
  }
}

interface Refusal {
  code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  message: string;
  details?: Record<string, unknown>;
}

const ROUTE_RULE_NAMES = { public: '@Public', operator: '@Operator', internal: '@Internal' } as const;

/** Why `access` may not call a handler under `rule`, or null when it may. `request`: the HTTP request of a route; none for a GraphQL operation. */
export function refusalOf(
  rule: AccessRule | undefined,
  access: SignedAccess | null,
  request?: FastifyRequest,
): Refusal | null {
  // RequestAccess refuses to start an app with a handler without a rule; here, undeclared is refused too.
  if (!rule) return { code: 'FORBIDDEN', message: 'this operation declares no access rule: nobody may call it' };
  switch (rule.kind) {
    case 'public':
    case 'operator':
    case 'internal':
      // Checked with the request's credential, before routing (RequestAccess) — by route. On
      // /graphql RequestAccess checks only that a caller signed, so on an operation such a rule
      // would admit any caller: refused (an app with one does not start either).
      if (!request)
        return {
          code: 'FORBIDDEN',
          message: `${ROUTE_RULE_NAMES[rule.kind]} is a rule for HTTP routes; a query or mutation declares @AnyCaller, @Roles or @ProviderOnly`,
        };
      return null;
    case 'caller': {
      const principal = access?.principal;
      if (!principal)
        return { code: 'UNAUTHENTICATED', message: 'this operation needs a caller: send a hub API key to the gateway' };
      if (rule.roles.length > 0 && !rule.roles.some((role) => hasRole(principal, role))) {
        return {
          code: 'FORBIDDEN',
          message: `this operation needs the role ${rule.roles.join(' or ')}`,
          details: { requiredRoles: rule.roles },
        };
      }
      return null;
    }
    case 'provider': {
      const principal = access?.principal;
      if (!principal)
        return { code: 'UNAUTHENTICATED', message: 'this operation needs a caller: send a hub API key to the gateway' };
      const register = rule.register.startsWith(':')
        ? String((request?.params as Record<string, unknown> | undefined)?.[rule.register.slice(1)] ?? '')
        : rule.register;
      if (hasRole(principal, Role.ADMIN)) return null;
      if (hasRole(principal, Role.SYSTEM) && access!.provides?.includes(register)) return null;
      return {
        code: 'FORBIDDEN',
        message: `the ${register} register is written only by its provider department's systems (the catalog's source of the data) or an admin; ${principal.name} is neither`,
        details: { register },
      };
    }
  }
}
