// The code of a catalog resource (政务信息资源代码), as the national cataloguing guide writes it
// (政务信息资源目录编制指南（试行）, 发改高技〔2017〕1272号, "信息资源代码"): a front code (前段码)
// that says where the resource sits in the catalog tree, "/", then a sequence (后段码, 顺序码) that
// tells apart resources of the same classification.
//
//   前段码 (classification) = 类 (1 digit) + 项 (2 digits) + 目 (3 digits) + 细目 (free length)
//   resource code           = 前段码 + "/" + 顺序码 (free length)
//   e.g. 101001001/000001: 类 1 基础信息资源 · 项 01 人口 · 目 001 · 细目 001 · 顺序码 000001
//
// "Free length" is bounded here so that a code stays a key: 细目 0–12 digits, 顺序码 1–12 digits
// (RESOURCE_CODE_MAX_LENGTH in all). Codes before the guide's layout (目 of 2 digits, e.g.
// 10101001/000001) were migrated by inserting a 0 before 目 (catalog migration guide-resource-codes).
//
// 类: 1 基础信息资源 (base resources), 2 主题信息资源 (thematic), 3 部门信息资源 (departmental).
// Under 类 1 the hub uses the following 项 (BASE_RESOURCE_SUBJECTS):
//   01 人口 · 02 法人 · 03 自然资源和空间地理 · 04 社会信用 — the four base libraries;
//   05 电子证照 — reserved: the guide lists e-licence basic items among the base resources;
//   90 共享交换平台公共信息 — the hub-wide value types (provenance, paging, change records, write
//      results) that several base libraries share. It sits under 类 1 because those types are part
//      of every base library's records, and at 90 so that it can never collide with a base subject
//      the guide may add later (they are numbered from 01 up).
// Any other 项 under 类 1 is rejected (RESOURCE_CODE_SUBJECT).
// 目 and 细目 are chosen per resource by the catalog's editors (e.g. 101 01 001 001 人口基本信息);
// every segment is numbered from 1, so an all-zero segment is never valid.

export type ResourceCodeErrorCode =
  'RESOURCE_CODE_FORMAT' | 'RESOURCE_CODE_CATEGORY' | 'RESOURCE_CODE_SUBJECT' | 'RESOURCE_CODE_SEGMENT';

/** A segment of a resource code, by the guide's names; 分隔符 is the "/" between front code and sequence. */
export type ResourceCodeSegment = '类' | '项' | '目' | '细目' | '分隔符' | '顺序码';

export type ResourceCodeResult =
  | { ok: true; classification: string; sequence: string }
  | { ok: false; code: ResourceCodeErrorCode; segment: ResourceCodeSegment; message: string };

/** The longest resource code: 类 1 + 项 2 + 目 3 + 细目 12, "/", 顺序码 12. */
export const RESOURCE_CODE_MAX_LENGTH = 31;
/** The longest classification (前段码): 类 1 + 项 2 + 目 3 + 细目 12. */
export const CLASSIFICATION_MAX_LENGTH = 18;
/** 类: the top level of the catalog tree. */
export const RESOURCE_CATEGORIES: Readonly<Record<string, string>> = {
  '1': '基础信息资源',
  '2': '主题信息资源',
  '3': '部门信息资源',
};

/** 项 under 类 1 (基础信息资源) as the hub numbers them. */
export const BASE_RESOURCE_SUBJECTS: Readonly<Record<string, string>> = {
  '01': '人口',
  '02': '法人',
  '03': '自然资源和空间地理',
  '04': '社会信用',
  '05': '电子证照',
  '90': '共享交换平台公共信息',
};

type Problem = { code: ResourceCodeErrorCode; segment: ResourceCodeSegment; message: string };

export function parseResourceCode(code: string): ResourceCodeResult {
  const slash = code.indexOf('/');
  if (slash < 0)
    return fail(
      'RESOURCE_CODE_FORMAT',
      '分隔符',
      `resource code "${code}" has no 分隔符 "/" between its classification (前段码) and its sequence (顺序码), e.g. 101001001/000001`,
    );
  const classification = code.slice(0, slash);
  const sequence = code.slice(slash + 1);
  const problem = classificationProblem(classification) ?? sequenceProblem(sequence);
  if (problem !== null) return { ok: false, ...problem, message: `resource code "${code}": ${problem.message}` };
  return { ok: true, classification, sequence };
}

/** Whether `code` is a classification code (前段码: 类 项 目 细目) as described above. */
export function isValidClassificationCode(code: string): boolean {
  return classificationProblem(code) === null;
}

function fail(code: ResourceCodeErrorCode, segment: ResourceCodeSegment, message: string): ResourceCodeResult {
  return { ok: false, code, segment, message };
}

/** The first segment of a classification that is not as the guide writes it, segment by segment. */
function classificationProblem(classification: string): Problem | null {
  const digits = (segment: ResourceCodeSegment, value: string, length: string): Problem | null =>
    /^\d*$/.test(value)
      ? null
      : { code: 'RESOURCE_CODE_FORMAT', segment, message: `${segment} "${value}" must be ${length} digits` };
  const category = classification.slice(0, 1);
  const subject = classification.slice(1, 3);
  const item = classification.slice(3, 6);
  const detail = classification.slice(6);
  const shape =
    digits('类', category, '1') ??
    digits('项', subject, '2') ??
    digits('目', item, '3') ??
    digits('细目', detail, '0 to 12') ??
    (category.length < 1
      ? {
          code: 'RESOURCE_CODE_FORMAT' as const,
          segment: '类' as const,
          message: 'the classification is empty; it starts with 类 (1 digit)',
        }
      : null) ??
    (subject.length < 2
      ? { code: 'RESOURCE_CODE_FORMAT' as const, segment: '项' as const, message: `项 "${subject}" must be 2 digits` }
      : null) ??
    (item.length < 3
      ? {
          code: 'RESOURCE_CODE_FORMAT' as const,
          segment: '目' as const,
          message: `目 "${item}" must be 3 digits (the guide's layout: 类 1, 项 2, 目 3, 细目)`,
        }
      : null) ??
    (detail.length > 12
      ? {
          code: 'RESOURCE_CODE_FORMAT' as const,
          segment: '细目' as const,
          message: `细目 "${detail}" has ${detail.length} digits; at most 12`,
        }
      : null);
  if (shape !== null) return shape;
  if (RESOURCE_CATEGORIES[category] === undefined) {
    return {
      code: 'RESOURCE_CODE_CATEGORY',
      segment: '类',
      message: `类 ${category}: it must be 1 (基础), 2 (主题) or 3 (部门)`,
    };
  }
  // Under 类 1 the 项 is one of the hub's base subjects: a typo there would file a resource under
  // a library that does not exist. 类 2 and 3 are numbered by their own editors.
  if (category === '1' && BASE_RESOURCE_SUBJECTS[subject] === undefined) {
    const known = Object.entries(BASE_RESOURCE_SUBJECTS)
      .map(([c, name]) => `${c} ${name}`)
      .join(', ');
    return { code: 'RESOURCE_CODE_SUBJECT', segment: '项', message: `项 ${subject} under 类 1; known: ${known}` };
  }
  const segments: [ResourceCodeSegment, string][] = [
    ['项', subject],
    ['目', item],
    ['细目', detail],
  ];
  for (const [segment, value] of segments) {
    if (/^0+$/.test(value))
      return { code: 'RESOURCE_CODE_SEGMENT', segment, message: `${segment} ${value}: it is numbered from 1` };
  }
  return null;
}

function sequenceProblem(sequence: string): Problem | null {
  if (!/^\d{1,12}$/.test(sequence))
    return { code: 'RESOURCE_CODE_FORMAT', segment: '顺序码', message: `顺序码 "${sequence}" must be 1 to 12 digits` };
  if (/^0+$/.test(sequence))
    return {
      code: 'RESOURCE_CODE_SEGMENT',
      segment: '顺序码',
      message: `顺序码 ${sequence}: sequences are numbered from 1`,
    };
  return null;
}
