import { Role, hasRole, isStewardOf, type Principal } from '@hub/auth';
import { HubError } from '@hub/subgraph';

/** The caller, when it is a steward of this department (or hub-wide) or an admin; FORBIDDEN otherwise. */
export function requireStewardOf(principal: Principal, departmentUscc: string): Principal {
  if (!isStewardOf(principal, departmentUscc) && !hasRole(principal, Role.ADMIN)) {
    throw new HubError('FORBIDDEN', `this operation needs a data steward of department ${departmentUscc}`, {
      department: departmentUscc,
    });
  }
  return principal;
}
