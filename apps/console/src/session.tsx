// Who is signed in, as the gateway says (GET /console/session): the steward's name, roles and
// department, and the session's CSRF token, which lives in memory only and is fetched again after
// a reload. Pages read it to show what the role may do; the hub decides again on every request.
import { useQuery } from '@tanstack/react-query';
import { HubError, currentSession, type SessionPrincipal } from './api';

export const SESSION_QUERY_KEY = ['console-session'] as const;

export function useSession() {
  return useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: currentSession,
    staleTime: 60_000,
    retry: (n, e) => n < 2 && !(e instanceof HubError),
  });
}

export function isAdmin(principal: SessionPrincipal | undefined): boolean {
  return !!principal?.roles.includes('ADMIN');
}

/** A steward of every department (no department of its own), or an admin: sees across departments. */
export function seesAllDepartments(principal: SessionPrincipal | undefined): boolean {
  return isAdmin(principal) || (!!principal?.roles.includes('STEWARD') && principal.departmentUscc === null);
}
