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
 * GraphQL type: the string rules to String and ID fields (REDACT also to JSON), COORDINATE to Float
 * fields and to objects of Float fields (a point). See docs/catalog.md §4.
 */
export enum MaskingRule {
  /** A citizen ID keeps its first 6 and last 4 characters: 440604********1234. */
  CITIZEN_ID = 'CITIZEN_ID',
  /** A phone number keeps its first 3 and last 4 digits: 138****5678. */
  PHONE = 'PHONE',
  /** A person's name keeps its surname — a compound one (欧阳) whole: 张**, 欧阳**. */
  NAME = 'NAME',
  /** An address keeps its first 6 characters (about the division), then ****. */
  ADDRESS = 'ADDRESS',
  /** A date keeps its year: 1985-**-**. */
  DATE_YEAR = 'DATE_YEAR',
  /** A coordinate is snapped to the 0.01° grid (about 1 km); on a point, both of its coordinates. */
  COORDINATE = 'COORDINATE',
  /** Free text is replaced entirely: ******; in a JSON value, every value inside it. */
  REDACT = 'REDACT',
  /** A subject's id by what it is: a citizen ID masked as CITIZEN_ID, a USCC kept, anything else ******. */
  SUBJECT_ID = 'SUBJECT_ID',
  /** A record id keeps its shape; every citizen ID inside it is masked as CITIZEN_ID (p-440604********1234). */
  RECORD_ID = 'RECORD_ID',
}

/**
 * What a data item's values are (数据分类), so that personal data is known as personal data: the
 * catalog check refuses a personal class in a shared resource without a masking rule that fits it.
 * Three groups: always personal (about one natural person), personal when the subject is a natural
 * person (the same field holds persons' and companies' values), and not personal.
 */
export enum DataClass {
  // Always personal.
  /** 公民身份号码 */
  CITIZEN_ID = 'CITIZEN_ID',
  /** A natural person's name (also a civil servant's, e.g. a reviewer). */
  PERSON_NAME = 'PERSON_NAME',
  BIRTH_DATE = 'BIRTH_DATE',
  /** Another date of a person's life: death, moving out. */
  PERSON_DATE = 'PERSON_DATE',
  /** A person's address (household, residence). */
  ADDRESS = 'ADDRESS',
  /** Where a person lives, as a point. */
  COORDINATES = 'COORDINATES',
  PHONE = 'PHONE',
  /** Free text about a person (a reason, a reported value). */
  PERSON_TEXT = 'PERSON_TEXT',
  /** An id that stands for a person or their home (household number, the standard address of a home). */
  PERSON_RECORD_ID = 'PERSON_RECORD_ID',
  /** A category a person belongs to: gender, ethnicity, status, relation to the head of household. */
  PERSON_CATEGORY = 'PERSON_CATEGORY',
  /** A structured document of a person's values (a change record's old and new values). */
  PERSON_RECORD = 'PERSON_RECORD',
  // Personal when the subject is a natural person.
  /** A citizen ID or a USCC (or, on a spatial hit, an address id). */
  SUBJECT_ID = 'SUBJECT_ID',
  /** A person's or an organisation's name. */
  SUBJECT_NAME = 'SUBJECT_NAME',
  /** Free text about a person or an organisation. */
  SUBJECT_TEXT = 'SUBJECT_TEXT',
  /** The point of a person, a company or an address. */
  SUBJECT_COORDINATES = 'SUBJECT_COORDINATES',
  /** A category of a person or an organisation (a credit level). */
  SUBJECT_CATEGORY = 'SUBJECT_CATEGORY',
  /** A source system's record id, which may embed the subject's citizen ID (p-<citizen ID>). */
  RECORD_ID = 'RECORD_ID',
  // Not personal.
  /** A USCC of an organisation. */
  ORGANISATION_ID = 'ORGANISATION_ID',
  ORGANISATION_NAME = 'ORGANISATION_NAME',
  /** A public place or a place no finer than a county: divisions, standard addresses, a company's seat. */
  PLACE = 'PLACE',
  /** Codes, enums and reference data that describe no person. */
  CODE = 'CODE',
  /** A date or time that is not an event of a person's life (record timestamps, decisions). */
  DATE = 'DATE',
  /** Free text about no person (business scope, legal basis). */
  TEXT = 'TEXT',
  NUMBER = 'NUMBER',
  /** An id of a record, document or event that embeds no personal identifier. */
  IDENTIFIER = 'IDENTIFIER',
  /** An object or list: its own fields carry their classes. */
  STRUCTURE = 'STRUCTURE',
  /**
   * Base-library values relayed as the caller may read them: read through the gateway under the
   * caller's own rights, so masked by their own items already; masking them again would hide them.
   */
  RELAYED = 'RELAYED',
  OTHER = 'OTHER',
}

/** The classes whose values are personal, always or when the subject is a natural person. */
export const PERSONAL_DATA_CLASSES: ReadonlySet<DataClass> = new Set([
  DataClass.CITIZEN_ID,
  DataClass.PERSON_NAME,
  DataClass.BIRTH_DATE,
  DataClass.PERSON_DATE,
  DataClass.ADDRESS,
  DataClass.COORDINATES,
  DataClass.PHONE,
  DataClass.PERSON_TEXT,
  DataClass.PERSON_RECORD_ID,
  DataClass.PERSON_CATEGORY,
  DataClass.PERSON_RECORD,
  DataClass.SUBJECT_ID,
  DataClass.SUBJECT_NAME,
  DataClass.SUBJECT_TEXT,
  DataClass.SUBJECT_COORDINATES,
  DataClass.SUBJECT_CATEGORY,
  DataClass.RECORD_ID,
]);

export function isPersonalDataClass(dataClass: string | null | undefined): boolean {
  return PERSONAL_DATA_CLASSES.has(dataClass as DataClass);
}

/**
 * The masking rules that fit a personal class: a rule that keeps less than the class needs hidden
 * (CITIZEN_ID on a field that also holds USCCs masks them as if they were citizen IDs) or that
 * cannot read the value (NAME on an address) does not fit. Non-personal classes take any rule,
 * RELAYED none (its values are masked where they come from).
 */
export const MASKING_RULES_OF_CLASS: Readonly<Partial<Record<DataClass, readonly MaskingRule[]>>> = {
  [DataClass.CITIZEN_ID]: [MaskingRule.CITIZEN_ID, MaskingRule.SUBJECT_ID, MaskingRule.REDACT],
  [DataClass.PERSON_NAME]: [MaskingRule.NAME, MaskingRule.REDACT],
  [DataClass.BIRTH_DATE]: [MaskingRule.DATE_YEAR, MaskingRule.REDACT],
  [DataClass.PERSON_DATE]: [MaskingRule.DATE_YEAR, MaskingRule.REDACT],
  [DataClass.ADDRESS]: [MaskingRule.ADDRESS, MaskingRule.REDACT],
  [DataClass.COORDINATES]: [MaskingRule.COORDINATE],
  [DataClass.PHONE]: [MaskingRule.PHONE, MaskingRule.REDACT],
  [DataClass.PERSON_TEXT]: [MaskingRule.REDACT],
  [DataClass.PERSON_RECORD_ID]: [MaskingRule.REDACT, MaskingRule.RECORD_ID],
  [DataClass.PERSON_CATEGORY]: [MaskingRule.REDACT],
  [DataClass.PERSON_RECORD]: [MaskingRule.REDACT],
  [DataClass.SUBJECT_ID]: [MaskingRule.SUBJECT_ID, MaskingRule.REDACT],
  [DataClass.SUBJECT_NAME]: [MaskingRule.NAME, MaskingRule.REDACT],
  [DataClass.SUBJECT_TEXT]: [MaskingRule.REDACT],
  [DataClass.SUBJECT_COORDINATES]: [MaskingRule.COORDINATE],
  [DataClass.SUBJECT_CATEGORY]: [MaskingRule.REDACT],
  [DataClass.RECORD_ID]: [MaskingRule.RECORD_ID, MaskingRule.REDACT],
  [DataClass.RELAYED]: [],
};

/**
 * When an item's masking rule does not apply: the object holding the value says, in a sibling
 * field, that its subject is not a natural person (`{ field: "subjectType", values: ["LEGAL_ENTITY"] }`).
 * The masker reads the sibling from the same object of the answer, under whatever key the operation
 * selected it; when the operation did not select it, or it holds another value, the rule applies.
 */
export interface MaskUnless {
  field: string;
  values: string[];
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

/**
 * 信息资源格式, the classes of the cataloguing guide: 电子文件 (OFD, wps, xml, txt, doc, pdf …),
 * 电子表格 (et, xls, xlsx …), 数据库 (达梦, 人大金仓, Oracle, SQL Server …), 图形图像 (jpg, gif,
 * bmp …), 流媒体 (swf, rm, mpg …), 自描述格式 (a format that carries its own structure, e.g. JSON or
 * XML with its schema), and 其他.
 */
export enum ResourceFormat {
  ELECTRONIC_FILE = 'ELECTRONIC_FILE',
  SPREADSHEET = 'SPREADSHEET',
  DATABASE = 'DATABASE',
  GRAPHIC_IMAGE = 'GRAPHIC_IMAGE',
  STREAMING_MEDIA = 'STREAMING_MEDIA',
  SELF_DESCRIBING = 'SELF_DESCRIBING',
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
  /** What the values are; personal classes in shared resources need a masking rule that fits. */
  dataClass: DataClass;
  /** When the masking rule does not apply (the subject is not a natural person); null or absent: always. */
  maskUnless?: MaskUnless | null;
  description?: string;
}

/** A catalog resource (政务信息资源) with the national core metadata. */
export interface CatalogResourceSpec {
  /** Classification code + "/" + 6-digit sequence, e.g. "101001001/000001" (see resource-code.ts). */
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
