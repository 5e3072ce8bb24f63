// Page numbers over the hub's forward-only connections (first/after): the cursors of the pages seen
// are kept, so a steward can go back; the total is unknown, so the pager shows one page more than
// seen while there is a next one.
import { useState } from 'react';

export interface CursorPages {
  page: number;
  after: string | null;
  setPage: (page: number) => void;
  /** Back to page 1 (a filter changed). */
  restart: () => void;
  /** Records what the current page says of the next one; the pager's total. */
  seen: (pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined, count: number) => number;
}

export function useCursorPages(pageSize: number): CursorPages {
  // cursors[i] is the `after` of page i + 1 (page 1 has none).
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [page, setPage] = useState(1);
  return {
    page,
    after: cursors[page - 1] ?? null,
    setPage,
    restart: () => {
      setCursors([null]);
      setPage(1);
    },
    seen: (pageInfo, count) => {
      if (pageInfo?.hasNextPage && cursors.length === page) setCursors([...cursors, pageInfo.endCursor ?? null]);
      const known = (cursors.length - 1) * pageSize + (pageInfo?.hasNextPage ? pageSize : count);
      return Math.max(known, pageSize * (page - 1) + 1);
    },
  };
}
