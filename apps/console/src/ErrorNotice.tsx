import { Alert, Typography } from 'antd';
import { useT } from './i18n';
import { HubError } from './api';
import { explain, explainViolation } from './messages';

/** An error in a steward's words, with the code and the request id to quote to support. */
export function ErrorNotice({ error, title }: { error: unknown; title: string }) {
  const t = useT();
  const { message, code, reason, requestId } = explain(error, t);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={
        <>
          <div data-testid="error-message">{message}</div>
          {/* Each refused field when the hub refused several. */}
          {error instanceof HubError && error.violations.length > 1 ? (
            <ul data-testid="error-violations" style={{ margin: '4px 0', paddingInlineStart: 20 }}>
              {error.violations.map((v, i) => (
                <li key={i}>
                  {explainViolation(v, t)}{' '}
                  <Typography.Text type="secondary">
                    ({v.field} {v.code})
                  </Typography.Text>
                </li>
              ))}
            </ul>
          ) : null}
          {/* Each refused field when there are several, or when the one refused has no words of ours. */}
          {error instanceof HubError &&
          (error.violations.length > 1 || (error.violations.length === 1 && error.violations[0].code !== code)) ? (
            <ul data-testid="error-violations" style={{ margin: '4px 0', paddingInlineStart: 20 }}>
              {error.violations.map((v, i) => (
                <li key={i}>
                  {explainViolation(v, t)}{' '}
                  <Typography.Text type="secondary">
                    ({v.field} {v.code})
                  </Typography.Text>
                </li>
              ))}
            </ul>
          ) : null}
          <Typography.Text type="secondary">
            {t('错误代码：', 'Error code: ')}
            <span data-testid="error-code">{code}</span>
            {reason ? (
              <>
                {' · '}
                <span data-testid="error-reason">{reason}</span>
              </>
            ) : null}
            {requestId ? (
              <>
                {t('，请求编号：', ', request id: ')}
                <Typography.Text copyable type="secondary" data-testid="request-id">
                  {requestId}
                </Typography.Text>
                {t('（联系技术支持时请提供）', ' (quote it to support)')}
              </>
            ) : null}
          </Typography.Text>
        </>
      }
    />
  );
}
