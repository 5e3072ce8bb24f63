import { HubError } from '@hub/subgraph';
import type { WriteOutcome } from './legal-entity.writer.js';

/** The stable error codes of the legal-entity library (GraphQL `extensions.code`, ingest report `code`). */
export enum LegalEntityErrorCode {
  NotFound = 'LEGAL_ENTITY_NOT_FOUND',
  AlreadyRegistered = 'ALREADY_REGISTERED',
  StaleVersion = 'STALE_VERSION',
  VersionReused = 'VERSION_REUSED',
  SourceMismatch = 'SOURCE_MISMATCH',
  SourceRecordConflict = 'SOURCE_RECORD_CONFLICT',
  InvalidStatusTransition = 'INVALID_STATUS_TRANSITION',
  ConcurrentWrite = 'CONCURRENT_WRITE',
}

/** A refused write, with the field a client should look at. */
export class LegalEntityError extends HubError {
  constructor(code: LegalEntityErrorCode, message: string, details: { field?: string; uscc?: string; storedVersion?: number } = {}) {
    super(code, message, details);
    this.name = 'LegalEntityError';
  }
}

type RefusedOutcome = Exclude<WriteOutcome, 'register' | 'change' | 'version_only' | 'replay' | 'superseded'>;

/**
 * Each refused outcome: its stable code, the field a client should look at, and what it means.
 * A Record over the outcome type, so a new refusal cannot be left without a code.
 */
export const REFUSALS: Record<RefusedOutcome, { code: LegalEntityErrorCode; field?: string; meaning: string }> = {
  stale: { code: LegalEntityErrorCode.StaleVersion, field: 'version', meaning: 'older than the version the hub holds' },
  version_reused: { code: LegalEntityErrorCode.VersionReused, field: 'version', meaning: 'the hub holds this version with different content; send a new version' },
  source_mismatch: { code: LegalEntityErrorCode.SourceMismatch, field: 'sourceRecordId', meaning: 'the legal entity is held from another source record (一数一源)' },
  source_record_conflict: { code: LegalEntityErrorCode.SourceRecordConflict, field: 'sourceRecordId', meaning: 'this source record already belongs to another legal entity' },
  already_registered: { code: LegalEntityErrorCode.AlreadyRegistered, field: 'uscc', meaning: 'already registered; use changeLegalEntity or changeLegalEntityStatus' },
  not_found: { code: LegalEntityErrorCode.NotFound, field: 'uscc', meaning: 'no legal entity with this USCC' },
  invalid_transition: { code: LegalEntityErrorCode.InvalidStatusTransition, field: 'status', meaning: 'the status change is not allowed (deregistration is final; a revoked entity can only be deregistered)' },
  conflict: { code: LegalEntityErrorCode.ConcurrentWrite, meaning: 'registered at the same moment by another write; send it again' },
};

export function isRefused(outcome: WriteOutcome): outcome is RefusedOutcome {
  return outcome in REFUSALS;
}

/** The error for a refused single write, with what the stored row says; undefined when the write went through. */
export function refusal(
  outcome: WriteOutcome,
  uscc: string,
  version: number,
  stored?: { version: number; sourceSystem: string; sourceRecordId: string; status: string },
): LegalEntityError | undefined {
  if (!isRefused(outcome)) return undefined;
  const { code, field } = REFUSALS[outcome];
  const details = { field, uscc, storedVersion: stored?.version };
  const message: Record<RefusedOutcome, string> = {
    stale: `version ${version} of ${uscc} is older than the stored version ${stored?.version}`,
    version_reused: `version ${version} of ${uscc} is already stored with different content; send a new version`,
    source_mismatch: `${uscc} is held from source record ${stored?.sourceSystem}/${stored?.sourceRecordId}; each legal entity has one source (一数一源)`,
    source_record_conflict: 'this source record already belongs to another legal entity',
    already_registered: `${uscc} is already registered (version ${stored?.version}); use changeLegalEntity or changeLegalEntityStatus`,
    not_found: `no legal entity with USCC ${uscc}`,
    invalid_transition: `${uscc} is ${stored?.status}: ${stored?.status === 'DEREGISTERED' ? 'deregistration is final' : 'a revoked entity can only be deregistered'}`,
    conflict: `another write registered ${uscc} at the same moment; retry`,
  };
  return new LegalEntityError(code, message[outcome], details);
}
