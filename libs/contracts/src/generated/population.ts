// Generated from schemas/events by scripts/generate-contracts.ts — do not edit: run `npm run contracts:generate`.

/**
 * Topic hub.population.person.v1: key = citizen ID. Carries hub.population.registered.v1,
 * hub.population.changed.v1, hub.population.status-changed.v1.
 */
export const POPULATION_PERSON_TOPIC = 'hub.population.person.v1';

/** The event types of hub.population.* (the CloudEvents `type`); each payload is the type of the same name below. */
export const POPULATION_EVENT = {
  changed: 'hub.population.changed.v1',
  registered: 'hub.population.registered.v1',
  statusChanged: 'hub.population.status-changed.v1',
} as const;

/**
 * hub.population.changed.v1: Fields of a person changed (not the status: see status-changed); each with its old
 * and new value.
 */
export type PopulationChanged = {
  /** citizen ID (GB 11643) */
  idNumber: string;
  version: number;
  changes: {
    [K in 'name' | 'gender' | 'birthDate' | 'ethnicityCode' | 'householdAddress' | 'householdDivisionCode' | 'residenceAddress' | 'residenceDivisionCode' | 'phone' | 'maritalStatusCode' | 'statusEffectiveOn' | 'statusReason' | 'householdNumber' | 'relationToHeadCode']?: {
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
 * hub.population.registered.v1: A person entered the population library. Topic hub.population.person.v1, key =
 * citizen ID, CloudEvents 1.0 in binary mode; this is the message value. The phone number is sensitive personal
 * information.
 */
export type PopulationRegistered = {
  /** citizen ID (GB 11643) */
  idNumber: string;
  version: number;
  record: {
    name: string;
    gender: 'MALE' | 'FEMALE';
    birthDate: string;
    ethnicityCode: string;
    householdAddress: string;
    householdDivisionCode: string;
    residenceAddress: string | null;
    residenceDivisionCode: string | null;
    phone: string | null;
    maritalStatusCode: string | null;
    status: 'LIVING' | 'DECEASED' | 'MOVED_OUT';
    statusEffectiveOn: string | null;
    statusReason: string | null;
    householdNumber: string | null;
    relationToHeadCode: string | null;
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
 * hub.population.status-changed.v1: A person's status changed: a death (effectiveOn = date of death) or a move
 * out of / back into the register.
 */
export type PopulationStatusChanged = {
  /** citizen ID (GB 11643) */
  idNumber: string;
  version: number;
  from: 'LIVING' | 'DECEASED' | 'MOVED_OUT';
  to: 'LIVING' | 'DECEASED' | 'MOVED_OUT';
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
