import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG_EVENT } from '../apps/catalog/src/catalog.events.js';
import { CREDIT_RECORD_REGISTER } from '../apps/credit/src/credit-record/credit-record.register.js';
import { STANDARD_ADDRESS_REGISTER } from '../apps/geospatial/src/address/standard-address.register.js';
import { LegalEntityEventType } from '../apps/legal-entity/src/legal-entity/legal-entity.events.js';
import { LEGAL_ENTITY_REGISTER } from '../apps/legal-entity/src/legal-entity/legal-entity.register.js';
import { ONCE_ONLY_EVENT } from '../apps/once-only/src/once-only.events.js';
import { PERSON_REGISTER } from '../apps/population/src/person/person.register.js';

/** Every event type the libraries publish. */
const TYPES = [
  ...[LEGAL_ENTITY_REGISTER, PERSON_REGISTER, CREDIT_RECORD_REGISTER, STANDARD_ADDRESS_REGISTER].flatMap((r) =>
    [r.events.registered, r.events.changed, r.events.statusChanged].filter((t): t is string => Boolean(t)),
  ),
  ...Object.values(LegalEntityEventType),
  ...Object.values(CATALOG_EVENT),
  ONCE_ONLY_EVENT.reviewResultRecorded,
  ONCE_ONLY_EVENT.reviewResultInvalidated,
  ONCE_ONLY_EVENT.dataCorrectionChanged,
  ONCE_ONLY_EVENT.materialFiled,
  ONCE_ONLY_EVENT.materialStatusChanged,
];

describe('event contracts', () => {
  it.each([...new Set(TYPES)])('%s has a JSON Schema in schemas/events', (type) => {
    expect(existsSync(`schemas/events/${type}.schema.json`)).toBe(true);
  });
});
