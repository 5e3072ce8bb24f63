import { chmodSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './load-config.js';
import { readSecretFiles } from './secret-files.js';

const dir = mkdtempSync(join(tmpdir(), 'hub-secret-files-'));
function secretFile(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}
function problemsOf(run: () => void): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  return expect.fail('no ConfigError');
}

describe('readSecretFiles', () => {
  it('reads NAME from the file NAME_FILE names, without the trailing line break, once', () => {
    const env: NodeJS.ProcessEnv = { HUB_X_SECRET_FILE: secretFile('x', 'a b c\n\n'), OTHER: 'kept' };
    readSecretFiles(['HUB_X_SECRET'], env);
    // Inner spaces are the secret's own; only the line breaks an editor or `echo` adds go.
    expect(env).toEqual({ HUB_X_SECRET: 'a b c', OTHER: 'kept' });
    // NAME_FILE is gone: a second reader does not read the file again, and sees one source.
    readSecretFiles(['HUB_X_SECRET'], env);
    expect(env.HUB_X_SECRET).toBe('a b c');
    expect(secretFile('crlf', 'value\r\n')).toSatisfy((file: string) => {
      const e: NodeJS.ProcessEnv = { Y_FILE: file };
      readSecretFiles(['Y'], e);
      return e.Y === 'value';
    });
  });

  it('leaves a variable set directly, or not set at all, as it is', () => {
    const env: NodeJS.ProcessEnv = { A: 'direct', B_FILE: '' };
    readSecretFiles(['A', 'B', 'C'], env);
    expect(env).toEqual({ A: 'direct', B_FILE: '' });
  });

  it('stops with the variable and the file named when the file is missing, empty, a folder or unreadable', () => {
    const missing = join(dir, 'missing');
    expect(problemsOf(() => readSecretFiles(['HUB_INTERNAL_SECRET'], { HUB_INTERNAL_SECRET_FILE: missing }))).toEqual([
      `HUB_INTERNAL_SECRET_FILE: ${missing} does not exist`,
    ]);
    const empty = secretFile('empty', '\n');
    expect(problemsOf(() => readSecretFiles(['HUB_METRICS_TOKEN'], { HUB_METRICS_TOKEN_FILE: empty }))).toEqual([
      `HUB_METRICS_TOKEN_FILE: ${empty} is empty`,
    ]);
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    expect(problemsOf(() => readSecretFiles(['P'], { P_FILE: folder }))).toEqual([
      `P_FILE: ${folder} is a folder, not a file`,
    ]);
    if (process.getuid?.() !== 0) {
      // (root reads any file: this case only exists for other users, as an app's `node` user in its container.)
      const locked = secretFile('locked', 'secret');
      chmodSync(locked, 0o000);
      expect(problemsOf(() => readSecretFiles(['P'], { P_FILE: locked }))[0]).toMatch(
        /^P_FILE: .* is not readable by this process \(uid \d+\)/,
      );
    }
  });

  it('refuses NAME and NAME_FILE both set, and lists every problem at once', () => {
    const file = secretFile('both', 'from-file');
    const env: NodeJS.ProcessEnv = { A: 'direct', A_FILE: file, B_FILE: join(dir, 'nope') };
    expect(problemsOf(() => readSecretFiles(['A', 'B'], env))).toEqual([
      'A and A_FILE are both set: set one of them',
      `B_FILE: ${join(dir, 'nope')} does not exist`,
    ]);
    expect(env.A).toBe('direct');
  });
});
