import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

class ExampleConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 4000;

  @IsBoolean()
  FEATURE = false;

  @IsOptional()
  @Matches(/^postgres:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string = undefined;
}

describe('loadConfig', () => {
  it('uses the defaults when nothing is set, and treats an empty variable as unset', () => {
    expect(loadConfig(ExampleConfig, { PORT: '' })).toEqual({ PORT: 4000, FEATURE: false, DATABASE_URL: undefined });
  });

  it('reads numbers and booleans from their text', () => {
    expect(loadConfig(ExampleConfig, { PORT: '8080', FEATURE: 'true', DATABASE_URL: 'postgres://x/y' })).toEqual({
      PORT: 8080,
      FEATURE: true,
      DATABASE_URL: 'postgres://x/y',
    });
  });

  it('keeps only the declared variables', () => {
    expect(Object.keys(loadConfig(ExampleConfig, { HOME: '/root', PORT: '1' }))).toEqual([
      'PORT',
      'FEATURE',
      'DATABASE_URL',
    ]);
  });

  it('refuses to start with every problem named, variable by variable', () => {
    let error: unknown;
    try {
      loadConfig(ExampleConfig, { PORT: 'eighty', FEATURE: 'maybe', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: .*"eighty"/m);
    expect(problems).toMatch(/^FEATURE: .*"maybe"/m);
    expect(problems).toContain('DATABASE_URL must be a postgres:// URL');
  });
});
