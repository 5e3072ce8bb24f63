export { HubError, InputError, type InputViolation } from './hub-error.js';
export {
  InputValidationPipe,
  validateInput,
  violationsOf,
  IsUscc,
  IsCitizenId,
  IsDivisionCode,
  IsCalendarDate,
} from './validation.js';
export { createContext, loaderFor, type HubContext } from './request-context.js';
export { formatGraphQLError, errorLoggingPlugin } from './graphql-errors.js';
export { SubgraphModule, type SubgraphOptions } from './subgraph.module.js';
export { bootstrapSubgraph } from './bootstrap.js';
