import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from './logger.js';

describe('the JSON logs', () => {
  it('go to HUB_LOG_FILE when it is set (its folder created), one JSON object a line', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'hub-log-')), 'sub', 'hub.log');
    const before = process.env.HUB_LOG_FILE;
    process.env.HUB_LOG_FILE = file;
    try {
      createLogger('one', 'info').info({ step: 1 }, 'first');
      createLogger('two', 'info').warn('second');
    } finally {
      if (before === undefined) delete process.env.HUB_LOG_FILE;
      else process.env.HUB_LOG_FILE = before;
    }
    const lines = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toMatchObject([
      { app: 'one', step: 1, msg: 'first' },
      { app: 'two', msg: 'second' },
    ]);
  });
});
