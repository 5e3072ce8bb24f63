// The vocabulary of the data-sharing catalog (政务信息资源目录), as the seed files in
// `schemas/catalog/`, the catalog library and the gateway's policy layer all speak it.
// Values follow the national cataloguing guide (政务信息资源目录编制指南); see DOMAIN.md.

/** 共享类型: who may use a resource's data items. */
export enum SharingType {
  /** 无条件共享: any authenticated department system. */
  UNCONDITIONAL = 'UNCONDITIONAL',
  /** 有条件共享: a system holding an approved, unexpired grant for the item. */
  CONDITIONAL = 'CONDITIONAL',
  /** 不予共享: the provider department's own systems only. */
  NOT_SHARED = 'NOT_SHARED',
}

/** How sensitive a data item is; personal and sensitive personal items carry a masking rule. */
export enum Sensitivity {
  PUBLIC = 'PUBLIC',
  INTERNAL = 'INTERNAL',
  /** 个人信息 */
  PERSONAL = 'PERSONAL',
  /** 敏感个人信息 (PIPL art. 28) */
  SENSITIVE_PERSONAL = 'SENSITIVE_PERSONAL',
}

/**
 * How a value is masked (脱敏) for a caller without a full-value grant. Each rule applies to one
 * GraphQL type: the string rules to String fields, COORDINATE to Float fields.
 */
export enum MaskingRule {
  /** A citizen ID keeps its first 6 and last 4 characters: 440604********1234. */
  CITIZEN_ID = 'CITIZEN_ID',
  /** A phone number keeps its first 3 and last 4 digits: 138****5678. */
  PHONE = 'PHONE',
  /** A person's name keeps its first character: 张**. */
  NAME = 'NAME',
  /** An address keeps its first 6 characters (about the division), then ****. */
  ADDRESS = 'ADDRESS',
  /** A date keeps its year: 1985-**-**. */
  DATE_YEAR = 'DATE_YEAR',
  /** A coordinate is rounded to 0.01° (about 1 km). */
  COORDINATE = 'COORDINATE',
  /** Free text is replaced entirely: ******. */
  REDACT = 'REDACT',
}

/** 共享方式 */
export enum SharingMethod {
  API = 'API',
  TABLE = 'TABLE',
  FILE = 'FILE',
}

/** 开放属性: whether the resource is also open to the public (政府数据开放). */
export enum OpenAttribute {
  OPEN = 'OPEN',
  CONDITIONALLY_OPEN = 'CONDITIONALLY_OPEN',
  NOT_OPEN = 'NOT_OPEN',
}

/** 更新周期 */
export enum UpdateCycle {
  REAL_TIME = 'REAL_TIME',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  HALF_YEARLY = 'HALF_YEARLY',
  YEARLY = 'YEARLY',
}

/** 资源格式 */
export enum ResourceFormat {
  DATABASE = 'DATABASE',
  ELECTRONIC_FILE = 'ELECTRONIC_FILE',
  GRAPHIC_IMAGE = 'GRAPHIC_IMAGE',
  STREAMING_MEDIA = 'STREAMING_MEDIA',
  OTHER = 'OTHER',
}

export enum ResourceStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  RETIRED = 'RETIRED',
}

/** 信息项 data type */
export enum DataItemType {
  STRING = 'STRING',
  NUMBER = 'NUMBER',
  DATE = 'DATE',
  DATETIME = 'DATETIME',
  BOOLEAN = 'BOOLEAN',
  CODE = 'CODE',
  OBJECT = 'OBJECT',
  LIST = 'LIST',
  GEOMETRY = 'GEOMETRY',
}

/** One data item (信息项) of a resource, and the graph fields it governs. */
export interface DataItemSpec {
  /** 1, 2, … within the resource; the item's id is `<resource code>#<no>`. */
  no: number;
  name: string;
  dataType: DataItemType;
  /** `Type.field` coordinates in the supergraph; each field is governed by exactly one published item. */
  fields: string[];
  /**
   * Argument coordinates whose values are compared with this item's (`Query.searchPersons(filter.name)`,
   * `Query.persons(idNumbers)`): filtering or looking up by them reads the item. Each data-carrying
   * argument of a governed field is governed by exactly one published item (docs/catalog.md).
   */
  arguments?: string[];
  sensitivity: Sensitivity;
  masking: MaskingRule | null;
  description?: string;
}

/** A catalog resource (政务信息资源) with the national core metadata. */
export interface CatalogResourceSpec {
  /** Classification code + "/" + 6-digit sequence, e.g. "10101001/000001" (see resource-code.ts). */
  code: string;
  name: string;
  /** USCC of the provider department (数源部门). */
  provider: string;
  summary: string;
  format: ResourceFormat;
  sharingType: SharingType;
  /** Required for CONDITIONAL (what an applicant must show) and NOT_SHARED (why). */
  sharingConditions: string | null;
  sharingMethod: SharingMethod;
  openAttribute: OpenAttribute;
  updateCycle: UpdateCycle;
  /** YYYY-MM-DD */
  publishedOn: string | null;
  relatedCodes: string[];
  status: ResourceStatus;
  items: DataItemSpec[];
}

export interface DepartmentSystemSpec {
  /** Unique across the hub, lower-case letters, digits and dashes, e.g. "fs-psb-hukou". */
  code: string;
  name: string;
}

/** A department (部门) and its business systems, the hub's API clients. */
export interface DepartmentSpec {
  uscc: string;
  name: string;
  /** GB/T 2260 division the department serves. */
  divisionCode: string;
  systems: DepartmentSystemSpec[];
}

/** The id of a data item: its resource code and number. */
export function dataItemId(resourceCode: string, no: number): string {
  return `${resourceCode}#${no}`;
}
