// @hub/identifiers: pure validation of the identifiers that key the hub's base libraries
// (citizen ID, USCC, GB/T 2260 division codes, GB/T 36904 e-licence identifiers) and
// deterministic generators of valid ones.
// No I/O and no framework: parsers return a result or a coded error; they never throw on input.

export type { IdentifierError, IdentifierResult, IdentifierWarning } from './identifier-result.js';

export {
  citizenIdCheckDigit,
  convertCitizenId15To18,
  isValidCitizenId,
  parseCitizenId,
  type CitizenId,
  type CitizenIdErrorCode,
  type CitizenIdOptions,
  type CitizenIdResult,
  type Gender,
} from './citizen-id.js';

export {
  isValidUscc,
  parseUscc,
  usccCheckCharacter,
  type Uscc,
  type UsccErrorCode,
  type UsccResult,
  type UsccWarningCode,
} from './uscc.js';
export { LegalEntityKind, type UsccCodeName } from './uscc-categories.js';
export { organisationCodeCheckCharacter } from './organisation-code.js';

export {
  eLicenceIdCheckCharacter,
  formatELicenceId,
  isValidELicenceId,
  parseELicenceId,
  type ELicenceId,
  type ELicenceIdErrorCode,
  type ELicenceIdParts,
  type ELicenceIdResult,
} from './e-licence-id.js';

export {
  DIVISION_TABLE_SOURCE,
  DIVISION_TABLE_VERSION,
  currentSuccessors,
  divisionChain,
  divisionCodePrefix,
  divisionFullName,
  extendDivisionTable,
  findDivision,
  isDivisionInForce,
  isKnownDivisionCode,
  listDivisions,
  parseDivisionCode,
  type DivisionCodeErrorCode,
  type DivisionCodeResult,
  type DivisionCodeWarningCode,
  type DivisionDateOption,
  type DivisionEntry,
  type DivisionFilter,
  type DivisionLevel,
  type DivisionTableExtension,
  type ParsedDivisionCode,
} from './division-codes.js';

export {
  generateCitizenId,
  generateUscc,
  seededRandom,
  type CitizenIdGeneratorOptions,
  type RandomSource,
  type UsccGeneratorOptions,
} from './generators.js';

export {
  ETHNICITY_CODES,
  MARITAL_STATUS_CODES,
  FAMILY_RELATION_CODES,
  HOUSEHOLD_HEAD_RELATION,
} from './codes/national-codes.js';
export { chinaDate } from './calendar.js';
