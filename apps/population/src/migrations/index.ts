// The population library's migrations, oldest first. `npm run migration:generate` appends here.
import { CreatePerson1795775414137 } from './1795775414137-create-person.js';
import { KeepAddressOriginals1796670631817 } from './1796670631817-keep-address-originals.js';
import { OutboxTraceparent1796702400000 } from './1796702400000-outbox-traceparent.js';
// imports end

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const POPULATION_MIGRATIONS: Function[] = [
  CreatePerson1795775414137,
  KeepAddressOriginals1796670631817,
  OutboxTraceparent1796702400000,
  // list end
];
