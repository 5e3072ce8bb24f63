import type { SessionPrincipal } from '../../api';
import { isAdmin } from '../../session';

/**
 * Whether the console offers edit actions on a department's resources: its own stewards, hub-wide
 * stewards and admins — the catalog's rule (requireStewardOf). The hub checks again on every request.
 */
export function canEditFor(principal: SessionPrincipal | undefined, providerUscc: string): boolean {
  if (!principal) return false;
  if (isAdmin(principal)) return true;
  return (
    principal.roles.includes('STEWARD') &&
    (principal.departmentUscc === null || principal.departmentUscc === providerUscc)
  );
}

/** Whether the steward may draft resources at all (a department of its own, hub-wide, or admin). */
export function canDraft(principal: SessionPrincipal | undefined): boolean {
  return !!principal && (isAdmin(principal) || principal.roles.includes('STEWARD'));
}
