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

export type DataCorrectionStatus =
  /** The source department accepted the report (受理): answered on time, its record to be corrected by its own system; CORRECTED when the change event carries the field */
  | 'ACCEPTED'
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

/** DRAFT → PUBLISHED → RETIRED; only published resources govern fields */
export type ResourceStatus =
  | 'DRAFT'
  | 'PUBLISHED'
  | 'RETIRED';

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

export type DepartmentNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type DepartmentNamesQuery = { departments: Array<{ uscc: string, name: string }> };

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

export type SearchCatalogQueryVariables = Exact<{
  filter?: CatalogSearchFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type SearchCatalogQuery = { searchCatalog: { nodes: Array<{ code: string, name: string, providerName: string | null, providerUscc: string, sharingType: SharingType, updateCycle: UpdateCycle, status: ResourceStatus, version: number }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

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

export type SharingDepartmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type SharingDepartmentsQuery = { departments: Array<{ uscc: string, name: string, systems: Array<{ code: string, name: string }> }> };

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

export const DepartmentNamesDocument = new TypedDocumentString(`
    query DepartmentNames {
  departments {
    uscc
    name
  }
}
    `) as unknown as TypedDocumentString<DepartmentNamesQuery, DepartmentNamesQueryVariables>;
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
export const SharingDepartmentsDocument = new TypedDocumentString(`
    query SharingDepartments {
  departments {
    uscc
    name
    systems {
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<SharingDepartmentsQuery, SharingDepartmentsQueryVariables>;