import { Role, hasRole, isStewardOf, type Principal } from '@hub/auth';
import { HubError, type HubContext } from '@hub/subgraph';

/** The caller the gateway vouched for, or UNAUTHENTICATED. */
export function principalOf(context: HubContext): Principal {
  const principal = context.access?.principal;
  if (!principal) throw new HubError('UNAUTHENTICATED', 'this operation needs a caller: send a hub API key to the gateway');
  return principal;
}

export function requireRole(context: HubContext, ...roles: Role[]): Principal {
  const principal = principalOf(context);
  if (!roles.some((role) => hasRole(principal, role))) {
    throw new HubError('FORBIDDEN', `this operation needs the role ${roles.join(' or ')}`, { requiredRoles: roles });
  }
  return principal;
}

/** A steward of this department (or hub-wide), or an admin. */
export function requireStewardOf(context: HubContext, departmentUscc: string): Principal {
  const principal = principalOf(context);
  if (!isStewardOf(principal, departmentUscc) && !hasRole(principal, Role.ADMIN)) {
    throw new HubError('FORBIDDEN', `this operation needs a data steward of department ${departmentUscc}`, { department: departmentUscc });
  }
  return principal;
}
