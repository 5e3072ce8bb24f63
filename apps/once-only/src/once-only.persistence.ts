import type { PersistenceOptions } from '@hub/persistence';
import { MaterialRow, MaterialStatusChangeRow } from './archive/archive.entities.js';
import { WorkingDayNoticeCopyRow } from './calendar/working-day-notice.entity.js';
import { DataCorrectionRow } from './correction/correction.entities.js';
import { ONCE_ONLY_MIGRATIONS } from './migrations/index.js';
import { ReviewResultEvidenceRow, ReviewResultRow } from './recognition/recognition.entities.js';
import { SubjectRow } from './subjects/subject.entity.js';
import { ONCE_ONLY_SCHEMA } from './once-only.schema.js';

export const ONCE_ONLY_PERSISTENCE: PersistenceOptions = {
  schema: ONCE_ONLY_SCHEMA,
  entities: [
    SubjectRow,
    MaterialRow,
    MaterialStatusChangeRow,
    ReviewResultRow,
    ReviewResultEvidenceRow,
    DataCorrectionRow,
    WorkingDayNoticeCopyRow,
  ],
  migrations: ONCE_ONLY_MIGRATIONS,
};
