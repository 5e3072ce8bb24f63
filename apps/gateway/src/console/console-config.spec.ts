import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@hub/config';
import { GatewayConfig } from '../gateway.config.js';

describe('the console session settings', () => {
  it('default to an 8-hour session, a 15-minute idle timeout and a Secure cookie off loopback', () => {
    const config = loadConfig(GatewayConfig, {});
    expect(config).toMatchObject({
      CONSOLE_SESSION_MAX_AGE_MS: 8 * 3_600_000,
      CONSOLE_SESSION_IDLE_MS: 15 * 60_000,
      CONSOLE_MAX_SESSIONS: 10_000,
      CONSOLE_SIGN_INS_PER_MINUTE: 20,
      CONSOLE_COOKIE_SECURE: 'auto',
    });
    expect(
      loadConfig(GatewayConfig, { CONSOLE_SESSION_IDLE_MS: '5000', CONSOLE_COOKIE_SECURE: 'always' }),
    ).toMatchObject({ CONSOLE_SESSION_IDLE_MS: 5000, CONSOLE_COOKIE_SECURE: 'always' });
  });

  it.each([
    ['CONSOLE_SESSION_MAX_AGE_MS', '1000'],
    ['CONSOLE_SESSION_MAX_AGE_MS', '604800000'],
    ['CONSOLE_SESSION_IDLE_MS', '0'],
    ['CONSOLE_SESSION_IDLE_MS', 'soon'],
    ['CONSOLE_MAX_SESSIONS', '0'],
    ['CONSOLE_SIGN_INS_PER_MINUTE', '-1'],
    ['CONSOLE_COOKIE_SECURE', 'never'],
  ])('refuses %s=%s at start', (name, value) => {
    expect(() => loadConfig(GatewayConfig, { [name]: value })).toThrow(ConfigError);
  });
});
