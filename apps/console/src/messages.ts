// The hub's stable error codes in words a steward understands, in both languages. A code not
// listed here is shown with the hub's own message; the request id is always shown, to quote to
// support. Add a code here when a page can meet it (docs/errors.md lists them all).
import { HubError, type InputViolation } from './api';
import type { Translate } from './i18n';

const MESSAGES: Record<string, [zh: string, en: string]> = {
  UNAUTHENTICATED: [
    '未登录或登录已过期，请重新登录。',
    'You are not signed in, or your session has ended. Please sign in again.',
  ],
  SESSION_INVALID: ['登录会话无效，请重新登录。', 'This session is not valid. Please sign in again.'],
  SESSION_EXPIRED: ['登录已超时，请重新登录。', 'Your session has timed out. Please sign in again.'],
  CSRF_TOKEN_INVALID: ['页面已过期，请刷新后重试。', 'This page is out of date. Reload it and try again.'],
  CONSOLE_ROLE_REQUIRED: [
    '该密钥不是数据管理员或管理员密钥，不能登录控制台。',
    'This key is not a steward or admin key and cannot sign in to the console.',
  ],
  SIGN_IN_RATE_LIMITED: ['登录尝试过于频繁，请稍后再试。', 'Too many sign-in attempts. Please wait and try again.'],
  API_KEY_INVALID: [
    '密钥无效或已吊销，请核对后重试。',
    'The key is not valid or has been revoked. Check it and try again.',
  ],
  FORBIDDEN: ['您没有执行此操作的权限。', 'You are not allowed to do this.'],
  BAD_USER_INPUT: ['输入有误，请检查后重试。', 'Some input is not valid. Check it and try again.'],
  RATE_LIMITED: ['请求过于频繁，请稍后再试。', 'Too many requests. Please wait and try again.'],
  POLICY_UNAVAILABLE: [
    '平台正在加载授权信息，请稍后再试。',
    'The hub is still loading its keys and policy. Try again in a moment.',
  ],
  SERVICE_UNAVAILABLE: ['平台暂时不可用，请稍后再试。', 'The hub is unavailable for the moment. Try again shortly.'],
  SUBGRAPH_UNAVAILABLE: [
    '相关基础库暂时不可用，请稍后再试。',
    'A base library is unavailable for the moment. Try again shortly.',
  ],
  AUDIT_UNAVAILABLE: [
    '访问记录服务暂时不可用，操作未执行，请稍后再试。',
    'The access log is unavailable, so nothing was done. Try again shortly.',
  ],
  // The catalog (目录 page): its lifecycle and the checks a change must pass.
  HTTP_401: ['密钥无效或已吊销，请核对后重试。', 'The key is not valid or has been revoked. Check it and try again.'],
  HTTP_404: ['登录服务尚未启用，请联系管理员。', 'Sign-in is not enabled on this hub. Contact your administrator.'],
  HTTP_429: ['请求过于频繁，请稍后再试。', 'Too many requests. Please wait and try again.'],
  NETWORK: ['无法连接到平台，请检查网络后重试。', 'Cannot reach the hub. Check the network and try again.'],
  // Input codes (BAD_USER_INPUT's reason): the field's own problem.
  REASON_REQUIRED: ['请填写理由（至少 4 个字）。', 'Give a reason (at least 4 characters).'],
  OUT_OF_RANGE: ['取值超出允许范围。', 'A value is out of the allowed range.'],
  INVALID_CURSOR: [
    '分页位置无效，请从第一页重新查询。',
    'The page position is not valid. Search again from the first page.',
  ],
  CITIZEN_ID_FORMAT: [
    '公民身份号码格式不正确：应为 18 位，前 17 位为数字，末位为数字或 X。',
    'The citizen ID is malformed: 18 characters, 17 digits then a digit or X.',
  ],
  CITIZEN_ID_CHECK_DIGIT: [
    '公民身份号码校验位不正确，请核对。',
    'The citizen ID’s check digit is wrong. Check the number.',
  ],
  CITIZEN_ID_BIRTH_DATE: [
    '公民身份号码中的出生日期无效，请核对。',
    'The birth date in the citizen ID is not valid. Check the number.',
  ],
  CITIZEN_ID_AREA_CODE: [
    '公民身份号码中的地区码无效，请核对。',
    'The area code in the citizen ID is not valid. Check the number.',
  ],
  USCC_FORMAT: [
    '统一社会信用代码格式不正确：应为 18 位数字或大写字母。',
    'The USCC is malformed: 18 digits or capital letters.',
  ],
  USCC_CHECK_DIGIT: ['统一社会信用代码校验位不正确，请核对。', 'The USCC’s check character is wrong. Check the code.'],
  SUBJECT_INVALID: [
    '对象标识不是有效的公民身份号码或统一社会信用代码。',
    'This is neither a valid citizen ID nor a valid USCC.',
  ],
  CORRECTION_CLOSED: [
    '该纠错已处理完毕（已受理、已更正或已驳回），不能再次处理。',
    'This report has been answered already (accepted, corrected or rejected).',
  ],
  CORRECTION_UNKNOWN: ['没有这条纠错记录。', 'There is no such correction report.'],
  RESULT_TYPE_UNKNOWN: ['没有这一审查结果类型。', 'There is no such review-result type.'],
  DEPARTMENT_UNKNOWN: ['目录中没有这个部门。', 'The catalog has no such department.'],
  // Codes the pages meet from the hub's services.
  INTERNAL_SERVER_ERROR: ['平台内部错误，请稍后再试。', 'The hub met an internal error. Try again later.'],
  REQUIRED: ['有必填项未填写。', 'A required field is empty.'],
  TOO_LONG: ['输入内容过长。', 'The text is too long.'],
  VERSION_CONFLICT: [
    '该资源已被他人修改（版本已变化），请关闭后重新打开，再次修改。',
    'Someone else changed this resource meanwhile (its version moved on). Close it, open it again and redo your change.',
  ],
  RECORD_CHANGED: [
    '该记录已被他人修改，请刷新后再操作。',
    'Someone else changed this record. Reload it and try again.',
  ],
  INVALID_STATUS_TRANSITION: [
    '资源当前状态不允许此操作（只有草稿可发布，只有已发布的资源可停用）。',
    'The resource is not in a state that allows this (only a draft can be published, only a published resource retired).',
  ],
  APPLICATION_UNKNOWN: ['找不到该共享申请，或您无权查看。', 'No such sharing application, or you may not see it.'],
  APPLICATION_DECIDED: ['该申请已处理，不能再次审批。', 'This application has already been decided.'],
  ITEMS_NOT_REQUESTED: ['同意的数据项必须是申请中的数据项。', 'Approved items must be among the items applied for.'],
  NOT_REQUESTED: [
    '申请中未要求完整值，不能同意完整值。',
    'Full values were not asked for, so they cannot be approved.',
  ],
  TOO_FEW: ['数量不足，请至少选择或填写一项。', 'Too few: choose or enter at least one.'],
  GRANT_UNKNOWN: ['找不到该授权，或您无权操作。', 'No such grant, or you may not act on it.'],
  GRANT_ALREADY_REVOKED: ['该授权已被撤销。', 'This grant has already been revoked.'],
  KEY_UNKNOWN: ['找不到该密钥。', 'No such key.'],
  KEY_ALREADY_REVOKED: ['该密钥已被吊销。', 'This key has already been revoked.'],
  RESOURCE_UNKNOWN: ['目录中没有这个资源，可能已被删除。', 'The catalog has no such resource.'],
  RESOURCE_EXISTS: [
    '该资源代码已存在，请换一个顺序号。',
    'A resource with this code exists already. Choose another sequence number.',
  ],
  RESOURCE_RETIRED: ['该资源已停用，不能再修改。', 'This resource is retired and can no longer change.'],
  RESOURCE_NOT_SHARED: ['该资源不予共享。', 'This resource is not shared.'],
  RESOURCE_UNCONDITIONAL: [
    '该资源为无条件共享，无需申请（仅可申请敏感项的完整值）。',
    'This resource is shared unconditionally: apply only for full values of masked items.',
  ],
  OWN_RESOURCE: ['本部门的资源无需申请即可使用。', 'Your department reads its own resources without a grant.'],
  CATALOG_UNSOUND: [
    '资源未通过目录核验（具体问题见平台说明）：例如数据项对应的字段不存在或已由其他已发布资源管理、个人信息缺少合适的脱敏规则、有条件共享未写明共享条件。',
    'The resource fails the catalog check (the hub lists each problem): e.g. an item names a field that does not exist or that another published resource governs, personal data lacks a fitting masking rule, or a conditional resource states no sharing conditions.',
  ],
  ITEM_UNKNOWN: ['资源中没有该数据项。', 'The resource has no such item.'],
  ITEM_NUMBER_DUPLICATE: ['数据项序号重复。', 'Item numbers repeat.'],
  DEPARTMENT_MISMATCH: ['只能处理本部门的事项。', 'You may act only for your own department.'],
  DEPARTMENT_EXISTS: ['该部门已登记。', 'This department is already registered.'],
  SYSTEM_UNKNOWN: ['找不到该系统。', 'No such system.'],
  SYSTEM_EXISTS: ['该系统已登记。', 'This system is already registered.'],
  ROLES_INCOMPATIBLE: ['这些角色不能同时授予一个密钥。', 'These roles cannot be given to one key.'],
  PERIOD_INVALID: ['起止日期有误。', 'The period is not valid.'],
  VALIDITY_INVALID: ['有效期有误。', 'The validity is not valid.'],
  VALIDITY_TOO_LONG: ['有效期过长。', 'The validity is too long.'],
  INVALID_DATE: ['日期格式有误。', 'The date is not valid.'],
  INVALID_FORMAT: ['格式有误。', 'The format is not valid.'],
  INVALID_VALUE: ['取值有误。', 'The value is not valid.'],
  YEAR_INVALID: ['年份有误。', 'The year is not valid.'],
  SUBJECT_UNKNOWN: ['平台中没有该主体。', 'The hub holds no such subject.'],
  ACCESS_DENIED: ['按目录规则，您无权读取这些数据。', 'The catalog does not let you read this data.'],
  ACCESS_LOG_UNAVAILABLE: [
    '访问记录暂时无法读取，请稍后再试。',
    'The access log cannot be read for the moment. Try again shortly.',
  ],
  CATALOG_UNAVAILABLE: [
    '目录服务暂时不可用，请稍后再试。',
    'The catalog is unavailable for the moment. Try again shortly.',
  ],
  QUERY_TOO_COMPLEX: ['查询过于复杂，请缩小范围。', 'The query is too complex. Narrow it down.'],
  // From the applications pages.
  SYSTEM_NOT_OF_DEPARTMENT: [
    '只能代本部门的系统提出申请。',
    "You can apply only on behalf of your own department's systems.",
  ],
  SYSTEM_REQUIRED: ['请选择代为申请的本部门系统。', "Choose the department's system you apply for."],
  // From the grants pages.
  NOT_ALLOWED: ['该角色的密钥不能填写此项。', 'A key with this role cannot have this field.'],
  DAY_INVALID: ['日期格式无效。', 'A date is not valid.'],
  DAY_LISTED_TWICE: ['同一日期列了两次。', 'A day is listed twice.'],
  DAY_OUTSIDE_YEAR: ['日期不在该年度（或上一年 12 月）内。', 'A day is outside the year (or the December before).'],
  HOLIDAY_ON_WEEKEND: [
    '放假日期只列周一至周五，周末本就休息。',
    'Days off are Monday to Friday only: weekends are off anyway.',
  ],
  WORKDAY_NOT_ON_WEEKEND: ['调休上班日须是周六或周日。', 'A make-up working day must be a Saturday or Sunday.'],
  DAY_BOTH_HOLIDAY_AND_WORKDAY: ['同一日期不能既放假又上班。', 'A day cannot be both off and worked.'],
  STATUTORY_DAY_MISSING: [
    '缺少法定节假日（落在工作日的须列为放假）。',
    'A statutory holiday on a weekday is missing from the days off.',
  ],
  TOTAL_UNUSUAL: [
    '放假天数减去调休上班天数与法定假日数不符；如通知确实如此，请勾选确认。',
    'Days off less days worked differ from the statutory total; if the notice says so, tick the confirmation.',
  ],
  SOURCE_REQUIRED: [
    '请填写通知标题和文号（至少 8 个字）。',
    'Name the notice: its title and number (at least 8 characters).',
  ],
  IN_FUTURE: ['发布日期不能晚于今天。', 'The publication date cannot be after today.'],
  NOTICE_YEAR_REQUIRED: ['请同时指定通知年份。', 'Give the notice year too.'],
  CONCURRENT_WRITE: [
    '他人同时提交了同一年度的通知，请刷新后查看。',
    'Someone entered a notice for this year at the same moment. Reload and look.',
  ],
};

export interface Explained {
  message: string;
  code: string;
  /** An input's own code (BAD_USER_INPUT's reason, e.g. REASON_REQUIRED). */
  reason?: string;
  requestId?: string;
}

/** A refused field in a steward's words (its own code when known, else the hub's message). */
export function explainViolation(violation: InputViolation, t: Translate): string {
  return messageOf(violation.code, t) ?? violation.message;
}

/** The words for a code met in the page itself (e.g. an identifier checked before asking the hub). */
export function messageOf(code: string, t: Translate): string | undefined {
  const known = MESSAGES[code] as [string, string] | undefined;
  return known ? t(...known) : undefined;
}

export function explain(error: unknown, t: Translate): Explained {
  if (error instanceof HubError) {
    // An input's own code says more than BAD_USER_INPUT.
    const known = ((error.reason && MESSAGES[error.reason]) || MESSAGES[error.code]) as [string, string] | undefined;
    const message = known
      ? t(...known)
      : error.status >= 500
        ? t('平台内部错误，请稍后再试。', 'The hub met an internal error. Try again later.')
        : error.message;
    return { message, code: error.code, reason: error.reason, requestId: error.requestId };
  }
  return { message: t(...MESSAGES.NETWORK), code: 'NETWORK' };
}
