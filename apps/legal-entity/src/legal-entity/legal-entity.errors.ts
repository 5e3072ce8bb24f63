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

/** The code and explanation of each refused outcome; exhaustive, so a new outcome cannot be forgotten. */
export function refusal(outcome: WriteOutcome, uscc: string, version: number, stored?: { version: number; sourceSystem: string; sourceRecordId: string; status: string }): LegalEntityError | undefined {
  switch (outcome) {
    case 'register':
    case 'change':
    case 'version_only':
    case 'replay':
    case 'superseded':
      return undefined;
    case 'stale':
      return new LegalEntityError(LegalEntityErrorCode.StaleVersion, `version ${version} of ${uscc} is older than the stored version ${stored?.version}`, { field: 'version', uscc, storedVersion: stored?.version });
    case 'version_reused':
      return new LegalEntityError(LegalEntityErrorCode.VersionReused, `version ${version} of ${uscc} is already stored with different content; send a new version`, { field: 'version', uscc, storedVersion: stored?.version });
    case 'source_mismatch':
      return new LegalEntityError(LegalEntityErrorCode.SourceMismatch, `${uscc} is held from source record ${stored?.sourceSystem}/${stored?.sourceRecordId}; each legal entity has one source (一数一源)`, { field: 'sourceRecordId', uscc });
    case 'source_record_conflict':
      return new LegalEntityError(LegalEntityErrorCode.SourceRecordConflict, `this source record already belongs to another legal entity`, { field: 'sourceRecordId', uscc });
    case 'already_registered':
      return new LegalEntityError(LegalEntityErrorCode.AlreadyRegistered, `${uscc} is already registered (version ${stored?.version}); use changeLegalEntity or changeLegalEntityStatus`, { field: 'uscc', uscc, storedVersion: stored?.version });
    case 'not_found':
      return new LegalEntityError(LegalEntityErrorCode.NotFound, `no legal entity with USCC ${uscc}`, { field: 'uscc', uscc });
    case 'invalid_transition':
      return new LegalEntityError(LegalEntityErrorCode.InvalidStatusTransition, `${uscc} is ${stored?.status}: ${stored?.status === 'DEREGISTERED' ? 'deregistration is final' : 'a revoked entity can only be deregistered'}`, { field: 'status', uscc });
    case 'conflict':
      return new LegalEntityError(LegalEntityErrorCode.ConcurrentWrite, `another write registered ${uscc} at the same moment; retry`, { uscc });
    default: {
      const never: never = outcome;
      throw new Error(`unhandled outcome ${String(never)}`);
    }
  }
}
