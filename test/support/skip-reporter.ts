import type { Reporter, TestModule } from 'vitest/node';

/** One skipped test, as the end of the run lists it. */
export interface SkippedTest {
  file: string;
  /** Suite names, outermost first, then the test's own name. */
  path: string[];
  reason: string | undefined;
}

/** Every skipped test of the run, with the reason skipUnless recorded (or ctx.skip's note). */
export function skippedTests(modules: ReadonlyArray<TestModule>, root: string): SkippedTest[] {
  const skipped: SkippedTest[] = [];
  for (const module of modules) {
    const file = module.moduleId.startsWith(`${root}/`) ? module.moduleId.slice(root.length + 1) : module.moduleId;
    for (const test of module.children.allTests()) {
      const result = test.result();
      if (result.state !== 'skipped') continue;
      const path: string[] = [];
      for (let parent = test.parent; parent.type === 'suite'; parent = parent.parent) path.unshift(parent.name);
      const reason = test.meta().skipReason ?? result.note ?? (test.options.mode === 'todo' ? 'todo' : undefined);
      skipped.push({ file, path: [...path, test.name], reason });
    }
  }
  return skipped;
}

/** The listing printed at the end of the run: one line per skipped test, grouped by file. */
export function describeSkipped(skipped: ReadonlyArray<SkippedTest>): string {
  if (skipped.length === 0) return 'Skipped tests: none';
  const lines = [`Skipped tests: ${skipped.length}`];
  const byFile = new Map<string, SkippedTest[]>();
  for (const s of skipped) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s]);
  for (const [file, tests] of byFile) {
    lines.push(`  ${file}`);
    for (const t of tests)
      lines.push(`    - ${t.path.join(' › ')} — ${t.reason ?? 'no reason given (skip it with skipUnless)'}`);
  }
  return lines.join('\n');
}

/**
 * Lists, after vitest's own summary (which only counts them), every skipped test and why, so a
 * green run cannot hide what it did not run.
 */
export default class SkipReporter implements Reporter {
  private root = process.cwd();

  onInit(ctx: { config: { root: string } }): void {
    this.root = ctx.config.root;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    process.stdout.write(`\n${describeSkipped(skippedTests(modules, this.root))}\n`);
  }
}
