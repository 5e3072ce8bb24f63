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
  HTTP_401: ['密钥无效或已吊销，请核对后重试。', 'The key is not valid or has been revoked. Check it and try again.'],
  HTTP_404: ['登录服务尚未启用，请联系管理员。', 'Sign-in is not enabled on this hub. Contact your administrator.'],
  HTTP_429: ['请求过于频繁，请稍后再试。', 'Too many requests. Please wait and try again.'],
  NETWORK: ['无法连接到平台，请检查网络后重试。', 'Cannot reach the hub. Check the network and try again.'],
  // Sharing applications (共享申请) and supervision (督办)
  APPLICATION_UNKNOWN: ['找不到该共享申请，可能已被删除或您无权查看。', 'This sharing application cannot be found, or you may not see it.'],
  APPLICATION_DECIDED: ['该申请已处理（批准、拒绝或撤回），不能再次操作。', 'This application has been decided or withdrawn already.'],
  OWN_RESOURCE: ['本部门提供的资源无需申请，本部门系统可直接使用。', "Your department provides this resource: its systems need no application."],
  RESOURCE_UNKNOWN: ['目录中没有该已发布资源，请核对资源代码。', 'The catalog has no published resource with this code. Check the code.'],
  RESOURCE_NOT_SHARED: ['该资源不予共享，不能申请。', 'This resource is not shared and cannot be applied for.'],
  RESOURCE_UNCONDITIONAL: ['该资源无条件共享，只能申请其脱敏数据项的完整值。', 'This resource is shared unconditionally: apply only for full values of its masked items.'],
  SYSTEM_NOT_OF_DEPARTMENT: ['只能代本部门的系统提出申请。', "You can apply only on behalf of your own department's systems."],
  // Input violations (BAD_USER_INPUT), by their own code
  REASON_REQUIRED: ['请填写理由（至少 4 个字）：拒绝申请或部分批准都须说明理由。', 'Give a reason (at least 4 characters): a rejection or a partial approval must say why.'],
  SYSTEM_REQUIRED: ['请选择代为申请的本部门系统。', "Choose the department's system you apply for."],
  ITEM_UNKNOWN: ['所选数据项不属于该资源。', 'An item chosen is not an item of this resource.'],
  ITEMS_NOT_REQUESTED: ['只能批准申请中列出的数据项。', 'Only the items asked for can be approved.'],
  PERIOD_INVALID: ['使用期限无效：结束日期须不早于开始日期和今天，且不超过三年。', 'The period is not valid: it ends on or after its start and today, within three years.'],
  NOT_REQUESTED: ['申请未要求完整值，不能批准完整值。', 'Full values were not asked for and cannot be granted.'],
  OUT_OF_RANGE: ['请求的条数超出范围。', 'The page size asked for is out of range.'],
};

export interface Explained {
  message: string;
  code: string;
  requestId?: string;
}

export function explain(error: unknown, t: Translate): Explained {
  if (error instanceof HubError) {
    // An input violation the page can explain is shown by its own code (REASON_REQUIRED …), the more precise one.
    const violation = error.code === 'BAD_USER_INPUT' && error.reason ? MESSAGES[error.reason] : undefined;
    if (violation) return { message: t(...violation), code: error.reason!, requestId: error.requestId };
    const known = MESSAGES[error.code];
    const message = known ? t(...known) : error.status >= 500 ? t('平台内部错误，请稍后再试。', 'The hub met an internal error. Try again later.') : error.message;
    return { message, code: error.code, requestId: error.requestId };
  }
  return { message: t(...MESSAGES.NETWORK), code: 'NETWORK' };
}
