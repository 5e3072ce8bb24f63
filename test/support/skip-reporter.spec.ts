import type { TestModule } from 'vitest/node';
import { describe, expect, it } from 'vitest';
import { describeSkipped, skippedTests } from './skip-reporter.js';
import { infrastructure, skipUnless } from './infrastructure.js';

/** The little of vitest's TestModule/TestCase/TestSuite the listing reads. */
function fakeModule(
  moduleId: string,
  tests: { suites: string[]; name: string; state: string; meta?: object; note?: string; mode?: string }[],
): TestModule {
  const module = { type: 'module', moduleId };
  const cases = tests.map((t) => {
    let parent: object = module;
    for (const name of t.suites) parent = { type: 'suite', name, parent };
    return {
      name: t.name,
      parent,
      meta: () => t.meta ?? {},
      options: { mode: t.mode ?? 'run' },
      result: () => ({ state: t.state, note: t.note }),
    };
  });
  return { ...module, children: { allTests: () => cases[Symbol.iterator]() } } as unknown as TestModule;
}

describe('the list of skipped tests at the end of a run', () => {
  it('lists each skipped test under its file, with its suites and the reason skipUnless recorded', () => {
    const modules = [
      fakeModule('/repo/test/console.e2e.spec.ts', [
        {
          suites: ['the console'],
          name: 'signs in',
          state: 'skipped',
          meta: { skipReason: 'needs chromium: install Chromium' },
        },
        {
          suites: ['the console'],
          name: 'signs out',
          state: 'skipped',
          meta: { skipReason: 'needs chromium: install Chromium' },
        },
      ]),
      fakeModule('/repo/test/audit.e2e.spec.ts', [
        { suites: ['audit'], name: 'records', state: 'passed' },
        { suites: ['audit'], name: 'cannot commit', state: 'skipped', note: 'no server' },
        { suites: [], name: 'later', state: 'skipped', mode: 'todo' },
        { suites: [], name: 'silent', state: 'skipped' },
      ]),
    ];
    const skipped = skippedTests(modules, '/repo');
    expect(skipped).toEqual([
      {
        file: 'test/console.e2e.spec.ts',
        path: ['the console', 'signs in'],
        reason: 'needs chromium: install Chromium',
      },
      {
        file: 'test/console.e2e.spec.ts',
        path: ['the console', 'signs out'],
        reason: 'needs chromium: install Chromium',
      },
      { file: 'test/audit.e2e.spec.ts', path: ['audit', 'cannot commit'], reason: 'no server' },
      { file: 'test/audit.e2e.spec.ts', path: ['later'], reason: 'todo' },
      { file: 'test/audit.e2e.spec.ts', path: ['silent'], reason: undefined },
    ]);
    expect(describeSkipped(skipped).split('\n')).toEqual([
      'Skipped tests: 5',
      '  test/console.e2e.spec.ts',
      '    - the console › signs in — needs chromium: install Chromium',
      '    - the console › signs out — needs chromium: install Chromium',
      '  test/audit.e2e.spec.ts',
      '    - audit › cannot commit — no server',
      '    - later — todo',
      '    - silent — no reason given (skip it with skipUnless)',
    ]);
  });

  it('says so when nothing was skipped', () => {
    expect(
      describeSkipped(
        skippedTests([fakeModule('/repo/a.spec.ts', [{ suites: [], name: 'x', state: 'passed' }])], '/repo'),
      ),
    ).toBe('Skipped tests: none');
  });

  it('records why skipUnless skips, and skips nothing when the infrastructure is there', () => {
    const saved = { ...infrastructure };
    try {
      Object.assign(infrastructure, { chromium: false, postgres: true, required: false });
      expect(skipUnless('postgres', 'chromium')).toEqual({
        skip: true,
        meta: { skipReason: expect.stringMatching(/^needs chromium: install Chromium/) },
      });
      expect(skipUnless('postgres')).toEqual({});
      Object.assign(infrastructure, { required: true });
      expect(() => skipUnless('chromium')).toThrow(/HUB_REQUIRE_INFRA=1 but chromium is missing/);
    } finally {
      Object.assign(infrastructure, saved);
    }
  });
});
