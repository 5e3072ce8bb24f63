// The hub's stable error codes in words a steward understands, in both languages. A code not
// listed here is shown with the hub's own message; the request id is always shown, to quote to
// support. Add a code here when a page can meet it (docs/errors.md lists them all).
import { HubError, type InputViolation } from './api';
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
  // Grants and keys (授权与密钥).
  REASON_REQUIRED: ['请填写理由（至少 4 个字）。', 'Give the reason (at least 4 characters).'],
  GRANT_UNKNOWN: ['找不到该授权，可能已被删除。', 'This grant cannot be found.'],
  GRANT_ALREADY_REVOKED: ['该授权已被撤销。', 'This grant has already been revoked.'],
  KEY_UNKNOWN: ['找不到该密钥。', 'This key cannot be found.'],
  KEY_ALREADY_REVOKED: ['该密钥已被吊销。', 'This key has already been revoked.'],
  ROLES_INCOMPATIBLE: ['所选角色不能同时授予同一密钥。', 'These roles cannot be given to the same key.'],
  NOT_ALLOWED: ['该角色的密钥不能填写此项。', 'A key with this role cannot have this field.'],
  REQUIRED: ['请填写必填项。', 'Fill in the required field.'],
  SYSTEM_UNKNOWN: ['找不到该系统。', 'This system is not registered.'],
  SYSTEM_EXISTS: ['该系统代码已被登记。', 'A system with this code is already registered.'],
  DEPARTMENT_UNKNOWN: ['找不到该部门。', 'This department is not registered.'],
  DEPARTMENT_MISMATCH: ['系统不属于所选部门。', 'The system does not belong to the chosen department.'],
  OUT_OF_RANGE: ['超出允许范围。', 'The value is out of range.'],
  // The working-day calendar (工作日历): a notice checked against the statutory holidays law.
  YEAR_INVALID: ['年份须在 2008 至 2100 之间。', 'The year must be between 2008 and 2100.'],
  DAY_INVALID: ['日期格式无效。', 'A date is not valid.'],
  DAY_LISTED_TWICE: ['同一日期列了两次。', 'A day is listed twice.'],
  DAY_OUTSIDE_YEAR: ['日期不在该年度（或上一年 12 月）内。', 'A day is outside the year (or the December before).'],
  HOLIDAY_ON_WEEKEND: ['放假日期只列周一至周五，周末本就休息。', 'Days off are Monday to Friday only: weekends are off anyway.'],
  WORKDAY_NOT_ON_WEEKEND: ['调休上班日须是周六或周日。', 'A make-up working day must be a Saturday or Sunday.'],
  DAY_BOTH_HOLIDAY_AND_WORKDAY: ['同一日期不能既放假又上班。', 'A day cannot be both off and worked.'],
  STATUTORY_DAY_MISSING: ['缺少法定节假日（落在工作日的须列为放假）。', 'A statutory holiday on a weekday is missing from the days off.'],
  TOTAL_UNUSUAL: ['放假天数减去调休上班天数与法定假日数不符；如通知确实如此，请勾选确认。', 'Days off less days worked differ from the statutory total; if the notice says so, tick the confirmation.'],
  SOURCE_REQUIRED: ['请填写通知标题和文号（至少 8 个字）。', 'Name the notice: its title and number (at least 8 characters).'],
  IN_FUTURE: ['发布日期不能晚于今天。', 'The publication date cannot be after today.'],
  NOTICE_YEAR_REQUIRED: ['请同时指定通知年份。', 'Give the notice year too.'],
  CONCURRENT_WRITE: ['他人同时提交了同一年度的通知，请刷新后查看。', 'Someone entered a notice for this year at the same moment. Reload and look.'],
};

/** A refused field in a steward's words (its own code when known, else the hub's message). */
export function explainViolation(violation: InputViolation, t: Translate): string {
  const known = MESSAGES[violation.code];
  return known ? t(...known) : violation.message;
}

export interface Explained {
  message: string;
  code: string;
  requestId?: string;
}

export function explain(error: unknown, t: Translate): Explained {
  if (error instanceof HubError) {
    // A refused input names its field's own code (REASON_REQUIRED…): more telling than BAD_USER_INPUT.
    const specific = error.violations[0]?.code;
    if (specific && MESSAGES[specific]) return { message: t(...MESSAGES[specific]), code: specific, requestId: error.requestId };
    const known = MESSAGES[error.code];
    const message = known ? t(...known) : error.status >= 500 ? t('平台内部错误，请稍后再试。', 'The hub met an internal error. Try again later.') : error.message;
    return { message, code: error.code, requestId: error.requestId };
  }
  return { message: t(...MESSAGES.NETWORK), code: 'NETWORK' };
}
