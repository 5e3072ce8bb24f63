import { describe, expect, it } from 'vitest';
import { hubLogFile } from './log-file.js';

describe("where npm start's JSON logs go", () => {
  it('to the data folder by default, to the terminal on request, or to the file named', () => {
    expect(hubLogFile({})).toBe('.data/hub.log');
    expect(hubLogFile({ ARCHIVE_DIR: '/srv/hub/archive' })).toBe('/srv/hub/hub.log');
    expect(hubLogFile({ HUB_LOG_TO_TERMINAL: '1' })).toBeUndefined();
    expect(hubLogFile({ HUB_LOG_FILE: '/var/log/hub.json' })).toBe('/var/log/hub.json');
  });
});
