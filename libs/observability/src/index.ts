export { Metrics } from './metrics.js';
export { createLogger, PinoNestLogger } from './logger.js';
export { runHealthChecks, type HealthCheck, type HealthReport } from './health.js';
export { HealthRegistry } from './health-registry.js';
export { REQUEST_ID_HEADER, requestIdFrom } from './request-id.js';
export { ObservabilityModule } from './observability.module.js';
export { startHttpApp, type HttpAppOptions } from './http-app.js';
export { DEFAULT_MAX_OPERATION_LABELS, OperationLabels, operationMetricsPlugin } from './operation-metrics.js';
export { noOutboundReporting } from './no-outbound.js';
export {
  APP_ATTRIBUTE,
  APP_KEY,
  REQUEST_ID_ATTRIBUTE,
  flushTracing,
  hubTracer,
  startTracing,
  stopTracing,
  tracingEnabled,
  type TracingOptions,
} from './tracing.js';
