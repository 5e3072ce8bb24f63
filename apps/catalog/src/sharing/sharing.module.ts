import { Module } from '@nestjs/common';
import { SharingResolver } from './sharing.resolver.js';
import { SharingService } from './sharing.service.js';

/** Sharing applications and grants; deadlines are counted with the WorkingDayCalendarStore (calendar/). */
@Module({
  providers: [SharingService, SharingResolver],
  exports: [SharingService],
})
export class SharingModule {}
