/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AcceptDataCorrectionInput = {
  id: string | number;
  /** A note to the reporter, e.g. when the record will be corrected */
  note?: string | null | undefined;
};

/** What verifyAccessLog found wrong with the access log */
export type AccessLogProblemCode =
  /** A record lies beyond the chain head: not appended through the log */
  | 'BEYOND_HEAD'
  /** Records are missing (deleted): between two others, or before the head */
  | 'CHAIN_GAP'
  /** A record’s prevHash is not the previous record’s hash: records removed or inserted */
  | 'CHAIN_LINK_BROKEN'
  /** A line of the checkpoint file is not a valid checkpoint of this hub: forged, signed with another key, or malformed */
  | 'CHECKPOINT_INVALID'
  /** The record a checkpoint sealed has another hash now: rewritten with recomputed hashes, or rewound and appended again */
  | 'CHECKPOINT_MISMATCH'
  /** The chain head does not match the last record */
  | 'HEAD_MISMATCH'
  /** A record does not match its keyed MAC: rewritten, or its hash recomputed without the audit key (plain SHA-256 or another key) */
  | 'RECORD_CHANGED'
  /** Records a checkpoint sealed are gone: the newest records deleted and the head moved back */
  | 'TRUNCATED';

export type AccessOutcome =
  /** Served */
  | 'ALLOWED'
  /** Allowed but failed (an error of the hub or of the input) */
  | 'FAILED'
  /** A write, recorded before it was sent to its library; the record of its outcome (same requestId) follows. Without one, the outcome could not be recorded and the write may have been made */
  | 'INTENDED'
  /** Refused by the catalog policy or for lack of a valid key */
  | 'REFUSED';

/** Whose data an access record names */
export type AccessSubjectType =
  /** A legal entity, by USCC */
  | 'LEGAL_ENTITY'
  /** A citizen, by citizen ID */
  | 'PERSON';

export type ApiKeyFilter = {
  /** The department of the system or steward holding the key (a department steward sees its own department's only) */
  departmentUscc?: string | null | undefined;
  status?: ApiKeyStatus | null | undefined;
  systemCode?: string | null | undefined;
};

export type ApiKeyStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'REVOKED';

export type ApplyForSharingInput = {
  /** Ask for unmasked values of sensitive items */
  fullValues?: boolean;
  /** Item numbers of the resource */
  items: Array<number>;
  /** The law or regulation the use rests on (依据) */
  legalBasis: string;
  /** Why the data is needed (用途) */
  purpose: string;
  requestedFrom: string;
  requestedTo: string;
  resourceCode: string;
  /** The applying system: required when a department steward applies on behalf of one of its department's systems; a system applies for itself */
  systemCode?: string | null | undefined;
};

export type ApproveSharingInput = {
  applicationId: string | number;
  /** Grant unmasked values (only if asked for); default as asked */
  fullValues?: boolean | null | undefined;
  /** The items approved; default all asked for. Fewer = a partial approval, which needs a reason */
  items?: Array<number> | null | undefined;
  reason?: string | null | undefined;
  /** Shorten the period; default as asked */
  validTo?: string | null | undefined;
};

export type CalendarYearSource =
  /** The calendar file the catalog started with (WORKING_DAY_CALENDAR) */
  | 'FILE'
  /** A notice an admin entered (enterWorkingDayNotice) */
  | 'NOTICE';

export type CatalogChangeKind =
  | 'PUBLISH'
  | 'RETIRE'
  | 'UPDATE';

/** The order of searchCatalog; a cursor is valid only for the order it was handed out with */
export type CatalogOrderBy = {
  direction?: CatalogSortDirection;
  field: CatalogSortField;
};

/** A new catalog resource; it starts as a DRAFT */
export type CatalogResourceInput = {
  /** Classification (类 1 + 项 2 + 目 3 + 细目 digits) + "/" + sequence (顺序码), as the cataloguing guide writes it, e.g. 101001001/000009 */
  code: string;
  format: ResourceFormat;
  items: Array<DataItemInput>;
  name: string;
  openAttribute: OpenAttribute;
  providerUscc: string;
  relatedCodes?: Array<string> | null | undefined;
  sharingConditions?: string | null | undefined;
  sharingMethod: SharingMethod;
  sharingType: SharingType;
  summary: string;
  updateCycle: UpdateCycle;
};

export type CatalogSearchFilter = {
  /** A classification code or its prefix (类, 类项, …) */
  classification?: string | null | undefined;
  providerUscc?: string | null | undefined;
  sharingType?: SharingType | null | undefined;
  /** Default: PUBLISHED */
  status?: ResourceStatus | null | undefined;
  /** Part of the name or summary */
  text?: string | null | undefined;
  /** 更新周期 */
  updateCycle?: UpdateCycle | null | undefined;
};

export type CatalogSortDirection =
  | 'ASC'
  | 'DESC';

/** What searchCatalog sorts by (the resource code breaks ties) */
export type CatalogSortField =
  | 'CODE'
  | 'NAME'
  | 'UPDATED_AT';

/** What a data item's values are (数据分类); personal classes in shared resources need a masking rule that fits; see docs/catalog.md §2 */
export type DataClass =
  | 'ADDRESS'
  | 'BIRTH_DATE'
  | 'CITIZEN_ID'
  | 'CODE'
  | 'COORDINATES'
  | 'DATE'
  | 'IDENTIFIER'
  | 'NUMBER'
  | 'ORGANISATION_ID'
  | 'ORGANISATION_NAME'
  | 'OTHER'
  | 'PERSON_CATEGORY'
  | 'PERSON_DATE'
  | 'PERSON_NAME'
  | 'PERSON_RECORD'
  | 'PERSON_RECORD_ID'
  | 'PERSON_TEXT'
  | 'PHONE'
  | 'PLACE'
  | 'RECORD_ID'
  | 'RELAYED'
  | 'STRUCTURE'
  | 'SUBJECT_CATEGORY'
  | 'SUBJECT_COORDINATES'
  | 'SUBJECT_ID'
  | 'SUBJECT_NAME'
  | 'SUBJECT_TEXT'
  | 'TEXT';

export type DataCorrectionRole =
  /** Those the caller's department reported */
  | 'REPORTED'
  /** Those routed to the caller's department as the records' source */
  | 'TO_ANSWER';

export type DataCorrectionStatus =
  /** The source department accepted the report (受理): answered on time, its record to be corrected by its own system; CORRECTED when the change event carries the field */
  | 'ACCEPTED'
  /** The source corrected the record: the library's change event carried the field */
  | 'CORRECTED'
  /** The source department holds the record right, and said why */
  | 'REJECTED'
  /** With the source department, awaiting its correction or its answer */
  | 'ROUTED';

export type DataItemInput = {
  /** Argument coordinates this item governs — filtering or looking up by them reads it: `Type.field(path)`, e.g. Query.searchPersons(filter.name), or `Type.field(selector: VALUE, path)` */
  arguments?: Array<string> | null | undefined;
  /** What the values are; a personal class in a shared resource needs a masking rule that fits it */
  dataClass: DataClass;
  dataType: DataItemType;
  description?: string | null | undefined;
  /** `Type.field` coordinates this item governs */
  fields: Array<string>;
  /** When the masking rule does not apply (a sibling says the subject is not a natural person) */
  maskUnless?: MaskUnlessInput | null | undefined;
  masking?: MaskingRule | null | undefined;
  name: string;
  no: number;
  sensitivity: Sensitivity;
};

export type DataItemType =
  | 'BOOLEAN'
  | 'CODE'
  | 'DATE'
  | 'DATETIME'
  | 'GEOMETRY'
  | 'LIST'
  | 'NUMBER'
  | 'OBJECT'
  | 'STRING';

/** A citizen (citizen ID) or a legal entity (USCC) */
export type DataSubjectType =
  | 'LEGAL_ENTITY'
  | 'PERSON';

export type EnterWorkingDayNoticeInput = {
  /** Every Monday–Friday day off of the year (and of the December before, for New Year bridging), YYYY-MM-DD: the statutory days, their make-up days (补休) and bridging days */
  holidays: Array<string>;
  /** The day the notice was issued */
  publishedOn?: string | null | undefined;
  /** Required when the year was entered before: what changed (an amending notice, a typo) */
  reason?: string | null | undefined;
  /** The notice: its title and number, e.g. 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号） */
  source: string;
  /** Take a notice whose days off less days worked differ from the statutory total (a one-off holiday) */
  unusualTotalConfirmed?: boolean;
  /** Every weekend day worked (调休上班), YYYY-MM-DD */
  workdays: Array<string>;
  year: number;
};

/** What a key lets its holder do */
export type HubRole =
  /** Registers departments and systems, issues and revokes keys */
  | 'ADMIN'
  /** A data steward: manages the catalog and decides sharing applications, of one department or hub-wide */
  | 'STEWARD'
  /** A department system (部门系统): reads shared data under the catalog, applies for grants */
  | 'SYSTEM';

export type IssueApiKeyInput = {
  /** For a STEWARD: the department stewarded; absent = hub-wide. An ADMIN key has none */
  departmentUscc?: string | null | undefined;
  /** Last day the key works (YYYY-MM-DD, at most 3 years ahead); default one year */
  expiresOn?: string | null | undefined;
  /** Who holds the key: a system name or a person */
  holderName: string;
  roles: Array<HubRole>;
  /** Required with the SYSTEM role: the system the key is for */
  systemCode?: string | null | undefined;
};

/** When the masking rule does not apply: a sibling field of the masked value and the values that exempt it */
export type MaskUnlessInput = {
  /** A field beside every field of the item, e.g. subjectType */
  field: string;
  /** Values of that field for which the rule does not apply, e.g. LEGAL_ENTITY */
  values: Array<string>;
};

/** How values are masked (脱敏) for a caller without full values; see docs/catalog.md */
export type MaskingRule =
  | 'ADDRESS'
  | 'CITIZEN_ID'
  | 'COORDINATE'
  | 'DATE_YEAR'
  | 'NAME'
  | 'PHONE'
  | 'RECORD_ID'
  | 'REDACT'
  | 'SUBJECT_ID';

/** 开放属性 */
export type OpenAttribute =
  | 'CONDITIONALLY_OPEN'
  | 'NOT_OPEN'
  | 'OPEN';

export type RegisterSystemInput = {
  /** Unique across the hub: lower-case letters, digits and dashes, e.g. "fs-hrss-social" */
  code: string;
  departmentUscc: string;
  name: string;
};

export type RejectDataCorrectionInput = {
  id: string | number;
  /** Required: the reporter is owed the reason (拒绝须说明理由) */
  reason: string;
};

export type RejectSharingInput = {
  applicationId: string | number;
  /** Required: the applicant is owed the reason (拒绝须说明理由) */
  reason: string;
};

/** 信息资源格式, the cataloguing guide's classes */
export type ResourceFormat =
  /** 数据库 */
  | 'DATABASE'
  /** 电子文件 (OFD, wps, xml, txt, doc, pdf …) */
  | 'ELECTRONIC_FILE'
  /** 图形图像 (jpg, gif, bmp …) */
  | 'GRAPHIC_IMAGE'
  /** 其他 */
  | 'OTHER'
  /** 自描述格式 (carries its own structure, e.g. JSON or XML with its schema) */
  | 'SELF_DESCRIBING'
  /** 电子表格 (et, xls, xlsx …) */
  | 'SPREADSHEET'
  /** 流媒体 (swf, rm, mpg …) */
  | 'STREAMING_MEDIA';

/** DRAFT → PUBLISHED → RETIRED; only published resources govern fields */
export type ResourceStatus =
  | 'DRAFT'
  | 'PUBLISHED'
  | 'RETIRED';

export type RevokeApiKeyInput = {
  id: string;
  reason: string;
};

export type RevokeGrantInput = {
  grantId: string | number;
  reason: string;
};

/** How sensitive a data item is (PIPL: 个人信息, 敏感个人信息) */
export type Sensitivity =
  | 'INTERNAL'
  | 'PERSONAL'
  | 'PUBLIC'
  | 'SENSITIVE_PERSONAL';

export type SetRecognitionInput = {
  /** true: accepts results of this type; false: checks again itself */
  accepts: boolean;
  /** The department (USCC) that starts or stops accepting it */
  department: string;
  /** Why (kept in the event and the audit trail) */
  reason: string;
  /** The result type */
  resultType: string;
};

export type SharingApplicationFilter = {
  /** With movedByNoticeYear: only that version of the notice (absent: any version) */
  movedByNoticeVersion?: number | null | undefined;
  /** Only the applications whose deadline a working-day notice of this year counted again (see deadlineChanges) */
  movedByNoticeYear?: number | null | undefined;
  resourceCode?: string | null | undefined;
  /** For a department steward: PROVIDER (default), the applications it decides; CONSUMER, those its department's systems made. Ignored for others */
  side?: SharingApplicationSide | null | undefined;
  status?: SharingApplicationStatus | null | undefined;
};

export type SharingApplicationSide =
  /** The applications the steward's department's systems made */
  | 'CONSUMER'
  /** The applications the steward's department provides the data of, and decides (its inbox) */
  | 'PROVIDER';

export type SharingApplicationStatus =
  | 'APPROVED'
  | 'PARTIALLY_APPROVED'
  | 'REJECTED'
  | 'SUBMITTED'
  | 'WITHDRAWN';

export type SharingGrantFilter = {
  resourceCode?: string | null | undefined;
  /** The status as of today (China Standard Time), as SharingGrant.status tells it */
  status?: SharingGrantStatus | null | undefined;
  /** The consumer system holding the grant */
  systemCode?: string | null | undefined;
};

export type SharingGrantStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'REVOKED';

/** 共享方式 */
export type SharingMethod =
  | 'API'
  | 'FILE'
  | 'TABLE';

/** 共享类型 */
export type SharingType =
  /** 有条件共享: needs an approved sharing application */
  | 'CONDITIONAL'
  /** 不予共享: the provider department only */
  | 'NOT_SHARED'
  /** 无条件共享: any authenticated department system */
  | 'UNCONDITIONAL';

/** Changes to a resource; absent properties stay as they are */
export type UpdateCatalogResourceInput = {
  code: string;
  /** The version you edited: a change on top of someone else's is refused (VERSION_CONFLICT) */
  expectedVersion: number;
  format?: ResourceFormat | null | undefined;
  /** The complete new list of items */
  items?: Array<DataItemInput> | null | undefined;
  name?: string | null | undefined;
  openAttribute?: OpenAttribute | null | undefined;
  relatedCodes?: Array<string> | null | undefined;
  sharingConditions?: string | null | undefined;
  sharingMethod?: SharingMethod | null | undefined;
  sharingType?: SharingType | null | undefined;
  summary?: string | null | undefined;
  updateCycle?: UpdateCycle | null | undefined;
};

/** 更新周期 */
export type UpdateCycle =
  | 'DAILY'
  | 'HALF_YEARLY'
  | 'MONTHLY'
  | 'QUARTERLY'
  | 'REAL_TIME'
  | 'WEEKLY'
  | 'YEARLY';

export type DepartmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type DepartmentsQuery = { departments: Array<{ uscc: string, name: string, divisionCode: string, systems: Array<{ code: string, name: string, rateLimitPerMinute: number | null }> }> };

export type AccessLogQueryVariables = Exact<{
  subjectType: AccessSubjectType;
  subjectId: string;
  first: number;
  after?: string | null | undefined;
}>;


export type AccessLogQuery = { accessLog: { nodes: Array<{ seq: string, recordedAt: string, systemCode: string | null, departmentUscc: string | null, holderName: string | null, purpose: string | null, caseNumber: string | null, operationName: string | null, fields: Array<string>, outcome: AccessOutcome, errorCode: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type VerifyAccessLogQueryVariables = Exact<{ [key: string]: never; }>;


export type VerifyAccessLogQuery = { verifyAccessLog: { ok: boolean, checked: number, unkeyed: number, firstBrokenSeq: string | null, code: AccessLogProblemCode | null, reason: string | null, headSeq: string, checkpointsChecked: number } };

export type AccessLogSealQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessLogSealQuery = { accessLogSeal: { no: string, headSeq: string, headHash: string, time: string, instance: string, reason: string } | null };

export type SharingApplicationsQueryVariables = Exact<{
  filter?: SharingApplicationFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type SharingApplicationsQuery = { sharingApplications: { nodes: Array<{ id: string, resourceCode: string, providerUscc: string, consumerSystemCode: string, consumerDepartmentUscc: string, items: Array<number>, purpose: string, legalBasis: string, requestedFrom: string, requestedTo: string, fullValues: boolean, status: SharingApplicationStatus, submittedAt: string, deadline: string, deadlineProvisional: boolean, overdue: boolean, workingDaysLeft: number, decidedAt: string | null, decidedBy: string | null, decisionReason: string | null, approvedItems: Array<number> | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SharingApplicationDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type SharingApplicationDetailQuery = { sharingApplication: { id: string, resourceCode: string, providerUscc: string, consumerSystemCode: string, consumerDepartmentUscc: string, items: Array<number>, purpose: string, legalBasis: string, requestedFrom: string, requestedTo: string, fullValues: boolean, status: SharingApplicationStatus, submittedAt: string, deadline: string, deadlineProvisional: boolean, overdue: boolean, workingDaysLeft: number, decidedAt: string | null, decidedBy: string | null, decisionReason: string | null, approvedItems: Array<number> | null, grantId: string | null, deadlineChanges: Array<{ previousDeadline: string, deadline: string, changedAt: string }> } | null };

export type ApplicationResourceQueryVariables = Exact<{
  code: string;
}>;


export type ApplicationResourceQuery = { catalogResource: { code: string, name: string, items: Array<{ no: number, name: string }> } | null };

export type ConditionalResourcesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConditionalResourcesQuery = { searchCatalog: { nodes: Array<{ code: string, name: string, providerUscc: string, items: Array<{ no: number, name: string }> }> } };

export type ApproveApplicationMutationVariables = Exact<{
  input: ApproveSharingInput;
}>;


export type ApproveApplicationMutation = { approveSharingApplication: { id: string, status: SharingApplicationStatus } };

export type RejectApplicationMutationVariables = Exact<{
  input: RejectSharingInput;
}>;


export type RejectApplicationMutation = { rejectSharingApplication: { id: string, status: SharingApplicationStatus } };

export type WithdrawApplicationMutationVariables = Exact<{
  id: string | number;
}>;


export type WithdrawApplicationMutation = { withdrawSharingApplication: { id: string, status: SharingApplicationStatus } };

export type ApplyForSharingMutationVariables = Exact<{
  input: ApplyForSharingInput;
}>;


export type ApplyForSharingMutation = { applyForSharing: { id: string, status: SharingApplicationStatus } };

export type WorkingDayCoverageQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkingDayCoverageQuery = { workingDayCalendar: { officialUntil: string | null, firstProvisionalYear: number, warning: string | null, officialYears: Array<{ year: number, from: CalendarYearSource, source: string | null, version: number | null }> } };

export type WorkingDayNoticesQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkingDayNoticesQuery = { workingDayNotices: Array<{ year: number, version: number, holidays: Array<string>, workdays: Array<string>, source: string, publishedOn: string | null, reason: string | null, unusualTotal: boolean, deadlinesChanged: number, enteredBy: string, enteredAt: string }> };

export type StatutoryHolidaysQueryVariables = Exact<{
  year: number;
}>;


export type StatutoryHolidaysQuery = { statutoryHolidays: Array<{ day: string, name: string }> };

export type EnterWorkingDayNoticeMutationVariables = Exact<{
  input: EnterWorkingDayNoticeInput;
}>;


export type EnterWorkingDayNoticeMutation = { enterWorkingDayNotice: { year: number, version: number, deadlinesChanged: number } };

export type MovedApplicationsQueryVariables = Exact<{
  filter?: SharingApplicationFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type MovedApplicationsQuery = { sharingApplications: { nodes: Array<{ id: string, resourceCode: string, consumerSystemCode: string, status: SharingApplicationStatus, submittedAt: string, deadline: string, deadlineProvisional: boolean, deadlineChanges: Array<{ previousDeadline: string, previousProvisional: boolean, deadline: string, provisional: boolean, noticeYear: number | null, noticeVersion: number | null, changedAt: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MovedCorrectionsQueryVariables = Exact<{
  role: DataCorrectionRole;
  year: number;
  version: number;
  first: number;
  after?: string | null | undefined;
}>;


export type MovedCorrectionsQuery = { dataCorrections: { nodes: Array<{ id: string, subjectType: DataSubjectType, field: string, sourceDepartment: string, reporterDepartment: string, status: DataCorrectionStatus, deadline: string, deadlineProvisional: boolean, deadlineChanges: Array<{ previousDeadline: string, previousProvisional: boolean, deadline: string, provisional: boolean, noticeYear: number | null, noticeVersion: number | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ToAnswerQueryVariables = Exact<{
  status?: DataCorrectionStatus | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ToAnswerQuery = { dataCorrections: { nodes: Array<{ id: string, subjectType: DataSubjectType, subjectId: string, field: string, reportedValue: string | null, proposedValue: string | null, reason: string, evidence: Array<string>, reporterDepartment: string, reporterSystem: string | null, reportedAt: string, sourceDepartment: string, deadline: string, deadlineProvisional: boolean, workingDaysLeft: number, overdue: boolean, status: DataCorrectionStatus, resolvedAt: string | null, resolutionReason: string | null, correctedValue: string | null, correctionVersion: number | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AcceptDataCorrectionMutationVariables = Exact<{
  input: AcceptDataCorrectionInput;
}>;


export type AcceptDataCorrectionMutation = { acceptDataCorrection: { id: string, status: DataCorrectionStatus } };

export type RejectDataCorrectionMutationVariables = Exact<{
  input: RejectDataCorrectionInput;
}>;


export type RejectDataCorrectionMutation = { rejectDataCorrection: { id: string, status: DataCorrectionStatus } };

export type SharingGrantPageQueryVariables = Exact<{
  filter?: SharingGrantFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type SharingGrantPageQuery = { sharingGrantPage: { nodes: Array<{ id: string, resourceCode: string, providerUscc: string, consumerSystemCode: string, items: Array<number>, purpose: string, fullValues: boolean, validFrom: string, validTo: string, status: SharingGrantStatus, grantedAt: string, revokedAt: string | null, revokeReason: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RevokeSharingGrantMutationVariables = Exact<{
  input: RevokeGrantInput;
}>;


export type RevokeSharingGrantMutation = { revokeSharingGrant: { id: string, status: SharingGrantStatus, revokedAt: string | null, revokeReason: string | null } };

export type ApiKeyPageQueryVariables = Exact<{
  filter?: ApiKeyFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ApiKeyPageQuery = { apiKeyPage: { nodes: Array<{ id: string, roles: Array<HubRole>, departmentUscc: string | null, systemCode: string | null, holderName: string, issuedAt: string, expiresAt: string, status: ApiKeyStatus, revokedAt: string | null, revokeReason: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type IssueApiKeyMutationVariables = Exact<{
  input: IssueApiKeyInput;
}>;


export type IssueApiKeyMutation = { issueApiKey: { key: string, apiKey: { id: string, holderName: string } } };

export type RegisterSystemMutationVariables = Exact<{
  input: RegisterSystemInput;
}>;


export type RegisterSystemMutation = { registerSystem: { code: string, name: string, departmentUscc: string } };

export type RevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, status: ApiKeyStatus } };

export type RecognitionRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type RecognitionRulesQuery = { recognitionRules: Array<{ resultType: string, name: string, subjectType: string, maxValidityDays: number, acceptedBy: Array<string>, description: string | null, version: number, updatedAt: string }>, departments: Array<{ uscc: string, name: string }> };

export type SetRecognitionMutationVariables = Exact<{
  input: SetRecognitionInput;
}>;


export type SetRecognitionMutation = { setRecognition: { resultType: string, acceptedBy: Array<string>, version: number } };

export type OverdueCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type OverdueCountsQuery = { overdueSharingApplicationCounts: Array<{ departmentUscc: string, count: number, earliestDeadline: string }>, overdueDataCorrectionCounts: Array<{ departmentUscc: string, count: number, earliestDeadline: string }> };

export type OverdueSharingApplicationsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type OverdueSharingApplicationsQuery = { overdueSharingApplications: { nodes: Array<{ id: string, resourceCode: string, providerUscc: string, consumerSystemCode: string, consumerDepartmentUscc: string, submittedAt: string, deadline: string, workingDaysLeft: number }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type OverdueDataCorrectionsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type OverdueDataCorrectionsQuery = { overdueDataCorrections: { nodes: Array<{ id: string, subjectType: DataSubjectType, field: string, reporterDepartment: string, sourceDepartment: string, reportedAt: string, deadline: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SearchCatalogQueryVariables = Exact<{
  filter?: CatalogSearchFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
  orderBy?: CatalogOrderBy | null | undefined;
}>;


export type SearchCatalogQuery = { searchCatalog: { nodes: Array<{ code: string, name: string, providerName: string | null, providerUscc: string, sharingType: SharingType, updateCycle: UpdateCycle, status: ResourceStatus, version: number, updatedAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CatalogResourceDetailQueryVariables = Exact<{
  code: string;
}>;


export type CatalogResourceDetailQuery = { catalogResource: { code: string, classification: string, name: string, providerUscc: string, providerName: string | null, summary: string, format: ResourceFormat, sharingType: SharingType, sharingConditions: string | null, sharingMethod: SharingMethod, openAttribute: OpenAttribute, updateCycle: UpdateCycle, publishedOn: string | null, relatedCodes: Array<string>, status: ResourceStatus, version: number, updatedAt: string, items: Array<{ id: string, no: number, name: string, dataType: DataItemType, fields: Array<string>, arguments: Array<string>, sensitivity: Sensitivity, masking: MaskingRule | null, dataClass: DataClass | null, description: string | null, maskUnless: { field: string, values: Array<string> } | null }> } | null };

export type CatalogChangeImpactQueryVariables = Exact<{
  code: string;
  change: CatalogChangeKind;
  update?: UpdateCatalogResourceInput | null | undefined;
}>;


export type CatalogChangeImpactQuery = { catalogChangeImpact: { code: string, version: number, grants: Array<{ grantId: string, consumerSystemCode: string, consumerSystemName: string | null, consumerDepartmentName: string | null, validTo: string, lostItems: Array<number>, notSharedItems: Array<number>, losesAll: boolean }> } };

export type CreateCatalogResourceMutationVariables = Exact<{
  input: CatalogResourceInput;
}>;


export type CreateCatalogResourceMutation = { createCatalogResource: { code: string, version: number, status: ResourceStatus } };

export type UpdateCatalogResourceMutationVariables = Exact<{
  input: UpdateCatalogResourceInput;
}>;


export type UpdateCatalogResourceMutation = { updateCatalogResource: { code: string, version: number, status: ResourceStatus } };

export type PublishCatalogResourceMutationVariables = Exact<{
  code: string;
  expectedVersion: number;
}>;


export type PublishCatalogResourceMutation = { publishCatalogResource: { code: string, version: number, status: ResourceStatus } };

export type RetireCatalogResourceMutationVariables = Exact<{
  code: string;
  expectedVersion: number;
}>;


export type RetireCatalogResourceMutation = { retireCatalogResource: { code: string, version: number, status: ResourceStatus } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const DepartmentsDocument = new TypedDocumentString(`
    query Departments {
  departments {
    uscc
    name
    divisionCode
    systems {
      code
      name
      rateLimitPerMinute
    }
  }
}
    `) as unknown as TypedDocumentString<DepartmentsQuery, DepartmentsQueryVariables>;
export const AccessLogDocument = new TypedDocumentString(`
    query AccessLog($subjectType: AccessSubjectType!, $subjectId: String!, $first: Int!, $after: String) {
  accessLog(
    subjectType: $subjectType
    subjectId: $subjectId
    first: $first
    after: $after
  ) {
    nodes {
      seq
      recordedAt
      systemCode
      departmentUscc
      holderName
      purpose
      caseNumber
      operationName
      fields
      outcome
      errorCode
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AccessLogQuery, AccessLogQueryVariables>;
export const VerifyAccessLogDocument = new TypedDocumentString(`
    query VerifyAccessLog {
  verifyAccessLog {
    ok
    checked
    unkeyed
    firstBrokenSeq
    code
    reason
    headSeq
    checkpointsChecked
  }
}
    `) as unknown as TypedDocumentString<VerifyAccessLogQuery, VerifyAccessLogQueryVariables>;
export const AccessLogSealDocument = new TypedDocumentString(`
    query AccessLogSeal {
  accessLogSeal {
    no
    headSeq
    headHash
    time
    instance
    reason
  }
}
    `) as unknown as TypedDocumentString<AccessLogSealQuery, AccessLogSealQueryVariables>;
export const SharingApplicationsDocument = new TypedDocumentString(`
    query SharingApplications($filter: SharingApplicationFilter, $first: Int!, $after: String) {
  sharingApplications(filter: $filter, first: $first, after: $after) {
    nodes {
      id
      resourceCode
      providerUscc
      consumerSystemCode
      consumerDepartmentUscc
      items
      purpose
      legalBasis
      requestedFrom
      requestedTo
      fullValues
      status
      submittedAt
      deadline
      deadlineProvisional
      overdue
      workingDaysLeft
      decidedAt
      decidedBy
      decisionReason
      approvedItems
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<SharingApplicationsQuery, SharingApplicationsQueryVariables>;
export const SharingApplicationDetailDocument = new TypedDocumentString(`
    query SharingApplicationDetail($id: ID!) {
  sharingApplication(id: $id) {
    id
    resourceCode
    providerUscc
    consumerSystemCode
    consumerDepartmentUscc
    items
    purpose
    legalBasis
    requestedFrom
    requestedTo
    fullValues
    status
    submittedAt
    deadline
    deadlineProvisional
    deadlineChanges {
      previousDeadline
      deadline
      changedAt
    }
    overdue
    workingDaysLeft
    decidedAt
    decidedBy
    decisionReason
    approvedItems
    grantId
  }
}
    `) as unknown as TypedDocumentString<SharingApplicationDetailQuery, SharingApplicationDetailQueryVariables>;
export const ApplicationResourceDocument = new TypedDocumentString(`
    query ApplicationResource($code: String!) {
  catalogResource(code: $code) {
    code
    name
    items {
      no
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ApplicationResourceQuery, ApplicationResourceQueryVariables>;
export const ConditionalResourcesDocument = new TypedDocumentString(`
    query ConditionalResources {
  searchCatalog(filter: {sharingType: CONDITIONAL}, first: 100) {
    nodes {
      code
      name
      providerUscc
      items {
        no
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConditionalResourcesQuery, ConditionalResourcesQueryVariables>;
export const ApproveApplicationDocument = new TypedDocumentString(`
    mutation ApproveApplication($input: ApproveSharingInput!) {
  approveSharingApplication(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ApproveApplicationMutation, ApproveApplicationMutationVariables>;
export const RejectApplicationDocument = new TypedDocumentString(`
    mutation RejectApplication($input: RejectSharingInput!) {
  rejectSharingApplication(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RejectApplicationMutation, RejectApplicationMutationVariables>;
export const WithdrawApplicationDocument = new TypedDocumentString(`
    mutation WithdrawApplication($id: ID!) {
  withdrawSharingApplication(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<WithdrawApplicationMutation, WithdrawApplicationMutationVariables>;
export const ApplyForSharingDocument = new TypedDocumentString(`
    mutation ApplyForSharing($input: ApplyForSharingInput!) {
  applyForSharing(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ApplyForSharingMutation, ApplyForSharingMutationVariables>;
export const WorkingDayCoverageDocument = new TypedDocumentString(`
    query WorkingDayCoverage {
  workingDayCalendar {
    officialYears {
      year
      from
      source
      version
    }
    officialUntil
    firstProvisionalYear
    warning
  }
}
    `) as unknown as TypedDocumentString<WorkingDayCoverageQuery, WorkingDayCoverageQueryVariables>;
export const WorkingDayNoticesDocument = new TypedDocumentString(`
    query WorkingDayNotices {
  workingDayNotices {
    year
    version
    holidays
    workdays
    source
    publishedOn
    reason
    unusualTotal
    deadlinesChanged
    enteredBy
    enteredAt
  }
}
    `) as unknown as TypedDocumentString<WorkingDayNoticesQuery, WorkingDayNoticesQueryVariables>;
export const StatutoryHolidaysDocument = new TypedDocumentString(`
    query StatutoryHolidays($year: Int!) {
  statutoryHolidays(year: $year) {
    day
    name
  }
}
    `) as unknown as TypedDocumentString<StatutoryHolidaysQuery, StatutoryHolidaysQueryVariables>;
export const EnterWorkingDayNoticeDocument = new TypedDocumentString(`
    mutation EnterWorkingDayNotice($input: EnterWorkingDayNoticeInput!) {
  enterWorkingDayNotice(input: $input) {
    year
    version
    deadlinesChanged
  }
}
    `) as unknown as TypedDocumentString<EnterWorkingDayNoticeMutation, EnterWorkingDayNoticeMutationVariables>;
export const MovedApplicationsDocument = new TypedDocumentString(`
    query MovedApplications($filter: SharingApplicationFilter, $first: Int!, $after: String) {
  sharingApplications(filter: $filter, first: $first, after: $after) {
    nodes {
      id
      resourceCode
      consumerSystemCode
      status
      submittedAt
      deadline
      deadlineProvisional
      deadlineChanges {
        previousDeadline
        previousProvisional
        deadline
        provisional
        noticeYear
        noticeVersion
        changedAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MovedApplicationsQuery, MovedApplicationsQueryVariables>;
export const MovedCorrectionsDocument = new TypedDocumentString(`
    query MovedCorrections($role: DataCorrectionRole!, $year: Int!, $version: Int!, $first: Int!, $after: String) {
  dataCorrections(
    role: $role
    movedByNoticeYear: $year
    movedByNoticeVersion: $version
    first: $first
    after: $after
  ) {
    nodes {
      id
      subjectType
      field
      sourceDepartment
      reporterDepartment
      status
      deadline
      deadlineProvisional
      deadlineChanges {
        previousDeadline
        previousProvisional
        deadline
        provisional
        noticeYear
        noticeVersion
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MovedCorrectionsQuery, MovedCorrectionsQueryVariables>;
export const ToAnswerDocument = new TypedDocumentString(`
    query ToAnswer($status: DataCorrectionStatus, $first: Int!, $after: String) {
  dataCorrections(role: TO_ANSWER, status: $status, first: $first, after: $after) {
    nodes {
      id
      subjectType
      subjectId
      field
      reportedValue
      proposedValue
      reason
      evidence
      reporterDepartment
      reporterSystem
      reportedAt
      sourceDepartment
      deadline
      deadlineProvisional
      workingDaysLeft
      overdue
      status
      resolvedAt
      resolutionReason
      correctedValue
      correctionVersion
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ToAnswerQuery, ToAnswerQueryVariables>;
export const AcceptDataCorrectionDocument = new TypedDocumentString(`
    mutation AcceptDataCorrection($input: AcceptDataCorrectionInput!) {
  acceptDataCorrection(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<AcceptDataCorrectionMutation, AcceptDataCorrectionMutationVariables>;
export const RejectDataCorrectionDocument = new TypedDocumentString(`
    mutation RejectDataCorrection($input: RejectDataCorrectionInput!) {
  rejectDataCorrection(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RejectDataCorrectionMutation, RejectDataCorrectionMutationVariables>;
export const SharingGrantPageDocument = new TypedDocumentString(`
    query SharingGrantPage($filter: SharingGrantFilter, $first: Int!, $after: String) {
  sharingGrantPage(filter: $filter, first: $first, after: $after) {
    nodes {
      id
      resourceCode
      providerUscc
      consumerSystemCode
      items
      purpose
      fullValues
      validFrom
      validTo
      status
      grantedAt
      revokedAt
      revokeReason
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<SharingGrantPageQuery, SharingGrantPageQueryVariables>;
export const RevokeSharingGrantDocument = new TypedDocumentString(`
    mutation RevokeSharingGrant($input: RevokeGrantInput!) {
  revokeSharingGrant(input: $input) {
    id
    status
    revokedAt
    revokeReason
  }
}
    `) as unknown as TypedDocumentString<RevokeSharingGrantMutation, RevokeSharingGrantMutationVariables>;
export const ApiKeyPageDocument = new TypedDocumentString(`
    query ApiKeyPage($filter: ApiKeyFilter, $first: Int!, $after: String) {
  apiKeyPage(filter: $filter, first: $first, after: $after) {
    nodes {
      id
      roles
      departmentUscc
      systemCode
      holderName
      issuedAt
      expiresAt
      status
      revokedAt
      revokeReason
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ApiKeyPageQuery, ApiKeyPageQueryVariables>;
export const IssueApiKeyDocument = new TypedDocumentString(`
    mutation IssueApiKey($input: IssueApiKeyInput!) {
  issueApiKey(input: $input) {
    key
    apiKey {
      id
      holderName
    }
  }
}
    `) as unknown as TypedDocumentString<IssueApiKeyMutation, IssueApiKeyMutationVariables>;
export const RegisterSystemDocument = new TypedDocumentString(`
    mutation RegisterSystem($input: RegisterSystemInput!) {
  registerSystem(input: $input) {
    code
    name
    departmentUscc
  }
}
    `) as unknown as TypedDocumentString<RegisterSystemMutation, RegisterSystemMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const RecognitionRulesDocument = new TypedDocumentString(`
    query RecognitionRules {
  recognitionRules {
    resultType
    name
    subjectType
    maxValidityDays
    acceptedBy
    description
    version
    updatedAt
  }
  departments {
    uscc
    name
  }
}
    `) as unknown as TypedDocumentString<RecognitionRulesQuery, RecognitionRulesQueryVariables>;
export const SetRecognitionDocument = new TypedDocumentString(`
    mutation SetRecognition($input: SetRecognitionInput!) {
  setRecognition(input: $input) {
    resultType
    acceptedBy
    version
  }
}
    `) as unknown as TypedDocumentString<SetRecognitionMutation, SetRecognitionMutationVariables>;
export const OverdueCountsDocument = new TypedDocumentString(`
    query OverdueCounts {
  overdueSharingApplicationCounts {
    departmentUscc
    count
    earliestDeadline
  }
  overdueDataCorrectionCounts {
    departmentUscc
    count
    earliestDeadline
  }
}
    `) as unknown as TypedDocumentString<OverdueCountsQuery, OverdueCountsQueryVariables>;
export const OverdueSharingApplicationsDocument = new TypedDocumentString(`
    query OverdueSharingApplications($first: Int!, $after: String) {
  overdueSharingApplications(first: $first, after: $after) {
    nodes {
      id
      resourceCode
      providerUscc
      consumerSystemCode
      consumerDepartmentUscc
      submittedAt
      deadline
      workingDaysLeft
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<OverdueSharingApplicationsQuery, OverdueSharingApplicationsQueryVariables>;
export const OverdueDataCorrectionsDocument = new TypedDocumentString(`
    query OverdueDataCorrections($first: Int!, $after: String) {
  overdueDataCorrections(first: $first, after: $after) {
    nodes {
      id
      subjectType
      field
      reporterDepartment
      sourceDepartment
      reportedAt
      deadline
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<OverdueDataCorrectionsQuery, OverdueDataCorrectionsQueryVariables>;
export const SearchCatalogDocument = new TypedDocumentString(`
    query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String, $orderBy: CatalogOrderBy) {
  searchCatalog(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    nodes {
      code
      name
      providerName
      providerUscc
      sharingType
      updateCycle
      status
      version
      updatedAt
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<SearchCatalogQuery, SearchCatalogQueryVariables>;
export const CatalogResourceDetailDocument = new TypedDocumentString(`
    query CatalogResourceDetail($code: String!) {
  catalogResource(code: $code) {
    code
    classification
    name
    providerUscc
    providerName
    summary
    format
    sharingType
    sharingConditions
    sharingMethod
    openAttribute
    updateCycle
    publishedOn
    relatedCodes
    status
    version
    updatedAt
    items {
      id
      no
      name
      dataType
      fields
      arguments
      sensitivity
      masking
      maskUnless {
        field
        values
      }
      dataClass
      description
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogResourceDetailQuery, CatalogResourceDetailQueryVariables>;
export const CatalogChangeImpactDocument = new TypedDocumentString(`
    query CatalogChangeImpact($code: String!, $change: CatalogChangeKind!, $update: UpdateCatalogResourceInput) {
  catalogChangeImpact(code: $code, change: $change, update: $update) {
    code
    version
    grants {
      grantId
      consumerSystemCode
      consumerSystemName
      consumerDepartmentName
      validTo
      lostItems
      notSharedItems
      losesAll
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogChangeImpactQuery, CatalogChangeImpactQueryVariables>;
export const CreateCatalogResourceDocument = new TypedDocumentString(`
    mutation CreateCatalogResource($input: CatalogResourceInput!) {
  createCatalogResource(input: $input) {
    code
    version
    status
  }
}
    `) as unknown as TypedDocumentString<CreateCatalogResourceMutation, CreateCatalogResourceMutationVariables>;
export const UpdateCatalogResourceDocument = new TypedDocumentString(`
    mutation UpdateCatalogResource($input: UpdateCatalogResourceInput!) {
  updateCatalogResource(input: $input) {
    code
    version
    status
  }
}
    `) as unknown as TypedDocumentString<UpdateCatalogResourceMutation, UpdateCatalogResourceMutationVariables>;
export const PublishCatalogResourceDocument = new TypedDocumentString(`
    mutation PublishCatalogResource($code: String!, $expectedVersion: Int!) {
  publishCatalogResource(code: $code, expectedVersion: $expectedVersion) {
    code
    version
    status
  }
}
    `) as unknown as TypedDocumentString<PublishCatalogResourceMutation, PublishCatalogResourceMutationVariables>;
export const RetireCatalogResourceDocument = new TypedDocumentString(`
    mutation RetireCatalogResource($code: String!, $expectedVersion: Int!) {
  retireCatalogResource(code: $code, expectedVersion: $expectedVersion) {
    code
    version
    status
  }
}
    `) as unknown as TypedDocumentString<RetireCatalogResourceMutation, RetireCatalogResourceMutationVariables>;