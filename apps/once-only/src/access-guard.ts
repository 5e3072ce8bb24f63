import { hasRole, isStewardOf, Role, type Principal } from '@hub/auth';
import { HubError } from '@hub/subgraph';

/** The caller as a department system of the hub, with its department: who files, records and reports. */
export function requireSystem(principal: Principal): Principal & { departmentUscc: string } {
  if (!principal.departmentUscc) throw new HubError('FORBIDDEN', 'this operation needs a department system key');
  return principal as Principal & { departmentUscc: string };
}

/** True when the principal speaks for this department: its system, its steward (or a hub-wide one), or an admin. */
export function actsFor(principal: Principal, departmentUscc: string): boolean {
  return (
    principal.departmentUscc === departmentUscc ||
    isStewardOf(principal, departmentUscc) ||
    hasRole(principal, Role.ADMIN)
  );
}
