// Generated from schemas/events by scripts/generate-contracts.ts — do not edit: run `npm run contracts:generate`.

/**
 * Topic hub.legal-entity.legal-entity.v1: key = USCC. Carries hub.legal-entity.registered.v1,
 * hub.legal-entity.changed.v1, hub.legal-entity.status-changed.v1,
 * hub.legal-entity.legal-representative-deceased.v1.
 */
export const LEGAL_ENTITY_TOPIC = 'hub.legal-entity.legal-entity.v1';

/** The event types of hub.legal-entity.* (the CloudEvents `type`); each payload is the type of the same name below. */
export const LEGAL_ENTITY_EVENT = {
  changed: 'hub.legal-entity.changed.v1',
  legalRepresentativeDeceased: 'hub.legal-entity.legal-representative-deceased.v1',
  registered: 'hub.legal-entity.registered.v1',
  statusChanged: 'hub.legal-entity.status-changed.v1',
} as const;

/**
 * hub.legal-entity.changed.v1: Fields of a legal entity changed (not its status: see status-changed). Only the
 * changed fields are listed, each with its old and new value.
 */
export type LegalEntityChanged = {
  /** USCC (GB 32100) */
  uscc: string;
  version: number;
  changes: {
    [K in 'name' | 'kind' | 'statusEffectiveOn' | 'statusReason' | 'establishedOn' | 'registeredCapitalAmount' | 'registeredCapitalCurrency' | 'registrationAuthorityName' | 'registrationAuthorityUscc' | 'registeredAddress' | 'registeredAddressDivisionCode' | 'businessScope' | 'legalRepresentativeIdNumber']?: {
      from: unknown;
      to: unknown;
    };
  };
  provenance: {
    /** USCC (GB 32100) */
    sourceDepartment: string;
    sourceSystem: string;
    sourceRecordId: string;
    version: number;
    receivedAt: string;
  };
};

/**
 * hub.legal-entity.legal-representative-deceased.v1: The population library reported the death of this legal
 * entity's legal representative. Topic hub.legal-entity.legal-entity.v1, key = USCC. One event per legal entity
 * the person represents.
 */
export type LegalEntityLegalRepresentativeDeceased = {
  uscc: string;
  legalRepresentativeIdNumber: string;
  deceasedOn: string | null;
  /** The population event this was derived from */
  populationEventId: string;
};

/**
 * hub.legal-entity.registered.v1: A legal entity entered the legal-entity library. Topic
 * hub.legal-entity.legal-entity.v1, key = USCC, CloudEvents 1.0 in binary mode (ce_* headers); this is the
 * message value (the event data).
 */
export type LegalEntityRegistered = {
  /** USCC (GB 32100) */
  uscc: string;
  version: number;
  record: {
    name: string;
    kind: 'ENTERPRISE' | 'INDIVIDUAL_BUSINESS' | 'FARMER_COOPERATIVE' | 'GOVERNMENT_BODY' | 'PUBLIC_INSTITUTION' | 'MASS_ORGANISATION' | 'SOCIAL_ORGANISATION' | 'PRIVATE_NON_ENTERPRISE' | 'FOUNDATION' | 'LEGAL_SERVICE' | 'RELIGIOUS' | 'TRADE_UNION' | 'RURAL_COLLECTIVE' | 'FOREIGN_REPRESENTATIVE' | 'OTHER';
    status: 'ACTIVE' | 'SUSPENDED' | 'LIQUIDATING' | 'MOVED_OUT' | 'REVOKED' | 'DEREGISTERED';
    statusEffectiveOn: string | null;
    statusReason: string | null;
    establishedOn: string | null;
    registeredCapitalAmount: string | null;
    registeredCapitalCurrency: string | null;
    registrationAuthorityName: string | null;
    registrationAuthorityUscc: string | null;
    registeredAddress: string;
    registeredAddressDivisionCode: string;
    businessScope: string | null;
    legalRepresentativeIdNumber: string | null;
  };
  provenance: {
    /** USCC (GB 32100) */
    sourceDepartment: string;
    sourceSystem: string;
    sourceRecordId: string;
    version: number;
    receivedAt: string;
  };
};

/**
 * hub.legal-entity.status-changed.v1: The registration status of a legal entity changed (e.g. revoked 吊销,
 * deregistered 注销).
 */
export type LegalEntityStatusChanged = {
  /** USCC (GB 32100) */
  uscc: string;
  version: number;
  from: 'ACTIVE' | 'SUSPENDED' | 'LIQUIDATING' | 'MOVED_OUT' | 'REVOKED' | 'DEREGISTERED';
  to: 'ACTIVE' | 'SUSPENDED' | 'LIQUIDATING' | 'MOVED_OUT' | 'REVOKED' | 'DEREGISTERED';
  effectiveOn: string | null;
  reason: string | null;
  provenance: {
    /** USCC (GB 32100) */
    sourceDepartment: string;
    sourceSystem: string;
    sourceRecordId: string;
    version: number;
    receivedAt: string;
  };
};
