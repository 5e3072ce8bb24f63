import { GEOSPATIAL_EVENT, GEOSPATIAL_STANDARD_ADDRESS_TOPIC } from '@hub/contracts';
import type { RegisterSpec } from '@hub/register';
import { GEOSPATIAL_SCHEMA } from '../geospatial.schema.js';
import { ADDRESS_BUSINESS_FIELDS } from './standard-address.record.js';

/** The standard-address register (标准地址库): keyed by address id; the key and point are derived. */
export const STANDARD_ADDRESS_REGISTER: RegisterSpec = {
  schema: GEOSPATIAL_SCHEMA,
  table: 'standard_address',
  historyTable: 'standard_address_change',
  entity: 'standard address',
  notFoundCode: 'STANDARD_ADDRESS_NOT_FOUND',
  key: 'addressId',
  columns: [
    { property: 'addressId', column: 'address_id', type: 'varchar(64)' },
    { property: 'fullText', column: 'full_text', type: 'varchar(500)' },
    { property: 'addressKey', column: 'address_key', type: 'varchar(500)' },
    { property: 'township', column: 'township', type: 'varchar(50)' },
    { property: 'road', column: 'road', type: 'varchar(100)' },
    { property: 'houseNumber', column: 'house_number', type: 'varchar(50)' },
    { property: 'divisionCode', column: 'division_code', type: 'varchar(6)' },
    { property: 'longitude', column: 'longitude', type: 'numeric(10,6)' },
    { property: 'latitude', column: 'latitude', type: 'numeric(9,6)' },
    { property: 'point', column: 'point', type: 'geometry(Point,4490)' },
  ],
  businessFields: [...ADDRESS_BUSINESS_FIELDS],
  keepsOriginals: true,
  events: {
    topic: GEOSPATIAL_STANDARD_ADDRESS_TOPIC,
    source: '/hub/geospatial',
    registered: GEOSPATIAL_EVENT.addressRegistered,
    changed: GEOSPATIAL_EVENT.addressChanged,
  },
};
