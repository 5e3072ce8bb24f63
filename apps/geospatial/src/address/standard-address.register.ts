import { GEOSPATIAL_EVENT, GEOSPATIAL_STANDARD_ADDRESS_TOPIC } from '@hub/contracts';
import { defineRegister } from '@hub/register';
import { GEOSPATIAL_SCHEMA } from '../geospatial.schema.js';
import { StandardAddressRow } from './standard-address.entity.js';

/** The standard-address register (标准地址库): keyed by address id; the key and point are derived. */
export const STANDARD_ADDRESS_REGISTER = defineRegister({
  row: StandardAddressRow,
  schema: GEOSPATIAL_SCHEMA,
  historyTable: 'standard_address_change',
  entity: 'standard address',
  notFoundCode: 'STANDARD_ADDRESS_NOT_FOUND',
  key: 'addressId',
  /** The geocoding key and the point follow from the text and the coordinates. */
  derived: ['addressKey', 'point'],
  events: {
    topic: GEOSPATIAL_STANDARD_ADDRESS_TOPIC,
    source: '/hub/geospatial',
    registered: GEOSPATIAL_EVENT.addressRegistered,
    changed: GEOSPATIAL_EVENT.addressChanged,
  },
});
