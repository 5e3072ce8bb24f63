// Generated from schemas/events by scripts/generate-contracts.ts — do not edit: run `npm run contracts:generate`.

/**
 * Topic hub.geospatial.standard-address.v1: key = address id. Carries hub.geospatial.address-registered.v1,
 * hub.geospatial.address-changed.v1.
 */
export const GEOSPATIAL_STANDARD_ADDRESS_TOPIC = 'hub.geospatial.standard-address.v1';

/** The event types of hub.geospatial.* (the CloudEvents `type`); each payload is the type of the same name below. */
export const GEOSPATIAL_EVENT = {
  addressChanged: 'hub.geospatial.address-changed.v1',
  addressRegistered: 'hub.geospatial.address-registered.v1',
} as const;

/** hub.geospatial.address-changed.v1: Fields of a standard address changed; each with its old and new value. */
export type GeospatialAddressChanged = {
  addressId: string;
  version: number;
  changes: {
    [K in 'fullText' | 'township' | 'road' | 'houseNumber' | 'divisionCode' | 'longitude' | 'latitude']?: {
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
 * hub.geospatial.address-registered.v1: A standard address entered the geospatial library. Topic
 * hub.geospatial.standard-address.v1, key = address id. Coordinates in CGCS2000 (EPSG:4490).
 */
export type GeospatialAddressRegistered = {
  addressId: string;
  version: number;
  record: {
    fullText: string;
    township: string | null;
    road: string | null;
    houseNumber: string | null;
    divisionCode: string;
    longitude: number;
    latitude: number;
  };
  provenance: {
    sourceDepartment: string;
    sourceSystem: string;
    sourceRecordId: string;
    version: number;
    receivedAt: string;
  };
};
