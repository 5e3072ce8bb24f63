import { Module } from '@nestjs/common';
import { HealthRegistry } from '@hub/observability';
import { calendarCoverageProblem, loadWorkingDayCalendar } from '@hub/working-days';
import { SharingResolver } from './sharing.resolver.js';
import { SharingService, WORKING_DAY_CALENDAR } from './sharing.service.js';

@Module({
  providers: [
    SharingService,
    SharingResolver,
    {
      provide: WORKING_DAY_CALENDAR,
      inject: [HealthRegistry],
      useFactory: (health: HealthRegistry) => {
        const calendar = loadWorkingDayCalendar();
        // Not critical (applications are still taken), but visible: /health says `degraded` a month
        // before deadlines would start counting holidays as working days.
        health.register({
          name: 'working-day-calendar',
          critical: false,
          check: async () => {
            const problem = calendarCoverageProblem(calendar, new Date());
            if (problem) throw new Error(problem);
          },
        });
        return calendar;
      },
    },
  ],
  exports: [SharingService],
})
export class SharingModule {}
