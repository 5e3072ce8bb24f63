// The code of a catalog resource (政务信息资源代码), after the national cataloguing guide
// (政务信息资源目录编制指南): a classification code that says where the resource sits in the
// catalog tree, then a sequence that tells apart resources of the same classification.
//
//   classification  = 类 (1 digit) + 项 (2 digits) + 目 (2 digits) + 细目 (3 digits)   8 digits
//   resource code   = classification + "/" + sequence (6 digits)    e.g. 10101001/000001
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
// 目 and 细目 are chosen per resource by the catalog's editors (e.g. 101 01 001 人口基本信息,
// 101 02 001 人口户籍信息); they are numbered from 1, so an all-zero segment is never valid. The
// sequence is numbered from 000001 within a classification.

export type ResourceCodeErrorCode =
  | 'RESOURCE_CODE_FORMAT'
  | 'RESOURCE_CODE_CATEGORY'
  | 'RESOURCE_CODE_SUBJECT'
  | 'RESOURCE_CODE_SEGMENT';

export type ResourceCodeResult =
  | { ok: true; classification: string; sequence: string }
  | { ok: false; code: ResourceCodeErrorCode; message: string };

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

const RESOURCE_CODE = /^(\d{8})\/(\d{6})$/;

export function parseResourceCode(code: string): ResourceCodeResult {
  const match = RESOURCE_CODE.exec(code);
  if (match === null) {
    return {
      ok: false,
      code: 'RESOURCE_CODE_FORMAT',
      message: `resource code "${code}" must be an 8-digit classification, "/" and a 6-digit sequence, e.g. 10101001/000001`,
    };
  }
  const [, classification, sequence] = match;
  const problem = classificationProblem(classification);
  if (problem !== null) return { ok: false, ...problem };
  if (sequence === '000000') {
    return { ok: false, code: 'RESOURCE_CODE_SEGMENT', message: `sequence of "${code}" is 000000; sequences start at 000001` };
  }
  return { ok: true, classification, sequence };
}

/** Whether `code` is an 8-digit classification code (类 项 目 细目) as described above. */
export function isValidClassificationCode(code: string): boolean {
  return /^\d{8}$/.test(code) && classificationProblem(code) === null;
}

function classificationProblem(classification: string): { code: ResourceCodeErrorCode; message: string } | null {
  const category = classification.slice(0, 1);
  if (RESOURCE_CATEGORIES[category] === undefined) {
    return {
      code: 'RESOURCE_CODE_CATEGORY',
      message: `classification ${classification} starts with 类 ${category}; it must be 1 (基础), 2 (主题) or 3 (部门)`,
    };
  }
  // Under 类 1 the 项 is one of the hub's base subjects: a typo there would file a resource under
  // a library that does not exist. 类 2 and 3 are numbered by their own editors.
  const subject = classification.slice(1, 3);
  if (category === '1' && BASE_RESOURCE_SUBJECTS[subject] === undefined) {
    return {
      code: 'RESOURCE_CODE_SUBJECT',
      message: `classification ${classification} has 项 ${subject} under 类 1; known: ${Object.entries(BASE_RESOURCE_SUBJECTS)
        .map(([code, name]) => `${code} ${name}`)
        .join(', ')}`,
    };
  }
  const segments: [string, string, string][] = [
    ['项', classification.slice(1, 3), '00'],
    ['目', classification.slice(3, 5), '00'],
    ['细目', classification.slice(5, 8), '000'],
  ];
  for (const [name, value, zero] of segments) {
    if (value === zero) {
      return { code: 'RESOURCE_CODE_SEGMENT', message: `classification ${classification} has ${name} ${value}; it is numbered from 1` };
    }
  }
  return null;
}
