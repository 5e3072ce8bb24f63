// The geospatial library's migrations, oldest first. `npm run migration:generate` appends here.
import { CreateGeospatial1795776051791 } from './1795776051791-create-geospatial.js';
import { OutboxTraceparent1796702400000 } from './1796702400000-outbox-traceparent.js';
// imports end

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const GEOSPATIAL_MIGRATIONS: Function[] = [
  CreateGeospatial1795776051791,
  OutboxTraceparent1796702400000,
  // list end
];
