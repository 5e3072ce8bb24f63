// The hub's stable error codes in words a steward understands, in both languages. A code not
// listed here is shown with the hub's own message; the request id is always shown, to quote to
// support. Add a code here when a page can meet it (docs/errors.md lists them all).
import { HubError } from './api';
import type { Translate } from './i18n';

const MESSAGES: Record<string, [zh: string, en: string]> = {
  UNAUTHENTICATED: ['未登录或登录已过期，请重新登录。', 'You are not signed in, or your session has ended. Please sign in again.'],
  SESSION_INVALID: ['登录会话无效，请重新登录。', 'This session is not valid. Please sign in again.'],
  SESSION_EXPIRED: ['登录已超时，请重新登录。', 'Your session has timed out. Please sign in again.'],
  CSRF_TOKEN_INVALID: ['页面已过期，请刷新后重试。', 'This page is out of date. Reload it and try again.'],
  CONSOLE_ROLE_REQUIRED: ['该密钥不是数据管理员或管理员密钥，不能登录控制台。', 'This key is not a steward or admin key and cannot sign in to the console.'],
  SIGN_IN_RATE_LIMITED: ['登录尝试过于频繁，请稍后再试。', 'Too many sign-in attempts. Please wait and try again.'],
  API_KEY_INVALID: ['密钥无效或已吊销，请核对后重试。', 'The key is not valid or has been revoked. Check it and try again.'],
  FORBIDDEN: ['您没有执行此操作的权限。', 'You are not allowed to do this.'],
  BAD_USER_INPUT: ['输入有误，请检查后重试。', 'Some input is not valid. Check it and try again.'],
  RATE_LIMITED: ['请求过于频繁，请稍后再试。', 'Too many requests. Please wait and try again.'],
  POLICY_UNAVAILABLE: ['平台正在加载授权信息，请稍后再试。', 'The hub is still loading its keys and policy. Try again in a moment.'],
  SERVICE_UNAVAILABLE: ['平台暂时不可用，请稍后再试。', 'The hub is unavailable for the moment. Try again shortly.'],
  SUBGRAPH_UNAVAILABLE: ['相关基础库暂时不可用，请稍后再试。', 'A base library is unavailable for the moment. Try again shortly.'],
  AUDIT_UNAVAILABLE: ['访问记录服务暂时不可用，操作未执行，请稍后再试。', 'The access log is unavailable, so nothing was done. Try again shortly.'],
  // The catalog (目录 page): its lifecycle and the checks a change must pass.
  VERSION_CONFLICT: ['该资源已被他人修改（版本已变化），请关闭后重新打开，再次修改。', 'Someone else changed this resource meanwhile (its version moved on). Close it, open it again and redo your change.'],
  RESOURCE_EXISTS: ['该资源代码已存在，请换一个顺序号。', 'A resource with this code exists already. Choose another sequence number.'],
  RESOURCE_UNKNOWN: ['目录中没有这个资源，可能已被删除。', 'The catalog has no such resource.'],
  RESOURCE_RETIRED: ['该资源已停用，不能再修改。', 'This resource is retired and can no longer change.'],
  INVALID_STATUS_TRANSITION: ['资源当前状态不允许此操作（只有草稿可发布，只有已发布的资源可停用）。', 'The resource is not in a state that allows this (only a draft can be published, only a published resource retired).'],
  CATALOG_UNSOUND: [
    '资源未通过目录核验（具体问题见平台说明）：例如数据项对应的字段不存在或已由其他已发布资源管理、个人信息缺少合适的脱敏规则、有条件共享未写明共享条件。',
    'The resource fails the catalog check (the hub lists each problem): e.g. an item names a field that does not exist or that another published resource governs, personal data lacks a fitting masking rule, or a conditional resource states no sharing conditions.',
  ],
  HTTP_401: ['密钥无效或已吊销，请核对后重试。', 'The key is not valid or has been revoked. Check it and try again.'],
  HTTP_404: ['登录服务尚未启用，请联系管理员。', 'Sign-in is not enabled on this hub. Contact your administrator.'],
  HTTP_429: ['请求过于频繁，请稍后再试。', 'Too many requests. Please wait and try again.'],
  NETWORK: ['无法连接到平台，请检查网络后重试。', 'Cannot reach the hub. Check the network and try again.'],
};

export interface Explained {
  message: string;
  code: string;
  requestId?: string;
}

export function explain(error: unknown, t: Translate): Explained {
  if (error instanceof HubError) {
    const known = MESSAGES[error.code];
    const message = known ? t(...known) : error.status >= 500 ? t('平台内部错误，请稍后再试。', 'The hub met an internal error. Try again later.') : error.message;
    return { message, code: error.code, requestId: error.requestId };
  }
  return { message: t(...MESSAGES.NETWORK), code: 'NETWORK' };
}
