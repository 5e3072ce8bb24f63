import { defineRegister } from '@hub/register';
import { GEOSPATIAL_SCHEMA } from '../geospatial.schema.js';
import { StandardAddressRow } from './standard-address.entity.js';

export const ADDRESS_TOPIC = 'hub.geospatial.standard-address.v1';

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
    topic: ADDRESS_TOPIC,
    source: '/hub/geospatial',
    registered: 'hub.geospatial.address-registered.v1',
    changed: 'hub.geospatial.address-changed.v1',
  },
});
