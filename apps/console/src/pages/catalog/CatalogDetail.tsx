// One resource in full: its metadata and every data item with the sharing type it is shared under
// (the resource's: items have none of their own), its masking rule and data class; for the
// provider department's stewards, the lifecycle actions (edit, publish, retire), each confirmed
// with what it does to existing grants.
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Descriptions, Drawer, Empty, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { execute } from '../../api';
import { ErrorNotice } from '../../ErrorNotice';
import type { CatalogResourceDetailQuery } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { canEditFor } from './access';
import { CatalogEditor } from './CatalogEditor';
import { ConfirmChange, type PendingChange } from './ConfirmChange';
import {
  DATA_CLASS,
  DATA_ITEM_TYPE,
  FORMAT,
  MASKING,
  OPEN_ATTRIBUTE,
  SENSITIVITY,
  SHARING_BADGE,
  SHARING_METHOD,
  SHARING_TYPE,
  STATUS,
  STATUS_BADGE,
  UPDATE_CYCLE,
} from './labels';
import { CatalogResourceDetail, PublishCatalogResource, RetireCatalogResource } from './operations';

type Resource = NonNullable<CatalogResourceDetailQuery['catalogResource']>;
type Item = Resource['items'][number];

/** A short label kept on one line (the narrow columns of the items table would break it per character). */
const oneLine = (text: string) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;

export function CatalogDetail({
  code,
  onClose,
  onChanged,
}: {
  code: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useT();
  const principal = useSession().data?.principal;
  const [editing, setEditing] = useState(false);
  const [pending, setPending] = useState<PendingChange>();
  const query = useQuery({
    queryKey: ['catalogResource', code],
    queryFn: () => execute(CatalogResourceDetail, { code }),
  });
  const resource = query.data?.catalogResource ?? undefined;
  const editable = !!resource && resource.status !== 'RETIRED' && canEditFor(principal, resource.providerUscc);
  const changed = () => {
    void query.refetch();
    onChanged();
  };
  const lifecycle = (kind: 'PUBLISH' | 'RETIRE', r: Resource) =>
    setPending({
      kind,
      code: r.code,
      name: r.name,
      itemNames: new Map(r.items.map((i) => [i.no, i.name])),
      run: () =>
        kind === 'PUBLISH'
          ? execute(PublishCatalogResource, {
              code: r.code,
              expectedVersion: r.version,
            })
          : execute(RetireCatalogResource, {
              code: r.code,
              expectedVersion: r.version,
            }),
    });

  return (
    <Drawer
      open
      size={880}
      title={resource ? `${resource.code} ${resource.name}` : code}
      onClose={onClose}
      closable={{ 'aria-label': t('关闭', 'Close') }}
      extra={
        editable ? (
          <Space>
            <Button onClick={() => setEditing(true)} data-testid="catalog-edit-open">
              {t('编辑', 'Edit')}
            </Button>
            {resource.status === 'DRAFT' ? (
              <Button type="primary" onClick={() => lifecycle('PUBLISH', resource)} data-testid="catalog-publish">
                {t('发布…', 'Publish…')}
              </Button>
            ) : null}
            {resource.status === 'PUBLISHED' ? (
              <Button danger onClick={() => lifecycle('RETIRE', resource)} data-testid="catalog-retire">
                {t('停用…', 'Retire…')}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {/* Focusable, so that a keyboard can scroll a long resource (axe: scrollable-region-focusable). */}
      <div data-testid="catalog-detail" tabIndex={0} role="region" aria-label={t('资源详情', 'Resource details')}>
        {query.isPending ? (
          <Spin tip={t('正在加载资源…', 'Loading the resource…')}>
            <div style={{ height: 64 }} />
          </Spin>
        ) : null}
        {query.isError ? (
          <ErrorNotice error={query.error} title={t('资源加载失败', 'The resource could not be loaded')} />
        ) : null}
        {query.isSuccess && !resource ? (
          <Empty description={t('目录中没有这个资源', 'The catalog has no such resource')} />
        ) : null}
        {resource ? (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <div data-testid="catalog-detail-meta">
              <Descriptions size="small" bordered column={2} styles={{ label: { whiteSpace: 'nowrap' } }}>
                <Descriptions.Item label={t('资源名称', 'Name')} span={2}>
                  {resource.name}
                </Descriptions.Item>
                <Descriptions.Item label={t('资源代码', 'Code')}>{resource.code}</Descriptions.Item>
                <Descriptions.Item label={t('状态', 'Status')}>
                  <Badge status={STATUS_BADGE[resource.status]} text={t(...STATUS[resource.status])} />
                </Descriptions.Item>
                <Descriptions.Item label={t('提供方', 'Provider')}>
                  {resource.providerName ?? resource.providerUscc}
                </Descriptions.Item>
                <Descriptions.Item label={t('版本', 'Version')}>{resource.version}</Descriptions.Item>
                <Descriptions.Item label={t('共享类型', 'Sharing type')}>
                  <Badge status={SHARING_BADGE[resource.sharingType]} text={t(...SHARING_TYPE[resource.sharingType])} />
                </Descriptions.Item>
                <Descriptions.Item label={t('共享方式', 'Sharing method')}>
                  {t(...SHARING_METHOD[resource.sharingMethod])}
                </Descriptions.Item>
                <Descriptions.Item label={t('更新周期', 'Update cycle')}>
                  {t(...UPDATE_CYCLE[resource.updateCycle])}
                </Descriptions.Item>
                <Descriptions.Item label={t('资源格式', 'Format')}>{t(...FORMAT[resource.format])}</Descriptions.Item>
                <Descriptions.Item label={t('开放属性', 'Open to the public')}>
                  {t(...OPEN_ATTRIBUTE[resource.openAttribute])}
                </Descriptions.Item>
                <Descriptions.Item label={t('发布日期', 'Published on')}>
                  {resource.publishedOn ?? t('未发布', 'Not published')}
                </Descriptions.Item>
                <Descriptions.Item label={t('摘要', 'Summary')} span={2}>
                  {resource.summary}
                </Descriptions.Item>
                {resource.sharingConditions ? (
                  <Descriptions.Item label={t('共享条件', 'Sharing conditions')} span={2}>
                    {resource.sharingConditions}
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            </div>
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              {t(`数据项（${resource.items.length}）`, `Data items (${resource.items.length})`)}
            </Typography.Title>
            <div data-testid="catalog-items">
              <Table<Item>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={resource.items}
                columns={[
                  { title: oneLine(t('序号', 'No.')), dataIndex: 'no', width: 60 },
                  { title: t('名称', 'Name'), dataIndex: 'name' },
                  {
                    title: oneLine(t('类型', 'Type')),
                    dataIndex: 'dataType',
                    render: (v: Item['dataType']) => oneLine(t(...DATA_ITEM_TYPE[v])),
                  },
                  // Items are shared under their resource's sharing type.
                  {
                    title: oneLine(t('共享类型', 'Sharing type')),
                    render: () => oneLine(t(...SHARING_TYPE[resource.sharingType])),
                  },
                  {
                    title: oneLine(t('敏感程度', 'Sensitivity')),
                    dataIndex: 'sensitivity',
                    render: (v: Item['sensitivity']) => oneLine(t(...SENSITIVITY[v])),
                  },
                  {
                    title: t('脱敏规则', 'Masking rule'),
                    dataIndex: 'masking',
                    render: (v: Item['masking'], item) => (
                      <span data-testid="item-masking">
                        {v ? t(...MASKING[v]) : t('不脱敏', 'None')}
                        {v && item.maskUnless ? (
                          <Typography.Text type="secondary">
                            {t(
                              `（${item.maskUnless.field} 为 ${item.maskUnless.values.join('、')} 时不脱敏）`,
                              ` (not when ${item.maskUnless.field} is ${item.maskUnless.values.join(', ')})`,
                            )}
                          </Typography.Text>
                        ) : null}
                      </span>
                    ),
                  },
                  {
                    title: oneLine(t('数据分类', 'Data class')),
                    dataIndex: 'dataClass',
                    render: (v: Item['dataClass']) => oneLine(v ? t(...DATA_CLASS[v]) : t('未分类', 'Not classified')),
                  },
                  {
                    title: t('对应字段', 'Fields'),
                    dataIndex: 'fields',
                    render: (v: string[]) => <Typography.Text code>{v.join(', ')}</Typography.Text>,
                  },
                ]}
              />
            </div>
          </Space>
        ) : null}
      </div>
      {editing && resource ? (
        <CatalogEditor
          resource={resource}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            changed();
          }}
        />
      ) : null}
      {pending ? (
        <ConfirmChange
          change={pending}
          onClose={() => setPending(undefined)}
          onDone={() => {
            setPending(undefined);
            changed();
          }}
        />
      ) : null}
    </Drawer>
  );
}
