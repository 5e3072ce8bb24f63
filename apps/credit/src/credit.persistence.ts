import type { PersistenceOptions } from '@hub/persistence';
import { CreditRecordChangeRow, CreditRecordRow } from './credit-record/credit-record.entity.js';
import { CREDIT_MIGRATIONS } from './migrations/index.js';
import { SubjectStandingRow } from './standing/subject-standing.entity.js';
import { CREDIT_SCHEMA } from './credit.schema.js';

export const CREDIT_PERSISTENCE: PersistenceOptions = {
  schema: CREDIT_SCHEMA,
  entities: [CreditRecordRow, CreditRecordChangeRow, SubjectStandingRow],
  migrations: CREDIT_MIGRATIONS,
};
