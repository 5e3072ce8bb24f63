// The geospatial library's migrations, oldest first. `npm run migration:generate` appends here.
import { CreateGeospatial1795776051791 } from './1795776051791-create-geospatial.js';
import { DivisionSourcesAndTownships1796669629864 } from './1796669629864-division-sources-and-townships.js';
import { KeepAddressOriginals1796670692672 } from './1796670692672-keep-address-originals.js';
import { OutboxTraceparent1796702400000 } from './1796702400000-outbox-traceparent.js';
// imports end

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const GEOSPATIAL_MIGRATIONS: Function[] = [
  CreateGeospatial1795776051791,
  DivisionSourcesAndTownships1796669629864,
  KeepAddressOriginals1796670692672,
  OutboxTraceparent1796702400000,
  // list end
];
