// 授权与密钥: the sharing grants a steward answers for (its department's resources; every grant for
// a hub-wide steward or an admin), each revocable with a reason; and, for admins only, the
// departments, their systems and the keys (Keys.tsx). The hub decides again on every request.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Form, Input, Modal, Select, Space, Table, Tabs, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { execute } from '../api';
import { useCursorPages } from '../cursor-pages';
import { useParticipantNames } from '../departments';
import { ErrorNotice } from '../ErrorNotice';
import { graphql } from '../gql';
import type { SharingGrantPageQuery, SharingGrantStatus } from '../gql/graphql';
import { useT, type Translate } from '../i18n';
import { isAdmin, useSession } from '../session';
import { cst } from './sharing-common';

const Keys = lazy(() => import('./Keys'));

// One page of grants, newest first: the hub pages, filters and orders (sharingGrantPage); the
// console never holds more than a page, however many grants a department has answered for.
const SharingGrantPage = graphql(`
  query SharingGrantPage($filter: SharingGrantFilter, $first: Int!, $after: String) {
    sharingGrantPage(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        resourceCode
        providerUscc
        consumerSystemCode
        items
        purpose
        fullValues
        validFrom
        validTo
        status
        grantedAt
        revokedAt
        revokeReason
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PAGE_SIZE = 20;

const RevokeSharingGrant = graphql(`
  mutation RevokeSharingGrant($input: RevokeGrantInput!) {
    revokeSharingGrant(input: $input) {
      id
      status
      revokedAt
      revokeReason
    }
  }
`);

type Grant = SharingGrantPageQuery['sharingGrantPage']['nodes'][number];

export function grantStatus(
  t: Translate,
): Record<SharingGrantStatus, { label: string; status: 'success' | 'processing' | 'default' | 'error' }> {
  return {
    ACTIVE: { label: t('有效', 'Active'), status: 'success' },
    NOT_YET_VALID: { label: t('未生效', 'Not yet valid'), status: 'processing' },
    EXPIRED: { label: t('已过期', 'Expired'), status: 'default' },
    REVOKED: { label: t('已撤销', 'Revoked'), status: 'error' },
  };
}

function GrantList() {
  const t = useT();
  const queryClient = useQueryClient();
  const [systemCode, setSystemCode] = useState<string>();
  const [resourceCode, setResourceCode] = useState<string>();
  const [statusFilter, setStatusFilter] = useState<SharingGrantStatus>();
  const [revoking, setRevoking] = useState<Grant>();
  const [form] = Form.useForm<{ reason: string }>();
  // useCursorPages rather than usePagedQuery: a filter changes the list, and a cursor is only good
  // for its own list, so each filter restarts the pages.
  const pages = useCursorPages(PAGE_SIZE);
  const filter = { systemCode: systemCode || undefined, resourceCode: resourceCode || undefined, status: statusFilter };
  const grants = useQuery({
    queryKey: ['sharingGrantPage', filter, pages.after],
    queryFn: () => execute(SharingGrantPage, { filter, first: PAGE_SIZE, after: pages.after }),
    placeholderData: keepPreviousData,
  });
  const connection = grants.data?.sharingGrantPage;
  const total = pages.seen(connection?.pageInfo, connection?.nodes.length ?? 0, grants.isPlaceholderData);
  const revoke = useMutation({
    mutationFn: (input: { grantId: string; reason: string }) => execute(RevokeSharingGrant, { input }),
    onSuccess: async () => {
      setRevoking(undefined);
      form.resetFields();
      // The revoked grant stays where it was (the order is by granted_at): the same page, refreshed.
      await queryClient.invalidateQueries({ queryKey: ['sharingGrantPage'] });
    },
  });
  const status = grantStatus(t);
  const names = useParticipantNames();
  const close = () => {
    setRevoking(undefined);
    revoke.reset();
    form.resetFields();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          aria-label={t('按使用系统代码筛选', 'Filter by consumer system code')}
          placeholder={t('使用系统代码', 'Consumer system code')}
          allowClear
          data-testid="filter-system"
          onSearch={(value) => {
            setSystemCode(value.trim());
            pages.restart();
          }}
          style={{ width: 240 }}
        />
        <Input.Search
          aria-label={t('按资源代码筛选', 'Filter by resource code')}
          placeholder={t('资源代码，如 101003001/000001', 'Resource code, e.g. 101003001/000001')}
          allowClear
          data-testid="filter-resource"
          onSearch={(value) => {
            setResourceCode(value.trim());
            pages.restart();
          }}
          style={{ width: 300 }}
        />
        <Select<SharingGrantStatus>
          aria-label={t('按状态筛选', 'Filter by status')}
          placeholder={t('全部状态', 'All statuses')}
          allowClear
          data-testid="filter-status"
          style={{ width: 160 }}
          options={(Object.keys(status) as SharingGrantStatus[]).map((s) => ({ value: s, label: status[s].label }))}
          onChange={(value) => {
            setStatusFilter(value);
            pages.restart();
          }}
        />
      </Space>
      {grants.isError ? (
        <ErrorNotice error={grants.error} title={t('授权加载失败', 'The grants could not be loaded')} />
      ) : null}
      {/* Newest first, as the hub orders them: a column sorted here would sort one page of 20 only,
          so the columns have no sorters; the filters above narrow the list on the server. */}
      <Table<Grant>
        rowKey="id"
        data-testid="grants-table"
        loading={grants.isFetching ? { tip: t('正在加载授权…', 'Loading grants…') } : false}
        dataSource={connection?.nodes ?? []}
        locale={{
          emptyText: grants.isError ? (
            t('授权暂时无法显示', 'The grants cannot be shown for now')
          ) : (
            <Empty description={t('没有符合条件的授权', 'No grant matches')} />
          ),
        }}
        pagination={{
          current: pages.page,
          pageSize: PAGE_SIZE,
          total,
          showSizeChanger: false,
          onChange: pages.setPage,
        }}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t('使用系统', 'Consumer system'),
            dataIndex: 'consumerSystemCode',
            render: (code: string) => (
              <>
                {names.system(code)}
                {names.system(code) !== code ? <Typography.Text type="secondary">{` ${code}`}</Typography.Text> : null}
              </>
            ),
          },
          { title: t('资源', 'Resource'), dataIndex: 'resourceCode' },
          { title: t('授权时间', 'Granted'), dataIndex: 'grantedAt', width: 170, render: (at: string) => cst(at) },
          { title: t('信息项', 'Items'), dataIndex: 'items', render: (items: number[]) => items.join('、') },
          {
            title: t('完整值', 'Full values'),
            dataIndex: 'fullValues',
            render: (full: boolean) => (full ? t('是（不脱敏）', 'Yes (unmasked)') : t('否（脱敏）', 'No (masked)')),
          },
          {
            title: t('有效期', 'Valid'),
            key: 'validity',
            render: (_: unknown, g) => `${g.validFrom} – ${g.validTo}`,
          },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (s: SharingGrantStatus, g) => (
              <span data-testid="grant-status">
                <Badge status={status[s].status} text={status[s].label} />
                {g.revokeReason ? (
                  <Typography.Text type="secondary">{t('：', ': ') + g.revokeReason}</Typography.Text>
                ) : null}
              </span>
            ),
          },
          {
            title: t('操作', 'Action'),
            key: 'action',
            render: (_: unknown, g) =>
              g.status === 'REVOKED' || g.status === 'EXPIRED' ? null : (
                <Button size="small" data-testid="revoke-grant" onClick={() => setRevoking(g)}>
                  {t('撤销', 'Revoke')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!revoking}
        title={t('撤销授权', 'Revoke the grant')}
        okText={t('撤销授权', 'Revoke')}
        okButtonProps={{ loading: revoke.isPending, 'data-testid': 'confirm-revoke-grant' }}
        cancelText={t('取消', 'Cancel')}
        onCancel={close}
        onOk={() => revoking && revoke.mutate({ grantId: revoking.id, reason: form.getFieldValue('reason') ?? '' })}
        destroyOnHidden
      >
        {revoking ? (
          <Typography.Paragraph>
            {t(
              `撤销后 ${revoking.consumerSystemCode} 将在数秒内无法再读取 ${revoking.resourceCode} 的信息项 ${revoking.items.join('、')}。`,
              `Within seconds ${revoking.consumerSystemCode} can no longer read items ${revoking.items.join(', ')} of ${revoking.resourceCode}.`,
            )}
          </Typography.Paragraph>
        ) : null}
        <Form form={form} layout="vertical">
          {/* The reason is checked by the hub (REASON_REQUIRED), which explains a refusal below. */}
          <Form.Item name="reason" label={t('撤销理由', 'Reason')}>
            <Input.TextArea rows={3} data-testid="revoke-grant-reason" maxLength={2000} />
          </Form.Item>
        </Form>
        {revoke.isError ? (
          <ErrorNotice error={revoke.error} title={t('撤销未成功', 'The grant was not revoked')} />
        ) : null}
      </Modal>
    </Space>
  );
}

export default function Grants() {
  const t = useT();
  const session = useSession();
  const admin = isAdmin(session.data?.principal);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('授权与密钥', 'Grants and keys')}
      </Typography.Title>
      {admin ? (
        <Tabs
          destroyOnHidden
          items={[
            { key: 'grants', label: t('共享授权', 'Sharing grants'), children: <GrantList /> },
            {
              key: 'keys',
              label: <span data-testid="keys-tab">{t('部门、系统与密钥', 'Departments, systems and keys')}</span>,
              children: (
                <Suspense fallback={null}>
                  <Keys />
                </Suspense>
              ),
            },
          ]}
        />
      ) : (
        <GrantList />
      )}
    </Space>
  );
}
