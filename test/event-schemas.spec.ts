import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG_EVENT, LEGAL_ENTITY_EVENT, ONCE_ONLY_EVENT } from '@hub/contracts';
import { CREDIT_RECORD_REGISTER } from '../apps/credit/src/credit-record/credit-record.register.js';
import { STANDARD_ADDRESS_REGISTER } from '../apps/geospatial/src/address/standard-address.register.js';
import { LEGAL_ENTITY_REGISTER } from '../apps/legal-entity/src/legal-entity/legal-entity.register.js';
import { PERSON_REGISTER } from '../apps/population/src/person/person.register.js';

/** Every event type the libraries publish. */
const TYPES = [
  ...[LEGAL_ENTITY_REGISTER, PERSON_REGISTER, CREDIT_RECORD_REGISTER, STANDARD_ADDRESS_REGISTER].flatMap((r) =>
    [r.events.registered, r.events.changed, r.events.statusChanged].filter((t): t is NonNullable<typeof t> =>
      Boolean(t),
    ),
  ),
  ...Object.values(LEGAL_ENTITY_EVENT),
  ...Object.values(CATALOG_EVENT),
  ...Object.values(ONCE_ONLY_EVENT),
];

describe('event contracts', () => {
  it.each([...new Set(TYPES)])('%s has a JSON Schema in schemas/events', (type) => {
    expect(existsSync(`schemas/events/${type}.schema.json`)).toBe(true);
  });
});
