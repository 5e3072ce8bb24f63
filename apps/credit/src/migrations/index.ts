// The credit library's migrations, oldest first. `npm run migration:generate` appends here.
import { CreateCreditRecord1795775842135 } from './1795775842135-create-credit-record.js';
import { OutboxTraceparent1796702400000 } from './1796702400000-outbox-traceparent.js';
// imports end

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const CREDIT_MIGRATIONS: Function[] = [
  CreateCreditRecord1795775842135,
  OutboxTraceparent1796702400000,
  // list end
];
