// 互认: which review-result types a department accepts instead of checking again (审查结果互认,
// recognitionRules), and starting or stopping to accept one, with the reason the hub keeps in the
// event and the audit trail (setRecognition). A department steward decides for its own department;
// a hub-wide steward or an admin picks the department.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { execute } from '../api';
import { ErrorNotice } from '../ErrorNotice';
import { graphql } from '../gql';
import type { RecognitionRulesQuery } from '../gql/graphql';
import { useT } from '../i18n';
import { useSession } from '../session';

const RecognitionRules = graphql(`
  query RecognitionRules {
    recognitionRules {
      resultType
      name
      subjectType
      maxValidityDays
      acceptedBy
      description
      version
      updatedAt
    }
    departments {
      uscc
      name
    }
  }
`);

const SetRecognition = graphql(`
  mutation SetRecognition($input: SetRecognitionInput!) {
    setRecognition(input: $input) {
      resultType
      acceptedBy
      version
    }
  }
`);

type Rule = RecognitionRulesQuery['recognitionRules'][number];
type Change = { rule: Rule; accepts: boolean };

function ChangeDialog({ change, department, onClose }: { change: Change; department: string; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const run = useMutation({
    // The reason is sent as typed, empty too: the hub says what it needs (REASON_REQUIRED).
    mutationFn: () =>
      execute(SetRecognition, {
        input: { resultType: change.rule.resultType, department, accepts: change.accepts, reason },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['recognitionRules'] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={change.accepts ? t('开始认可', 'Start accepting') : t('停止认可', 'Stop accepting')}
      okText={t('确定', 'Confirm')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ loading: run.isPending, ...{ 'data-testid': 'confirm-change' } }}
      onOk={() => run.mutate()}
      onCancel={onClose}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          {change.rule.name}（{change.rule.resultType}）
        </Typography.Text>
        <Form layout="vertical">
          <Form.Item
            label={t('理由（必填，记入事件和审计记录）', 'Reason (required, kept in the event and the audit trail)')}
            htmlFor="recognition-reason"
          >
            <Input.TextArea
              id="recognition-reason"
              data-testid="reason"
              rows={3}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        </Form>
        {run.isError ? <ErrorNotice error={run.error} title={t('未能保存', 'Not saved')} /> : null}
      </Space>
    </Modal>
  );
}

export default function Recognition() {
  const t = useT();
  const session = useSession();
  const own = session.data?.principal.departmentUscc ?? undefined;
  const [chosen, setChosen] = useState<string>();
  const department = own ?? chosen;
  const [change, setChange] = useState<Change>();
  const query = useQuery({ queryKey: ['recognitionRules'], queryFn: () => execute(RecognitionRules) });
  const departments = query.data?.departments ?? [];
  const nameOf = (uscc: string) => departments.find((d) => d.uscc === uscc)?.name ?? uscc;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('互认', 'Recognition')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t(
          '本部门认可哪些审查结果（认可后不再重复审查，直接采用有效期内的结果）。开始或停止认可须说明理由。',
          'Which review results your department accepts instead of checking again. Starting or stopping requires a reason.',
        )}
      </Typography.Text>
      {own ? (
        <Typography.Text data-testid="department">
          {t('部门：', 'Department: ')}
          {nameOf(own)}
        </Typography.Text>
      ) : (
        <Select<string>
          aria-label={t('部门', 'Department')}
          data-testid="department-select"
          placeholder={t('选择部门', 'Choose a department')}
          style={{ width: 320 }}
          showSearch={{ optionFilterProp: 'label' }}
          options={departments.map((d) => ({ value: d.uscc, label: d.name }))}
          onChange={setChosen}
        />
      )}
      {query.isError ? (
        <ErrorNotice error={query.error} title={t('互认规则加载失败', 'Cannot load the recognition rules')} />
      ) : null}
      <Table<Rule>
        data-testid="rules"
        rowKey="resultType"
        loading={query.isFetching ? { tip: t('正在加载…', 'Loading…') } : false}
        dataSource={query.data?.recognitionRules ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('尚无审查结果类型', 'No review-result types yet')} /> }}
        columns={[
          { title: t('结果类型', 'Result type'), dataIndex: 'resultType', width: 220 },
          { title: t('名称', 'Name'), dataIndex: 'name' },
          {
            title: t('对象', 'Subject'),
            dataIndex: 'subjectType',
            width: 80,
            render: (s: string) => (s === 'PERSON' ? t('公民', 'Citizen') : t('法人', 'Legal entity')),
          },
          { title: t('最长有效期（天）', 'Valid at most (days)'), dataIndex: 'maxValidityDays', width: 150 },
          {
            title: t('本部门', 'This department'),
            key: 'mine',
            width: 110,
            render: (_: unknown, r) =>
              department ? (
                <span data-testid="accepts" style={{ whiteSpace: 'nowrap' }}>
                  {r.acceptedBy.includes(department) ? (
                    <Badge status="success" text={t('认可', 'Accepts')} />
                  ) : (
                    <Badge status="default" text={t('不认可', 'Checks again')} />
                  )}
                </span>
              ) : (
                '—'
              ),
          },
          {
            title: t('认可部门', 'Accepted by'),
            dataIndex: 'acceptedBy',
            render: (by: string[]) => (by.length ? by.map(nameOf).join('、') : t('无', 'none')),
          },
          {
            title: t('操作', 'Action'),
            key: 'action',
            render: (_: unknown, r) => {
              if (!department) return null;
              const accepts = r.acceptedBy.includes(department);
              return (
                <Button
                  size="small"
                  data-testid={accepts ? 'stop' : 'start'}
                  onClick={() => setChange({ rule: r, accepts: !accepts })}
                >
                  {accepts ? t('停止认可', 'Stop accepting') : t('开始认可', 'Start accepting')}
                </Button>
              );
            },
          },
        ]}
      />
      {change && department ? (
        <ChangeDialog
          key={`${change.rule.resultType}:${change.accepts}`}
          change={change}
          department={department}
          onClose={() => setChange(undefined)}
        />
      ) : null}
    </Space>
  );
}
