import { Role, hasRole, isStewardOf, type Principal } from '@hub/auth';
import { HubError, requireRole, type HubContext } from '@hub/subgraph';

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
