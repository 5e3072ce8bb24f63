import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

/**
 * Where the JSON logs go: standard output, unless HUB_LOG_FILE names a file (the all-in-one hub of
 * `npm start` sets it, so that its terminal shows progress lines and the banner instead of ~190 JSON
 * lines). One destination for every logger of the process; written synchronously so that the last
 * lines before process.exit() are not lost.
 */
let destination: { file: string; stream: DestinationStream } | undefined;
function logDestination(): DestinationStream | undefined {
  const file = process.env.HUB_LOG_FILE;
  if (!file) return undefined;
  if (destination?.file !== file)
    destination = { file, stream: pino.destination({ dest: file, mkdir: true, sync: true, append: true }) };
  return destination.stream;
}

/** JSON logs (pino) with the app's name on every line; request ids are added per request by Fastify. */
export function createLogger(
  app: string,
  level: LevelWithSilent = (process.env.LOG_LEVEL as LevelWithSilent) ?? 'info',
): Logger {
  const to = logDestination();
  return to ? pino({ name: app, level, base: { app } }, to) : pino({ name: app, level, base: { app } });
}

/** Routes Nest's own log calls (bootstrap, module init) into the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
  fatal(message: unknown, context?: string) {
    this.logger.fatal({ context }, String(message));
  }
}
