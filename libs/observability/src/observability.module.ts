import { Controller, Get, Header, Module, Res, type DynamicModule } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Operator, Public } from '@hub/auth';
import { HealthRegistry } from './health-registry.js';
import { Metrics } from './metrics.js';

@Controller()
class HealthController {
  constructor(private readonly health: HealthRegistry) {}

  /** Liveness: the process answers. */
  @Public()
  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  /** Readiness: every critical dependency answers; 503 otherwise, with the reason per check. */
  @Public()
  @Get('health')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const report = await this.health.run();
    if (report.status === 'unavailable') reply.status(503);
    return report;
  }
}

@Controller()
class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  /** For the operators (their token), not for whoever reaches the port: it tells who calls how often and what fails. */
  @Operator()
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  text(): Promise<string> {
    return this.metrics.text();
  }
}

/** `/health`, `/health/live` and `/metrics` of one app, plus its Metrics and HealthRegistry for other modules. */
@Module({})
export class ObservabilityModule {
  static forRoot(app: string): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: Metrics, useValue: new Metrics(app) },
        { provide: HealthRegistry, useValue: new HealthRegistry() },
      ],
      exports: [Metrics, HealthRegistry],
    };
  }
}
