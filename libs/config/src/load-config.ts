import 'reflect-metadata';
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
  const defaults = new cls() as Record<string, unknown>;
  const config = new cls() as Record<string, unknown>;
  for (const key of Object.keys(defaults)) {
    const raw = env[key];
    // An empty variable means "not set": fall back to the default rather than fail on ''.
    if (raw !== undefined && raw !== '')
      config[key] = coerce(raw, defaults[key], Reflect.getMetadata('design:type', cls.prototype, key));
  }
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(errors.flatMap(describe));
  return config as T;
}

/** Environment values are text: read them as the type of the default (or the declared type). */
function coerce(raw: string, fallback: unknown, declared: unknown): unknown {
  if (typeof fallback === 'number' || declared === Number)
    return /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof fallback === 'boolean' || declared === Boolean) {
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
    return raw;
  }
  return raw;
}

function describe(error: ValidationError): string[] {
  const own = Object.values(error.constraints ?? {}).map(
    (c) => `${error.property}: ${c} (got ${JSON.stringify(error.value)})`,
  );
  return [...own, ...(error.children ?? []).flatMap(describe)];
}
