// 督办: what is overdue across departments — sharing applications undecided past their deadline
// (catalog) and data corrections unanswered past theirs (once-only) — with how many each
// department has. For admins, hub-wide stewards and the supervising department's (the data
// bureau's) stewards, who see every department; another steward sees its own department's only.
// Supervising is reading: deciding stays with each department (the 共享申请 page).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Space, Table, Typography } from 'antd';
import { execute } from '../api';
import { ErrorNotice } from '../ErrorNotice';
import { graphql } from '../gql';
import type { OverdueDataCorrectionsQuery, OverdueSharingApplicationsQuery } from '../gql/graphql';
import { useT } from '../i18n';
import { useCursorPages } from '../cursor-pages';
import { OVERDUE_RED, cst } from './sharing-common';
import { useDepartmentName } from '../departments';

const OverdueCounts = graphql(`
  query OverdueCounts {
    overdueSharingApplicationCounts {
      departmentUscc
      count
      earliestDeadline
    }
    overdueDataCorrectionCounts {
      departmentUscc
      count
      earliestDeadline
    }
  }
`);

const OverdueSharingApplications = graphql(`
  query OverdueSharingApplications($first: Int!, $after: String) {
    overdueSharingApplications(first: $first, after: $after) {
      nodes {
        id
        resourceCode
        providerUscc
        consumerSystemCode
        consumerDepartmentUscc
        submittedAt
        deadline
        workingDaysLeft
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

// No subject id nor values: supervising needs who is late, not whose data.
const OverdueDataCorrections = graphql(`
  query OverdueDataCorrections($first: Int!, $after: String) {
    overdueDataCorrections(first: $first, after: $after) {
      nodes {
        id
        subjectType
        field
        reporterDepartment
        sourceDepartment
        reportedAt
        deadline
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type OverdueApplication = OverdueSharingApplicationsQuery['overdueSharingApplications']['nodes'][number];
type OverdueCorrection = OverdueDataCorrectionsQuery['overdueDataCorrections']['nodes'][number];
interface Count {
  departmentUscc: string;
  count: number;
  earliestDeadline: string;
}

const PAGE_SIZE = 20;

export default function Supervision() {
  const t = useT();
  const counts = useQuery({ queryKey: ['overdueCounts'], queryFn: () => execute(OverdueCounts) });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('督办', 'Supervision')}
      </Typography.Title>
      {counts.isError ? (
        <ErrorNotice error={counts.error} title={t('逾期统计加载失败', 'The overdue counts could not be loaded')} />
      ) : null}
      <section aria-labelledby="overdue-applications" data-testid="overdue-applications">
        <Typography.Title level={2} id="overdue-applications" style={{ fontSize: 18 }}>
          {t('逾期未答复的共享申请', 'Sharing applications overdue')}
        </Typography.Title>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Counts
            testId="application-counts"
            loading={counts.isPending}
            rows={counts.data?.overdueSharingApplicationCounts}
          />
          <OverdueApplications />
        </Space>
      </section>
      <section aria-labelledby="overdue-corrections" data-testid="overdue-corrections">
        <Typography.Title level={2} id="overdue-corrections" style={{ fontSize: 18 }}>
          {t('逾期未答复的数据纠错', 'Data corrections overdue')}
        </Typography.Title>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Counts
            testId="correction-counts"
            loading={counts.isPending}
            rows={counts.data?.overdueDataCorrectionCounts}
          />
          <OverdueCorrections />
        </Space>
      </section>
    </Space>
  );
}

/** Overdue items per department, most first. */
function Counts({ rows, loading, testId }: { rows: Count[] | undefined; loading: boolean; testId: string }) {
  const t = useT();
  const departmentName = useDepartmentName();
  return (
    <Table<Count>
      rowKey="departmentUscc"
      data-testid={testId}
      size="small"
      loading={loading}
      pagination={false}
      dataSource={rows ?? []}
      locale={{ emptyText: <Empty description={t('没有逾期事项', 'Nothing is overdue')} /> }}
      columns={[
        { title: t('部门', 'Department'), dataIndex: 'departmentUscc', render: (uscc: string) => departmentName(uscc) },
        {
          title: t('逾期件数', 'Overdue'),
          dataIndex: 'count',
          width: 120,
          render: (n: number) => (
            <span data-testid="overdue-count" style={{ color: OVERDUE_RED, fontWeight: 600 }}>
              {n}
            </span>
          ),
        },
        { title: t('最早截止日期', 'Earliest deadline'), dataIndex: 'earliestDeadline', width: 160 },
      ]}
    />
  );
}

function OverdueApplications() {
  const t = useT();
  const departmentName = useDepartmentName();
  const pages = useCursorPages(PAGE_SIZE);
  const query = useQuery({
    queryKey: ['overdueSharingApplications', pages.after],
    queryFn: () => execute(OverdueSharingApplications, { first: PAGE_SIZE, after: pages.after }),
    placeholderData: keepPreviousData,
  });
  const connection = query.data?.overdueSharingApplications;
  const total = pages.seen(connection?.pageInfo, connection?.nodes.length ?? 0, query.isPlaceholderData);
  return (
    <>
      {query.isError ? (
        <ErrorNotice
          error={query.error}
          title={t('逾期申请加载失败', 'The overdue applications could not be loaded')}
        />
      ) : null}
      <Table<OverdueApplication>
        rowKey="id"
        data-testid="overdue-application-list"
        loading={query.isFetching}
        dataSource={connection?.nodes ?? []}
        locale={{
          emptyText: <Empty description={t('没有逾期未答复的共享申请', 'No sharing application is overdue')} />,
        }}
        pagination={{
          current: pages.page,
          pageSize: PAGE_SIZE,
          total,
          showSizeChanger: false,
          onChange: pages.setPage,
        }}
        columns={[
          {
            title: t('应答复部门', 'Department to decide'),
            dataIndex: 'providerUscc',
            render: (uscc: string) => departmentName(uscc),
          },
          { title: t('资源', 'Resource'), dataIndex: 'resourceCode', width: 150 },
          {
            title: t('申请系统 / 部门', 'Applying system / department'),
            key: 'applicant',
            render: (_: unknown, a: OverdueApplication) =>
              `${a.consumerSystemCode} · ${departmentName(a.consumerDepartmentUscc)}`,
          },
          { title: t('提交时间', 'Submitted'), dataIndex: 'submittedAt', render: (v: string) => cst(v) },
          { title: t('截止日期', 'Deadline'), dataIndex: 'deadline', width: 120 },
          {
            title: t('逾期', 'Overdue by'),
            dataIndex: 'workingDaysLeft',
            width: 160,
            render: (n: number) => (
              <span style={{ color: OVERDUE_RED, fontWeight: 600 }}>
                {t(`已逾期 ${-n} 个工作日`, `${-n} working day(s)`)}
              </span>
            ),
          },
        ]}
      />
    </>
  );
}

function OverdueCorrections() {
  const t = useT();
  const departmentName = useDepartmentName();
  const pages = useCursorPages(PAGE_SIZE);
  const query = useQuery({
    queryKey: ['overdueDataCorrections', pages.after],
    queryFn: () => execute(OverdueDataCorrections, { first: PAGE_SIZE, after: pages.after }),
    placeholderData: keepPreviousData,
  });
  const connection = query.data?.overdueDataCorrections;
  const total = pages.seen(connection?.pageInfo, connection?.nodes.length ?? 0, query.isPlaceholderData);
  return (
    <>
      {query.isError ? (
        <ErrorNotice error={query.error} title={t('逾期纠错加载失败', 'The overdue corrections could not be loaded')} />
      ) : null}
      <Table<OverdueCorrection>
        rowKey="id"
        data-testid="overdue-correction-list"
        loading={query.isFetching}
        dataSource={connection?.nodes ?? []}
        locale={{ emptyText: <Empty description={t('没有逾期未答复的数据纠错', 'No data correction is overdue')} /> }}
        pagination={{
          current: pages.page,
          pageSize: PAGE_SIZE,
          total,
          showSizeChanger: false,
          onChange: pages.setPage,
        }}
        columns={[
          {
            title: t('应答复部门（数据来源）', 'Department to answer (source)'),
            dataIndex: 'sourceDepartment',
            render: (uscc: string) => departmentName(uscc),
          },
          { title: t('数据项', 'Field'), dataIndex: 'field' },
          {
            title: t('报告部门', 'Reported by'),
            dataIndex: 'reporterDepartment',
            render: (uscc: string) => departmentName(uscc),
          },
          { title: t('报告时间', 'Reported'), dataIndex: 'reportedAt', render: (v: string) => cst(v) },
          {
            title: t('截止日期', 'Deadline'),
            dataIndex: 'deadline',
            width: 160,
            render: (d: string) => (
              <span style={{ color: OVERDUE_RED, fontWeight: 600 }}>
                {d} {t('已逾期', 'overdue')}
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
