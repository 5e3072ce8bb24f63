import { Role, hasRole, type Principal } from '@hub/auth';
import { HubError, InputError } from './hub-error.js';
import type { HubContext } from './request-context.js';

/** The caller the gateway vouched for, or UNAUTHENTICATED. */
export function principalOf(context: HubContext): Principal {
  const principal = context.access?.principal;
  if (!principal) throw new HubError('UNAUTHENTICATED', 'this operation needs a caller: send a hub API key to the gateway');
  return principal;
}

/** The caller, if it holds one of these roles; FORBIDDEN otherwise. */
export function requireRole(context: HubContext, ...roles: Role[]): Principal {
  const principal = principalOf(context);
  if (!roles.some((role) => hasRole(principal, role))) {
    throw new HubError('FORBIDDEN', `this operation needs the role ${roles.join(' or ')}`, { requiredRoles: roles });
  }
  return principal;
}

/** The shortest reason a decision must carry (a refusal, a partial approval, a revocation). */
export const MIN_REASON_LENGTH = 4;

/** The reason trimmed; REASON_REQUIRED when it is shorter than `min` characters. */
export function requiredReason(value: string | null | undefined, message: string, field = 'input.reason', min = MIN_REASON_LENGTH): string {
  const reason = value?.trim() ?? '';
  if ([...reason].length < min) {
    throw new InputError([{ field, code: 'REASON_REQUIRED', message: min > 1 ? `${message} (at least ${min} characters)` : message }]);
  }
  return reason;
}
