import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** Thrown at boot when the environment does not satisfy a config class; the message lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type ConfigClass<T> = new () => T;

/**
 * Reads a config class from the environment. Each property of the class is one environment variable
 * (named exactly like the property), declared once with its default and its validation, so the
 * process refuses to start with a message that names the variable and what is wrong.
 * Every property needs an initializer (`= undefined` for an optional one): that is how the
 * declared variables are found.
 */
export function loadConfig<T extends object>(cls: ConfigClass<T>, env: NodeJS.ProcessEnv = process.env): T {
  const declared = Object.keys(new cls());
  const plain: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    // An empty variable means "not set": fall back to the default rather than fail on ''.
    if (value !== undefined && value !== '') plain[key] = value;
  }
  const config = plainToInstance(cls, plain, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(errors.flatMap(describe));
  // Keep only the declared variables, so a config object never carries the whole environment.
  const result = new cls();
  for (const key of declared) (result as Record<string, unknown>)[key] = (config as Record<string, unknown>)[key];
  return result;
}

function describe(error: ValidationError): string[] {
  const own = Object.values(error.constraints ?? {}).map((c) => `${error.property}: ${c} (got ${JSON.stringify(error.value)})`);
  return [...own, ...(error.children ?? []).flatMap(describe)];
}
