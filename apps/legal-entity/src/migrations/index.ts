// The legal-entity library's migrations, oldest first. `npm run migration:generate` appends here.
import { CreateLegalEntity1795769160053 } from './1795769160053-create-legal-entity.js';
import { AddLegalRepresentativeStatus1795776242976 } from './1795776242976-add-legal-representative-status.js';
import { KeepAddressOriginals1796670659898 } from './1796670659898-keep-address-originals.js';
import { OutboxTraceparent1796702400000 } from './1796702400000-outbox-traceparent.js';
// imports end

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const LEGAL_ENTITY_MIGRATIONS: Function[] = [
  CreateLegalEntity1795769160053,
  AddLegalRepresentativeStatus1795776242976,
  KeepAddressOriginals1796670659898,
  OutboxTraceparent1796702400000,
  // list end
];
