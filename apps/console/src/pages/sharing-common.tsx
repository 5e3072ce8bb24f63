// What the sharing pages (共享申请, 督办) show alike: an application's status as a dot and words,
// the working days left to its deadline (red once overdue), times in China Standard Time, and the
// departments' names (departments.ts).
import { Badge, Space } from 'antd';
import type { SharingApplicationStatus } from '../gql/graphql';
import { useT, type Translate } from '../i18n';

// A coloured dot next to plain text: Ant Design's coloured tags fail WCAG AA contrast (axe).
const STATUS: Record<
  SharingApplicationStatus,
  { zh: string; en: string; badge: 'processing' | 'success' | 'warning' | 'error' | 'default' }
> = {
  SUBMITTED: { zh: '待审批', en: 'Awaiting decision', badge: 'processing' },
  APPROVED: { zh: '已批准', en: 'Approved', badge: 'success' },
  PARTIALLY_APPROVED: { zh: '部分批准', en: 'Partly approved', badge: 'warning' },
  REJECTED: { zh: '已拒绝', en: 'Rejected', badge: 'error' },
  WITHDRAWN: { zh: '已撤回', en: 'Withdrawn', badge: 'default' },
};

export const STATUSES = Object.keys(STATUS) as SharingApplicationStatus[];

export function statusLabel(status: SharingApplicationStatus, t: Translate): string {
  return t(STATUS[status].zh, STATUS[status].en);
}

export function StatusBadge({ status }: { status: SharingApplicationStatus }) {
  const t = useT();
  return (
    <Badge
      status={STATUS[status].badge}
      text={<span data-testid="application-status">{statusLabel(status, t)}</span>}
    />
  );
}

/** Red that passes WCAG AA on white (#cf1322), for what is overdue. */
export const OVERDUE_RED = '#cf1322';

/**
 * The deadline and, while undecided, the working days left to it by the hub's calendar — in red,
 * "已逾期 N 个工作日", once past it; a provisional deadline (a year whose 调休 notice is not
 * entered yet) says it may still move.
 */
export function DeadlineText({
  a,
}: {
  a: {
    status: SharingApplicationStatus;
    deadline: string;
    deadlineProvisional: boolean;
    overdue: boolean;
    workingDaysLeft: number;
  };
}) {
  const t = useT();
  const undecided = a.status === 'SUBMITTED';
  return (
    <Space orientation="vertical" size={0}>
      <span>
        {t('截止 ', 'Due ')}
        {a.deadline}
      </span>
      {undecided ? (
        a.overdue ? (
          <span data-testid="days-left" data-overdue="true" style={{ color: OVERDUE_RED, fontWeight: 600 }}>
            {t(`已逾期 ${-a.workingDaysLeft} 个工作日`, `${-a.workingDaysLeft} working day(s) overdue`)}
          </span>
        ) : (
          <span data-testid="days-left" data-overdue="false">
            {a.workingDaysLeft === 0
              ? t('今日到期', 'Due today')
              : t(`剩余 ${a.workingDaysLeft} 个工作日`, `${a.workingDaysLeft} working day(s) left`)}
          </span>
        )
      ) : null}
      {undecided && a.deadlineProvisional ? (
        <span data-testid="deadline-provisional">
          {t(
            '（暂定：相关年度调休安排尚未录入，截止日期可能调整）',
            '(provisional: the year’s holiday notice is not entered yet; the deadline may move)',
          )}
        </span>
      ) : null}
    </Space>
  );
}

/** An instant as China Standard Time, the hub's day. */
export function cst(instant: string | null | undefined): string {
  if (!instant) return '—';
  return new Date(instant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
