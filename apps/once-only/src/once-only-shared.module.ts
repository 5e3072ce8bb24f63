import { Global, Module } from '@nestjs/common';
import { WorkingDayCalendarStore } from './calendar/working-day-calendar.store.js';
import { GatewayClient } from './gateway-client/gateway-client.js';
import { ONCE_ONLY_SEED, loadOnceOnlySeed } from './service-items/once-only-seed.js';

/**
 * What every part of the once-only app shares: the shipped service items, material types and
 * recognition rules (checked at boot), the working-day calendar, and the way to the gateway.
 */
@Global()
@Module({
  providers: [
    GatewayClient,
    { provide: ONCE_ONLY_SEED, useFactory: () => loadOnceOnlySeed() },
    WorkingDayCalendarStore,
  ],
  exports: [GatewayClient, ONCE_ONLY_SEED, WorkingDayCalendarStore],
})
export class OnceOnlySharedModule {}
