// 纠错: the data corrections routed to the steward's department as the records' source
// (dataCorrections, role TO_ANSWER; all of them for a hub-wide steward), paginated on the server by
// cursor and filtered by status, with their deadlines and the working days left. The steward
// accepts a report (受理: its own system then corrects the record, and the library's change event
// makes it CORRECTED) or rejects it with a reason. Stewards write no records themselves.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { execute } from '../api';
import { useDepartmentNames } from '../departments';
import { useCursorPages } from '../cursor-pages';
import { ErrorNotice } from '../ErrorNotice';
import { graphql } from '../gql';
import type { DataCorrectionStatus, ToAnswerQuery } from '../gql/graphql';
import { useT, type Translate } from '../i18n';

const ToAnswer = graphql(`
  query ToAnswer($status: DataCorrectionStatus, $first: Int!, $after: String) {
    dataCorrections(role: TO_ANSWER, status: $status, first: $first, after: $after) {
      nodes {
        id
        subjectType
        subjectId
        field
        reportedValue
        proposedValue
        reason
        evidence
        reporterDepartment
        reporterSystem
        reportedAt
        sourceDepartment
        deadline
        deadlineProvisional
        workingDaysLeft
        overdue
        status
        resolvedAt
        resolutionReason
        correctedValue
        correctionVersion
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const Accept = graphql(`
  mutation AcceptDataCorrection($input: AcceptDataCorrectionInput!) {
    acceptDataCorrection(input: $input) {
      id
      status
    }
  }
`);

const Reject = graphql(`
  mutation RejectDataCorrection($input: RejectDataCorrectionInput!) {
    rejectDataCorrection(input: $input) {
      id
      status
    }
  }
`);

type Correction = ToAnswerQuery['dataCorrections']['nodes'][number];

const STATUS: Record<
  DataCorrectionStatus,
  { zh: string; en: string; status: 'processing' | 'success' | 'default' | 'warning' }
> = {
  ROUTED: { zh: '待处理', en: 'To answer', status: 'processing' },
  ACCEPTED: { zh: '已受理', en: 'Accepted', status: 'warning' },
  CORRECTED: { zh: '已更正', en: 'Corrected', status: 'success' },
  REJECTED: { zh: '已驳回', en: 'Rejected', status: 'default' },
};

const PAGE_SIZE = 20;

function daysLeft(c: Correction, t: Translate) {
  if (c.status !== 'ROUTED') return null;
  const late = c.workingDaysLeft < 0;
  const text = late
    ? t(`已超期 ${-c.workingDaysLeft} 个工作日`, `${-c.workingDaysLeft} working day(s) overdue`)
    : c.workingDaysLeft === 0
      ? t('今日到期', 'Due today')
      : t(`剩余 ${c.workingDaysLeft} 个工作日`, `${c.workingDaysLeft} working day(s) left`);
  // '#cf1322' on white passes WCAG AA.
  return (
    <span data-testid="days-left" style={late ? { color: '#cf1322', fontWeight: 600 } : undefined}>
      {text}
    </span>
  );
}

type Action = { kind: 'accept' | 'reject'; correction: Correction };

function ActionDialog({ action, onClose }: { action: Action; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const run = useMutation({
    mutationFn: async (): Promise<void> => {
      if (action.kind === 'accept')
        await execute(Accept, { input: { id: action.correction.id, note: text.trim() || undefined } });
      // Sent as typed, empty too: the hub says what a reason needs (REASON_REQUIRED).
      else await execute(Reject, { input: { id: action.correction.id, reason: text } });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['dataCorrections'] });
      onClose();
    },
  });
  const accept = action.kind === 'accept';
  const label = accept
    ? t('受理说明（可选）', 'Note to the reporter (optional)')
    : t('驳回理由（必填）', 'Reason for rejecting (required)');
  return (
    <Modal
      open
      title={accept ? t('受理纠错', 'Accept the report') : t('驳回纠错', 'Reject the report')}
      okText={accept ? t('受理', 'Accept') : t('驳回', 'Reject')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ loading: run.isPending, ...{ 'data-testid': 'confirm-action' } }}
      onOk={() => run.mutate()}
      onCancel={onClose}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          {action.correction.field} · {action.correction.subjectId}
        </Typography.Text>
        {accept ? (
          <Typography.Text type="secondary">
            {t(
              '受理后，请由本部门的数据源系统按正常流程更正记录；基础库的变更事件到达后，本纠错自动变为“已更正”。',
              'Once accepted, correct the record through your department’s own system as usual; when the library’s change event arrives, the report becomes Corrected.',
            )}
          </Typography.Text>
        ) : null}
        <Form layout="vertical">
          <Form.Item label={label} htmlFor="action-text">
            <Input.TextArea
              id="action-text"
              data-testid="action-text"
              rows={3}
              maxLength={1000}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </Form.Item>
        </Form>
        {run.isError ? (
          <ErrorNotice
            error={run.error}
            title={accept ? t('受理失败', 'Could not accept') : t('驳回失败', 'Could not reject')}
          />
        ) : null}
      </Space>
    </Modal>
  );
}

export default function Corrections() {
  const t = useT();
  const [status, setStatus] = useState<DataCorrectionStatus>();
  const pages = useCursorPages(PAGE_SIZE);
  const [action, setAction] = useState<Action>();
  const departmentName = useDepartmentNames();
  const query = useQuery({
    queryKey: ['dataCorrections', status, pages.after],
    queryFn: () => execute(ToAnswer, { status, first: PAGE_SIZE, after: pages.after }),
    placeholderData: keepPreviousData,
  });
  const connection = query.data?.dataCorrections;
  const total = pages.seen(connection?.pageInfo, connection?.nodes.length ?? 0, query.isPlaceholderData);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('纠错', 'Data corrections')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t(
          '其他部门对本部门提供的数据提出的纠错（一数一源）。请在期限内受理或说明理由驳回；受理后由本部门系统更正记录。',
          'Reports other departments made on data your department is the source of. Accept or reject (with a reason) before the deadline; once accepted, your department’s system corrects the record.',
        )}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t(
          '对象标识、报告值、建议值和更正后的值按您的数据权限显示：没有全值授权时脱敏或隐去（******）。',
          'Subject IDs, reported, proposed and corrected values are shown as your data rights allow: masked or hidden (******) without a full-value grant.',
        )}
      </Typography.Text>
      <Space wrap>
        <Select<DataCorrectionStatus>
          aria-label={t('状态', 'Status')}
          data-testid="status-filter"
          placeholder={t('全部状态', 'Any status')}
          allowClear
          style={{ width: 160 }}
          options={Object.entries(STATUS).map(([value, s]) => ({
            value: value as DataCorrectionStatus,
            label: t(s.zh, s.en),
          }))}
          onChange={(value) => {
            setStatus(value);
            pages.restart();
          }}
        />
        <Button data-testid="refresh" onClick={() => void query.refetch()}>
          {t('刷新', 'Refresh')}
        </Button>
      </Space>
      {query.isError ? (
        <ErrorNotice error={query.error} title={t('纠错加载失败', 'Cannot load the corrections')} />
      ) : null}
      <Table<Correction>
        data-testid="corrections"
        rowKey="id"
        loading={query.isFetching ? { tip: t('正在加载纠错…', 'Loading the corrections…') } : false}
        dataSource={connection?.nodes ?? []}
        locale={{
          emptyText: query.isError ? (
            t('纠错暂时无法显示', 'The corrections cannot be shown for now')
          ) : (
            <Empty description={t('没有需要本部门处理的纠错', 'No corrections for your department')} />
          ),
        }}
        pagination={{
          current: pages.page,
          pageSize: PAGE_SIZE,
          total,
          showSizeChanger: false,
          onChange: pages.setPage,
        }}
        expandable={{
          rowExpandable: () => true,
          expandedRowRender: (c) => (
            <Space orientation="vertical" size={2}>
              <span>
                {t('理由：', 'Reason: ')}
                {c.reason}
              </span>
              <span>
                {t('证明材料：', 'Evidence: ')}
                {c.evidence.length ? c.evidence.join(', ') : t('无', 'none')}
              </span>
              {c.resolutionReason ? (
                <span>
                  {c.status === 'REJECTED' ? t('驳回理由：', 'Rejected because: ') : t('说明：', 'Note: ')}
                  {c.resolutionReason}
                </span>
              ) : null}
            </Space>
          ),
        }}
        columns={[
          {
            title: t('对象与字段', 'Subject and field'),
            dataIndex: 'field',
            render: (field: string, c) => (
              <Space orientation="vertical" size={0}>
                <span>{field}</span>
                <Typography.Text type="secondary">{c.subjectId}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('报告值 → 建议值', 'Reported → proposed'),
            dataIndex: 'reportedValue',
            render: (reported: string | null, c) => `${reported ?? '—'} → ${c.proposedValue ?? '—'}`,
          },
          {
            title: t('理由与材料', 'Reason and evidence'),
            dataIndex: 'reason',
            render: (reason: string, c) => (
              <Space orientation="vertical" size={0}>
                <span>{reason}</span>
                <Typography.Text type="secondary" data-testid="evidence">
                  {c.evidence.length
                    ? t(`证明材料 ${c.evidence.length} 件`, `${c.evidence.length} piece(s) of evidence`)
                    : t('无证明材料', 'No evidence')}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('报告部门', 'Reporter'),
            dataIndex: 'reporterDepartment',
            render: (department: string, c) => (
              <Space orientation="vertical" size={0}>
                <span>{departmentName(department) ?? department}</span>
                <Typography.Text type="secondary">{c.reporterSystem ?? department}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('处理期限', 'Deadline'),
            dataIndex: 'deadline',
            render: (deadline: string, c) => (
              <Space orientation="vertical" size={0}>
                <span data-testid="deadline">
                  {deadline}
                  {c.deadlineProvisional ? t('（暂定）', ' (provisional)') : ''}
                </span>
                {daysLeft(c, t)}
              </Space>
            ),
          },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (s: DataCorrectionStatus, c) => (
              <Space orientation="vertical" size={0}>
                <Badge data-testid="status" status={STATUS[s].status} text={t(STATUS[s].zh, STATUS[s].en)} />
                {s === 'CORRECTED' ? (
                  <span data-testid="corrected">
                    {t('更正为：', 'Now: ')}
                    {c.correctedValue ?? '—'}
                    {t(`（第 ${c.correctionVersion} 版）`, ` (version ${c.correctionVersion})`)}
                  </span>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('处理', 'Answer'),
            key: 'actions',
            render: (_: unknown, c) =>
              c.status === 'ROUTED' ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    data-testid="accept"
                    onClick={() => setAction({ kind: 'accept', correction: c })}
                  >
                    {t('受理', 'Accept')}
                  </Button>
                  <Button
                    size="small"
                    data-testid="reject"
                    onClick={() => setAction({ kind: 'reject', correction: c })}
                  >
                    {t('驳回', 'Reject')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {action ? (
        <ActionDialog
          key={`${action.kind}:${action.correction.id}`}
          action={action}
          onClose={() => setAction(undefined)}
        />
      ) : null}
    </Space>
  );
}
