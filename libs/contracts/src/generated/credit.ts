// Generated from schemas/events by scripts/generate-contracts.ts — do not edit: run `npm run contracts:generate`.

/**
 * Topic hub.credit.record.v1: key = the record's subject (USCC or citizen ID). Carries hub.credit.registered.v1,
 * hub.credit.changed.v1, hub.credit.status-changed.v1.
 */
export const CREDIT_RECORD_TOPIC = 'hub.credit.record.v1';

/** The event types of hub.credit.* (the CloudEvents `type`); each payload is the type of the same name below. */
export const CREDIT_EVENT = {
  changed: 'hub.credit.changed.v1',
  registered: 'hub.credit.registered.v1',
  statusChanged: 'hub.credit.status-changed.v1',
} as const;

/** hub.credit.changed.v1: Fields of a credit record changed (not its status); each with its old and new value. */
export type CreditChanged = {
  /** kind:authority USCC:decision number */
  recordId: string;
  version: number;
  changes: {
    [K in 'kind' | 'subjectType' | 'subjectId' | 'subjectName' | 'decisionNumber' | 'title' | 'authorityName' | 'authorityUscc' | 'decidedOn' | 'validFrom' | 'validTo' | 'content' | 'legalBasis' | 'penaltyType' | 'fineAmount' | 'statusEffectiveOn' | 'statusReason']?: {
      from: unknown;
      to: unknown;
    };
  };
  provenance: {
    sourceDepartment: string;
    sourceSystem: string;
    sourceRecordId: string;
    version: number;
    receivedAt: string;
  };
};

/**
 * hub.credit.registered.v1: A credit record (licence, penalty, list entry, commitment) entered the credit
 * library. Topic hub.credit.record.v1, key = the subject (USCC or citizen ID), CloudEvents 1.0 in binary mode.
 */
export type CreditRegistered = {
  /** kind:authority USCC:decision number */
  recordId: string;
  version: number;
  record: {
    kind: 'LICENCE' | 'PENALTY' | 'RED_LIST' | 'BLACK_LIST' | 'COMMITMENT';
    subjectType: 'LEGAL_ENTITY' | 'PERSON';
    /** USCC or citizen ID */
    subjectId: string;
    subjectName: string | null;
    decisionNumber: string;
    title: string;
    authorityName: string;
    authorityUscc: string;
    decidedOn: string;
    validFrom: string | null;
    validTo: string | null;
    content: string | null;
    legalBasis: string | null;
    penaltyType: null | 'WARNING' | 'FINE' | 'CONFISCATION' | 'SUSPENSION' | 'LICENCE_REVOKED' | 'DETENTION' | 'OTHER';
    fineAmount: string | null;
    status: 'ACTIVE' | 'REVOKED' | 'REMOVED' | 'REPAIRED' | 'FULFILLED' | 'BREACHED';
    statusEffectiveOn: string | null;
    statusReason: string | null;
  };
  provenance: {
    sourceDepartment: string;
    sourceSystem: string;
    sourceRecordId: string;
    version: number;
    receivedAt: string;
  };
};

/**
 * hub.credit.status-changed.v1: A credit record's status changed: revoked, removed from a list, repaired, a
 * commitment fulfilled or breached.
 */
export type CreditStatusChanged = {
  /** kind:authority USCC:decision number */
  recordId: string;
  version: number;
  from: 'ACTIVE' | 'REVOKED' | 'REMOVED' | 'REPAIRED' | 'FULFILLED' | 'BREACHED';
  to: 'ACTIVE' | 'REVOKED' | 'REMOVED' | 'REPAIRED' | 'FULFILLED' | 'BREACHED';
  effectiveOn: string | null;
  reason: string | null;
  provenance: {
    sourceDepartment: string;
    sourceSystem: string;
    sourceRecordId: string;
    version: number;
    receivedAt: string;
  };
};
