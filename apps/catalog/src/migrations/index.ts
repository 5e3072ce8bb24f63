// The catalog library's migrations, oldest first. `npm run migration:generate` appends here.
import { CreateCatalog1795779551567 } from './1795779551567-create-catalog.js';
import { AddRecognitionRules1796525966498 } from './1796525966498-add-recognition-rules.js';
import { AuditSeal1796634038952 } from './1796634038952-audit-seal.js';
import { ArgumentPolicy1796634128489 } from './1796634128489-argument-policy.js';
import { DataClasses1796634262887 } from './1796634262887-data-classes.js';
import { WorkingDayCalendar1796641308239 } from './1796641308239-working-day-calendar.js';
import { SystemRateLimit1796650000000 } from './1796650000000-system-rate-limit.js';
import { GuideResourceCodes1796700000000 } from './1796700000000-guide-resource-codes.js';
import { OutboxTraceparent1796702400000 } from './1796702400000-outbox-traceparent.js';
// imports end

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const CATALOG_MIGRATIONS: Function[] = [
  CreateCatalog1795779551567,
  AddRecognitionRules1796525966498,
  AuditSeal1796634038952,
  ArgumentPolicy1796634128489,
  DataClasses1796634262887,
  WorkingDayCalendar1796641308239,
  SystemRateLimit1796650000000,
  GuideResourceCodes1796700000000,
  OutboxTraceparent1796702400000,
  // list end
];
