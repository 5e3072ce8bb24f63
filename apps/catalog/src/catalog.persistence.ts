import type { PersistenceOptions } from '@hub/persistence';
import { AccessChainHeadRow, AccessRecordRow } from './audit/audit.entities.js';
import { WorkingDayNoticeRow } from './calendar/working-day-notice.entity.js';
import { DataItemRow, ResourceRow, ResourceVersionRow } from './catalog/catalog.entities.js';
import { CATALOG_MIGRATIONS } from './migrations/index.js';
import { ApiKeyRow, DepartmentRow, DepartmentSystemRow } from './participants/participant.entities.js';
import { RecognitionRuleRow } from './recognition/recognition-rule.entity.js';
import { SharingApplicationRow, SharingGrantRow } from './sharing/sharing.entities.js';
import { CATALOG_SCHEMA } from './catalog.schema.js';

export const CATALOG_PERSISTENCE: PersistenceOptions = {
  schema: CATALOG_SCHEMA,
  entities: [
    DepartmentRow,
    DepartmentSystemRow,
    ApiKeyRow,
    ResourceRow,
    DataItemRow,
    ResourceVersionRow,
    SharingApplicationRow,
    SharingGrantRow,
    AccessRecordRow,
    AccessChainHeadRow,
    RecognitionRuleRow,
    WorkingDayNoticeRow,
  ],
  migrations: CATALOG_MIGRATIONS,
};
