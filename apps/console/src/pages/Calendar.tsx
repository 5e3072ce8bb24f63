// 工作日历: which years deadlines are counted with an official list of days off (the calendar file
// or a State Council notice entered here), and from which year they are provisional (statutory
// holidays only); the notices entered; a year's statutory holidays. An admin enters a year's notice
// (the hub checks it against the statutory holidays law) and then sees which applications'
// deadlines it counted again (sharingApplications filtered by movedByNoticeYear/Version).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { execute } from '../api';
import { usePagedQuery } from '../cursor-pages';
import { useParticipantNames } from '../departments';
import { ErrorNotice } from '../ErrorNotice';
import { graphql } from '../gql';
import type {
  DataCorrectionRole,
  DataCorrectionStatus,
  MovedApplicationsQuery,
  MovedCorrectionsQuery,
  SharingApplicationStatus,
  WorkingDayNoticesQuery,
} from '../gql/graphql';
import { useT } from '../i18n';
import { isAdmin, seesAllDepartments, useSession } from '../session';

const Coverage = graphql(`
  query WorkingDayCoverage {
    workingDayCalendar {
      officialYears {
        year
        from
        source
        version
      }
      officialUntil
      firstProvisionalYear
      warning
    }
  }
`);

const Notices = graphql(`
  query WorkingDayNotices {
    workingDayNotices {
      year
      version
      holidays
      workdays
      source
      publishedOn
      reason
      unusualTotal
      deadlinesChanged
      enteredBy
      enteredAt
    }
  }
`);

const Statutory = graphql(`
  query StatutoryHolidays($year: Int!) {
    statutoryHolidays(year: $year) {
      day
      name
    }
  }
`);

const EnterNotice = graphql(`
  mutation EnterWorkingDayNotice($input: EnterWorkingDayNoticeInput!) {
    enterWorkingDayNotice(input: $input) {
      year
      version
      deadlinesChanged
    }
  }
`);

const Moved = graphql(`
  query MovedApplications($filter: SharingApplicationFilter, $first: Int!, $after: String) {
    sharingApplications(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        resourceCode
        consumerSystemCode
        status
        submittedAt
        deadline
        deadlineProvisional
        deadlineChanges {
          previousDeadline
          previousProvisional
          deadline
          provisional
          noticeYear
          noticeVersion
          changedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const MovedCorrections = graphql(`
  query MovedCorrections($role: DataCorrectionRole!, $year: Int!, $version: Int!, $first: Int!, $after: String) {
    dataCorrections(
      role: $role
      movedByNoticeYear: $year
      movedByNoticeVersion: $version
      first: $first
      after: $after
    ) {
      nodes {
        id
        subjectType
        field
        sourceDepartment
        reporterDepartment
        status
        deadline
        deadlineProvisional
        deadlineChanges {
          previousDeadline
          previousProvisional
          deadline
          provisional
          noticeYear
          noticeVersion
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type MovedCorrection = MovedCorrectionsQuery['dataCorrections']['nodes'][number];

type Notice = WorkingDayNoticesQuery['workingDayNotices'][number];
type MovedApplication = MovedApplicationsQuery['sharingApplications']['nodes'][number];

const PAGE_SIZE = 20;

/** Monday–Friday (Dayjs: 0 is Sunday). */
const isWeekday = (d: Dayjs) => d.day() !== 0 && d.day() !== 6;

function NoticeMoves({ year, version, admin }: { year: number; version: number; admin: boolean }) {
  const t = useT();
  const names = useParticipantNames();
  const filter = { movedByNoticeYear: year, movedByNoticeVersion: version };
  const applications = usePagedQuery(
    ['movedApplications', filter],
    async (after) => (await execute(Moved, { filter, first: PAGE_SIZE, after })).sharingApplications,
    PAGE_SIZE,
  );
  // A department's steward answers the corrections routed to its department (TO_ANSWER); an admin or a hub-wide steward sees all.
  const role: DataCorrectionRole = admin ? 'REPORTED' : 'TO_ANSWER';
  const corrections = usePagedQuery(
    ['movedCorrections', year, version, role],
    async (after) =>
      (await execute(MovedCorrections, { role, year, version, first: PAGE_SIZE, after })).dataCorrections,
    PAGE_SIZE,
  );
  const day = (d: string, provisional: boolean) =>
    `${d}${provisional ? t('（暂定）', ' (provisional)') : t('（正式）', ' (official)')}`;
  const STATUS: Record<SharingApplicationStatus, string> = {
    SUBMITTED: t('待答复', 'Awaiting an answer'),
    APPROVED: t('已同意', 'Approved'),
    PARTIALLY_APPROVED: t('部分同意', 'Partly approved'),
    REJECTED: t('已拒绝', 'Rejected'),
    WITHDRAWN: t('已撤回', 'Withdrawn'),
  };
  const CORRECTION_STATUS: Partial<Record<DataCorrectionStatus, string>> = {
    ROUTED: t('待来源部门答复', 'With the source department'),
    CORRECTED: t('已更正', 'Corrected'),
    REJECTED: t('已驳回', 'Rejected'),
  };
  return (
    <section aria-labelledby="moved-heading" data-testid="moved-deadlines">
      <Typography.Title level={2} style={{ fontSize: 18 }} id="moved-heading">
        {t(
          `${year} 年通知（第 ${version} 版）重新计算的答复期限`,
          `Deadlines counted again by the ${year} notice (version ${version})`,
        )}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          '下列共享申请和数据纠错的答复期限因该通知重新计算（日期变化，或由暂定改为正式）。',
          'The sharing applications and data corrections whose answer deadline the notice counted again (a new day, or provisional made official).',
        )}
      </Typography.Paragraph>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('共享申请', 'Sharing applications')}
      </Typography.Title>
      {applications.query.isError ? (
        <ErrorNotice
          error={applications.query.error}
          title={t('期限变化加载失败', 'The moved deadlines could not be loaded')}
        />
      ) : null}
      <Table<MovedApplication>
        rowKey="id"
        size="small"
        data-testid="moved-applications"
        loading={applications.query.isFetching}
        dataSource={applications.nodes}
        locale={{
          emptyText: (
            <Empty description={t('该通知没有改变任何共享申请的期限', "This notice moved no application's deadline")} />
          ),
        }}
        pagination={applications.pagination}
        columns={[
          {
            title: t('申请编号', 'Application'),
            dataIndex: 'id',
            render: (id: string) => <Typography.Text code>{id.slice(0, 8)}</Typography.Text>,
          },
          { title: t('资源', 'Resource'), dataIndex: 'resourceCode' },
          {
            title: t('申请系统', 'Applying system'),
            dataIndex: 'consumerSystemCode',
            render: (code: string) => names.system(code),
          },
          { title: t('状态', 'Status'), dataIndex: 'status', render: (s: SharingApplicationStatus) => STATUS[s] },
          {
            title: t('期限变化', 'Deadline change'),
            key: 'change',
            render: (_: unknown, a) => {
              const change = a.deadlineChanges
                .filter((c) => c.noticeYear === year && c.noticeVersion === version)
                .at(-1);
              return change ? (
                <span data-testid="deadline-change">
                  {day(change.previousDeadline, change.previousProvisional)} →{' '}
                  {day(change.deadline, change.provisional)}
                </span>
              ) : null;
            },
          },
        ]}
      />
      <Space style={{ justifyContent: 'space-between', width: '100%', marginTop: 16 }}>
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
          {t('数据纠错', 'Data corrections')}
        </Typography.Title>
        {/* refetch() does not reject (a failure shows in the query's state): nothing to wait for. */}
        <Button
          size="small"
          data-testid="refresh-moved-corrections"
          loading={corrections.query.isFetching}
          onClick={() => void corrections.query.refetch()}
        >
          {t('刷新', 'Refresh')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        {t(
          '纠错期限由“一数一源”服务收到通知后数秒内重新计算，未显示时请稍后刷新。',
          'The once-only service counts correction deadlines again within seconds of the notice: refresh if they are not shown yet.',
        )}
      </Typography.Paragraph>
      {corrections.query.isError ? (
        <ErrorNotice
          error={corrections.query.error}
          title={t('纠错期限变化加载失败', 'The moved correction deadlines could not be loaded')}
        />
      ) : null}
      <Table<MovedCorrection>
        rowKey="id"
        size="small"
        data-testid="moved-corrections"
        loading={corrections.query.isFetching}
        dataSource={corrections.nodes}
        locale={{
          emptyText: (
            <Empty description={t('暂无重新计算期限的数据纠错', 'No correction deadline counted again yet')} />
          ),
        }}
        pagination={corrections.pagination}
        columns={[
          {
            title: t('纠错编号', 'Correction'),
            dataIndex: 'id',
            render: (id: string) => <Typography.Text code>{id.slice(0, 8)}</Typography.Text>,
          },
          { title: t('字段', 'Field'), dataIndex: 'field' },
          {
            title: t('报告部门', 'Reported by'),
            dataIndex: 'reporterDepartment',
            render: (uscc: string) => names.department(uscc),
          },
          {
            title: t('来源部门', 'Source department'),
            dataIndex: 'sourceDepartment',
            render: (uscc: string) => names.department(uscc),
          },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (s: DataCorrectionStatus) => CORRECTION_STATUS[s] ?? s,
          },
          {
            title: t('期限变化', 'Deadline change'),
            key: 'change',
            render: (_: unknown, c) => {
              const change = c.deadlineChanges
                .filter((d) => d.noticeYear === year && d.noticeVersion === version)
                .at(-1);
              return change ? (
                <span data-testid="deadline-change">
                  {day(change.previousDeadline, change.previousProvisional)} →{' '}
                  {day(change.deadline, change.provisional)}
                </span>
              ) : null;
            },
          },
        ]}
      />
    </section>
  );
}

interface NoticeForm {
  year: number;
  source: string;
  publishedOn?: Dayjs;
  reason?: string;
  unusualTotalConfirmed?: boolean;
}

function EnterNoticeForm({
  defaultYear,
  onEntered,
}: {
  defaultYear: number;
  onEntered: (year: number, version: number) => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NoticeForm>();
  const [holidays, setHolidays] = useState<string[]>([]);
  const [workdays, setWorkdays] = useState<string[]>([]);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [workday, setWorkday] = useState<Dayjs | null>(null);
  const year = Form.useWatch('year', form) ?? defaultYear;
  const statutory = useQuery({
    queryKey: ['statutoryHolidays', year],
    queryFn: () => execute(Statutory, { year }),
    enabled: year >= 2008 && year <= 2100,
  });
  const enter = useMutation({
    mutationFn: (values: NoticeForm) =>
      execute(EnterNotice, {
        input: {
          year: values.year,
          holidays,
          workdays,
          source: values.source ?? '',
          publishedOn: values.publishedOn ? values.publishedOn.format('YYYY-MM-DD') : undefined,
          reason: values.reason || undefined,
          unusualTotalConfirmed: !!values.unusualTotalConfirmed,
        },
      }),
    onSuccess: async ({ enterWorkingDayNotice: n }) => {
      onEntered(n.year, n.version);
      await queryClient.invalidateQueries({ queryKey: ['workingDay'] });
    },
  });
  const add = (list: string[], days: string[]) => [...new Set([...list, ...days])].sort();
  const addRange = () => {
    const [from, to] = range ?? [];
    if (!from || !to) return;
    const days: string[] = [];
    for (let d = from; !d.isAfter(to, 'day'); d = d.add(1, 'day')) if (isWeekday(d)) days.push(d.format('YYYY-MM-DD'));
    setHolidays((h) => add(h, days));
    setRange(null);
  };
  const weekdayOf = (day: string) => {
    const d = new Date(`${day}T00:00:00Z`).getUTCDay();
    return d !== 0 && d !== 6;
  };
  const dayList = (days: string[], remove: (d: string) => void, testid: string) =>
    days.length ? (
      <Space wrap size={[4, 4]} data-testid={testid}>
        {days.map((d) => (
          <Tag
            key={d}
            closable
            closeIcon={<span aria-label={t(`移除 ${d}`, `Remove ${d}`)}>×</span>}
            onClose={() => remove(d)}
          >
            {d}
          </Tag>
        ))}
      </Space>
    ) : (
      <Typography.Text type="secondary">{t('尚未加入', 'None yet')}</Typography.Text>
    );

  return (
    <section aria-labelledby="enter-heading">
      <Typography.Title level={2} style={{ fontSize: 18 }} id="enter-heading">
        {t('录入国务院节假日安排通知', "Enter the State Council's holiday notice")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          '按通知列出该年所有周一至周五的放假日（法定假日、补休及调休放假）和周末上班日。平台按《全国年节及纪念日放假办法》核对，通过后立即生效，已给出的期限将重新计算。',
          'List every Monday–Friday day off of the year (statutory days, make-up days off and bridging days) and every weekend day worked, as the notice says. The hub checks it against the statutory holidays law; it is in force at once and deadlines already given are counted again.',
        )}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: defaultYear }}
        style={{ maxWidth: 760 }}
        onFinish={(values) => enter.mutate(values)}
      >
        <Space wrap align="start">
          <Form.Item name="year" label={t('年度', 'Year')}>
            <InputNumber min={2008} max={2100} data-testid="notice-year" />
          </Form.Item>
          <Form.Item name="publishedOn" label={t('发布日期', 'Published on')}>
            <DatePicker data-testid="notice-published-on" />
          </Form.Item>
        </Space>
        <Form.Item name="source" label={t('通知标题和文号', "The notice's title and number")}>
          <Input
            data-testid="notice-source"
            placeholder={t(
              `国务院办公厅关于${year}年部分节假日安排的通知（国办发明电〔…〕…号）`,
              `国务院办公厅关于${year}年部分节假日安排的通知 (title and number)`,
            )}
          />
        </Form.Item>
        <Form.Item label={t('放假日期（周一至周五）', 'Days off (Monday–Friday)')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <DatePicker.RangePicker
                aria-label={t('放假日期段', 'A range of days off')}
                data-testid="holiday-range"
                value={range}
                onChange={(value) => setRange(value)}
              />
              <Button data-testid="add-holiday-range" onClick={addRange}>
                {t('加入该段的工作日', 'Add its weekdays')}
              </Button>
              <Button
                data-testid="prefill-statutory"
                disabled={!statutory.data}
                onClick={() =>
                  setHolidays((h) =>
                    add(h, (statutory.data?.statutoryHolidays ?? []).map((s) => s.day).filter(weekdayOf)),
                  )
                }
              >
                {t('加入落在工作日的法定假日', 'Add the statutory days on weekdays')}
              </Button>
            </Space>
            {dayList(holidays, (d) => setHolidays((h) => h.filter((x) => x !== d)), 'notice-holidays')}
          </Space>
        </Form.Item>
        <Form.Item label={t('调休上班日（周六、周日）', 'Weekend days worked')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <DatePicker
                aria-label={t('调休上班日', 'A weekend day worked')}
                data-testid="workday-picker"
                value={workday}
                onChange={(value) => setWorkday(value)}
              />
              <Button
                data-testid="add-workday"
                onClick={() => {
                  if (workday) setWorkdays((w) => add(w, [workday.format('YYYY-MM-DD')]));
                  setWorkday(null);
                }}
              >
                {t('加入', 'Add')}
              </Button>
            </Space>
            {dayList(workdays, (d) => setWorkdays((w) => w.filter((x) => x !== d)), 'notice-workdays')}
          </Space>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('更正理由（该年已录入过时必填）', 'Why this version (required when the year was entered before)')}
        >
          <Input.TextArea rows={2} data-testid="notice-reason" />
        </Form.Item>
        <Form.Item name="unusualTotalConfirmed" valuePropName="checked">
          <Checkbox>
            {t(
              '通知的放假总天数确与法定天数不同（如一次性增加假日）',
              'The notice really gives a different total of days off (e.g. a one-off holiday)',
            )}
          </Checkbox>
        </Form.Item>
        {enter.isError ? (
          <ErrorNotice error={enter.error} title={t('通知未录入', 'The notice was not entered')} />
        ) : null}
        {enter.isSuccess ? (
          <Alert
            type="success"
            showIcon
            data-testid="notice-entered"
            title={t(
              `已录入 ${enter.data.enterWorkingDayNotice.year} 年通知（第 ${enter.data.enterWorkingDayNotice.version} 版），重新计算了 ${enter.data.enterWorkingDayNotice.deadlinesChanged} 个共享申请的期限。`,
              `The ${enter.data.enterWorkingDayNotice.year} notice (version ${enter.data.enterWorkingDayNotice.version}) is in force; ${enter.data.enterWorkingDayNotice.deadlinesChanged} sharing applications' deadlines were counted again.`,
            )}
          />
        ) : null}
        <Form.Item style={{ marginTop: 16 }}>
          {/* Not a submit button: Enter in a date field picks the date, it must not enter the notice. */}
          <Button type="primary" loading={enter.isPending} data-testid="enter-notice" onClick={() => form.submit()}>
            {t('录入通知', 'Enter the notice')}
          </Button>
        </Form.Item>
      </Form>
    </section>
  );
}

export default function Calendar() {
  const t = useT();
  const session = useSession();
  const admin = isAdmin(session.data?.principal);
  const coverage = useQuery({ queryKey: ['workingDay', 'coverage'], queryFn: () => execute(Coverage) });
  const notices = useQuery({ queryKey: ['workingDay', 'notices'], queryFn: () => execute(Notices) });
  const c = coverage.data?.workingDayCalendar;
  const [holidayYear, setHolidayYear] = useState<number>();
  const shownYear = holidayYear ?? c?.firstProvisionalYear ?? new Date().getFullYear() + 1;
  const statutory = useQuery({
    queryKey: ['statutoryHolidays', shownYear],
    queryFn: () => execute(Statutory, { year: shownYear }),
    enabled: shownYear >= 2008 && shownYear <= 2100,
  });
  const [selected, setSelected] = useState<{ year: number; version: number }>();

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('工作日历', 'Working-day calendar')}
      </Typography.Title>
      {coverage.isError ? (
        <ErrorNotice
          error={coverage.error}
          title={t('日历覆盖范围加载失败', 'The calendar coverage could not be loaded')}
        />
      ) : null}
      {c ? (
        <section aria-labelledby="coverage-heading" data-testid="coverage">
          <Typography.Title level={2} style={{ fontSize: 18 }} id="coverage-heading">
            {t('覆盖年度', 'Years covered')}
          </Typography.Title>
          {c.warning ? (
            <Alert
              type="warning"
              showIcon
              title={t('请尽快录入下一年度的节假日安排', "Enter next year's holiday notice soon")}
              description={c.warning}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Descriptions bordered size="small" column={1}>
            {c.officialYears.map((y) => (
              <Descriptions.Item key={y.year} label={t(`${y.year} 年`, String(y.year))}>
                <span data-testid={`official-year-${y.year}`}>
                  <Badge status="success" text={t('正式', 'Official')} />
                  {' · '}
                  {y.from === 'FILE'
                    ? t('随平台发布的日历文件', 'the calendar file shipped with the hub')
                    : t(
                        `已录入通知（第 ${y.version} 版）：${y.source}`,
                        `notice entered (version ${y.version}): ${y.source}`,
                      )}
                </span>
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('正式日历截至', 'Official until')}>
              {c.officialUntil ?? t('本年度尚无正式日历', 'The current year has no official list')}
            </Descriptions.Item>
            <Descriptions.Item label={t('暂定起始年度', 'Provisional from')}>
              <span data-testid="first-provisional-year">
                <Badge status="warning" text={t(`${c.firstProvisionalYear} 年起`, `${c.firstProvisionalYear} on`)} />
                {t(
                  '：期限只按法定节假日计算，标为“暂定”，录入通知后重新计算。',
                  ': deadlines count the statutory holidays only, are marked provisional, and are counted again once the notice is entered.',
                )}
              </span>
            </Descriptions.Item>
          </Descriptions>
        </section>
      ) : null}

      <section aria-labelledby="notices-heading">
        <Typography.Title level={2} style={{ fontSize: 18 }} id="notices-heading">
          {t('已录入的通知', 'Notices entered')}
        </Typography.Title>
        {notices.isError ? (
          <ErrorNotice error={notices.error} title={t('通知加载失败', 'The notices could not be loaded')} />
        ) : null}
        {/* One row per year and version: a few a year, so the whole list is small. */}
        <Table<Notice>
          rowKey={(n) => `${n.year}-${n.version}`}
          size="small"
          data-testid="notices-table"
          loading={notices.isFetching}
          dataSource={notices.data?.workingDayNotices ?? []}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('尚未录入任何通知', 'No notice entered yet')} /> }}
          columns={[
            { title: t('年度', 'Year'), dataIndex: 'year' },
            { title: t('版本', 'Version'), dataIndex: 'version' },
            { title: t('通知', 'Notice'), dataIndex: 'source' },
            {
              title: t('放假 / 上班', 'Off / worked'),
              key: 'days',
              render: (_: unknown, n) => `${n.holidays.length} / ${n.workdays.length}`,
            },
            { title: t('重新计算的期限', 'Deadlines counted again'), dataIndex: 'deadlinesChanged' },
            {
              title: t('录入时间', 'Entered'),
              dataIndex: 'enteredAt',
              render: (d: string) => new Date(d).toLocaleString(),
            },
            {
              title: t('操作', 'Action'),
              key: 'action',
              render: (_: unknown, n) => (
                <Button size="small" onClick={() => setSelected({ year: n.year, version: n.version })}>
                  {t('查看期限变化', 'Deadlines moved')}
                </Button>
              ),
            },
          ]}
        />
      </section>

      {selected ? (
        <NoticeMoves
          key={`${selected.year}-${selected.version}`}
          {...selected}
          admin={seesAllDepartments(session.data?.principal)}
        />
      ) : null}

      {admin && c ? (
        <EnterNoticeForm
          defaultYear={c.firstProvisionalYear}
          onEntered={(year, version) => setSelected({ year, version })}
        />
      ) : null}

      <section aria-labelledby="statutory-heading">
        <Typography.Title level={2} style={{ fontSize: 18 }} id="statutory-heading">
          {t('法定节假日', 'Statutory holidays')}
        </Typography.Title>
        <Space style={{ marginBottom: 8 }}>
          <label htmlFor="statutory-year">{t('年度', 'Year')}</label>
          <InputNumber
            id="statutory-year"
            min={2008}
            max={2100}
            value={shownYear}
            onChange={(v) => setHolidayYear(v ?? undefined)}
          />
        </Space>
        {statutory.isError ? (
          <ErrorNotice
            error={statutory.error}
            title={t('法定节假日加载失败', 'The statutory holidays could not be loaded')}
          />
        ) : null}
        <Table
          rowKey="day"
          size="small"
          data-testid="statutory-table"
          loading={statutory.isFetching}
          dataSource={statutory.data?.statutoryHolidays ?? []}
          pagination={false}
          columns={[
            { title: t('日期', 'Day'), dataIndex: 'day' },
            { title: t('节日', 'Holiday'), dataIndex: 'name' },
          ]}
        />
      </section>
    </Space>
  );
}
