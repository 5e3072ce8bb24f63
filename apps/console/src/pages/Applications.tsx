// 共享申请: the sharing applications of the steward's department. Its inbox (the applications for
// the data it provides, undecided, with the working days left to answer) where it approves all or
// some of the items asked for, or rejects with the reason; the decisions taken (who, what, when,
// why); and the applications its own systems made, which it submits on their behalf and may
// withdraw while undecided. Lists are paginated on the server (cursors), newest first; the hub
// decides again on every request what the steward may see and do.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Typography,
  type ButtonProps,
} from 'antd';
import { useState } from 'react';
import { execute } from '../api';
import { ErrorNotice } from '../ErrorNotice';
import { graphql } from '../gql';
import type { SharingApplicationSide, SharingApplicationStatus, SharingApplicationsQuery } from '../gql/graphql';
import { useT } from '../i18n';
import { useSession } from '../session';
import { useCursorPages } from '../cursor-pages';
import { DeadlineText, STATUSES, StatusBadge, cst, statusLabel } from './sharing-common';
import { useDepartmentName, useDepartments } from '../departments';

const SharingApplications = graphql(`
  query SharingApplications($filter: SharingApplicationFilter, $first: Int!, $after: String) {
    sharingApplications(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        resourceCode
        providerUscc
        consumerSystemCode
        consumerDepartmentUscc
        items
        purpose
        legalBasis
        requestedFrom
        requestedTo
        fullValues
        status
        submittedAt
        deadline
        deadlineProvisional
        overdue
        workingDaysLeft
        decidedAt
        decidedBy
        decisionReason
        approvedItems
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const SharingApplicationDetail = graphql(`
  query SharingApplicationDetail($id: ID!) {
    sharingApplication(id: $id) {
      id
      resourceCode
      providerUscc
      consumerSystemCode
      consumerDepartmentUscc
      items
      purpose
      legalBasis
      requestedFrom
      requestedTo
      fullValues
      status
      submittedAt
      deadline
      deadlineProvisional
      deadlineChanges {
        previousDeadline
        deadline
        changedAt
      }
      overdue
      workingDaysLeft
      decidedAt
      decidedBy
      decisionReason
      approvedItems
      grantId
    }
  }
`);

const ApplicationResource = graphql(`
  query ApplicationResource($code: String!) {
    catalogResource(code: $code) {
      code
      name
      items {
        no
        name
      }
    }
  }
`);

const ConditionalResources = graphql(`
  query ConditionalResources {
    searchCatalog(filter: { sharingType: CONDITIONAL }, first: 100) {
      nodes {
        code
        name
        providerUscc
        items {
          no
          name
        }
      }
    }
  }
`);

const ApproveApplication = graphql(`
  mutation ApproveApplication($input: ApproveSharingInput!) {
    approveSharingApplication(input: $input) {
      id
      status
    }
  }
`);

const RejectApplication = graphql(`
  mutation RejectApplication($input: RejectSharingInput!) {
    rejectSharingApplication(input: $input) {
      id
      status
    }
  }
`);

const WithdrawApplication = graphql(`
  mutation WithdrawApplication($id: ID!) {
    withdrawSharingApplication(id: $id) {
      id
      status
    }
  }
`);

const ApplyForSharing = graphql(`
  mutation ApplyForSharing($input: ApplyForSharingInput!) {
    applyForSharing(input: $input) {
      id
      status
    }
  }
`);

type Application = SharingApplicationsQuery['sharingApplications']['nodes'][number];

const PAGE_SIZE = 20;

type View = 'inbox' | 'history' | 'mine';

export default function Applications() {
  const t = useT();
  const principal = useSession().data?.principal;
  // Only a department's steward applies for, and follows, its systems' applications.
  const applies = !!principal?.roles.includes('STEWARD') && principal.departmentUscc !== null;
  const [view, setView] = useState<View>('inbox');
  const [open, setOpen] = useState<{ id: string; decide: boolean } | null>(null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('共享申请', 'Sharing applications')}
      </Typography.Title>
      <Tabs
        activeKey={view}
        onChange={(key) => setView(key as View)}
        items={[
          { key: 'inbox', label: <span data-testid="tab-inbox">{t('待审批', 'To decide')}</span> },
          { key: 'history', label: <span data-testid="tab-history">{t('审批记录', 'Decisions')}</span> },
          ...(applies
            ? [
                {
                  key: 'mine',
                  label: <span data-testid="tab-mine">{t('本部门提出的申请', "Our department's applications")}</span>,
                },
              ]
            : []),
        ]}
      />
      {/* One list per view, each with its own filters and cursors. */}
      <ApplicationList key={view} view={view} onOpen={(id, decide) => setOpen({ id, decide })} />
      {open ? <ApplicationDrawer id={open.id} decide={open.decide} onClose={() => setOpen(null)} /> : null}
    </Space>
  );
}

function ApplicationList({ view, onOpen }: { view: View; onOpen: (id: string, decide: boolean) => void }) {
  const t = useT();
  const departmentName = useDepartmentName();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SharingApplicationStatus>();
  const [resourceCode, setResourceCode] = useState<string>();
  const [applying, setApplying] = useState(false);
  const pages = useCursorPages(PAGE_SIZE);
  // Only stewards decide (an admin manages keys): others get the details, not the decision form.
  const decides = !!useSession().data?.principal.roles.includes('STEWARD');
  const side: SharingApplicationSide = view === 'mine' ? 'CONSUMER' : 'PROVIDER';
  const filter = {
    side,
    status: view === 'inbox' ? ('SUBMITTED' as const) : status,
    resourceCode: resourceCode || undefined,
  };
  const query = useQuery({
    queryKey: ['sharingApplications', filter, pages.after],
    queryFn: () => execute(SharingApplications, { filter, first: PAGE_SIZE, after: pages.after }),
    placeholderData: keepPreviousData,
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => execute(WithdrawApplication, { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sharingApplications'] }),
  });
  // Names of the conditional resources (one cached query, shared with the apply form); a full-values application of another resource shows its code only.
  const resources = useQuery({
    queryKey: ['conditionalResources'],
    queryFn: () => execute(ConditionalResources),
    staleTime: 60_000,
  });
  const resourceName = (code: string) => resources.data?.searchCatalog.nodes.find((r) => r.code === code)?.name;
  const connection = query.data?.sharingApplications;
  const total = pages.seen(connection?.pageInfo, connection?.nodes.length ?? 0, query.isPlaceholderData);

  const resourceColumn = {
    title: t('资源', 'Resource'),
    dataIndex: 'resourceCode',
    width: 170,
    render: (code: string) => (
      <Space orientation="vertical" size={0}>
        <span>{code}</span>
        {resourceName(code) ? <span>{resourceName(code)}</span> : null}
      </Space>
    ),
  };
  const applicantColumn = {
    title: t('申请系统 / 部门', 'Applying system / department'),
    key: 'applicant',
    render: (_: unknown, a: Application) => (
      <Space orientation="vertical" size={0}>
        <span>{a.consumerSystemCode}</span>
        <span>{departmentName(a.consumerDepartmentUscc)}</span>
      </Space>
    ),
  };
  const itemsColumn = {
    title: t('数据项', 'Items'),
    dataIndex: 'items',
    render: (items: number[]) => items.join('、'),
  };
  const detailButton = (a: Application, decide: boolean) => (
    <Button
      size="small"
      type={decide ? 'primary' : 'default'}
      data-testid={`${decide ? 'review' : 'detail'}-${a.id}`}
      onClick={() => onOpen(a.id, decide)}
    >
      {decide ? t('审批', 'Decide') : t('详情', 'Details')}
    </Button>
  );
  const columns =
    view === 'inbox'
      ? [
          resourceColumn,
          applicantColumn,
          itemsColumn,
          { title: t('用途', 'Purpose'), dataIndex: 'purpose', ellipsis: true },
          { title: t('依据', 'Legal basis'), dataIndex: 'legalBasis', ellipsis: true },
          {
            title: t('使用期限', 'Period'),
            key: 'period',
            render: (_: unknown, a: Application) => `${a.requestedFrom} ~ ${a.requestedTo}`,
          },
          {
            title: t('完整值', 'Full values'),
            dataIndex: 'fullValues',
            width: 80,
            render: (v: boolean) => (v ? t('是', 'Yes') : t('否', 'No')),
          },
          {
            title: t('答复期限', 'Deadline'),
            key: 'deadline',
            width: 190,
            render: (_: unknown, a: Application) => <DeadlineText a={a} />,
          },
          {
            title: t('操作', 'Actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, a: Application) => detailButton(a, decides),
          },
        ]
      : view === 'history'
        ? [
            resourceColumn,
            applicantColumn,
            {
              title: t('状态', 'Status'),
              dataIndex: 'status',
              width: 110,
              render: (s: SharingApplicationStatus) => <StatusBadge status={s} />,
            },
            {
              title: t('批准的数据项', 'Items approved'),
              dataIndex: 'approvedItems',
              render: (items: number[] | null, a: Application) =>
                items ? items.join('、') : a.status === 'SUBMITTED' ? '—' : t('无', 'None'),
            },
            { title: t('处理人', 'Decided by'), dataIndex: 'decidedBy', render: (v: string | null) => v ?? '—' },
            { title: t('处理时间', 'Decided at'), dataIndex: 'decidedAt', render: (v: string | null) => cst(v) },
            {
              title: t('理由', 'Reason'),
              dataIndex: 'decisionReason',
              ellipsis: true,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('操作', 'Actions'),
              key: 'actions',
              width: 90,
              render: (_: unknown, a: Application) => detailButton(a, decides && a.status === 'SUBMITTED'),
            },
          ]
        : [
            resourceColumn,
            { title: t('申请系统', 'Applying system'), dataIndex: 'consumerSystemCode' },
            {
              title: t('提供部门', 'Provider'),
              dataIndex: 'providerUscc',
              render: (uscc: string) => departmentName(uscc),
            },
            itemsColumn,
            {
              title: t('状态', 'Status'),
              dataIndex: 'status',
              width: 110,
              render: (s: SharingApplicationStatus) => <StatusBadge status={s} />,
            },
            {
              title: t('答复期限', 'Deadline'),
              key: 'deadline',
              width: 190,
              render: (_: unknown, a: Application) => <DeadlineText a={a} />,
            },
            {
              title: t('操作', 'Actions'),
              key: 'actions',
              width: 150,
              render: (_: unknown, a: Application) => (
                <Space>
                  {detailButton(a, false)}
                  {a.status === 'SUBMITTED' ? (
                    <Popconfirm
                      title={t('撤回这份申请？', 'Withdraw this application?')}
                      okText={t('撤回', 'Withdraw')}
                      cancelText={t('取消', 'Cancel')}
                      okButtonProps={{ 'data-testid': 'confirm-withdraw' } as ButtonProps}
                      // antd awaits the promise onConfirm returns (its OK button spins until the withdrawal
                      // is answered), though its type says void.
                      // eslint-disable-next-line @typescript-eslint/no-misused-promises
                      onConfirm={() => withdraw.mutateAsync(a.id).catch(() => undefined)}
                    >
                      <Button size="small" data-testid={`withdraw-${a.id}`}>
                        {t('撤回', 'Withdraw')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ),
            },
          ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {view !== 'inbox' ? (
          <Select<SharingApplicationStatus>
            aria-label={t('状态', 'Status')}
            placeholder={t('全部状态', 'All statuses')}
            allowClear
            style={{ width: 160 }}
            options={STATUSES.map((s) => ({ value: s, label: statusLabel(s, t) }))}
            onChange={(value) => {
              setStatus(value);
              pages.restart();
            }}
          />
        ) : null}
        <Input.Search
          aria-label={t('按资源代码筛选', 'Filter by resource code')}
          placeholder={t('资源代码，如 101003001/000001', 'Resource code, e.g. 101003001/000001')}
          allowClear
          style={{ width: 300 }}
          onSearch={(value) => {
            setResourceCode(value.trim());
            pages.restart();
          }}
        />
        {view === 'mine' ? (
          <Button type="primary" data-testid="new-application" onClick={() => setApplying(true)}>
            {t('提出申请', 'Apply')}
          </Button>
        ) : null}
      </Space>
      {query.isError ? (
        <ErrorNotice error={query.error} title={t('申请列表加载失败', 'The applications could not be loaded')} />
      ) : null}
      {withdraw.isError ? (
        <ErrorNotice error={withdraw.error} title={t('撤回失败', 'The application was not withdrawn')} />
      ) : null}
      <Table<Application>
        rowKey="id"
        data-testid={`applications-${view}`}
        loading={query.isFetching ? { tip: t('正在加载申请…', 'Loading applications…') } : false}
        dataSource={connection?.nodes ?? []}
        scroll={{ x: 1200 }}
        locale={{
          emptyText: query.isError ? (
            t('申请暂时无法显示', 'The applications cannot be shown for now')
          ) : (
            <Empty
              description={
                view === 'inbox'
                  ? t('没有待审批的申请', 'No application is waiting for your decision')
                  : view === 'history'
                    ? t('没有符合条件的申请', 'No application matches')
                    : t('本部门的系统还没有提出申请', "Your department's systems have made no application")
              }
            />
          ),
        }}
        pagination={{
          current: pages.page,
          pageSize: PAGE_SIZE,
          total,
          showSizeChanger: false,
          onChange: pages.setPage,
        }}
        columns={columns}
      />
      {applying ? <ApplyModal onClose={() => setApplying(false)} /> : null}
    </Space>
  );
}

/** One application in full, its deadline and decision; the provider's steward decides it here. */
function ApplicationDrawer({ id, decide, onClose }: { id: string; decide: boolean; onClose: () => void }) {
  const t = useT();
  const departmentName = useDepartmentName();
  const queryClient = useQueryClient();
  const me = useSession().data?.principal;
  const query = useQuery({
    queryKey: ['sharingApplication', id],
    queryFn: () => execute(SharingApplicationDetail, { id }),
  });
  const a = query.data?.sharingApplication;
  const resource = useQuery({
    queryKey: ['catalogResource', a?.resourceCode],
    queryFn: () => execute(ApplicationResource, { code: a!.resourceCode }),
    enabled: !!a,
    staleTime: 60_000,
  });
  const itemName = (no: number) => resource.data?.catalogResource?.items.find((i) => i.no === no)?.name;
  const itemText = (items: readonly number[]) =>
    items.map((no) => (itemName(no) ? `${no} ${itemName(no)}` : String(no))).join('、');
  const [chosen, setChosen] = useState<number[] | null>(null);
  const [reason, setReason] = useState('');
  const decided = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['sharingApplications'] }),
      queryClient.invalidateQueries({ queryKey: ['sharingApplication', id] }),
    ]);
  const approve = useMutation({
    // The server requires the reason of a partial approval: the page sends what was typed and shows its answer.
    mutationFn: (items: number[]) =>
      execute(ApproveApplication, { input: { applicationId: id, items, reason: reason.trim() || undefined } }),
    onSuccess: decided,
  });
  const reject = useMutation({
    mutationFn: () => execute(RejectApplication, { input: { applicationId: id, reason } }),
    onSuccess: decided,
  });
  const items = chosen ?? a?.items ?? [];
  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      title={t('申请详情', 'Application')}
      closable={{ 'aria-label': t('关闭', 'Close') }}
    >
      <div data-testid="application-detail">
        {query.isError ? (
          <ErrorNotice error={query.error} title={t('申请加载失败', 'The application could not be loaded')} />
        ) : null}
        {query.isSuccess && !a ? (
          <Empty description={t('找不到该申请，或您无权查看', 'No such application, or you may not see it')} />
        ) : null}
        {a ? (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('状态', 'Status')}>
                <StatusBadge status={a.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('资源', 'Resource')}>
                {a.resourceCode} {resource.data?.catalogResource?.name ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('提供部门', 'Provider')}>{departmentName(a.providerUscc)}</Descriptions.Item>
              <Descriptions.Item label={t('申请系统', 'Applying system')}>{a.consumerSystemCode}</Descriptions.Item>
              <Descriptions.Item label={t('申请部门', 'Applying department')}>
                {departmentName(a.consumerDepartmentUscc)}
              </Descriptions.Item>
              <Descriptions.Item label={t('申请的数据项', 'Items asked for')}>{itemText(a.items)}</Descriptions.Item>
              <Descriptions.Item label={t('用途', 'Purpose')}>{a.purpose}</Descriptions.Item>
              <Descriptions.Item label={t('依据', 'Legal basis')}>{a.legalBasis}</Descriptions.Item>
              <Descriptions.Item label={t('使用期限', 'Period')}>
                {a.requestedFrom} ~ {a.requestedTo}
              </Descriptions.Item>
              <Descriptions.Item label={t('申请完整值', 'Full values asked')}>
                {a.fullValues ? t('是', 'Yes') : t('否', 'No')}
              </Descriptions.Item>
              <Descriptions.Item label={t('提交时间', 'Submitted')}>{cst(a.submittedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('答复期限', 'Deadline')}>
                <DeadlineText a={a} />
                {a.deadlineChanges.map((c) => (
                  <div key={c.changedAt}>
                    {t(
                      `${cst(c.changedAt)} 由 ${c.previousDeadline} 调整为 ${c.deadline}`,
                      `${cst(c.changedAt)}: moved from ${c.previousDeadline} to ${c.deadline}`,
                    )}
                  </div>
                ))}
              </Descriptions.Item>
            </Descriptions>
            <div data-testid="decision-history">
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                {t('处理记录', 'Decision')}
              </Typography.Title>
              {a.decidedAt ? (
                <Descriptions column={1} bordered size="small">
                  <Descriptions.Item label={t('结果', 'Outcome')}>{statusLabel(a.status, t)}</Descriptions.Item>
                  <Descriptions.Item label={t('处理人（密钥编号）', 'Decided by (key id)')}>
                    <span data-testid="decided-by">{a.decidedBy}</span>
                    {a.decidedBy === me?.keyId ? t('（本人）', ' (you)') : ''}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('处理时间', 'Decided at')}>{cst(a.decidedAt)}</Descriptions.Item>
                  {a.approvedItems ? (
                    <Descriptions.Item label={t('批准的数据项', 'Items approved')}>
                      {itemText(a.approvedItems)}
                    </Descriptions.Item>
                  ) : null}
                  <Descriptions.Item label={t('理由', 'Reason')}>
                    <span data-testid="decision-reason-text">{a.decisionReason ?? '—'}</span>
                  </Descriptions.Item>
                </Descriptions>
              ) : (
                <span>{t('尚未处理', 'Not decided yet')}</span>
              )}
            </div>
            {decide && a.status === 'SUBMITTED' ? (
              <section aria-labelledby="decide-heading" data-testid="decision-form">
                <Typography.Title level={2} id="decide-heading" style={{ fontSize: 16 }}>
                  {t('审批', 'Decide')}
                </Typography.Title>
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                    <legend style={{ fontSize: 14, marginBottom: 8 }}>
                      {t('批准的数据项（取消勾选即不予批准）', 'Items to approve (untick to leave out)')}
                    </legend>
                    <Checkbox.Group value={items} onChange={(values) => setChosen(values as number[])}>
                      <Space orientation="vertical">
                        {a.items.map((no) => (
                          <Checkbox key={no} value={no} data-testid={`item-${no}`}>
                            {itemName(no) ? `${no} ${itemName(no)}` : String(no)}
                          </Checkbox>
                        ))}
                      </Space>
                    </Checkbox.Group>
                  </fieldset>
                  <label htmlFor="decision-reason">
                    {t('理由（拒绝或部分批准时必填）', 'Reason (required to reject or to approve in part)')}
                  </label>
                  <Input.TextArea
                    id="decision-reason"
                    data-testid="decision-reason"
                    rows={3}
                    maxLength={2000}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                  {approve.isError ? (
                    <ErrorNotice error={approve.error} title={t('批准未成功', 'Not approved')} />
                  ) : null}
                  {reject.isError ? <ErrorNotice error={reject.error} title={t('拒绝未成功', 'Not rejected')} /> : null}
                  <Space>
                    <Button
                      type="primary"
                      data-testid="approve"
                      disabled={items.length === 0}
                      loading={approve.isPending}
                      onClick={() => (reject.reset(), approve.mutate(items))}
                    >
                      {items.length < a.items.length
                        ? t('部分批准所选数据项', 'Approve the items ticked')
                        : t('全部批准', 'Approve all')}
                    </Button>
                    <Button
                      data-testid="reject"
                      loading={reject.isPending}
                      onClick={() => (approve.reset(), reject.mutate())}
                    >
                      {t('拒绝申请', 'Reject')}
                    </Button>
                  </Space>
                </Space>
              </section>
            ) : null}
          </Space>
        ) : null}
      </div>
    </Drawer>
  );
}

interface ApplyValues {
  systemCode: string;
  resourceCode: string;
  items: number[];
  purpose: string;
  legalBasis: string;
  requestedFrom: string;
  requestedTo: string;
  fullValues: boolean;
}

/** A steward applies on behalf of one of its department's systems, which will hold the grant. */
function ApplyModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const me = useSession().data?.principal;
  const systems = useDepartments().data?.departments.find((d) => d.uscc === me?.departmentUscc)?.systems ?? [];
  const resources = useQuery({
    queryKey: ['conditionalResources'],
    queryFn: () => execute(ConditionalResources),
    staleTime: 60_000,
  });
  // A department does not apply for what it provides.
  const offered = (resources.data?.searchCatalog.nodes ?? []).filter((r) => r.providerUscc !== me?.departmentUscc);
  const [form] = Form.useForm<ApplyValues>();
  const resourceCode = Form.useWatch('resourceCode', form);
  const chosen = offered.find((r) => r.code === resourceCode);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const inAYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const apply = useMutation({
    mutationFn: (v: ApplyValues) =>
      execute(ApplyForSharing, {
        // Empty fields go to the hub as they are: it says what is missing, in its stable codes.
        input: {
          ...v,
          systemCode: v.systemCode ?? systems[0]?.code,
          items: v.items ?? [],
          purpose: v.purpose ?? '',
          legalBasis: v.legalBasis ?? '',
          fullValues: !!v.fullValues,
        },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['sharingApplications'] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('代本部门系统提出共享申请', "Apply on behalf of your department's system")}
      okText={t('提交申请', 'Submit')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ 'data-testid': 'submit-application', loading: apply.isPending } as ButtonProps}
      onOk={() => apply.mutate(form.getFieldsValue(true) as ApplyValues)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ApplyValues>
        form={form}
        layout="vertical"
        initialValues={{ systemCode: systems[0]?.code, requestedFrom: today, requestedTo: inAYear, fullValues: false }}
      >
        <Form.Item name="systemCode" label={t('申请系统', 'Applying system')}>
          <Select
            data-testid="apply-system"
            options={systems.map((s) => ({ value: s.code, label: `${s.name}（${s.code}）` }))}
          />
        </Form.Item>
        <Form.Item name="resourceCode" label={t('资源', 'Resource')}>
          <Select
            data-testid="apply-resource"
            showSearch={{ optionFilterProp: 'label' }}
            loading={resources.isPending}
            options={offered.map((r) => ({ value: r.code, label: `${r.code} ${r.name}` }))}
            onChange={() => form.setFieldValue('items', [])}
          />
        </Form.Item>
        <Form.Item name="items" label={t('数据项', 'Items')}>
          <Checkbox.Group
            data-testid="apply-items"
            options={(chosen?.items ?? []).map((i) => ({ value: i.no, label: `${i.no} ${i.name}` }))}
          />
        </Form.Item>
        <Form.Item name="purpose" label={t('用途', 'Purpose')}>
          <Input data-testid="apply-purpose" maxLength={200} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('依据（法律法规）', 'Legal basis')}>
          <Input data-testid="apply-legal-basis" maxLength={1000} />
        </Form.Item>
        <Space>
          <Form.Item name="requestedFrom" label={t('开始日期', 'From')}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="requestedTo" label={t('结束日期', 'To')}>
            <Input type="date" />
          </Form.Item>
        </Space>
        <Form.Item name="fullValues" valuePropName="checked">
          <Checkbox>
            {t('申请敏感数据项的完整值（不脱敏）', 'Ask for full values of sensitive items (unmasked)')}
          </Checkbox>
        </Form.Item>
      </Form>
      {apply.isError ? (
        <ErrorNotice error={apply.error} title={t('申请未提交', 'The application was not submitted')} />
      ) : null}
    </Modal>
  );
}
