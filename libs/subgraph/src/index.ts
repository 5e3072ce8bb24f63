export { HubError, InputError, type InputViolation } from './hub-error.js';
export { MIN_REASON_LENGTH, principalOf, requireRole, requiredReason } from './caller.js';
export {
  InputValidationPipe,
  validateInput,
  violationsOf,
  IsUscc,
  IsCitizenId,
  IsDivisionCode,
  IsCalendarDate,
  IsDay,
} from './validation.js';
export { SUBJECTS_EXTENSION, createContext, loaderFor, touchSubjects, type HubContext, type SubjectKind } from './request-context.js';
export { formatGraphQLError, errorLoggingPlugin } from './graphql-errors.js';
export { SubgraphModule, type SubgraphOptions } from './subgraph.module.js';
export { bootstrapSubgraph } from './bootstrap.js';
