// 目录: the catalog's resources (searchCatalog), paginated on the server by cursor. The hub pages
// forward only (first/after), so the table keeps the cursors of the pages it has seen.
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { Badge, Empty, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { execute } from '../api';
import { ErrorNotice } from '../ErrorNotice';
import { graphql } from '../gql';
import type { SearchCatalogQuery, SharingType } from '../gql/graphql';

const SearchCatalog = graphql(`
  query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String) {
    searchCatalog(filter: $filter, first: $first, after: $after) {
      nodes {
        code
        name
        providerName
        providerUscc
        sharingType
        updateCycle
        status
        version
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type Resource = SearchCatalogQuery['searchCatalog']['nodes'][number];

// A coloured dot next to plain text: Ant Design's coloured tags fail WCAG AA contrast (axe).
const SHARING: Record<SharingType, { label: string; status: 'success' | 'warning' | 'default' }> = {
  UNCONDITIONAL: { label: '无条件共享', status: 'success' },
  CONDITIONAL: { label: '有条件共享', status: 'warning' },
  NOT_SHARED: { label: '不予共享', status: 'default' },
};

const CYCLE: Record<string, string> = {
  REAL_TIME: '实时',
  DAILY: '每日',
  WEEKLY: '每周',
  MONTHLY: '每月',
  QUARTERLY: '每季度',
  HALF_YEARLY: '每半年',
  YEARLY: '每年',
};

const PAGE_SIZE = 20;

export default function Catalog() {
  const [text, setText] = useState<string>();
  const [sharingType, setSharingType] = useState<SharingType>();
  // cursors[i] is the `after` of page i + 1 (page 1 has none).
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [page, setPage] = useState(1);
  const filter = { text: text || undefined, sharingType };
  const query = useQuery({
    queryKey: ['searchCatalog', filter, cursors[page - 1]],
    queryFn: () => execute(SearchCatalog, { filter, first: PAGE_SIZE, after: cursors[page - 1] }),
    placeholderData: keepPreviousData,
  });
  const connection = query.data?.searchCatalog;
  if (connection?.pageInfo.hasNextPage && cursors.length === page) setCursors([...cursors, connection.pageInfo.endCursor ?? null]);
  const restart = () => {
    setCursors([null]);
    setPage(1);
  };
  // The total is unknown with cursors: one page more than seen while there is a next page.
  const known = (cursors.length - 1) * PAGE_SIZE + (connection?.pageInfo.hasNextPage ? PAGE_SIZE : (connection?.nodes.length ?? 0));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        目录
      </Typography.Title>
      <Space wrap>
        <Input.Search
          aria-label="按名称或摘要搜索"
          placeholder="按名称或摘要搜索"
          allowClear
          onSearch={(value) => {
            setText(value.trim());
            restart();
          }}
          style={{ width: 280 }}
        />
        <Select<SharingType>
          aria-label="共享类型"
          placeholder="共享类型"
          allowClear
          style={{ width: 160 }}
          options={Object.entries(SHARING).map(([value, { label }]) => ({ value: value as SharingType, label }))}
          onChange={(value) => {
            setSharingType(value);
            restart();
          }}
        />
      </Space>
      {query.isError ? <ErrorNotice error={query.error} title="目录加载失败" /> : null}
      <Table<Resource>
        rowKey="code"
        loading={query.isFetching ? { tip: '正在加载目录…' } : false}
        dataSource={connection?.nodes ?? []}
        locale={{ emptyText: query.isError ? '目录暂时无法显示' : <Empty description="没有符合条件的资源" /> }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: Math.max(known, PAGE_SIZE * (page - 1) + 1), showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: '资源代码', dataIndex: 'code', width: 180 },
          { title: '资源名称', dataIndex: 'name' },
          { title: '提供方', dataIndex: 'providerName', render: (name: string | null, r) => name ?? r.providerUscc },
          { title: '共享类型', dataIndex: 'sharingType', render: (t: SharingType) => <Badge status={SHARING[t].status} text={SHARING[t].label} /> },
          { title: '更新周期', dataIndex: 'updateCycle', render: (c: string) => CYCLE[c] ?? c },
          { title: '版本', dataIndex: 'version', width: 80 },
        ]}
      />
    </Space>
  );
}
