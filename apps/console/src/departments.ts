// The departments' names by USCC (the catalog's departments), for pages that show who did what:
// a steward recognises 佛山市公安局 sooner than 114406000070201359. Cached for the session.
import { useQuery } from '@tanstack/react-query';
import { execute } from './api';
import { graphql } from './gql';

const DepartmentNames = graphql(`
  query DepartmentNames {
    departments {
      uscc
      name
    }
  }
`);

/** A department's name by its USCC; undefined while loading, or for a USCC the catalog does not know. */
export function useDepartmentNames(): (uscc: string | null | undefined) => string | undefined {
  const query = useQuery({ queryKey: ['departmentNames'], queryFn: () => execute(DepartmentNames), staleTime: 10 * 60_000 });
  const names = new Map((query.data?.departments ?? []).map((d) => [d.uscc, d.name]));
  return (uscc) => (uscc ? names.get(uscc) : undefined);
}
