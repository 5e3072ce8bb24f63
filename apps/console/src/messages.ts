// The hub's stable error codes in words a steward understands. A code not listed here is shown
// with the hub's own message; the request id is always shown, to quote to support.
import { HubError } from './api';

const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: '未登录或登录已过期，请重新登录。',
  FORBIDDEN: '您没有执行此操作的权限。',
  BAD_USER_INPUT: '输入有误，请检查后重试。',
  RATE_LIMITED: '请求过于频繁，请稍后再试。',
  HTTP_401: '密钥无效或已吊销，请核对后重试。',
  HTTP_404: '登录服务尚未启用，请联系管理员。',
  HTTP_429: '请求过于频繁，请稍后再试。',
  NETWORK: '无法连接到平台，请检查网络后重试。',
};

export interface Explained {
  message: string;
  code: string;
  requestId?: string;
}

export function explain(error: unknown): Explained {
  if (error instanceof HubError) {
    return { message: MESSAGES[error.code] ?? (error.status >= 500 ? '平台内部错误，请稍后再试。' : error.message), code: error.code, requestId: error.requestId };
  }
  return { message: MESSAGES.NETWORK, code: 'NETWORK' };
}
