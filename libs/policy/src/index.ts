// @hub/policy: the data-sharing catalog's vocabulary and the pure functions that turn it into
// enforcement — which fields an operation touches, which catalog item governs each field, how
// a value is masked, and whether every field of the base libraries is governed. No I/O.

export {
  DataClass,
  DataItemType,
  MASKING_RULES_OF_CLASS,
  MaskingRule,
  PERSONAL_DATA_CLASSES,
  OpenAttribute,
  ResourceFormat,
  ResourceStatus,
  Sensitivity,
  SharingMethod,
  SharingType,
  UpdateCycle,
  dataItemId,
  isPersonalDataClass,
  type CatalogResourceSpec,
  type DataItemSpec,
  type DepartmentSpec,
  type DepartmentSystemSpec,
  type MaskUnless,
} from './catalog-model.js';

export {
  AccessPolicy,
  itemAccess,
  type AccessDecision,
  type BudgetedLookup,
  type ItemAccess,
  type PolicyKey,
  type PolicySnapshot,
  type PolicyGrant,
  type PolicyItem,
  type PolicySubject,
  type RefusalReason,
  type RefusedItem,
  type SystemRateLimit,
} from './access-policy.js';

export { apiSchemaOf } from './api-schema.js';
export {
  argumentUses,
  fieldsOfOperation,
  type ArgumentSites,
  type OperationFields,
  type OperationOptions,
} from './operation-fields.js';
export {
  ARGUMENT_COORDINATE,
  ARGUMENT_SELECTORS,
  LOOKUP_ARGUMENTS,
  argumentCoordinate,
  parseArgumentCoordinate,
  type ArgumentRule,
} from './argument-governance.js';
export { maskResponseData, maskValue, type FieldMasking, type MaskingFor } from './masking.js';
export { COMPOUND_SURNAMES } from './compound-surnames.js';

export {
  BASE_LIBRARY_GRAPHS,
  GOVERNED_GRAPHS,
  GOVERNANCE_PROBLEM_CODES,
  baseLibraryFields,
  baseLibraryMutations,
  checkGovernance,
  governedArguments,
  type GovernanceCatalog,
  type GovernanceProblem,
  type GovernanceProblemCode,
} from './governance.js';
export {
  BASE_RESOURCE_SUBJECTS,
  CLASSIFICATION_MAX_LENGTH,
  RESOURCE_CATEGORIES,
  RESOURCE_CODE_MAX_LENGTH,
  isValidClassificationCode,
  parseResourceCode,
  type ResourceCodeErrorCode,
  type ResourceCodeResult,
  type ResourceCodeSegment,
} from './resource-code.js';
export type { AccessOperationType, AccessOutcome, AccessRecordInput } from './access-record.js';
