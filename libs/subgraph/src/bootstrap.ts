import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { loadConfig } from '@hub/config';
import { startHttpApp } from '@hub/observability';

export class ListenConfig {
  @IsString()
  HOST = '127.0.0.1';
}

/**
 * Starts one subgraph as an HTTP app. `portVariable` names the env var with its port (e.g.
 * LEGAL_ENTITY_PORT), so all apps can share one environment in the all-in-one process.
 */
export async function bootstrapSubgraph(
  module: unknown,
  options: { name: string; portVariable: string; defaultPort: number; bodyLimit?: number; shutdownHooks?: boolean },
): Promise<NestFastifyApplication> {
  class PortConfig extends ListenConfig {
    @IsInt()
    @Min(0)
    @Max(65535)
    PORT = options.defaultPort;
  }
  const env = { ...process.env, PORT: process.env[options.portVariable] };
  const config = loadConfig(PortConfig, env);
  return startHttpApp(module, {
    name: options.name,
    port: config.PORT,
    host: config.HOST,
    bodyLimit: options.bodyLimit,
    shutdownHooks: options.shutdownHooks,
  });
}
