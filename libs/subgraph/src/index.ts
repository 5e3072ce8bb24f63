export { HubError, InputError, type InputViolation } from './hub-error.js';
export { HUB_ERROR_CODES, isHubErrorCode, type HubErrorCode } from './error-codes.js';
export { MIN_REASON_LENGTH, requiredReason } from './caller.js';
// Who may call what: every query, mutation and route declares one rule (an app refuses to start otherwise).
export { AnyCaller, Internal, Operator, ProviderOnly, Public, Roles, type AccessRule } from '@hub/auth';
export { Caller, CallerAccess } from './access/caller.decorators.js';
export { AccessModule } from './access/access.module.js';
export { refusalOf } from './access/access.guard.js';
export { accessRuleGaps } from './access/access-rule-gaps.js';
export {
  InputValidationPipe,
  validateInput,
  violationsOf,
  IsUscc,
  IsCitizenId,
  IsDivisionCode,
  IsNotBlank,
  IsCalendarDate,
  IsDay,
} from './validation.js';
export { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, PageSizeField, pageSizeArg, checkPageSize } from './page-size.js';
export {
  SUBJECTS_EXTENSION,
  createContext,
  loaderFor,
  touchSubjects,
  type HubContext,
  type SubjectKind,
} from './request-context.js';
export { formatGraphQLError, errorLoggingPlugin } from './graphql-errors.js';
export { DEPENDENCY_RETRY_AFTER_SECONDS, unavailableDependency } from './dependency-errors.js';
export { SupervisionConfig, isSupervisingSteward, supervisesEveryDepartment } from './supervision.js';
export { SubgraphModule, type SubgraphOptions } from './subgraph.module.js';
export { bootstrapSubgraph } from './bootstrap.js';
