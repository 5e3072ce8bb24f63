import { Module } from '@nestjs/common';
import { loadConfig } from '@hub/config';
import { SharingResolver } from './sharing.resolver.js';
import { SharingService } from './sharing.service.js';
import { SupervisionConfig } from '@hub/subgraph';

/** Sharing applications and grants; deadlines are counted with the WorkingDayCalendarStore (calendar/). */
@Module({
  providers: [
    SharingService,
    SharingResolver,
    { provide: SupervisionConfig, useFactory: () => loadConfig(SupervisionConfig) },
  ],
  exports: [SharingService],
})
export class SharingModule {}
