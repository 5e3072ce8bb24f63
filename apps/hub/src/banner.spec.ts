import { describe, expect, it } from 'vitest';
import { accessPurpose } from '../../gateway/src/access/access-purpose.js';
import { demoHeaders, startBanner } from './banner.js';

describe("npm start's banner", () => {
  it('gives the demo key together with a purpose, as headers the gateway accepts', () => {
    const banner = startBanner({ url: 'http://127.0.0.1:4000', seconds: '1.0', demoKey: 'hubk_demo_x' });
    expect(banner).toContain('GraphiQL:  http://127.0.0.1:4000/graphiql');
    expect(banner).toContain(`{"Authorization": "Bearer hubk_demo_x", "x-hub-purpose": "demo"}`);
    // What the banner says to paste is what the gateway reads as a purpose.
    const headers = Object.fromEntries(
      Object.entries(JSON.parse(demoHeaders('k')) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
    );
    expect(accessPurpose(headers, undefined)).toEqual({ purpose: { purpose: 'demo', caseNumber: null } });
  });

  it('names the log file and how to get the JSON logs back on the terminal', () => {
    expect(startBanner({ url: 'http://h', seconds: '1.0', logFile: '.data/hub.log' })).toContain(
      'Logs:      .data/hub.log  (JSON; HUB_LOG_TO_TERMINAL=1',
    );
  });
});
