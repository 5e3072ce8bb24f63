import { Global, Module } from '@nestjs/common';
import { AccessLogRepository } from './audit/access-log.repository.js';
import { WorkingDayNoticeRepository } from './calendar/working-day-notice.repository.js';
import { ResourceRepository } from './catalog/resource.repository.js';
import { ApiKeyRepository } from './participants/api-key.repository.js';
import { DepartmentRepository } from './participants/department.repository.js';
import { RecognitionRuleRepository } from './recognition/recognition-rule.repository.js';
import { GrantRepository } from './sharing/grant.repository.js';
import { SharingApplicationRepository } from './sharing/sharing-application.repository.js';

/** The catalog's repositories, each in its domain folder; global because the domains read one another's tables (sharing the resources, the catalog the grants). */
const REPOSITORIES = [
  ResourceRepository,
  DepartmentRepository,
  ApiKeyRepository,
  SharingApplicationRepository,
  GrantRepository,
  WorkingDayNoticeRepository,
  RecognitionRuleRepository,
  AccessLogRepository,
];

@Global()
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class CatalogRepositoriesModule {}
