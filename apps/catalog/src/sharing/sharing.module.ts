import { Module } from '@nestjs/common';
import { loadConfig } from '@hub/config';
import { SharingResolver } from './sharing.resolver.js';
import { SharingService } from './sharing.service.js';
import { SharingSupervisionConfig } from './supervision.config.js';

/** Sharing applications and grants; deadlines are counted with the WorkingDayCalendarStore (calendar/). */
@Module({
  providers: [SharingService, SharingResolver, { provide: SharingSupervisionConfig, useFactory: () => loadConfig(SharingSupervisionConfig) }],
  exports: [SharingService],
})
export class SharingModule {}
