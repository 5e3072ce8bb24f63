// 访问记录: who read a citizen's or a company's data (accessLog, newest first, refusals included),
// paginated on the server by cursor; the chain's verification on demand (verifyAccessLog: it walks
// the whole log, so only when asked) and the log's latest seal (accessLogSeal). The identifier is
// checked in the page (format, check digit) before the hub is asked, which checks it again.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Descriptions, Empty, Form, Input, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { execute } from '../api';
import { useDepartmentNames } from '../departments';
import { useCursorPages } from '../cursor-pages';
import { ErrorNotice } from '../ErrorNotice';
import { graphql } from '../gql';
import type { AccessLogQuery, AccessOutcome, AccessSubjectType } from '../gql/graphql';
import { useT } from '../i18n';
import { messageOf } from '../messages';
import { subjectOf } from '../subject';

const AccessLogPage = graphql(`
  query AccessLog($subjectType: AccessSubjectType!, $subjectId: String!, $first: Int!, $after: String) {
    accessLog(subjectType: $subjectType, subjectId: $subjectId, first: $first, after: $after) {
      nodes {
        seq
        recordedAt
        systemCode
        departmentUscc
        holderName
        purpose
        caseNumber
        operationName
        fields
        outcome
        errorCode
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const VerifyAccessLog = graphql(`
  query VerifyAccessLog {
    verifyAccessLog {
      ok
      checked
      unkeyed
      firstBrokenSeq
      code
      reason
      headSeq
      checkpointsChecked
    }
  }
`);

const AccessLogSeal = graphql(`
  query AccessLogSeal {
    accessLogSeal {
      no
      headSeq
      headHash
      time
      instance
      reason
    }
  }
`);

type AccessRecord = AccessLogQuery['accessLog']['nodes'][number];

const OUTCOME: Record<
  AccessOutcome,
  { zh: string; en: string; status: 'success' | 'error' | 'warning' | 'processing' }
> = {
  ALLOWED: { zh: '已提供', en: 'Served', status: 'success' },
  // A write recorded before it was sent; its outcome follows as another record.
  INTENDED: { zh: '写入前记录', en: 'Write intended', status: 'processing' },
  REFUSED: { zh: '已拒绝', en: 'Refused', status: 'error' },
  FAILED: { zh: '失败', en: 'Failed', status: 'warning' },
};

const PAGE_SIZE = 20;

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

function Records({ subjectType, subjectId }: { subjectType: AccessSubjectType; subjectId: string }) {
  const t = useT();
  const departmentName = useDepartmentNames();
  const pages = useCursorPages(PAGE_SIZE);
  const query = useQuery({
    queryKey: ['accessLog', subjectType, subjectId, pages.after],
    queryFn: () =>
      execute(AccessLogPage, { subjectType, subjectId, first: PAGE_SIZE, after: pages.after ?? undefined }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const connection = query.data?.accessLog;
  const total = pages.seen(connection?.pageInfo, connection?.nodes.length ?? 0, query.isPlaceholderData);
  if (query.isError)
    return (
      <ErrorNotice error={query.error} title={t('无法查看该对象的访问记录', 'Cannot show this subject’s access log')} />
    );
  return (
    <Table<AccessRecord>
      data-testid="access-records"
      rowKey="seq"
      loading={query.isFetching ? { tip: t('正在加载访问记录…', 'Loading the access log…') } : false}
      dataSource={connection?.nodes ?? []}
      locale={{
        emptyText: <Empty description={t('尚无人读取过该对象的数据', 'No one has read this subject’s data yet')} />,
      }}
      pagination={{ current: pages.page, pageSize: PAGE_SIZE, total, showSizeChanger: false, onChange: pages.setPage }}
      columns={[
        { title: t('时间', 'Time'), dataIndex: 'recordedAt', width: 170, render: (at: string) => formatTime(at) },
        {
          title: t('调用系统', 'System'),
          dataIndex: 'systemCode',
          render: (code: string | null, r) => code ?? r.holderName ?? '—',
        },
        {
          title: t('部门', 'Department'),
          dataIndex: 'departmentUscc',
          render: (uscc: string | null) =>
            uscc ? (
              <Space orientation="vertical" size={0}>
                <span>{departmentName(uscc) ?? uscc}</span>
                <Typography.Text type="secondary">{uscc}</Typography.Text>
              </Space>
            ) : (
              t('（平台）', '(hub)')
            ),
        },
        { title: t('用途', 'Purpose'), dataIndex: 'purpose', render: (p: string | null) => p ?? '—' },
        { title: t('办件编号', 'Case number'), dataIndex: 'caseNumber', render: (c: string | null) => c ?? '—' },
        {
          title: t('操作', 'Operation'),
          dataIndex: 'operationName',
          render: (name: string | null, r) => name ?? r.fields.slice(0, 2).join(', '),
        },
        {
          title: t('结果', 'Outcome'),
          dataIndex: 'outcome',
          render: (outcome: AccessOutcome, r) => (
            <Space size={4}>
              <Badge status={OUTCOME[outcome].status} text={t(OUTCOME[outcome].zh, OUTCOME[outcome].en)} />
              {r.errorCode ? <Typography.Text type="secondary">({r.errorCode})</Typography.Text> : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

function Verification() {
  const t = useT();
  const verify = useMutation({ mutationFn: () => execute(VerifyAccessLog) });
  const result = verify.data?.verifyAccessLog;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('访问记录链校验', 'Chain verification')}
        </Typography.Title>
      }
      size="small"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t(
            '逐条重算整条访问记录链的密钥摘要，并与链头和签名封存点比对。记录多时需要一些时间。',
            'Recomputes the keyed hash of every record of the log and compares the chain with its head and signed seals. A long log takes a while.',
          )}
        </Typography.Text>
        <Button data-testid="verify" type="primary" loading={verify.isPending} onClick={() => verify.mutate()}>
          {verify.isPending ? t('正在校验…', 'Verifying…') : t('校验访问记录链', 'Verify the chain')}
        </Button>
        {verify.isPending ? (
          <Spin data-testid="verifying" tip={t('正在校验访问记录链…', 'Verifying the access log…')}>
            <div style={{ minHeight: 40 }} />
          </Spin>
        ) : null}
        {verify.isError ? (
          <ErrorNotice error={verify.error} title={t('校验未能完成', 'The verification did not complete')} />
        ) : null}
        {result ? (
          <div data-testid="verification">
            {result.ok ? (
              <Alert
                type="success"
                showIcon
                title={<span data-testid="verification-state">{t('完整', 'Intact')}</span>}
                description={t(
                  `已校验 ${result.checked} 条记录，链头为第 ${result.headSeq} 条，与 ${result.checkpointsChecked} 个封存点一致。`,
                  `${result.checked} records checked up to the head (record ${result.headSeq}), consistent with ${result.checkpointsChecked} seals.`,
                )}
              />
            ) : (
              <Alert
                type="error"
                showIcon
                title={<span data-testid="verification-state">{t('已被破坏', 'Broken')}</span>}
                description={
                  <>
                    <div>
                      {t('首个问题记录：', 'First broken record: ')}
                      <span data-testid="first-broken">{result.firstBrokenSeq ?? t('（封存点）', '(a seal)')}</span>
                      {result.code ? ` · ${result.code}` : null}
                    </div>
                    <div data-testid="broken-reason">{result.reason}</div>
                    <div>
                      {t(`此前 ${result.checked} 条记录完好。`, `${result.checked} records before it are intact.`)}
                    </div>
                  </>
                }
              />
            )}
          </div>
        ) : null}
      </Space>
    </Card>
  );
}

function Seal() {
  const t = useT();
  const seal = useQuery({ queryKey: ['accessLogSeal'], queryFn: () => execute(AccessLogSeal), retry: false });
  const checkpoint = seal.data?.accessLogSeal;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('最新封存点', 'Latest seal')}
        </Typography.Title>
      }
      size="small"
    >
      {seal.isPending ? (
        <Spin tip={t('正在加载…', 'Loading…')}>
          <div style={{ minHeight: 40 }} />
        </Spin>
      ) : null}
      {seal.isError ? <ErrorNotice error={seal.error} title={t('无法读取封存点', 'Cannot read the seal')} /> : null}
      {seal.isSuccess && !checkpoint ? (
        <Typography.Text data-testid="seal-none">
          {t(
            '访问记录尚未封存（首个封存点在有记录后定时写入）。',
            'The log has not been sealed yet (the first seal is written at the next interval once there are records).',
          )}
        </Typography.Text>
      ) : null}
      {checkpoint ? (
        <Descriptions data-testid="seal" size="small" column={1}>
          <Descriptions.Item label={t('封存编号', 'Seal number')}>
            <span data-testid="seal-no">{checkpoint.no}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('封存至记录', 'Sealed up to record')}>
            <span data-testid="seal-head">{checkpoint.headSeq}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('封存时间', 'Sealed at')}>{formatTime(checkpoint.time)}</Descriptions.Item>
          <Descriptions.Item label={t('原因', 'Reason')}>
            {checkpoint.reason === 'shutdown' ? t('停机封存', 'at shutdown') : t('定时封存', 'at the interval')}
          </Descriptions.Item>
          <Descriptions.Item label={t('记录摘要', 'Record hash')}>
            <Typography.Text code style={{ fontSize: 12 }}>
              {checkpoint.headHash}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </Card>
  );
}

export default function AccessLog() {
  const t = useT();
  const [form] = Form.useForm<{ subject: string }>();
  const [subject, setSubject] = useState<{ type: AccessSubjectType; id: string }>();
  const [problem, setProblem] = useState<{ code: string; message: string }>();

  const search = ({ subject: input }: { subject: string }) => {
    const checked = subjectOf(input ?? '');
    if (!checked.ok) {
      setProblem({ code: checked.code, message: messageOf(checked.code, t) ?? checked.message });
      setSubject(undefined);
      return;
    }
    setProblem(undefined);
    setSubject({ type: checked.type, id: checked.id });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('访问记录', 'Access log')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t(
          '查询谁在何时、通过哪个系统、为何读取了某位公民或某个法人的数据（含被拒绝的请求）。',
          'Who read a citizen’s or a company’s data: when, through which system and why (refused requests included).',
        )}
      </Typography.Text>
      <Form form={form} layout="inline" onFinish={search}>
        <Form.Item
          name="subject"
          label={t('公民身份号码或统一社会信用代码', 'Citizen ID or USCC')}
          validateStatus={problem ? 'error' : undefined}
          help={
            problem ? (
              <span data-testid="subject-problem">
                {problem.message} <Typography.Text type="secondary">({problem.code})</Typography.Text>
              </span>
            ) : undefined
          }
        >
          <Input data-testid="subject" allowClear style={{ width: 260 }} maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" data-testid="search">
            {t('查询', 'Search')}
          </Button>
        </Form.Item>
      </Form>
      {subject ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text data-testid="subject-type">
            {subject.type === 'PERSON' ? t('公民：', 'Citizen: ') : t('法人：', 'Legal entity: ')}
            {subject.id}
          </Typography.Text>
          <Records key={`${subject.type}:${subject.id}`} subjectType={subject.type} subjectId={subject.id} />
        </Space>
      ) : null}
      <Seal />
      <Verification />
    </Space>
  );
}
