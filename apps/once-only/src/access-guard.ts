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

/** A department system of the hub, with its department: who files, records and reports. */
export function requireSystem(context: HubContext): Principal & { departmentUscc: string } {
  const principal = requireRole(context, Role.SYSTEM);
  if (!principal.departmentUscc) throw new HubError('FORBIDDEN', 'this operation needs a department system key');
  return principal as Principal & { departmentUscc: string };
}

/** True when the principal speaks for this department: its system, its steward (or a hub-wide one), or an admin. */
export function actsFor(principal: Principal, departmentUscc: string): boolean {
  return principal.departmentUscc === departmentUscc || isStewardOf(principal, departmentUscc) || hasRole(principal, Role.ADMIN);
}
