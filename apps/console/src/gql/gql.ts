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
    "\n  query DepartmentNames {\n    departments {\n      uscc\n      name\n    }\n  }\n": typeof types.DepartmentNamesDocument,
    "\n  query AccessLog($subjectType: AccessSubjectType!, $subjectId: String!, $first: Int!, $after: String) {\n    accessLog(subjectType: $subjectType, subjectId: $subjectId, first: $first, after: $after) {\n      nodes {\n        seq\n        recordedAt\n        systemCode\n        departmentUscc\n        holderName\n        purpose\n        caseNumber\n        operationName\n        fields\n        outcome\n        errorCode\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AccessLogDocument,
    "\n  query VerifyAccessLog {\n    verifyAccessLog {\n      ok\n      checked\n      unkeyed\n      firstBrokenSeq\n      code\n      reason\n      headSeq\n      checkpointsChecked\n    }\n  }\n": typeof types.VerifyAccessLogDocument,
    "\n  query AccessLogSeal {\n    accessLogSeal {\n      no\n      headSeq\n      headHash\n      time\n      instance\n      reason\n    }\n  }\n": typeof types.AccessLogSealDocument,
    "\n  query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String) {\n    searchCatalog(filter: $filter, first: $first, after: $after) {\n      nodes {\n        code\n        name\n        providerName\n        providerUscc\n        sharingType\n        updateCycle\n        status\n        version\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SearchCatalogDocument,
    "\n  query ToAnswer($status: DataCorrectionStatus, $first: Int!, $after: String) {\n    dataCorrections(role: TO_ANSWER, status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        subjectType\n        subjectId\n        field\n        reportedValue\n        proposedValue\n        reason\n        evidence\n        reporterDepartment\n        reporterSystem\n        reportedAt\n        sourceDepartment\n        deadline\n        deadlineProvisional\n        workingDaysLeft\n        overdue\n        status\n        resolvedAt\n        resolutionReason\n        correctedValue\n        correctionVersion\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ToAnswerDocument,
    "\n  mutation AcceptDataCorrection($input: AcceptDataCorrectionInput!) {\n    acceptDataCorrection(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.AcceptDataCorrectionDocument,
    "\n  mutation RejectDataCorrection($input: RejectDataCorrectionInput!) {\n    rejectDataCorrection(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.RejectDataCorrectionDocument,
    "\n  query RecognitionRules {\n    recognitionRules {\n      resultType\n      name\n      subjectType\n      maxValidityDays\n      acceptedBy\n      description\n      version\n      updatedAt\n    }\n    departments {\n      uscc\n      name\n    }\n  }\n": typeof types.RecognitionRulesDocument,
    "\n  mutation SetRecognition($input: SetRecognitionInput!) {\n    setRecognition(input: $input) {\n      resultType\n      acceptedBy\n      version\n    }\n  }\n": typeof types.SetRecognitionDocument,
};
const documents: Documents = {
    "\n  query DepartmentNames {\n    departments {\n      uscc\n      name\n    }\n  }\n": types.DepartmentNamesDocument,
    "\n  query AccessLog($subjectType: AccessSubjectType!, $subjectId: String!, $first: Int!, $after: String) {\n    accessLog(subjectType: $subjectType, subjectId: $subjectId, first: $first, after: $after) {\n      nodes {\n        seq\n        recordedAt\n        systemCode\n        departmentUscc\n        holderName\n        purpose\n        caseNumber\n        operationName\n        fields\n        outcome\n        errorCode\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AccessLogDocument,
    "\n  query VerifyAccessLog {\n    verifyAccessLog {\n      ok\n      checked\n      unkeyed\n      firstBrokenSeq\n      code\n      reason\n      headSeq\n      checkpointsChecked\n    }\n  }\n": types.VerifyAccessLogDocument,
    "\n  query AccessLogSeal {\n    accessLogSeal {\n      no\n      headSeq\n      headHash\n      time\n      instance\n      reason\n    }\n  }\n": types.AccessLogSealDocument,
    "\n  query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String) {\n    searchCatalog(filter: $filter, first: $first, after: $after) {\n      nodes {\n        code\n        name\n        providerName\n        providerUscc\n        sharingType\n        updateCycle\n        status\n        version\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SearchCatalogDocument,
    "\n  query ToAnswer($status: DataCorrectionStatus, $first: Int!, $after: String) {\n    dataCorrections(role: TO_ANSWER, status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        subjectType\n        subjectId\n        field\n        reportedValue\n        proposedValue\n        reason\n        evidence\n        reporterDepartment\n        reporterSystem\n        reportedAt\n        sourceDepartment\n        deadline\n        deadlineProvisional\n        workingDaysLeft\n        overdue\n        status\n        resolvedAt\n        resolutionReason\n        correctedValue\n        correctionVersion\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ToAnswerDocument,
    "\n  mutation AcceptDataCorrection($input: AcceptDataCorrectionInput!) {\n    acceptDataCorrection(input: $input) {\n      id\n      status\n    }\n  }\n": types.AcceptDataCorrectionDocument,
    "\n  mutation RejectDataCorrection($input: RejectDataCorrectionInput!) {\n    rejectDataCorrection(input: $input) {\n      id\n      status\n    }\n  }\n": types.RejectDataCorrectionDocument,
    "\n  query RecognitionRules {\n    recognitionRules {\n      resultType\n      name\n      subjectType\n      maxValidityDays\n      acceptedBy\n      description\n      version\n      updatedAt\n    }\n    departments {\n      uscc\n      name\n    }\n  }\n": types.RecognitionRulesDocument,
    "\n  mutation SetRecognition($input: SetRecognitionInput!) {\n    setRecognition(input: $input) {\n      resultType\n      acceptedBy\n      version\n    }\n  }\n": types.SetRecognitionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DepartmentNames {\n    departments {\n      uscc\n      name\n    }\n  }\n"): typeof import('./graphql').DepartmentNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessLog($subjectType: AccessSubjectType!, $subjectId: String!, $first: Int!, $after: String) {\n    accessLog(subjectType: $subjectType, subjectId: $subjectId, first: $first, after: $after) {\n      nodes {\n        seq\n        recordedAt\n        systemCode\n        departmentUscc\n        holderName\n        purpose\n        caseNumber\n        operationName\n        fields\n        outcome\n        errorCode\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').AccessLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyAccessLog {\n    verifyAccessLog {\n      ok\n      checked\n      unkeyed\n      firstBrokenSeq\n      code\n      reason\n      headSeq\n      checkpointsChecked\n    }\n  }\n"): typeof import('./graphql').VerifyAccessLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessLogSeal {\n    accessLogSeal {\n      no\n      headSeq\n      headHash\n      time\n      instance\n      reason\n    }\n  }\n"): typeof import('./graphql').AccessLogSealDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String) {\n    searchCatalog(filter: $filter, first: $first, after: $after) {\n      nodes {\n        code\n        name\n        providerName\n        providerUscc\n        sharingType\n        updateCycle\n        status\n        version\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').SearchCatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ToAnswer($status: DataCorrectionStatus, $first: Int!, $after: String) {\n    dataCorrections(role: TO_ANSWER, status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        subjectType\n        subjectId\n        field\n        reportedValue\n        proposedValue\n        reason\n        evidence\n        reporterDepartment\n        reporterSystem\n        reportedAt\n        sourceDepartment\n        deadline\n        deadlineProvisional\n        workingDaysLeft\n        overdue\n        status\n        resolvedAt\n        resolutionReason\n        correctedValue\n        correctionVersion\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ToAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptDataCorrection($input: AcceptDataCorrectionInput!) {\n    acceptDataCorrection(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').AcceptDataCorrectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectDataCorrection($input: RejectDataCorrectionInput!) {\n    rejectDataCorrection(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RejectDataCorrectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecognitionRules {\n    recognitionRules {\n      resultType\n      name\n      subjectType\n      maxValidityDays\n      acceptedBy\n      description\n      version\n      updatedAt\n    }\n    departments {\n      uscc\n      name\n    }\n  }\n"): typeof import('./graphql').RecognitionRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRecognition($input: SetRecognitionInput!) {\n    setRecognition(input: $input) {\n      resultType\n      acceptedBy\n      version\n    }\n  }\n"): typeof import('./graphql').SetRecognitionDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
