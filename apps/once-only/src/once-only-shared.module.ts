import { Global, Module } from '@nestjs/common';
import { HealthRegistry } from '@hub/observability';
import { calendarCoverageProblem, loadWorkingDayCalendar } from '@hub/working-days';
import { GatewayClient } from './gateway-client/gateway-client.js';
import { ONCE_ONLY_SEED, loadOnceOnlySeed } from './service-items/once-only-seed.js';

export const WORKING_DAY_CALENDAR = Symbol('WORKING_DAY_CALENDAR');

/**
 * What every part of the once-only app shares: the shipped service items, material types and
 * recognition rules (checked at boot), the working-day calendar, and the way to the gateway.
 */
@Global()
@Module({
  providers: [
    GatewayClient,
    { provide: ONCE_ONLY_SEED, useFactory: () => loadOnceOnlySeed() },
    {
      provide: WORKING_DAY_CALENDAR,
      inject: [HealthRegistry],
      useFactory: (health: HealthRegistry) => {
        const calendar = loadWorkingDayCalendar();
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
  exports: [GatewayClient, ONCE_ONLY_SEED, WORKING_DAY_CALENDAR],
})
export class OnceOnlySharedModule {}
