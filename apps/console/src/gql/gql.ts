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
    "\n  query AccessLog($subjectType: AccessSubjectType!, $subjectId: String!, $first: Int!, $after: String) {\n    accessLog(subjectType: $subjectType, subjectId: $subjectId, first: $first, after: $after) {\n      nodes {\n        seq\n        recordedAt\n        systemCode\n        departmentUscc\n        holderName\n        purpose\n        caseNumber\n        operationName\n        fields\n        outcome\n        errorCode\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AccessLogDocument,
    "\n  query VerifyAccessLog {\n    verifyAccessLog {\n      ok\n      checked\n      unkeyed\n      firstBrokenSeq\n      code\n      reason\n      headSeq\n      checkpointsChecked\n    }\n  }\n": typeof types.VerifyAccessLogDocument,
    "\n  query AccessLogSeal {\n    accessLogSeal {\n      no\n      headSeq\n      headHash\n      time\n      instance\n      reason\n    }\n  }\n": typeof types.AccessLogSealDocument,
    "\n  query SharingApplications($filter: SharingApplicationFilter, $first: Int!, $after: String) {\n    sharingApplications(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        resourceCode\n        providerUscc\n        consumerSystemCode\n        consumerDepartmentUscc\n        items\n        purpose\n        legalBasis\n        requestedFrom\n        requestedTo\n        fullValues\n        status\n        submittedAt\n        deadline\n        deadlineProvisional\n        overdue\n        workingDaysLeft\n        decidedAt\n        decidedBy\n        decisionReason\n        approvedItems\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SharingApplicationsDocument,
    "\n  query SharingApplicationDetail($id: ID!) {\n    sharingApplication(id: $id) {\n      id\n      resourceCode\n      providerUscc\n      consumerSystemCode\n      consumerDepartmentUscc\n      items\n      purpose\n      legalBasis\n      requestedFrom\n      requestedTo\n      fullValues\n      status\n      submittedAt\n      deadline\n      deadlineProvisional\n      deadlineChanges {\n        previousDeadline\n        deadline\n        changedAt\n      }\n      overdue\n      workingDaysLeft\n      decidedAt\n      decidedBy\n      decisionReason\n      approvedItems\n      grantId\n    }\n  }\n": typeof types.SharingApplicationDetailDocument,
    "\n  query ApplicationResource($code: String!) {\n    catalogResource(code: $code) {\n      code\n      name\n      items {\n        no\n        name\n      }\n    }\n  }\n": typeof types.ApplicationResourceDocument,
    "\n  query ConditionalResources {\n    searchCatalog(filter: { sharingType: CONDITIONAL }, first: 100) {\n      nodes {\n        code\n        name\n        providerUscc\n        items {\n          no\n          name\n        }\n      }\n    }\n  }\n": typeof types.ConditionalResourcesDocument,
    "\n  mutation ApproveApplication($input: ApproveSharingInput!) {\n    approveSharingApplication(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ApproveApplicationDocument,
    "\n  mutation RejectApplication($input: RejectSharingInput!) {\n    rejectSharingApplication(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.RejectApplicationDocument,
    "\n  mutation WithdrawApplication($id: ID!) {\n    withdrawSharingApplication(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.WithdrawApplicationDocument,
    "\n  mutation ApplyForSharing($input: ApplyForSharingInput!) {\n    applyForSharing(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ApplyForSharingDocument,
    "\n  query WorkingDayCoverage {\n    workingDayCalendar {\n      officialYears {\n        year\n        from\n        source\n        version\n      }\n      officialUntil\n      firstProvisionalYear\n      warning\n    }\n  }\n": typeof types.WorkingDayCoverageDocument,
    "\n  query WorkingDayNotices {\n    workingDayNotices {\n      year\n      version\n      holidays\n      workdays\n      source\n      publishedOn\n      reason\n      unusualTotal\n      deadlinesChanged\n      enteredBy\n      enteredAt\n    }\n  }\n": typeof types.WorkingDayNoticesDocument,
    "\n  query StatutoryHolidays($year: Int!) {\n    statutoryHolidays(year: $year) {\n      day\n      name\n    }\n  }\n": typeof types.StatutoryHolidaysDocument,
    "\n  mutation EnterWorkingDayNotice($input: EnterWorkingDayNoticeInput!) {\n    enterWorkingDayNotice(input: $input) {\n      year\n      version\n      deadlinesChanged\n    }\n  }\n": typeof types.EnterWorkingDayNoticeDocument,
    "\n  query MovedApplications($filter: SharingApplicationFilter, $first: Int!, $after: String) {\n    sharingApplications(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        resourceCode\n        consumerSystemCode\n        status\n        submittedAt\n        deadline\n        deadlineProvisional\n        deadlineChanges {\n          previousDeadline\n          previousProvisional\n          deadline\n          provisional\n          noticeYear\n          noticeVersion\n          changedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MovedApplicationsDocument,
    "\n  query MovedCorrections($role: DataCorrectionRole!, $year: Int!, $version: Int!, $first: Int!, $after: String) {\n    dataCorrections(\n      role: $role\n      movedByNoticeYear: $year\n      movedByNoticeVersion: $version\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        subjectType\n        field\n        sourceDepartment\n        reporterDepartment\n        status\n        deadline\n        deadlineProvisional\n        deadlineChanges {\n          previousDeadline\n          previousProvisional\n          deadline\n          provisional\n          noticeYear\n          noticeVersion\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MovedCorrectionsDocument,
    "\n  query ToAnswer($status: DataCorrectionStatus, $first: Int!, $after: String) {\n    dataCorrections(role: TO_ANSWER, status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        subjectType\n        subjectId\n        field\n        reportedValue\n        proposedValue\n        reason\n        evidence\n        reporterDepartment\n        reporterSystem\n        reportedAt\n        sourceDepartment\n        deadline\n        deadlineProvisional\n        workingDaysLeft\n        overdue\n        status\n        resolvedAt\n        resolutionReason\n        correctedValue\n        correctionVersion\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ToAnswerDocument,
    "\n  mutation AcceptDataCorrection($input: AcceptDataCorrectionInput!) {\n    acceptDataCorrection(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.AcceptDataCorrectionDocument,
    "\n  mutation RejectDataCorrection($input: RejectDataCorrectionInput!) {\n    rejectDataCorrection(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.RejectDataCorrectionDocument,
    "\n  query SharingGrantPage($filter: SharingGrantFilter, $first: Int!, $after: String) {\n    sharingGrantPage(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        resourceCode\n        providerUscc\n        consumerSystemCode\n        items\n        purpose\n        fullValues\n        validFrom\n        validTo\n        status\n        grantedAt\n        revokedAt\n        revokeReason\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SharingGrantPageDocument,
    "\n  mutation RevokeSharingGrant($input: RevokeGrantInput!) {\n    revokeSharingGrant(input: $input) {\n      id\n      status\n      revokedAt\n      revokeReason\n    }\n  }\n": typeof types.RevokeSharingGrantDocument,
    "\n  query ApiKeyPage($filter: ApiKeyFilter, $first: Int!, $after: String) {\n    apiKeyPage(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        roles\n        departmentUscc\n        systemCode\n        holderName\n        issuedAt\n        expiresAt\n        status\n        revokedAt\n        revokeReason\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ApiKeyPageDocument,
    "\n  mutation IssueApiKey($input: IssueApiKeyInput!) {\n    issueApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        holderName\n      }\n    }\n  }\n": typeof types.IssueApiKeyDocument,
    "\n  mutation RegisterSystem($input: RegisterSystemInput!) {\n    registerSystem(input: $input) {\n      code\n      name\n      departmentUscc\n    }\n  }\n": typeof types.RegisterSystemDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query RecognitionRules {\n    recognitionRules {\n      resultType\n      name\n      subjectType\n      maxValidityDays\n      acceptedBy\n      description\n      version\n      updatedAt\n    }\n    departments {\n      uscc\n      name\n    }\n  }\n": typeof types.RecognitionRulesDocument,
    "\n  mutation SetRecognition($input: SetRecognitionInput!) {\n    setRecognition(input: $input) {\n      resultType\n      acceptedBy\n      version\n    }\n  }\n": typeof types.SetRecognitionDocument,
    "\n  query OverdueCounts {\n    overdueSharingApplicationCounts {\n      departmentUscc\n      count\n      earliestDeadline\n    }\n    overdueDataCorrectionCounts {\n      departmentUscc\n      count\n      earliestDeadline\n    }\n  }\n": typeof types.OverdueCountsDocument,
    "\n  query OverdueSharingApplications($first: Int!, $after: String) {\n    overdueSharingApplications(first: $first, after: $after) {\n      nodes {\n        id\n        resourceCode\n        providerUscc\n        consumerSystemCode\n        consumerDepartmentUscc\n        submittedAt\n        deadline\n        workingDaysLeft\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OverdueSharingApplicationsDocument,
    "\n  query OverdueDataCorrections($first: Int!, $after: String) {\n    overdueDataCorrections(first: $first, after: $after) {\n      nodes {\n        id\n        subjectType\n        field\n        reporterDepartment\n        sourceDepartment\n        reportedAt\n        deadline\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OverdueDataCorrectionsDocument,
    "\n  query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String, $orderBy: CatalogOrderBy) {\n    searchCatalog(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      nodes {\n        code\n        name\n        providerName\n        providerUscc\n        sharingType\n        updateCycle\n        status\n        version\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SearchCatalogDocument,
    "\n  query CatalogResourceDetail($code: String!) {\n    catalogResource(code: $code) {\n      code\n      classification\n      name\n      providerUscc\n      providerName\n      summary\n      format\n      sharingType\n      sharingConditions\n      sharingMethod\n      openAttribute\n      updateCycle\n      publishedOn\n      relatedCodes\n      status\n      version\n      updatedAt\n      items {\n        id\n        no\n        name\n        dataType\n        fields\n        arguments\n        sensitivity\n        masking\n        maskUnless {\n          field\n          values\n        }\n        dataClass\n        description\n      }\n    }\n  }\n": typeof types.CatalogResourceDetailDocument,
    "\n  query CatalogChangeImpact($code: String!, $change: CatalogChangeKind!, $update: UpdateCatalogResourceInput) {\n    catalogChangeImpact(code: $code, change: $change, update: $update) {\n      code\n      version\n      grants {\n        grantId\n        consumerSystemCode\n        consumerSystemName\n        consumerDepartmentName\n        validTo\n        lostItems\n        notSharedItems\n        losesAll\n      }\n    }\n  }\n": typeof types.CatalogChangeImpactDocument,
    "\n  mutation CreateCatalogResource($input: CatalogResourceInput!) {\n    createCatalogResource(input: $input) {\n      code\n      version\n      status\n    }\n  }\n": typeof types.CreateCatalogResourceDocument,
    "\n  mutation UpdateCatalogResource($input: UpdateCatalogResourceInput!) {\n    updateCatalogResource(input: $input) {\n      code\n      version\n      status\n    }\n  }\n": typeof types.UpdateCatalogResourceDocument,
    "\n  mutation PublishCatalogResource($code: String!, $expectedVersion: Int!) {\n    publishCatalogResource(code: $code, expectedVersion: $expectedVersion) {\n      code\n      version\n      status\n    }\n  }\n": typeof types.PublishCatalogResourceDocument,
    "\n  mutation RetireCatalogResource($code: String!, $expectedVersion: Int!) {\n    retireCatalogResource(code: $code, expectedVersion: $expectedVersion) {\n      code\n      version\n      status\n    }\n  }\n": typeof types.RetireCatalogResourceDocument,
};
const documents: Documents = {
    "\n  query Departments {\n    departments {\n      uscc\n      name\n      divisionCode\n      systems {\n        code\n        name\n        rateLimitPerMinute\n      }\n    }\n  }\n": types.DepartmentsDocument,
    "\n  query AccessLog($subjectType: AccessSubjectType!, $subjectId: String!, $first: Int!, $after: String) {\n    accessLog(subjectType: $subjectType, subjectId: $subjectId, first: $first, after: $after) {\n      nodes {\n        seq\n        recordedAt\n        systemCode\n        departmentUscc\n        holderName\n        purpose\n        caseNumber\n        operationName\n        fields\n        outcome\n        errorCode\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AccessLogDocument,
    "\n  query VerifyAccessLog {\n    verifyAccessLog {\n      ok\n      checked\n      unkeyed\n      firstBrokenSeq\n      code\n      reason\n      headSeq\n      checkpointsChecked\n    }\n  }\n": types.VerifyAccessLogDocument,
    "\n  query AccessLogSeal {\n    accessLogSeal {\n      no\n      headSeq\n      headHash\n      time\n      instance\n      reason\n    }\n  }\n": types.AccessLogSealDocument,
    "\n  query SharingApplications($filter: SharingApplicationFilter, $first: Int!, $after: String) {\n    sharingApplications(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        resourceCode\n        providerUscc\n        consumerSystemCode\n        consumerDepartmentUscc\n        items\n        purpose\n        legalBasis\n        requestedFrom\n        requestedTo\n        fullValues\n        status\n        submittedAt\n        deadline\n        deadlineProvisional\n        overdue\n        workingDaysLeft\n        decidedAt\n        decidedBy\n        decisionReason\n        approvedItems\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SharingApplicationsDocument,
    "\n  query SharingApplicationDetail($id: ID!) {\n    sharingApplication(id: $id) {\n      id\n      resourceCode\n      providerUscc\n      consumerSystemCode\n      consumerDepartmentUscc\n      items\n      purpose\n      legalBasis\n      requestedFrom\n      requestedTo\n      fullValues\n      status\n      submittedAt\n      deadline\n      deadlineProvisional\n      deadlineChanges {\n        previousDeadline\n        deadline\n        changedAt\n      }\n      overdue\n      workingDaysLeft\n      decidedAt\n      decidedBy\n      decisionReason\n      approvedItems\n      grantId\n    }\n  }\n": types.SharingApplicationDetailDocument,
    "\n  query ApplicationResource($code: String!) {\n    catalogResource(code: $code) {\n      code\n      name\n      items {\n        no\n        name\n      }\n    }\n  }\n": types.ApplicationResourceDocument,
    "\n  query ConditionalResources {\n    searchCatalog(filter: { sharingType: CONDITIONAL }, first: 100) {\n      nodes {\n        code\n        name\n        providerUscc\n        items {\n          no\n          name\n        }\n      }\n    }\n  }\n": types.ConditionalResourcesDocument,
    "\n  mutation ApproveApplication($input: ApproveSharingInput!) {\n    approveSharingApplication(input: $input) {\n      id\n      status\n    }\n  }\n": types.ApproveApplicationDocument,
    "\n  mutation RejectApplication($input: RejectSharingInput!) {\n    rejectSharingApplication(input: $input) {\n      id\n      status\n    }\n  }\n": types.RejectApplicationDocument,
    "\n  mutation WithdrawApplication($id: ID!) {\n    withdrawSharingApplication(id: $id) {\n      id\n      status\n    }\n  }\n": types.WithdrawApplicationDocument,
    "\n  mutation ApplyForSharing($input: ApplyForSharingInput!) {\n    applyForSharing(input: $input) {\n      id\n      status\n    }\n  }\n": types.ApplyForSharingDocument,
    "\n  query WorkingDayCoverage {\n    workingDayCalendar {\n      officialYears {\n        year\n        from\n        source\n        version\n      }\n      officialUntil\n      firstProvisionalYear\n      warning\n    }\n  }\n": types.WorkingDayCoverageDocument,
    "\n  query WorkingDayNotices {\n    workingDayNotices {\n      year\n      version\n      holidays\n      workdays\n      source\n      publishedOn\n      reason\n      unusualTotal\n      deadlinesChanged\n      enteredBy\n      enteredAt\n    }\n  }\n": types.WorkingDayNoticesDocument,
    "\n  query StatutoryHolidays($year: Int!) {\n    statutoryHolidays(year: $year) {\n      day\n      name\n    }\n  }\n": types.StatutoryHolidaysDocument,
    "\n  mutation EnterWorkingDayNotice($input: EnterWorkingDayNoticeInput!) {\n    enterWorkingDayNotice(input: $input) {\n      year\n      version\n      deadlinesChanged\n    }\n  }\n": types.EnterWorkingDayNoticeDocument,
    "\n  query MovedApplications($filter: SharingApplicationFilter, $first: Int!, $after: String) {\n    sharingApplications(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        resourceCode\n        consumerSystemCode\n        status\n        submittedAt\n        deadline\n        deadlineProvisional\n        deadlineChanges {\n          previousDeadline\n          previousProvisional\n          deadline\n          provisional\n          noticeYear\n          noticeVersion\n          changedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MovedApplicationsDocument,
    "\n  query MovedCorrections($role: DataCorrectionRole!, $year: Int!, $version: Int!, $first: Int!, $after: String) {\n    dataCorrections(\n      role: $role\n      movedByNoticeYear: $year\n      movedByNoticeVersion: $version\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        subjectType\n        field\n        sourceDepartment\n        reporterDepartment\n        status\n        deadline\n        deadlineProvisional\n        deadlineChanges {\n          previousDeadline\n          previousProvisional\n          deadline\n          provisional\n          noticeYear\n          noticeVersion\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MovedCorrectionsDocument,
    "\n  query ToAnswer($status: DataCorrectionStatus, $first: Int!, $after: String) {\n    dataCorrections(role: TO_ANSWER, status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        subjectType\n        subjectId\n        field\n        reportedValue\n        proposedValue\n        reason\n        evidence\n        reporterDepartment\n        reporterSystem\n        reportedAt\n        sourceDepartment\n        deadline\n        deadlineProvisional\n        workingDaysLeft\n        overdue\n        status\n        resolvedAt\n        resolutionReason\n        correctedValue\n        correctionVersion\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ToAnswerDocument,
    "\n  mutation AcceptDataCorrection($input: AcceptDataCorrectionInput!) {\n    acceptDataCorrection(input: $input) {\n      id\n      status\n    }\n  }\n": types.AcceptDataCorrectionDocument,
    "\n  mutation RejectDataCorrection($input: RejectDataCorrectionInput!) {\n    rejectDataCorrection(input: $input) {\n      id\n      status\n    }\n  }\n": types.RejectDataCorrectionDocument,
    "\n  query SharingGrantPage($filter: SharingGrantFilter, $first: Int!, $after: String) {\n    sharingGrantPage(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        resourceCode\n        providerUscc\n        consumerSystemCode\n        items\n        purpose\n        fullValues\n        validFrom\n        validTo\n        status\n        grantedAt\n        revokedAt\n        revokeReason\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SharingGrantPageDocument,
    "\n  mutation RevokeSharingGrant($input: RevokeGrantInput!) {\n    revokeSharingGrant(input: $input) {\n      id\n      status\n      revokedAt\n      revokeReason\n    }\n  }\n": types.RevokeSharingGrantDocument,
    "\n  query ApiKeyPage($filter: ApiKeyFilter, $first: Int!, $after: String) {\n    apiKeyPage(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        roles\n        departmentUscc\n        systemCode\n        holderName\n        issuedAt\n        expiresAt\n        status\n        revokedAt\n        revokeReason\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ApiKeyPageDocument,
    "\n  mutation IssueApiKey($input: IssueApiKeyInput!) {\n    issueApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        holderName\n      }\n    }\n  }\n": types.IssueApiKeyDocument,
    "\n  mutation RegisterSystem($input: RegisterSystemInput!) {\n    registerSystem(input: $input) {\n      code\n      name\n      departmentUscc\n    }\n  }\n": types.RegisterSystemDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      id\n      status\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query RecognitionRules {\n    recognitionRules {\n      resultType\n      name\n      subjectType\n      maxValidityDays\n      acceptedBy\n      description\n      version\n      updatedAt\n    }\n    departments {\n      uscc\n      name\n    }\n  }\n": types.RecognitionRulesDocument,
    "\n  mutation SetRecognition($input: SetRecognitionInput!) {\n    setRecognition(input: $input) {\n      resultType\n      acceptedBy\n      version\n    }\n  }\n": types.SetRecognitionDocument,
    "\n  query OverdueCounts {\n    overdueSharingApplicationCounts {\n      departmentUscc\n      count\n      earliestDeadline\n    }\n    overdueDataCorrectionCounts {\n      departmentUscc\n      count\n      earliestDeadline\n    }\n  }\n": types.OverdueCountsDocument,
    "\n  query OverdueSharingApplications($first: Int!, $after: String) {\n    overdueSharingApplications(first: $first, after: $after) {\n      nodes {\n        id\n        resourceCode\n        providerUscc\n        consumerSystemCode\n        consumerDepartmentUscc\n        submittedAt\n        deadline\n        workingDaysLeft\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OverdueSharingApplicationsDocument,
    "\n  query OverdueDataCorrections($first: Int!, $after: String) {\n    overdueDataCorrections(first: $first, after: $after) {\n      nodes {\n        id\n        subjectType\n        field\n        reporterDepartment\n        sourceDepartment\n        reportedAt\n        deadline\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OverdueDataCorrectionsDocument,
    "\n  query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String, $orderBy: CatalogOrderBy) {\n    searchCatalog(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      nodes {\n        code\n        name\n        providerName\n        providerUscc\n        sharingType\n        updateCycle\n        status\n        version\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SearchCatalogDocument,
    "\n  query CatalogResourceDetail($code: String!) {\n    catalogResource(code: $code) {\n      code\n      classification\n      name\n      providerUscc\n      providerName\n      summary\n      format\n      sharingType\n      sharingConditions\n      sharingMethod\n      openAttribute\n      updateCycle\n      publishedOn\n      relatedCodes\n      status\n      version\n      updatedAt\n      items {\n        id\n        no\n        name\n        dataType\n        fields\n        arguments\n        sensitivity\n        masking\n        maskUnless {\n          field\n          values\n        }\n        dataClass\n        description\n      }\n    }\n  }\n": types.CatalogResourceDetailDocument,
    "\n  query CatalogChangeImpact($code: String!, $change: CatalogChangeKind!, $update: UpdateCatalogResourceInput) {\n    catalogChangeImpact(code: $code, change: $change, update: $update) {\n      code\n      version\n      grants {\n        grantId\n        consumerSystemCode\n        consumerSystemName\n        consumerDepartmentName\n        validTo\n        lostItems\n        notSharedItems\n        losesAll\n      }\n    }\n  }\n": types.CatalogChangeImpactDocument,
    "\n  mutation CreateCatalogResource($input: CatalogResourceInput!) {\n    createCatalogResource(input: $input) {\n      code\n      version\n      status\n    }\n  }\n": types.CreateCatalogResourceDocument,
    "\n  mutation UpdateCatalogResource($input: UpdateCatalogResourceInput!) {\n    updateCatalogResource(input: $input) {\n      code\n      version\n      status\n    }\n  }\n": types.UpdateCatalogResourceDocument,
    "\n  mutation PublishCatalogResource($code: String!, $expectedVersion: Int!) {\n    publishCatalogResource(code: $code, expectedVersion: $expectedVersion) {\n      code\n      version\n      status\n    }\n  }\n": types.PublishCatalogResourceDocument,
    "\n  mutation RetireCatalogResource($code: String!, $expectedVersion: Int!) {\n    retireCatalogResource(code: $code, expectedVersion: $expectedVersion) {\n      code\n      version\n      status\n    }\n  }\n": types.RetireCatalogResourceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Departments {\n    departments {\n      uscc\n      name\n      divisionCode\n      systems {\n        code\n        name\n        rateLimitPerMinute\n      }\n    }\n  }\n"): typeof import('./graphql').DepartmentsDocument;
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
export function graphql(source: "\n  query MovedCorrections($role: DataCorrectionRole!, $year: Int!, $version: Int!, $first: Int!, $after: String) {\n    dataCorrections(\n      role: $role\n      movedByNoticeYear: $year\n      movedByNoticeVersion: $version\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        subjectType\n        field\n        sourceDepartment\n        reporterDepartment\n        status\n        deadline\n        deadlineProvisional\n        deadlineChanges {\n          previousDeadline\n          previousProvisional\n          deadline\n          provisional\n          noticeYear\n          noticeVersion\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').MovedCorrectionsDocument;
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
export function graphql(source: "\n  query SharingGrantPage($filter: SharingGrantFilter, $first: Int!, $after: String) {\n    sharingGrantPage(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        resourceCode\n        providerUscc\n        consumerSystemCode\n        items\n        purpose\n        fullValues\n        validFrom\n        validTo\n        status\n        grantedAt\n        revokedAt\n        revokeReason\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').SharingGrantPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSharingGrant($input: RevokeGrantInput!) {\n    revokeSharingGrant(input: $input) {\n      id\n      status\n      revokedAt\n      revokeReason\n    }\n  }\n"): typeof import('./graphql').RevokeSharingGrantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeyPage($filter: ApiKeyFilter, $first: Int!, $after: String) {\n    apiKeyPage(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        roles\n        departmentUscc\n        systemCode\n        holderName\n        issuedAt\n        expiresAt\n        status\n        revokedAt\n        revokeReason\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ApiKeyPageDocument;
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecognitionRules {\n    recognitionRules {\n      resultType\n      name\n      subjectType\n      maxValidityDays\n      acceptedBy\n      description\n      version\n      updatedAt\n    }\n    departments {\n      uscc\n      name\n    }\n  }\n"): typeof import('./graphql').RecognitionRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRecognition($input: SetRecognitionInput!) {\n    setRecognition(input: $input) {\n      resultType\n      acceptedBy\n      version\n    }\n  }\n"): typeof import('./graphql').SetRecognitionDocument;
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
export function graphql(source: "\n  query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String, $orderBy: CatalogOrderBy) {\n    searchCatalog(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      nodes {\n        code\n        name\n        providerName\n        providerUscc\n        sharingType\n        updateCycle\n        status\n        version\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').SearchCatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogResourceDetail($code: String!) {\n    catalogResource(code: $code) {\n      code\n      classification\n      name\n      providerUscc\n      providerName\n      summary\n      format\n      sharingType\n      sharingConditions\n      sharingMethod\n      openAttribute\n      updateCycle\n      publishedOn\n      relatedCodes\n      status\n      version\n      updatedAt\n      items {\n        id\n        no\n        name\n        dataType\n        fields\n        arguments\n        sensitivity\n        masking\n        maskUnless {\n          field\n          values\n        }\n        dataClass\n        description\n      }\n    }\n  }\n"): typeof import('./graphql').CatalogResourceDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogChangeImpact($code: String!, $change: CatalogChangeKind!, $update: UpdateCatalogResourceInput) {\n    catalogChangeImpact(code: $code, change: $change, update: $update) {\n      code\n      version\n      grants {\n        grantId\n        consumerSystemCode\n        consumerSystemName\n        consumerDepartmentName\n        validTo\n        lostItems\n        notSharedItems\n        losesAll\n      }\n    }\n  }\n"): typeof import('./graphql').CatalogChangeImpactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCatalogResource($input: CatalogResourceInput!) {\n    createCatalogResource(input: $input) {\n      code\n      version\n      status\n    }\n  }\n"): typeof import('./graphql').CreateCatalogResourceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCatalogResource($input: UpdateCatalogResourceInput!) {\n    updateCatalogResource(input: $input) {\n      code\n      version\n      status\n    }\n  }\n"): typeof import('./graphql').UpdateCatalogResourceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishCatalogResource($code: String!, $expectedVersion: Int!) {\n    publishCatalogResource(code: $code, expectedVersion: $expectedVersion) {\n      code\n      version\n      status\n    }\n  }\n"): typeof import('./graphql').PublishCatalogResourceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetireCatalogResource($code: String!, $expectedVersion: Int!) {\n    retireCatalogResource(code: $code, expectedVersion: $expectedVersion) {\n      code\n      version\n      status\n    }\n  }\n"): typeof import('./graphql').RetireCatalogResourceDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
