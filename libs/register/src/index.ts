export {
  PROVENANCE_COLUMNS,
  PROVENANCE_PROPERTIES,
  allColumns,
  columnOf,
  jsonOf,
  type ColumnSpec,
  type RegisterSpec,
  type StatusSpec,
} from './register-spec.js';
export { RegisterRow, RegisterRowKeepingOriginals, defineRegister, type RegisterDeclaration } from './register-row.js';
export {
  RegisterRecordInput,
  StatusEffectiveOnField,
  StatusReasonField,
  extractFieldsOf,
} from './register-record.input.js';
export { RegisterModule, InjectRegisterWrites, type RegisterFeature } from './register.module.js';
export { contentHash } from './content-hash.js';
export { RegisterWriter, type IncomingRecord } from './register-writer.js';
export { RegisterWrites, sourceOfWrite, type RecordMapper, type SourceOfWrite } from './register-writes.js';
export { assertAttributed, attributionViolations, type WriteCaller } from './attribution.js';
export { RegisterReader, provenanceOf } from './register-reader.js';
export {
  RegisterError,
  isRefused,
  refusal,
  refusals,
  type OutcomeGroup,
  type RefusedOutcome,
  type StoredVersion,
  type WriteIntent,
  type WriteOutcome,
} from './write-outcome.js';
export { WriteResultOutcome } from './write-result.js';
export { Provenance } from './graphql/provenance.model.js';
export { ChangeRecordInputType, ChangeStatusInputType, changeableFields } from './graphql/change-inputs.js';
export { RecordChange } from './graphql/record-change.model.js';
export { PageInfo } from './graphql/page-info.model.js';
export { GraphQLJSONObject } from './graphql/json-object.scalar.js';
export { BulkIngest, type IngestOptions } from './ingest/bulk-ingest.js';
export {
  IngestController,
  INGEST_REGISTERS,
  INGEST_MAX_BYTES,
  type IngestRegisters,
} from './ingest/ingest.controller.js';
export {
  REJECTION_DETAIL_LIMIT,
  type IngestProgress,
  type IngestReport,
  type Rejection,
} from './ingest/ingest-report.js';
export {
  readExtract,
  charsetOf,
  charsetParameter,
  ACCEPTED_CHARSETS,
  ExtractEncodingError,
  ExtractHeaderError,
  UnsupportedCharsetError,
  MAX_LINE_BYTES,
  type ExtractCharset,
  type ExtractFormat,
  type ExtractRow,
} from './ingest/record-stream.js';
export {
  spoolUpload,
  ingestIdleTimeoutMs,
  DEFAULT_INGEST_IDLE_TIMEOUT_MS,
  IngestStalledError,
  IngestInterruptedError,
  ExtractTooLargeError,
} from './ingest/spool.js';
export { historyEntity } from './history.entity.js';
export { encodeCursor, decodeCursor, CursorField, MAX_CURSOR_LENGTH } from './cursor.js';
