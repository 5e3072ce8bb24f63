// Page numbers over the hub's forward-only connections (first/after), for every list of the
// console: the cursors of the pages seen are kept, so a steward can go back; the total is unknown,
// so the pager shows one page more than seen while there is a next one.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

export interface CursorPages {
  page: number;
  after: string | null;
  setPage: (page: number) => void;
  /** Back to page 1 (a filter or the order changed: a cursor is only good for its own list). */
  restart: () => void;
  /**
   * Records what the current page says of the next one, and gives the pager's total. While the
   * next page loads, the table still shows the previous one (placeholder data): its end cursor is
   * not the current page's and must not be recorded — else page 3 would ask for page 2 again.
   */
  seen: (
    pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined,
    count: number,
    isPlaceholderData: boolean,
  ) => number;
}

/** `list` names the list (its filters): when it changes, paging starts again from page 1. */
export function useCursorPages(pageSize: number, list = ''): CursorPages {
  // cursors[i] is the `after` of page i + 1 (page 1 has none).
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState(list);
  if (shown !== list) {
    // Another list: its cursors are not this one's (React re-renders at once with the reset state).
    setShown(list);
    setCursors([null]);
    setPage(1);
  }
  return {
    page,
    after: cursors[page - 1] ?? null,
    setPage,
    restart: () => {
      setCursors([null]);
      setPage(1);
    },
    seen: (pageInfo, count, isPlaceholderData) => {
      if (!isPlaceholderData && pageInfo?.hasNextPage && cursors.length === page)
        setCursors([...cursors, pageInfo.endCursor ?? null]);
      const known = (cursors.length - 1) * pageSize + (pageInfo?.hasNextPage ? pageSize : count);
      return Math.max(known, pageSize * (page - 1) + 1);
    },
  };
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** A list paged forward on the server, with its query and the table's pager in one; a new key (other filters) starts at page 1. */
export function usePagedQuery<T>(
  key: unknown[],
  fetchPage: (after: string | null) => Promise<Connection<T>>,
  pageSize: number,
) {
  const pages = useCursorPages(pageSize, JSON.stringify(key));
  const query = useQuery({
    queryKey: [...key, pages.after],
    queryFn: () => fetchPage(pages.after),
    placeholderData: keepPreviousData,
  });
  const total = pages.seen(query.data?.pageInfo, query.data?.nodes.length ?? 0, query.isPlaceholderData);
  const pagination = { current: pages.page, pageSize, total, showSizeChanger: false, onChange: pages.setPage };
  return { query, nodes: query.data?.nodes ?? [], pagination };
}
