import { Module } from '@nestjs/common';
import { SharingModule } from '../sharing/sharing.module.js';
import { WorkingDayCalendarResolver } from './working-day-calendar.resolver.js';
import { WorkingDayNoticeService } from './working-day-notice.service.js';

/** The working-day notices an admin enters, and what the calendar covers (the calendar itself: WorkingDayCalendarStoreModule). */
@Module({ imports: [SharingModule], providers: [WorkingDayNoticeService, WorkingDayCalendarResolver] })
export class CalendarModule {}
