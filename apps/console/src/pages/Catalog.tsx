// 目录: the catalog's resources (searchCatalog), filtered, sorted and paginated on the server by
// cursor. The hub pages forward only (first/after), so the table keeps the cursors of the pages it
// has seen, and starts again from page 1 whenever the filter or the order changes (a cursor is
// valid only for the order it was handed out with). A resource opens in a drawer (?resource=code,
// so it can be linked); stewards of its department edit it there.
import { useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import { Badge, Button, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { execute } from '../api';
import { useCursorPages } from '../cursor-pages';
import { useDepartments } from '../departments';
import { ErrorNotice } from '../ErrorNotice';
import type { CatalogSortField, ResourceStatus, SearchCatalogQuery, SharingType, UpdateCycle } from '../gql/graphql';
import { useT } from '../i18n';
import { useSession } from '../session';
import { canDraft } from './catalog/access';
import { CatalogDetail } from './catalog/CatalogDetail';
import { CatalogEditor } from './catalog/CatalogEditor';
import { SHARING_BADGE, SHARING_TYPE, STATUS, STATUS_BADGE, UPDATE_CYCLE, optionsOf } from './catalog/labels';
import { SearchCatalog } from './catalog/operations';

type Resource = SearchCatalogQuery['searchCatalog']['nodes'][number];

const PAGE_SIZE = 20;

/** Table columns the hub sorts by. */
const SORT_FIELD: Record<string, CatalogSortField> = {
  code: 'CODE',
  name: 'NAME',
  updatedAt: 'UPDATED_AT',
};

export default function Catalog() {
  const t = useT();
  const principal = useSession().data?.principal;
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState<string>();
  const [providerUscc, setProviderUscc] = useState<string>();
  const [sharingType, setSharingType] = useState<SharingType>();
  const [updateCycle, setUpdateCycle] = useState<UpdateCycle>();
  const [status, setStatus] = useState<ResourceStatus>('PUBLISHED');
  const [sort, setSort] = useState<{ column: string; order: SortOrder }>({
    column: 'code',
    order: 'ascend',
  });
  const [drafting, setDrafting] = useState(false);
  const pages = useCursorPages(PAGE_SIZE);
  const filter = {
    text: text || undefined,
    providerUscc,
    sharingType,
    updateCycle,
    status,
  };
  const orderBy = {
    field: SORT_FIELD[sort.column] ?? 'CODE',
    direction: sort.order === 'descend' ? ('DESC' as const) : ('ASC' as const),
  };
  const query = useQuery({
    queryKey: ['searchCatalog', filter, orderBy, pages.after],
    queryFn: () =>
      execute(SearchCatalog, {
        filter,
        first: PAGE_SIZE,
        after: pages.after,
        orderBy,
      }),
    placeholderData: keepPreviousData,
  });
  const departments = useDepartments();
  const connection = query.data?.searchCatalog;
  const total = pages.seen(connection?.pageInfo, connection?.nodes.length ?? 0, query.isPlaceholderData);
  const restart = pages.restart;
  const selected = params.get('resource');
  const open = (code: string | null) => setParams(code ? { resource: code } : {});
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['searchCatalog'] });
  const sortOrder = (column: string): SortOrder => (sort.column === column ? sort.order : null);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('目录', 'Catalog')}
        </Typography.Title>
        {canDraft(principal) ? (
          <Button type="primary" onClick={() => setDrafting(true)} data-testid="catalog-new">
            {t('新建资源', 'New resource')}
          </Button>
        ) : null}
      </Space>
      <Space wrap>
        <Input.Search
          aria-label={t('按名称或摘要搜索', 'Search by name or summary')}
          placeholder={t('按名称或摘要搜索', 'Search by name or summary')}
          allowClear
          onSearch={(value) => {
            setText(value.trim());
            restart();
          }}
          style={{ width: 260 }}
        />
        <Select<string>
          aria-label={t('提供方部门', 'Provider department')}
          placeholder={t('提供方部门', 'Provider department')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={departments.isPending}
          style={{ width: 220 }}
          data-testid="filter-department"
          options={departments.data?.departments.map((d) => ({
            value: d.uscc,
            label: d.name,
          }))}
          onChange={(value) => {
            setProviderUscc(value);
            restart();
          }}
        />
        <Select<SharingType>
          aria-label={t('共享类型', 'Sharing type')}
          placeholder={t('共享类型', 'Sharing type')}
          allowClear
          style={{ width: 150 }}
          data-testid="filter-sharing-type"
          options={optionsOf(SHARING_TYPE, t)}
          onChange={(value) => {
            setSharingType(value);
            restart();
          }}
        />
        <Select<UpdateCycle>
          aria-label={t('更新周期', 'Update cycle')}
          placeholder={t('更新周期', 'Update cycle')}
          allowClear
          style={{ width: 130 }}
          data-testid="filter-update-cycle"
          options={optionsOf(UPDATE_CYCLE, t)}
          onChange={(value) => {
            setUpdateCycle(value);
            restart();
          }}
        />
        <Select<ResourceStatus>
          aria-label={t('状态', 'Status')}
          value={status}
          style={{ width: 120 }}
          data-testid="filter-status"
          options={optionsOf(STATUS, t)}
          onChange={(value) => {
            setStatus(value);
            restart();
          }}
        />
      </Space>
      {departments.isError ? (
        <ErrorNotice error={departments.error} title={t('部门列表加载失败', 'The departments could not be loaded')} />
      ) : null}
      {query.isError ? (
        <ErrorNotice error={query.error} title={t('目录加载失败', 'The catalog could not be loaded')} />
      ) : null}
      <div data-testid="catalog-list">
        <Table<Resource>
          rowKey="code"
          loading={query.isFetching ? { tip: t('正在加载目录…', 'Loading the catalog…') } : false}
          dataSource={connection?.nodes ?? []}
          locale={{
            emptyText: query.isError ? (
              t('目录暂时无法显示', 'The catalog cannot be shown for now')
            ) : (
              <Empty description={t('没有符合条件的资源', 'No resource matches')} />
            ),
          }}
          pagination={{
            current: pages.page,
            pageSize: PAGE_SIZE,
            total,
            showSizeChanger: false,
            onChange: pages.setPage,
          }}
          sortDirections={['ascend', 'descend']}
          onChange={(_pagination, _filters, sorter, { action }) => {
            if (action !== 'sort' || Array.isArray(sorter)) return;
            // A third click clears Ant's sort: back to the hub's default order, by code.
            setSort(
              sorter.order
                ? { column: String(sorter.columnKey), order: sorter.order }
                : { column: 'code', order: 'ascend' },
            );
            restart();
          }}
          columns={[
            {
              title: t('资源代码', 'Code'),
              key: 'code',
              dataIndex: 'code',
              width: 170,
              sorter: true,
              sortOrder: sortOrder('code'),
              render: (code: string) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => open(code)} data-testid="open-detail">
                  {code}
                </Button>
              ),
            },
            {
              title: t('资源名称', 'Name'),
              key: 'name',
              dataIndex: 'name',
              sorter: true,
              sortOrder: sortOrder('name'),
            },
            {
              title: t('提供方', 'Provider'),
              dataIndex: 'providerName',
              render: (name: string | null, r) => name ?? r.providerUscc,
            },
            {
              title: t('共享类型', 'Sharing type'),
              dataIndex: 'sharingType',
              render: (v: SharingType) => <Badge status={SHARING_BADGE[v]} text={t(...SHARING_TYPE[v])} />,
            },
            {
              title: t('更新周期', 'Update cycle'),
              dataIndex: 'updateCycle',
              render: (c: UpdateCycle) => t(...UPDATE_CYCLE[c]),
            },
            {
              title: t('状态', 'Status'),
              dataIndex: 'status',
              render: (s: ResourceStatus) => <Badge status={STATUS_BADGE[s]} text={t(...STATUS[s])} />,
            },
            { title: t('版本', 'Version'), dataIndex: 'version', width: 70 },
            {
              title: t('更新时间', 'Updated'),
              key: 'updatedAt',
              dataIndex: 'updatedAt',
              width: 170,
              sorter: true,
              sortOrder: sortOrder('updatedAt'),
              render: (v: string) =>
                new Date(v).toLocaleString(t('zh-CN', 'en-GB'), {
                  timeZone: 'Asia/Shanghai',
                  dateStyle: 'short',
                  timeStyle: 'short',
                }),
            },
          ]}
        />
      </div>
      {selected ? (
        <CatalogDetail key={selected} code={selected} onClose={() => open(null)} onChanged={refresh} />
      ) : null}
      {drafting ? (
        <CatalogEditor
          onClose={() => setDrafting(false)}
          onSaved={(code) => {
            setDrafting(false);
            refresh();
            open(code);
          }}
        />
      ) : null}
    </Space>
  );
}
