// The hub's departments and their systems (any caller may list them): what the pages show next to
// a USCC or a system code, so that a steward reads 佛山市公安局 rather than 114406000070201359.
// One query for every page, cached for the session's pages a few minutes (departments change seldom).
import { useQuery } from '@tanstack/react-query';
import { execute } from './api';
import { graphql } from './gql';

export const Departments = graphql(`
  query Departments {
    departments {
      uscc
      name
      divisionCode
      systems {
        code
        name
        rateLimitPerMinute
      }
    }
  }
`);

export function useDepartments() {
  return useQuery({ queryKey: ['departments'], queryFn: () => execute(Departments), staleTime: 300_000 });
}

/** A department's name by its USCC; undefined while loading, or for a USCC the catalog does not know. */
export function useDepartmentNames(): (uscc: string | null | undefined) => string | undefined {
  const departments = useDepartments().data?.departments ?? [];
  const names = new Map(departments.map((d) => [d.uscc, d.name]));
  return (uscc) => (uscc ? names.get(uscc) : undefined);
}

/** A department's name, or its USCC while the names load (or for one the catalog does not know). */
export function useDepartmentName(): (uscc: string) => string {
  const name = useDepartmentNames();
  return (uscc) => name(uscc) ?? uscc;
}

/** Names by USCC and by system code; a code not (yet) known is shown as it is. */
export function useParticipantNames() {
  const departments = useDepartments().data?.departments ?? [];
  const department = new Map(departments.map((d) => [d.uscc, d.name]));
  const system = new Map(departments.flatMap((d) => d.systems.map((s) => [s.code, s.name] as const)));
  return {
    department: (uscc: string) => department.get(uscc) ?? uscc,
    system: (code: string) => system.get(code) ?? code,
  };
}
