import { Global, Module } from '@nestjs/common';
import { WorkingDayCalendarStore } from './working-day-calendar.store.js';

/** The calendar the catalog counts deadlines with, for every module (global: sharing counts, the notices change it). */
@Global()
@Module({ providers: [WorkingDayCalendarStore], exports: [WorkingDayCalendarStore] })
export class WorkingDayCalendarStoreModule {}
