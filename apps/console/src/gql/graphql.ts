/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ApiKeyStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'REVOKED';

export type CalendarYearSource =
  /** The calendar file the catalog started with (WORKING_DAY_CALENDAR) */
  | 'FILE'
  /** A notice an admin entered (enterWorkingDayNotice) */
  | 'NOTICE';

export type CatalogSearchFilter = {
  /** A classification code or its prefix (类, 类项, …) */
  classification?: string | null | undefined;
  providerUscc?: string | null | undefined;
  sharingType?: SharingType | null | undefined;
  /** Default: PUBLISHED */
  status?: ResourceStatus | null | undefined;
  /** Part of the name or summary */
  text?: string | null | undefined;
};

export type DataCorrectionRole =
  /** Those the caller's department reported */
  | 'REPORTED'
  /** Those routed to the caller's department as the records' source */
  | 'TO_ANSWER';

export type DataCorrectionStatus =
  /** The source corrected the record: the library's change event carried the field */
  | 'CORRECTED'
  /** The source department holds the record right, and said why */
  | 'REJECTED'
  /** With the source department, awaiting its correction or its answer */
  | 'ROUTED';

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

export type RegisterSystemInput = {
  /** Unique across the hub: lower-case letters, digits and dashes, e.g. "fs-hrss-social" */
  code: string;
  departmentUscc: string;
  name: string;
};

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

export type SharingApplicationFilter = {
  /** With movedByNoticeYear: only that version of the notice (absent: any version) */
  movedByNoticeVersion?: number | null | undefined;
  /** Only the applications whose deadline a working-day notice of this year counted again (see deadlineChanges) */
  movedByNoticeYear?: number | null | undefined;
  resourceCode?: string | null | undefined;
  status?: SharingApplicationStatus | null | undefined;
};

export type SharingApplicationStatus =
  | 'APPROVED'
  | 'PARTIALLY_APPROVED'
  | 'REJECTED'
  | 'SUBMITTED'
  | 'WITHDRAWN';

export type SharingGrantStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'REVOKED';

/** 共享类型 */
export type SharingType =
  /** 有条件共享: needs an approved sharing application */
  | 'CONDITIONAL'
  /** 不予共享: the provider department only */
  | 'NOT_SHARED'
  /** 无条件共享: any authenticated department system */
  | 'UNCONDITIONAL';

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

export type SearchCatalogQueryVariables = Exact<{
  filter?: CatalogSearchFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type SearchCatalogQuery = { searchCatalog: { nodes: Array<{ code: string, name: string, providerName: string | null, providerUscc: string, sharingType: SharingType, updateCycle: UpdateCycle, status: ResourceStatus, version: number }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SharingGrantsQueryVariables = Exact<{
  systemCode?: string | null | undefined;
  resourceCode?: string | null | undefined;
}>;


export type SharingGrantsQuery = { sharingGrants: Array<{ id: string, resourceCode: string, providerUscc: string, consumerSystemCode: string, items: Array<number>, purpose: string, fullValues: boolean, validFrom: string, validTo: string, status: SharingGrantStatus, grantedAt: string, revokedAt: string | null, revokeReason: string | null }> };

export type RevokeSharingGrantMutationVariables = Exact<{
  input: RevokeGrantInput;
}>;


export type RevokeSharingGrantMutation = { revokeSharingGrant: { id: string, status: SharingGrantStatus, revokedAt: string | null, revokeReason: string | null } };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { apiKeys: Array<{ id: string, roles: Array<HubRole>, departmentUscc: string | null, systemCode: string | null, holderName: string, issuedAt: string, expiresAt: string, status: ApiKeyStatus, revokedAt: string | null, revokeReason: string | null }> };

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
export const SearchCatalogDocument = new TypedDocumentString(`
    query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String) {
  searchCatalog(filter: $filter, first: $first, after: $after) {
    nodes {
      code
      name
      providerName
      providerUscc
      sharingType
      updateCycle
      status
      version
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<SearchCatalogQuery, SearchCatalogQueryVariables>;
export const SharingGrantsDocument = new TypedDocumentString(`
    query SharingGrants($systemCode: String, $resourceCode: String) {
  sharingGrants(systemCode: $systemCode, resourceCode: $resourceCode) {
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
}
    `) as unknown as TypedDocumentString<SharingGrantsQuery, SharingGrantsQueryVariables>;
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
export const ApiKeysDocument = new TypedDocumentString(`
    query ApiKeys {
  apiKeys {
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
}
    `) as unknown as TypedDocumentString<ApiKeysQuery, ApiKeysQueryVariables>;
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