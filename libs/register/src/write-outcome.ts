import { HubError, InputError, type HubErrorCode } from '@hub/subgraph';
import type { RegisterSpec } from './register-spec.js';

/** What a write asks for: `register` must create, `change` must find, `upsert` (bulk ingest) does either. */
export type WriteIntent = 'register' | 'change' | 'upsert';

/** What happened to one incoming record. */
export type WriteOutcome =
  | 'register' // stored as a new record; `registered` emitted
  | 'change' // stored; `changed` and/or `status-changed` emitted
  | 'version_only' // a newer version with identical content: version recorded, nothing emitted
  | 'replay' // the same version and content again: nothing changed, nothing emitted
  | 'superseded' // a later row of the same extract carries a newer version of this record
  | RefusedOutcome;

export type RefusedOutcome =
  | 'stale' // older than the stored version
  | 'version_reused' // the stored version number with different content
  | 'version_contested' // another row of the same write carries this version with different content
  | 'division_retired' // a new record (or a change of code) names a division no longer in force
  | 'source_mismatch' // the record is held from another source record (一数一源)
  | 'source_record_conflict' // this source record already belongs to another record
  | 'already_registered' // `register` of a record that exists from another source or version
  | 'not_found' // `change` of a record that does not exist
  | 'invalid_transition' // a status change the register's rules forbid
  | 'conflict'; // a concurrent writer registered the same record first: retry

/** How many rows of a write had one outcome, with the first lines (1-based input rows) and keys. */
export interface OutcomeGroup {
  outcome: WriteOutcome;
  count: number;
  lines: number[];
  keys: string[];
}

/**
 * Each refused outcome: its stable code, the field a client should look at, and what it means.
 * A Record over the outcome type, so a new refusal cannot be left without a code.
 */
export function refusals(
  spec: RegisterSpec,
): Record<RefusedOutcome, { code: HubErrorCode | 'DIVISION_CODE_RETIRED'; field?: string; meaning: string }> {
  return {
    stale: { code: 'STALE_VERSION', field: 'version', meaning: 'older than the version the hub holds' },
    version_reused: {
      code: 'VERSION_REUSED',
      field: 'version',
      meaning: 'the hub holds this version with different content; send a new version',
    },
    version_contested: {
      code: 'VERSION_REUSED',
      field: 'version',
      meaning: `another row of this extract carries the same version of the ${spec.entity} with different content; neither was stored — send one, or a new version`,
    },
    division_retired: {
      code: 'DIVISION_CODE_RETIRED',
      field: spec.currentDivisions?.[0],
      meaning: `a new ${spec.entity} (or a change of division) needs a division in force; records made before a redistricting keep theirs`,
    },
    source_mismatch: {
      code: 'SOURCE_MISMATCH',
      field: 'sourceRecordId',
      meaning: `the ${spec.entity} is held from another source record (一数一源)`,
    },
    source_record_conflict: {
      code: 'SOURCE_RECORD_CONFLICT',
      field: 'sourceRecordId',
      meaning: `this source record already belongs to another ${spec.entity}`,
    },
    already_registered: {
      code: 'ALREADY_REGISTERED',
      field: spec.key,
      meaning: `the ${spec.entity} is already registered; send a change instead`,
    },
    not_found: { code: spec.notFoundCode, field: spec.key, meaning: `no ${spec.entity} with this ${spec.key}` },
    invalid_transition: {
      code: 'INVALID_STATUS_TRANSITION',
      field: spec.status?.property ?? 'status',
      meaning: 'the status change is not allowed',
    },
    conflict: { code: 'CONCURRENT_WRITE', meaning: `written at the same moment by another write; send it again` },
  };
}

export function isRefused(outcome: WriteOutcome): outcome is RefusedOutcome {
  return !['register', 'change', 'version_only', 'replay', 'superseded'].includes(outcome);
}

/** A refused write, with the field a client should look at. */
export class RegisterError extends HubError {
  constructor(
    code: HubErrorCode,
    message: string,
    details: { field?: string; key?: string; storedVersion?: number } = {},
  ) {
    super(code, message, details);
    this.name = 'RegisterError';
  }
}

/** What the stored row says, to explain a refusal. */
export interface StoredVersion {
  version: number;
  sourceSystem: string;
  sourceRecordId: string;
  status?: string;
}

/** The error for a refused single write; undefined when the write went through. */
export function refusal(
  spec: RegisterSpec,
  outcome: WriteOutcome,
  key: string,
  version: number,
  stored?: StoredVersion,
): HubError | undefined {
  if (!isRefused(outcome)) return undefined;
  const { code, field, meaning } = refusals(spec)[outcome];
  // Bad input, not a refusal of the register's rules: answered like every other invalid value.
  if (code === 'DIVISION_CODE_RETIRED') return new InputError([{ field: `input.${field}`, code, message: meaning }]);
  const message: Record<RefusedOutcome, string> = {
    stale: `version ${version} of ${key} is older than the stored version ${stored?.version}`,
    version_reused: `version ${version} of ${key} is already stored with different content; send a new version`,
    version_contested: `version ${version} of ${key} is sent twice with different content`,
    division_retired: `${key} names a division that is no longer in force`,
    source_mismatch: `${key} is held from source record ${stored?.sourceSystem}/${stored?.sourceRecordId}; each ${spec.entity} has one source (一数一源)`,
    source_record_conflict: `this source record already belongs to another ${spec.entity}`,
    already_registered: `${key} is already registered (version ${stored?.version}); send a change instead`,
    not_found: `no ${spec.entity} with ${spec.key} ${key}`,
    invalid_transition: `${key} is ${stored?.status}: ${spec.status?.refusedBecause(stored?.status ?? '') ?? 'the status change is not allowed'}`,
    conflict: `another write registered ${key} at the same moment; retry`,
  };
  return new RegisterError(code, message[outcome], { field, key, storedVersion: stored?.version });
}
