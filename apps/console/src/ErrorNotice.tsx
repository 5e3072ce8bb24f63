import { Alert, Typography } from 'antd';
import { explain } from './messages';

/** An error in a steward's words, with the code and the request id to quote to support. */
export function ErrorNotice({ error, title }: { error: unknown; title: string }) {
  const { message, code, requestId } = explain(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={
        <>
          <div>{message}</div>
          <Typography.Text type="secondary">
            错误代码：{code}
            {requestId ? (
              <>
                {'，请求编号：'}
                <Typography.Text copyable type="secondary" data-testid="request-id">
                  {requestId}
                </Typography.Text>
                （联系技术支持时请提供）
              </>
            ) : null}
          </Typography.Text>
        </>
      }
    />
  );
}
