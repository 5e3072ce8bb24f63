import { Module } from '@nestjs/common';
import { loadWorkingDayCalendar } from '@hub/working-days';
import { SharingResolver } from './sharing.resolver.js';
import { SharingService, WORKING_DAY_CALENDAR } from './sharing.service.js';

@Module({
  providers: [SharingService, SharingResolver, { provide: WORKING_DAY_CALENDAR, useFactory: () => loadWorkingDayCalendar() }],
  exports: [SharingService],
})
export class SharingModule {}
