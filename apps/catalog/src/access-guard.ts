import { Role, hasRole, isStewardOf, type Principal } from '@hub/auth';
import { HubError, principalOf, type HubContext } from '@hub/subgraph';

/** A steward of this department (or hub-wide), or an admin. */
export function requireStewardOf(context: HubContext, departmentUscc: string): Principal {
  const principal = principalOf(context);
  if (!isStewardOf(principal, departmentUscc) && !hasRole(principal, Role.ADMIN)) {
    throw new HubError('FORBIDDEN', `this operation needs a data steward of department ${departmentUscc}`, { department: departmentUscc });
  }
  return principal;
}
