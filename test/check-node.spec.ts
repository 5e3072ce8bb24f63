import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { nodeVersionProblem as check } from '../scripts/check-node.mjs';

describe('the Node version check of npm start and npm test', () => {
  it('accepts Node 24 against package.json engines', () => {
    expect(check('v24.0.0', '>=24 <25')).toBeNull();
    expect(check('v24.11.1', '>=24 <25')).toBeNull();
  });

  it('refuses older and newer majors with one clear sentence naming both versions', () => {
    expect(check('v20.11.0', '>=24 <25')).toBe(
      'the hub needs Node 24 (found v20.11.0): see "Two commands" in README.md for how to get it',
    );
    expect(check('v25.0.0', '>=24 <25')).toMatch(/^the hub needs Node 24 \(found v25\.0\.0\)/);
    expect(check('v22.1.0', '>=24')).toMatch(/^the hub needs Node 24 or later \(found v22\.1\.0\)/);
    expect(check('v24.1.0', '>=24')).toBeNull();
  });

  it('passes on the Node running this test (Node 24) with exit code 0', () => {
    expect(() => execFileSync(process.execPath, ['scripts/check-node.mjs'])).not.toThrow();
  });
});
