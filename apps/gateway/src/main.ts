import 'reflect-metadata';
import './telemetry.js';
import { loadConfig } from '@hub/config';
import { startHttpApp } from '@hub/observability';
import { GatewayConfig } from './gateway.config.js';
import { GatewayModule, type GatewayOptions } from './gateway.module.js';

/**
 * Runs the gateway (port GATEWAY_PORT, default 4000) on the static supergraph. `accessControl` is
 * for the benchmark baseline only (see GatewayOptions); it is not read from the environment.
 */
export function startGateway(
  env: NodeJS.ProcessEnv = process.env,
  options: { shutdownHooks?: boolean } & GatewayOptions = {},
) {
  const { accessControl, ...http } = options;
  const config = loadConfig(GatewayConfig, env);
  return startHttpApp(GatewayModule.forRoot(config, env, { accessControl }), {
    name: 'gateway',
    port: config.GATEWAY_PORT,
    host: config.HOST,
    bodyLimit: config.MAX_REQUEST_BYTES,
    continueTrace: false,
    ...http,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startGateway();
}
