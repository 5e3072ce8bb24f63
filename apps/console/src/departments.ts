// The hub's departments and their systems (any caller may list them): what the pages show next to
// a USCC or a system code, so that a steward reads names rather than codes.
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
  // Departments change seldom: kept for a few minutes.
  return useQuery({ queryKey: ['departments'], queryFn: () => execute(Departments), staleTime: 300_000 });
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
