// 部门、系统与密钥 (admins only; the hub refuses anyone else): the departments and their systems, the
// keys (never their secrets — the hub keeps only a hash), issuing a key and revoking one.
// An issued key is shown once, in a modal; when it closes, the key is dropped: the mutation's
// result is reset and garbage-collected at once (gcTime 0), and it never reaches storage or the URL.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, DatePicker, Empty, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { execute } from '../api';
import { useCursorPages } from '../cursor-pages';
import { useDepartments } from '../departments';
import { ErrorNotice } from '../ErrorNotice';
import { graphql } from '../gql';
import type { ApiKeyPageQuery, ApiKeyStatus, DepartmentsQuery, HubRole } from '../gql/graphql';
import { useT } from '../i18n';

// Keys a page at a time, newest first: revoked and expired keys stay listed for good (who held
// access when), so the list grows with every key rotated and is paged by the hub, not here.
const ApiKeyPage = graphql(`
  query ApiKeyPage($filter: ApiKeyFilter, $first: Int!, $after: String) {
    apiKeyPage(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        roles
        departmentUscc
        systemCode
        holderName
        issuedAt
        expiresAt
        status
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

const IssueApiKey = graphql(`
  mutation IssueApiKey($input: IssueApiKeyInput!) {
    issueApiKey(input: $input) {
      key
      apiKey {
        id
        holderName
      }
    }
  }
`);

const RegisterSystem = graphql(`
  mutation RegisterSystem($input: RegisterSystemInput!) {
    registerSystem(input: $input) {
      code
      name
      departmentUscc
    }
  }
`);

const RevokeApiKey = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      id
      status
    }
  }
`);

type Department = DepartmentsQuery['departments'][number];
type Key = ApiKeyPageQuery['apiKeyPage']['nodes'][number];

interface IssueForm {
  holderName: string;
  roles: HubRole[];
  departmentUscc?: string;
  systemCode?: string;
  expiresOn?: { format: (f: string) => string };
}

export default function Keys() {
  const t = useT();
  const queryClient = useQueryClient();
  const departments = useDepartments();
  const [departmentFilter, setDepartmentFilter] = useState<string>();
  const [statusFilter, setStatusFilter] = useState<ApiKeyStatus>();
  // A filter changes the list, and a cursor is only good for its own list: each filter restarts the pages.
  const pages = useCursorPages(PAGE_SIZE);
  const keyFilter = { departmentUscc: departmentFilter, status: statusFilter };
  const keys = useQuery({
    queryKey: ['apiKeyPage', keyFilter, pages.after],
    queryFn: () => execute(ApiKeyPage, { filter: keyFilter, first: PAGE_SIZE, after: pages.after }),
    placeholderData: keepPreviousData,
  });
  const keyConnection = keys.data?.apiKeyPage;
  const keyTotal = pages.seen(keyConnection?.pageInfo, keyConnection?.nodes.length ?? 0, keys.isPlaceholderData);
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<Key>();
  const [issueForm] = Form.useForm<IssueForm>();
  const [revokeForm] = Form.useForm<{ reason: string }>();
  const [registering, setRegistering] = useState(false);
  const [systemForm] = Form.useForm<{ departmentUscc: string; code: string; name: string }>();
  const register = useMutation({
    mutationFn: (values: { departmentUscc?: string; code?: string; name?: string }) =>
      execute(RegisterSystem, {
        input: {
          departmentUscc: values.departmentUscc ?? '',
          code: (values.code ?? '').trim(),
          name: (values.name ?? '').trim(),
        },
      }),
    onSuccess: async () => {
      closeRegister();
      await queryClient.invalidateQueries({ queryKey: ['departments'] });
    },
  });
  const closeRegister = () => {
    setRegistering(false);
    register.reset();
    systemForm.resetFields();
  };
  // gcTime 0: once reset, the result holding the whole key is dropped from the mutation cache too.
  const issue = useMutation({
    gcTime: 0,
    mutationFn: (values: IssueForm) =>
      execute(IssueApiKey, {
        input: {
          holderName: values.holderName ?? '',
          roles: values.roles ?? [],
          departmentUscc: values.departmentUscc || undefined,
          systemCode: values.systemCode || undefined,
          expiresOn: values.expiresOn ? values.expiresOn.format('YYYY-MM-DD') : undefined,
        },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['apiKeyPage'] }),
  });
  const revoke = useMutation({
    mutationFn: (input: { id: string; reason: string }) => execute(RevokeApiKey, { input }),
    onSuccess: async () => {
      setRevoking(undefined);
      revokeForm.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['apiKeyPage'] });
    },
  });
  const closeIssue = () => {
    setIssuing(false);
    issue.reset();
    issueForm.resetFields();
  };
  const closeRevoke = () => {
    setRevoking(undefined);
    revoke.reset();
    revokeForm.resetFields();
  };
  const departmentName = new Map((departments.data?.departments ?? []).map((d) => [d.uscc, d.name]));
  const systems = (departments.data?.departments ?? []).flatMap((d) =>
    d.systems.map((s) => ({ value: s.code, label: `${s.name}（${s.code}）` })),
  );
  const KEY_STATUS: Record<ApiKeyStatus, { label: string; status: 'success' | 'default' | 'error' }> = {
    ACTIVE: { label: t('有效', 'Active'), status: 'success' },
    EXPIRED: { label: t('已过期', 'Expired'), status: 'default' },
    REVOKED: { label: t('已吊销', 'Revoked'), status: 'error' },
  };
  const ROLE: Record<HubRole, string> = {
    SYSTEM: t('部门系统', 'System'),
    STEWARD: t('数据管理员', 'Steward'),
    ADMIN: t('管理员', 'Admin'),
  };
  const issued = issue.data?.issueApiKey;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="admin-section">
      <section aria-labelledby="departments-heading">
        <Space style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Title level={2} style={{ fontSize: 18 }} id="departments-heading">
            {t('部门与系统', 'Departments and systems')}
          </Typography.Title>
          <Button data-testid="register-system" onClick={() => setRegistering(true)}>
            {t('登记系统', 'Register a system')}
          </Button>
        </Space>
        {departments.isError ? (
          <ErrorNotice error={departments.error} title={t('部门加载失败', 'The departments could not be loaded')} />
        ) : null}
        {/* Every department of the hub, with its systems: a short list (the departments of one city). */}
        <Table<Department>
          rowKey="uscc"
          size="small"
          data-testid="departments-table"
          loading={departments.isFetching}
          dataSource={departments.data?.departments ?? []}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          locale={{ emptyText: <Empty description={t('尚无部门', 'No department yet')} /> }}
          columns={[
            { title: t('部门', 'Department'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name) },
            { title: t('统一社会信用代码', 'USCC'), dataIndex: 'uscc' },
            { title: t('行政区划', 'Division'), dataIndex: 'divisionCode' },
            {
              title: t('系统', 'Systems'),
              key: 'systems',
              render: (_: unknown, d) => d.systems.map((s) => `${s.name}（${s.code}）`).join('；') || t('无', 'None'),
            },
          ]}
        />
      </section>
      <section aria-labelledby="keys-heading">
        <Space style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Title level={2} style={{ fontSize: 18 }} id="keys-heading">
            {t('密钥', 'Keys')}
          </Typography.Title>
          <Button type="primary" data-testid="issue-key" onClick={() => setIssuing(true)}>
            {t('签发密钥', 'Issue a key')}
          </Button>
        </Space>
        {keys.isError ? (
          <ErrorNotice error={keys.error} title={t('密钥加载失败', 'The keys could not be loaded')} />
        ) : null}
        <Space wrap>
          <Select<string>
            aria-label={t('按部门筛选密钥', 'Filter keys by department')}
            placeholder={t('全部部门', 'All departments')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="key-filter-department"
            style={{ width: 260 }}
            options={(departments.data?.departments ?? []).map((d) => ({ value: d.uscc, label: d.name }))}
            onChange={(value) => {
              setDepartmentFilter(value);
              pages.restart();
            }}
          />
          <Select<ApiKeyStatus>
            aria-label={t('按状态筛选密钥', 'Filter keys by status')}
            placeholder={t('全部状态', 'All statuses')}
            allowClear
            data-testid="key-filter-status"
            style={{ width: 160 }}
            options={(Object.keys(KEY_STATUS) as ApiKeyStatus[]).map((s) => ({ value: s, label: KEY_STATUS[s].label }))}
            onChange={(value) => {
              setStatusFilter(value);
              pages.restart();
            }}
          />
        </Space>
        {/* Newest first, as the hub orders them: a column sorted here would sort one page only, so the columns have no sorters. */}
        <Table<Key>
          rowKey="id"
          size="small"
          data-testid="keys-table"
          loading={keys.isFetching}
          dataSource={keyConnection?.nodes ?? []}
          pagination={{
            current: pages.page,
            pageSize: PAGE_SIZE,
            total: keyTotal,
            showSizeChanger: false,
            onChange: pages.setPage,
          }}
          locale={{
            emptyText: keys.isError ? (
              t('密钥暂时无法显示', 'The keys cannot be shown for now')
            ) : (
              <Empty
                description={
                  departmentFilter || statusFilter
                    ? t('没有符合条件的密钥', 'No key matches')
                    : t('尚无密钥', 'No key yet')
                }
              />
            ),
          }}
          columns={[
            { title: t('持有人', 'Holder'), dataIndex: 'holderName' },
            {
              title: t('角色', 'Roles'),
              dataIndex: 'roles',
              render: (roles: HubRole[]) => roles.map((r) => ROLE[r]).join('、'),
            },
            {
              title: t('部门', 'Department'),
              dataIndex: 'departmentUscc',
              render: (uscc: string | null) => (uscc ? (departmentName.get(uscc) ?? uscc) : t('全平台', 'Hub-wide')),
            },
            { title: t('系统', 'System'), dataIndex: 'systemCode', render: (c: string | null) => c ?? '—' },
            {
              title: t('签发时间', 'Issued'),
              dataIndex: 'issuedAt',
              render: (d: string) => new Date(d).toLocaleString(),
            },
            {
              title: t('到期', 'Expires'),
              dataIndex: 'expiresAt',
              render: (d: string) => new Date(d).toLocaleDateString(),
            },
            {
              title: t('状态', 'Status'),
              dataIndex: 'status',
              render: (s: ApiKeyStatus, k) => (
                <span data-testid="key-status">
                  <Badge status={KEY_STATUS[s].status} text={KEY_STATUS[s].label} />
                  {k.revokeReason ? (
                    <Typography.Text type="secondary">{t('：', ': ') + k.revokeReason}</Typography.Text>
                  ) : null}
                </span>
              ),
            },
            {
              title: t('操作', 'Action'),
              key: 'action',
              render: (_: unknown, k) =>
                k.status === 'ACTIVE' ? (
                  <Button size="small" data-testid="revoke-key" onClick={() => setRevoking(k)}>
                    {t('吊销', 'Revoke')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </section>

      <Modal
        open={issuing}
        title={
          issued ? t('密钥已签发：只显示这一次', 'Key issued: shown this once only') : t('签发密钥', 'Issue a key')
        }
        onCancel={closeIssue}
        destroyOnHidden
        maskClosable={false}
        footer={
          issued ? (
            <Button type="primary" data-testid="close-issued-key" onClick={closeIssue}>
              {t('我已妥善保存，关闭', 'I have stored it safely: close')}
            </Button>
          ) : (
            <Space>
              <Button onClick={closeIssue}>{t('取消', 'Cancel')}</Button>
              <Button
                type="primary"
                loading={issue.isPending}
                data-testid="confirm-issue-key"
                onClick={() => issue.mutate(issueForm.getFieldsValue())}
              >
                {t('签发', 'Issue')}
              </Button>
            </Space>
          )
        }
      >
        {issued ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert
              type="warning"
              showIcon
              title={t(
                '请立即复制并交给持有人。关闭此窗口后平台不再显示该密钥（平台只保存其摘要），遗失只能吊销后重新签发。',
                'Copy it now and hand it to its holder. Once this window closes the hub cannot show it again (it keeps only a hash): a lost key is revoked and a new one issued.',
              )}
            />
            <Typography.Text>
              {t(`持有人：${issued.apiKey.holderName}`, `Holder: ${issued.apiKey.holderName}`)}
            </Typography.Text>
            <Typography.Paragraph
              copyable={{ text: issued.key, tooltips: [t('复制密钥', 'Copy the key'), t('已复制', 'Copied')] }}
              code
              data-testid="issued-key"
              style={{ wordBreak: 'break-all' }}
            >
              {issued.key}
            </Typography.Paragraph>
          </Space>
        ) : (
          <Form form={issueForm} layout="vertical" initialValues={{ roles: ['SYSTEM'] }}>
            <Form.Item name="holderName" label={t('持有人（系统名称或人员）', 'Holder (a system name or a person)')}>
              <Input data-testid="issue-holder" maxLength={200} />
            </Form.Item>
            <Form.Item name="roles" label={t('角色', 'Roles')}>
              <Select
                mode="multiple"
                aria-label={t('角色', 'Roles')}
                options={(['SYSTEM', 'STEWARD', 'ADMIN'] as HubRole[]).map((r) => ({ value: r, label: ROLE[r] }))}
              />
            </Form.Item>
            <Form.Item name="systemCode" label={t('系统（部门系统密钥必填）', 'System (required for a system key)')}>
              <Select
                aria-label={t('系统', 'System')}
                data-testid="issue-system"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={systems}
              />
            </Form.Item>
            <Form.Item
              name="departmentUscc"
              label={t('所属部门（数据管理员；不填为全平台）', 'Department (a steward; none: hub-wide)')}
            >
              <Select
                aria-label={t('所属部门', 'Department')}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={(departments.data?.departments ?? []).map((d) => ({ value: d.uscc, label: d.name }))}
              />
            </Form.Item>
            <Form.Item name="expiresOn" label={t('最后有效日（不填为一年）', 'Last day it works (default: one year)')}>
              <DatePicker aria-label={t('最后有效日', 'Last day it works')} />
            </Form.Item>
            {issue.isError ? (
              <ErrorNotice error={issue.error} title={t('签发未成功', 'The key was not issued')} />
            ) : null}
          </Form>
        )}
      </Modal>

      <Modal
        open={registering}
        title={t('登记部门系统', "Register a department's system")}
        okText={t('登记', 'Register')}
        okButtonProps={{ loading: register.isPending, 'data-testid': 'confirm-register-system' }}
        cancelText={t('取消', 'Cancel')}
        onCancel={closeRegister}
        onOk={() => register.mutate(systemForm.getFieldsValue())}
        destroyOnHidden
      >
        <Form form={systemForm} layout="vertical">
          <Form.Item name="departmentUscc" label={t('所属部门', 'Department')}>
            <Select
              aria-label={t('所属部门', 'Department')}
              showSearch={{ optionFilterProp: 'label' }}
              options={(departments.data?.departments ?? []).map((d) => ({ value: d.uscc, label: d.name }))}
            />
          </Form.Item>
          <Form.Item
            name="code"
            label={t(
              '系统代码（小写字母、数字和连字符，如 fs-hrss-social）',
              'System code (lower-case letters, digits and dashes, e.g. fs-hrss-social)',
            )}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="name" label={t('系统名称', 'System name')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
        {register.isError ? (
          <ErrorNotice error={register.error} title={t('系统未登记', 'The system was not registered')} />
        ) : null}
      </Modal>

      <Modal
        open={!!revoking}
        title={t('吊销密钥', 'Revoke the key')}
        okText={t('吊销', 'Revoke')}
        okButtonProps={{ loading: revoke.isPending, 'data-testid': 'confirm-revoke-key' }}
        cancelText={t('取消', 'Cancel')}
        onCancel={closeRevoke}
        onOk={() => revoking && revoke.mutate({ id: revoking.id, reason: revokeForm.getFieldValue('reason') ?? '' })}
        destroyOnHidden
      >
        {revoking ? (
          <Typography.Paragraph>
            {t(
              `吊销后「${revoking.holderName}」的密钥将在数秒内被拒绝。`,
              `Within seconds the key of "${revoking.holderName}" is refused.`,
            )}
          </Typography.Paragraph>
        ) : null}
        <Form form={revokeForm} layout="vertical">
          <Form.Item name="reason" label={t('吊销理由', 'Reason')}>
            <Input.TextArea rows={3} data-testid="revoke-key-reason" maxLength={2000} />
          </Form.Item>
        </Form>
        {revoke.isError ? (
          <ErrorNotice error={revoke.error} title={t('吊销未成功', 'The key was not revoked')} />
        ) : null}
      </Modal>
    </Space>
  );
}
