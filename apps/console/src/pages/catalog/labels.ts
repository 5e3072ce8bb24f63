// The catalog's codes in a steward's words, both languages side by side (t(...LABEL[value])). The
// values are the supergraph's enums, so a new value fails the type check here, not on screen.
import type {
  DataClass,
  DataItemType,
  MaskingRule,
  OpenAttribute,
  ResourceFormat,
  ResourceStatus,
  Sensitivity,
  SharingMethod,
  SharingType,
  UpdateCycle,
} from '../../gql/graphql';

type Words = [zh: string, en: string];

export const SHARING_TYPE: Record<SharingType, Words> = {
  UNCONDITIONAL: ['无条件共享', 'Unconditional'],
  CONDITIONAL: ['有条件共享', 'Conditional'],
  NOT_SHARED: ['不予共享', 'Not shared'],
};

/** A coloured dot beside the words: Ant Design's coloured tags fail WCAG AA contrast (axe). */
export const SHARING_BADGE: Record<SharingType, 'success' | 'warning' | 'default'> = {
  UNCONDITIONAL: 'success',
  CONDITIONAL: 'warning',
  NOT_SHARED: 'default',
};

export const UPDATE_CYCLE: Record<UpdateCycle, Words> = {
  REAL_TIME: ['实时', 'Real time'],
  DAILY: ['每日', 'Daily'],
  WEEKLY: ['每周', 'Weekly'],
  MONTHLY: ['每月', 'Monthly'],
  QUARTERLY: ['每季度', 'Quarterly'],
  HALF_YEARLY: ['每半年', 'Half-yearly'],
  YEARLY: ['每年', 'Yearly'],
};

export const STATUS: Record<ResourceStatus, Words> = {
  DRAFT: ['草稿', 'Draft'],
  PUBLISHED: ['已发布', 'Published'],
  RETIRED: ['已停用', 'Retired'],
};

export const STATUS_BADGE: Record<ResourceStatus, 'processing' | 'success' | 'default'> = {
  DRAFT: 'processing',
  PUBLISHED: 'success',
  RETIRED: 'default',
};

export const FORMAT: Record<ResourceFormat, Words> = {
  ELECTRONIC_FILE: ['电子文件', 'Electronic file'],
  SPREADSHEET: ['电子表格', 'Spreadsheet'],
  DATABASE: ['数据库', 'Database'],
  GRAPHIC_IMAGE: ['图形图像', 'Graphic image'],
  STREAMING_MEDIA: ['流媒体', 'Streaming media'],
  SELF_DESCRIBING: ['自描述格式', 'Self-describing format'],
  OTHER: ['其他', 'Other'],
};

export const SHARING_METHOD: Record<SharingMethod, Words> = {
  API: ['接口', 'API'],
  TABLE: ['库表', 'Table'],
  FILE: ['文件', 'File'],
};

export const OPEN_ATTRIBUTE: Record<OpenAttribute, Words> = {
  OPEN: ['向社会开放', 'Open'],
  CONDITIONALLY_OPEN: ['有条件开放', 'Conditionally open'],
  NOT_OPEN: ['不予开放', 'Not open'],
};

export const SENSITIVITY: Record<Sensitivity, Words> = {
  PUBLIC: ['公开', 'Public'],
  INTERNAL: ['内部', 'Internal'],
  PERSONAL: ['个人信息', 'Personal'],
  SENSITIVE_PERSONAL: ['敏感个人信息', 'Sensitive personal'],
};

export const MASKING: Record<MaskingRule, Words> = {
  CITIZEN_ID: ['身份证号（保留前6后4位）', 'Citizen ID (first 6, last 4 kept)'],
  PHONE: ['电话（保留前3后4位）', 'Phone (first 3, last 4 kept)'],
  NAME: ['姓名（保留姓氏）', 'Name (surname kept)'],
  ADDRESS: ['地址（保留前6个字）', 'Address (first 6 characters kept)'],
  DATE_YEAR: ['日期（保留年份）', 'Date (year kept)'],
  COORDINATE: ['坐标（约1公里精度）', 'Coordinate (about 1 km)'],
  REDACT: ['全部遮蔽', 'Fully redacted'],
  SUBJECT_ID: ['主体标识（按类型脱敏）', 'Subject id (by kind)'],
  RECORD_ID: ['记录编号（其中身份证号脱敏）', 'Record id (citizen IDs in it masked)'],
};

export const DATA_CLASS: Record<DataClass, Words> = {
  CITIZEN_ID: ['公民身份号码', 'Citizen ID'],
  PERSON_NAME: ['自然人姓名', "Person's name"],
  BIRTH_DATE: ['出生日期', 'Birth date'],
  PERSON_DATE: ['个人其他日期', "Other date of a person's life"],
  ADDRESS: ['个人地址', "Person's address"],
  COORDINATES: ['个人位置坐标', "Person's location"],
  PHONE: ['电话号码', 'Phone number'],
  PERSON_TEXT: ['个人相关文字', 'Text about a person'],
  PERSON_RECORD_ID: ['个人记录标识', 'Id standing for a person'],
  PERSON_CATEGORY: ['个人类别', "Person's category"],
  PERSON_RECORD: ['个人结构化记录', "Person's structured record"],
  SUBJECT_ID: ['主体标识', 'Subject id'],
  SUBJECT_NAME: ['主体名称', 'Subject name'],
  SUBJECT_TEXT: ['主体相关文字', 'Text about a subject'],
  SUBJECT_COORDINATES: ['主体位置坐标', "Subject's location"],
  SUBJECT_CATEGORY: ['主体类别', "Subject's category"],
  RECORD_ID: ['源系统记录编号', 'Source record id'],
  ORGANISATION_ID: ['机构代码', 'Organisation id'],
  ORGANISATION_NAME: ['机构名称', 'Organisation name'],
  PLACE: ['公共地点', 'Public place'],
  CODE: ['代码', 'Code'],
  DATE: ['日期', 'Date'],
  TEXT: ['文字', 'Text'],
  NUMBER: ['数值', 'Number'],
  IDENTIFIER: ['标识', 'Identifier'],
  STRUCTURE: ['结构', 'Structure'],
  RELAYED: ['转发值', 'Relayed value'],
  OTHER: ['其他', 'Other'],
};

export const DATA_ITEM_TYPE: Record<DataItemType, Words> = {
  STRING: ['字符串', 'String'],
  NUMBER: ['数值', 'Number'],
  DATE: ['日期', 'Date'],
  DATETIME: ['日期时间', 'Date-time'],
  BOOLEAN: ['布尔', 'Boolean'],
  CODE: ['代码', 'Code'],
  OBJECT: ['对象', 'Object'],
  LIST: ['列表', 'List'],
  GEOMETRY: ['几何', 'Geometry'],
};

/** Options for a Select over one of these maps. */
export function optionsOf<K extends string>(
  labels: Record<K, Words>,
  t: (zh: string, en: string) => string,
): Array<{ value: K; label: string }> {
  return (Object.entries(labels) as Array<[K, Words]>).map(([value, words]) => ({ value, label: t(...words) }));
}
