import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AccessGuard } from './access.guard.js';
import { APP_AUDIENCE, RequestAccess } from './request-access.js';

/**
 * Who may call an app of the hub: every request's credential checked before it is handled
 * (RequestAccess: the gateway's signature for this app and this request, the operators' token, or
 * nothing for health probes), and every query, mutation and route admitted by the rule it declares
 * (AccessGuard). `name` is the app's name in the supergraph: the audience its requests are signed for.
 * Needs the app's Metrics (ObservabilityModule) and Nest's rawBody option (startHttpApp sets it).
 */
@Module({})
export class AccessModule {
  static forApp(name: string): DynamicModule {
    return {
      module: AccessModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: APP_AUDIENCE, useValue: name },
        RequestAccess,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}
