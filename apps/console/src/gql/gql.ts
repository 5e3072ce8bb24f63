/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Departments {\n    departments {\n      uscc\n      name\n      divisionCode\n      systems {\n        code\n        name\n        rateLimitPerMinute\n      }\n    }\n  }\n": typeof types.DepartmentsDocument,
    "\n  query WorkingDayCoverage {\n    workingDayCalendar {\n      officialYears {\n        year\n        from\n        source\n        version\n      }\n      officialUntil\n      firstProvisionalYear\n      warning\n    }\n  }\n": typeof types.WorkingDayCoverageDocument,
    "\n  query WorkingDayNotices {\n    workingDayNotices {\n      year\n      version\n      holidays\n      workdays\n      source\n      publishedOn\n      reason\n      unusualTotal\n      deadlinesChanged\n      enteredBy\n      enteredAt\n    }\n  }\n": typeof types.WorkingDayNoticesDocument,
    "\n  query StatutoryHolidays($year: Int!) {\n    statutoryHolidays(year: $year) {\n      day\n      name\n    }\n  }\n": typeof types.StatutoryHolidaysDocument,
    "\n  mutation EnterWorkingDayNotice($input: EnterWorkingDayNoticeInput!) {\n    enterWorkingDayNotice(input: $input) {\n      year\n      version\n      deadlinesChanged\n    }\n  }\n": typeof types.EnterWorkingDayNoticeDocument,
    "\n  query MovedApplications($filter: SharingApplicationFilter, $first: Int!, $after: String) {\n    sharingApplications(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        resourceCode\n        consumerSystemCode\n        status\n        submittedAt\n        deadline\n        deadlineProvisional\n        deadlineChanges {\n          previousDeadline\n          previousProvisional\n          deadline\n          provisional\n          noticeYear\n          noticeVersion\n          changedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MovedApplicationsDocument,
    "\n  query MovedCorrections($role: DataCorrectionRole!, $year: Int!, $version: Int!, $first: Int!, $after: String) {\n    dataCorrections(role: $role, movedByNoticeYear: $year, movedByNoticeVersion: $version, first: $first, after: $after) {\n      nodes {\n        id\n        subjectType\n        field\n        sourceDepartment\n        reporterDepartment\n        status\n        deadline\n        deadlineProvisional\n        deadlineChanges {\n          previousDeadline\n          previousProvisional\n          deadline\n          provisional\n          noticeYear\n          noticeVersion\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MovedCorrectionsDocument,
    "\n  query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String) {\n    searchCatalog(filter: $filter, first: $first, after: $after) {\n      nodes {\n        code\n        name\n        providerName\n        providerUscc\n        sharingType\n        updateCycle\n        status\n        version\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SearchCatalogDocument,
    "\n  query SharingGrants($systemCode: String, $resourceCode: String) {\n    sharingGrants(systemCode: $systemCode, resourceCode: $resourceCode) {\n      id\n      resourceCode\n      providerUscc\n      consumerSystemCode\n      items\n      purpose\n      fullValues\n      validFrom\n      validTo\n      status\n      grantedAt\n      revokedAt\n      revokeReason\n    }\n  }\n": typeof types.SharingGrantsDocument,
    "\n  mutation RevokeSharingGrant($input: RevokeGrantInput!) {\n    revokeSharingGrant(input: $input) {\n      id\n      status\n      revokedAt\n      revokeReason\n    }\n  }\n": typeof types.RevokeSharingGrantDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      roles\n      departmentUscc\n      systemCode\n      holderName\n      issuedAt\n      expiresAt\n      status\n      revokedAt\n      revokeReason\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation IssueApiKey($input: IssueApiKeyInput!) {\n    issueApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        holderName\n      }\n    }\n  }\n": typeof types.IssueApiKeyDocument,
    "\n  mutation RegisterSystem($input: RegisterSystemInput!) {\n    registerSystem(input: $input) {\n      code\n      name\n      departmentUscc\n    }\n  }\n": typeof types.RegisterSystemDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
};
const documents: Documents = {
    "\n  query Departments {\n    departments {\n      uscc\n      name\n      divisionCode\n      systems {\n        code\n        name\n        rateLimitPerMinute\n      }\n    }\n  }\n": types.DepartmentsDocument,
    "\n  query WorkingDayCoverage {\n    workingDayCalendar {\n      officialYears {\n        year\n        from\n        source\n        version\n      }\n      officialUntil\n      firstProvisionalYear\n      warning\n    }\n  }\n": types.WorkingDayCoverageDocument,
    "\n  query WorkingDayNotices {\n    workingDayNotices {\n      year\n      version\n      holidays\n      workdays\n      source\n      publishedOn\n      reason\n      unusualTotal\n      deadlinesChanged\n      enteredBy\n      enteredAt\n    }\n  }\n": types.WorkingDayNoticesDocument,
    "\n  query StatutoryHolidays($year: Int!) {\n    statutoryHolidays(year: $year) {\n      day\n      name\n    }\n  }\n": types.StatutoryHolidaysDocument,
    "\n  mutation EnterWorkingDayNotice($input: EnterWorkingDayNoticeInput!) {\n    enterWorkingDayNotice(input: $input) {\n      year\n      version\n      deadlinesChanged\n    }\n  }\n": types.EnterWorkingDayNoticeDocument,
    "\n  query MovedApplications($filter: SharingApplicationFilter, $first: Int!, $after: String) {\n    sharingApplications(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        resourceCode\n        consumerSystemCode\n        status\n        submittedAt\n        deadline\n        deadlineProvisional\n        deadlineChanges {\n          previousDeadline\n          previousProvisional\n          deadline\n          provisional\n          noticeYear\n          noticeVersion\n          changedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MovedApplicationsDocument,
    "\n  query MovedCorrections($role: DataCorrectionRole!, $year: Int!, $version: Int!, $first: Int!, $after: String) {\n    dataCorrections(role: $role, movedByNoticeYear: $year, movedByNoticeVersion: $version, first: $first, after: $after) {\n      nodes {\n        id\n        subjectType\n        field\n        sourceDepartment\n        reporterDepartment\n        status\n        deadline\n        deadlineProvisional\n        deadlineChanges {\n          previousDeadline\n          previousProvisional\n          deadline\n          provisional\n          noticeYear\n          noticeVersion\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MovedCorrectionsDocument,
    "\n  query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String) {\n    searchCatalog(filter: $filter, first: $first, after: $after) {\n      nodes {\n        code\n        name\n        providerName\n        providerUscc\n        sharingType\n        updateCycle\n        status\n        version\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SearchCatalogDocument,
    "\n  query SharingGrants($systemCode: String, $resourceCode: String) {\n    sharingGrants(systemCode: $systemCode, resourceCode: $resourceCode) {\n      id\n      resourceCode\n      providerUscc\n      consumerSystemCode\n      items\n      purpose\n      fullValues\n      validFrom\n      validTo\n      status\n      grantedAt\n      revokedAt\n      revokeReason\n    }\n  }\n": types.SharingGrantsDocument,
    "\n  mutation RevokeSharingGrant($input: RevokeGrantInput!) {\n    revokeSharingGrant(input: $input) {\n      id\n      status\n      revokedAt\n      revokeReason\n    }\n  }\n": types.RevokeSharingGrantDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      roles\n      departmentUscc\n      systemCode\n      holderName\n      issuedAt\n      expiresAt\n      status\n      revokedAt\n      revokeReason\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation IssueApiKey($input: IssueApiKeyInput!) {\n    issueApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        holderName\n      }\n    }\n  }\n": types.IssueApiKeyDocument,
    "\n  mutation RegisterSystem($input: RegisterSystemInput!) {\n    registerSystem(input: $input) {\n      code\n      name\n      departmentUscc\n    }\n  }\n": types.RegisterSystemDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      id\n      status\n    }\n  }\n": types.RevokeApiKeyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Departments {\n    departments {\n      uscc\n      name\n      divisionCode\n      systems {\n        code\n        name\n        rateLimitPerMinute\n      }\n    }\n  }\n"): typeof import('./graphql').DepartmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkingDayCoverage {\n    workingDayCalendar {\n      officialYears {\n        year\n        from\n        source\n        version\n      }\n      officialUntil\n      firstProvisionalYear\n      warning\n    }\n  }\n"): typeof import('./graphql').WorkingDayCoverageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkingDayNotices {\n    workingDayNotices {\n      year\n      version\n      holidays\n      workdays\n      source\n      publishedOn\n      reason\n      unusualTotal\n      deadlinesChanged\n      enteredBy\n      enteredAt\n    }\n  }\n"): typeof import('./graphql').WorkingDayNoticesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatutoryHolidays($year: Int!) {\n    statutoryHolidays(year: $year) {\n      day\n      name\n    }\n  }\n"): typeof import('./graphql').StatutoryHolidaysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnterWorkingDayNotice($input: EnterWorkingDayNoticeInput!) {\n    enterWorkingDayNotice(input: $input) {\n      year\n      version\n      deadlinesChanged\n    }\n  }\n"): typeof import('./graphql').EnterWorkingDayNoticeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MovedApplications($filter: SharingApplicationFilter, $first: Int!, $after: String) {\n    sharingApplications(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        resourceCode\n        consumerSystemCode\n        status\n        submittedAt\n        deadline\n        deadlineProvisional\n        deadlineChanges {\n          previousDeadline\n          previousProvisional\n          deadline\n          provisional\n          noticeYear\n          noticeVersion\n          changedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').MovedApplicationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MovedCorrections($role: DataCorrectionRole!, $year: Int!, $version: Int!, $first: Int!, $after: String) {\n    dataCorrections(role: $role, movedByNoticeYear: $year, movedByNoticeVersion: $version, first: $first, after: $after) {\n      nodes {\n        id\n        subjectType\n        field\n        sourceDepartment\n        reporterDepartment\n        status\n        deadline\n        deadlineProvisional\n        deadlineChanges {\n          previousDeadline\n          previousProvisional\n          deadline\n          provisional\n          noticeYear\n          noticeVersion\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').MovedCorrectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String) {\n    searchCatalog(filter: $filter, first: $first, after: $after) {\n      nodes {\n        code\n        name\n        providerName\n        providerUscc\n        sharingType\n        updateCycle\n        status\n        version\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').SearchCatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharingGrants($systemCode: String, $resourceCode: String) {\n    sharingGrants(systemCode: $systemCode, resourceCode: $resourceCode) {\n      id\n      resourceCode\n      providerUscc\n      consumerSystemCode\n      items\n      purpose\n      fullValues\n      validFrom\n      validTo\n      status\n      grantedAt\n      revokedAt\n      revokeReason\n    }\n  }\n"): typeof import('./graphql').SharingGrantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSharingGrant($input: RevokeGrantInput!) {\n    revokeSharingGrant(input: $input) {\n      id\n      status\n      revokedAt\n      revokeReason\n    }\n  }\n"): typeof import('./graphql').RevokeSharingGrantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys {\n      id\n      roles\n      departmentUscc\n      systemCode\n      holderName\n      issuedAt\n      expiresAt\n      status\n      revokedAt\n      revokeReason\n    }\n  }\n"): typeof import('./graphql').ApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueApiKey($input: IssueApiKeyInput!) {\n    issueApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        holderName\n      }\n    }\n  }\n"): typeof import('./graphql').IssueApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterSystem($input: RegisterSystemInput!) {\n    registerSystem(input: $input) {\n      code\n      name\n      departmentUscc\n    }\n  }\n"): typeof import('./graphql').RegisterSystemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RevokeApiKeyDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
