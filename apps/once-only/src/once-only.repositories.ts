import { Global, Module } from '@nestjs/common';
import { MaterialRepository } from './archive/material.repository.js';
import { WorkingDayNoticeRepository } from './calendar/working-day-notice.repository.js';
import { DataCorrectionRepository } from './correction/data-correction.repository.js';
import { ReviewResultRepository } from './recognition/review-result.repository.js';
import { SubjectRepository } from './subjects/subject.repository.js';

/** The once-only app's repositories, each in its domain folder; global because the domains read one another's tables (every one the subjects). */
const REPOSITORIES = [
  SubjectRepository,
  MaterialRepository,
  ReviewResultRepository,
  DataCorrectionRepository,
  WorkingDayNoticeRepository,
];

@Global()
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class OnceOnlyRepositoriesModule {}
