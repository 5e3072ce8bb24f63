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
    "\n  query SharingApplications($filter: SharingApplicationFilter, $first: Int!, $after: String) {\n    sharingApplications(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        resourceCode\n        providerUscc\n        consumerSystemCode\n        consumerDepartmentUscc\n        items\n        purpose\n        legalBasis\n        requestedFrom\n        requestedTo\n        fullValues\n        status\n        submittedAt\n        deadline\n        deadlineProvisional\n        overdue\n        workingDaysLeft\n        decidedAt\n        decidedBy\n        decisionReason\n        approvedItems\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SharingApplicationsDocument,
    "\n  query SharingApplicationDetail($id: ID!) {\n    sharingApplication(id: $id) {\n      id\n      resourceCode\n      providerUscc\n      consumerSystemCode\n      consumerDepartmentUscc\n      items\n      purpose\n      legalBasis\n      requestedFrom\n      requestedTo\n      fullValues\n      status\n      submittedAt\n      deadline\n      deadlineProvisional\n      deadlineChanges {\n        previousDeadline\n        deadline\n        changedAt\n      }\n      overdue\n      workingDaysLeft\n      decidedAt\n      decidedBy\n      decisionReason\n      approvedItems\n      grantId\n    }\n  }\n": typeof types.SharingApplicationDetailDocument,
    "\n  query ApplicationResource($code: String!) {\n    catalogResource(code: $code) {\n      code\n      name\n      items {\n        no\n        name\n      }\n    }\n  }\n": typeof types.ApplicationResourceDocument,
    "\n  query ConditionalResources {\n    searchCatalog(filter: { sharingType: CONDITIONAL }, first: 100) {\n      nodes {\n        code\n        name\n        providerUscc\n        items {\n          no\n          name\n        }\n      }\n    }\n  }\n": typeof types.ConditionalResourcesDocument,
    "\n  mutation ApproveApplication($input: ApproveSharingInput!) {\n    approveSharingApplication(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ApproveApplicationDocument,
    "\n  mutation RejectApplication($input: RejectSharingInput!) {\n    rejectSharingApplication(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.RejectApplicationDocument,
    "\n  mutation WithdrawApplication($id: ID!) {\n    withdrawSharingApplication(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.WithdrawApplicationDocument,
    "\n  mutation ApplyForSharing($input: ApplyForSharingInput!) {\n    applyForSharing(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ApplyForSharingDocument,
    "\n  query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String) {\n    searchCatalog(filter: $filter, first: $first, after: $after) {\n      nodes {\n        code\n        name\n        providerName\n        providerUscc\n        sharingType\n        updateCycle\n        status\n        version\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SearchCatalogDocument,
    "\n  query OverdueCounts {\n    overdueSharingApplicationCounts {\n      departmentUscc\n      count\n      earliestDeadline\n    }\n    overdueDataCorrectionCounts {\n      departmentUscc\n      count\n      earliestDeadline\n    }\n  }\n": typeof types.OverdueCountsDocument,
    "\n  query OverdueSharingApplications($first: Int!, $after: String) {\n    overdueSharingApplications(first: $first, after: $after) {\n      nodes {\n        id\n        resourceCode\n        providerUscc\n        consumerSystemCode\n        consumerDepartmentUscc\n        submittedAt\n        deadline\n        workingDaysLeft\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OverdueSharingApplicationsDocument,
    "\n  query OverdueDataCorrections($first: Int!, $after: String) {\n    overdueDataCorrections(first: $first, after: $after) {\n      nodes {\n        id\n        subjectType\n        field\n        reporterDepartment\n        sourceDepartment\n        reportedAt\n        deadline\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OverdueDataCorrectionsDocument,
    "\n  query SharingDepartments {\n    departments {\n      uscc\n      name\n      systems {\n        code\n        name\n      }\n    }\n  }\n": typeof types.SharingDepartmentsDocument,
};
const documents: Documents = {
    "\n  query SharingApplications($filter: SharingApplicationFilter, $first: Int!, $after: String) {\n    sharingApplications(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        resourceCode\n        providerUscc\n        consumerSystemCode\n        consumerDepartmentUscc\n        items\n        purpose\n        legalBasis\n        requestedFrom\n        requestedTo\n        fullValues\n        status\n        submittedAt\n        deadline\n        deadlineProvisional\n        overdue\n        workingDaysLeft\n        decidedAt\n        decidedBy\n        decisionReason\n        approvedItems\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SharingApplicationsDocument,
    "\n  query SharingApplicationDetail($id: ID!) {\n    sharingApplication(id: $id) {\n      id\n      resourceCode\n      providerUscc\n      consumerSystemCode\n      consumerDepartmentUscc\n      items\n      purpose\n      legalBasis\n      requestedFrom\n      requestedTo\n      fullValues\n      status\n      submittedAt\n      deadline\n      deadlineProvisional\n      deadlineChanges {\n        previousDeadline\n        deadline\n        changedAt\n      }\n      overdue\n      workingDaysLeft\n      decidedAt\n      decidedBy\n      decisionReason\n      approvedItems\n      grantId\n    }\n  }\n": types.SharingApplicationDetailDocument,
    "\n  query ApplicationResource($code: String!) {\n    catalogResource(code: $code) {\n      code\n      name\n      items {\n        no\n        name\n      }\n    }\n  }\n": types.ApplicationResourceDocument,
    "\n  query ConditionalResources {\n    searchCatalog(filter: { sharingType: CONDITIONAL }, first: 100) {\n      nodes {\n        code\n        name\n        providerUscc\n        items {\n          no\n          name\n        }\n      }\n    }\n  }\n": types.ConditionalResourcesDocument,
    "\n  mutation ApproveApplication($input: ApproveSharingInput!) {\n    approveSharingApplication(input: $input) {\n      id\n      status\n    }\n  }\n": types.ApproveApplicationDocument,
    "\n  mutation RejectApplication($input: RejectSharingInput!) {\n    rejectSharingApplication(input: $input) {\n      id\n      status\n    }\n  }\n": types.RejectApplicationDocument,
    "\n  mutation WithdrawApplication($id: ID!) {\n    withdrawSharingApplication(id: $id) {\n      id\n      status\n    }\n  }\n": types.WithdrawApplicationDocument,
    "\n  mutation ApplyForSharing($input: ApplyForSharingInput!) {\n    applyForSharing(input: $input) {\n      id\n      status\n    }\n  }\n": types.ApplyForSharingDocument,
    "\n  query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String) {\n    searchCatalog(filter: $filter, first: $first, after: $after) {\n      nodes {\n        code\n        name\n        providerName\n        providerUscc\n        sharingType\n        updateCycle\n        status\n        version\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SearchCatalogDocument,
    "\n  query OverdueCounts {\n    overdueSharingApplicationCounts {\n      departmentUscc\n      count\n      earliestDeadline\n    }\n    overdueDataCorrectionCounts {\n      departmentUscc\n      count\n      earliestDeadline\n    }\n  }\n": types.OverdueCountsDocument,
    "\n  query OverdueSharingApplications($first: Int!, $after: String) {\n    overdueSharingApplications(first: $first, after: $after) {\n      nodes {\n        id\n        resourceCode\n        providerUscc\n        consumerSystemCode\n        consumerDepartmentUscc\n        submittedAt\n        deadline\n        workingDaysLeft\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OverdueSharingApplicationsDocument,
    "\n  query OverdueDataCorrections($first: Int!, $after: String) {\n    overdueDataCorrections(first: $first, after: $after) {\n      nodes {\n        id\n        subjectType\n        field\n        reporterDepartment\n        sourceDepartment\n        reportedAt\n        deadline\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OverdueDataCorrectionsDocument,
    "\n  query SharingDepartments {\n    departments {\n      uscc\n      name\n      systems {\n        code\n        name\n      }\n    }\n  }\n": types.SharingDepartmentsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharingApplications($filter: SharingApplicationFilter, $first: Int!, $after: String) {\n    sharingApplications(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        resourceCode\n        providerUscc\n        consumerSystemCode\n        consumerDepartmentUscc\n        items\n        purpose\n        legalBasis\n        requestedFrom\n        requestedTo\n        fullValues\n        status\n        submittedAt\n        deadline\n        deadlineProvisional\n        overdue\n        workingDaysLeft\n        decidedAt\n        decidedBy\n        decisionReason\n        approvedItems\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').SharingApplicationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharingApplicationDetail($id: ID!) {\n    sharingApplication(id: $id) {\n      id\n      resourceCode\n      providerUscc\n      consumerSystemCode\n      consumerDepartmentUscc\n      items\n      purpose\n      legalBasis\n      requestedFrom\n      requestedTo\n      fullValues\n      status\n      submittedAt\n      deadline\n      deadlineProvisional\n      deadlineChanges {\n        previousDeadline\n        deadline\n        changedAt\n      }\n      overdue\n      workingDaysLeft\n      decidedAt\n      decidedBy\n      decisionReason\n      approvedItems\n      grantId\n    }\n  }\n"): typeof import('./graphql').SharingApplicationDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApplicationResource($code: String!) {\n    catalogResource(code: $code) {\n      code\n      name\n      items {\n        no\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').ApplicationResourceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConditionalResources {\n    searchCatalog(filter: { sharingType: CONDITIONAL }, first: 100) {\n      nodes {\n        code\n        name\n        providerUscc\n        items {\n          no\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConditionalResourcesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveApplication($input: ApproveSharingInput!) {\n    approveSharingApplication(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ApproveApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectApplication($input: RejectSharingInput!) {\n    rejectSharingApplication(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RejectApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawApplication($id: ID!) {\n    withdrawSharingApplication(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').WithdrawApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyForSharing($input: ApplyForSharingInput!) {\n    applyForSharing(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ApplyForSharingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String) {\n    searchCatalog(filter: $filter, first: $first, after: $after) {\n      nodes {\n        code\n        name\n        providerName\n        providerUscc\n        sharingType\n        updateCycle\n        status\n        version\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').SearchCatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverdueCounts {\n    overdueSharingApplicationCounts {\n      departmentUscc\n      count\n      earliestDeadline\n    }\n    overdueDataCorrectionCounts {\n      departmentUscc\n      count\n      earliestDeadline\n    }\n  }\n"): typeof import('./graphql').OverdueCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverdueSharingApplications($first: Int!, $after: String) {\n    overdueSharingApplications(first: $first, after: $after) {\n      nodes {\n        id\n        resourceCode\n        providerUscc\n        consumerSystemCode\n        consumerDepartmentUscc\n        submittedAt\n        deadline\n        workingDaysLeft\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').OverdueSharingApplicationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverdueDataCorrections($first: Int!, $after: String) {\n    overdueDataCorrections(first: $first, after: $after) {\n      nodes {\n        id\n        subjectType\n        field\n        reporterDepartment\n        sourceDepartment\n        reportedAt\n        deadline\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').OverdueDataCorrectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharingDepartments {\n    departments {\n      uscc\n      name\n      systems {\n        code\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').SharingDepartmentsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
