import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describeInfrastructure, has } from './infrastructure.js';

/** Says once, before any suite runs, what infrastructure the tests run against and what they skip. */
export default function setup(): void {
  if (process.env.HUB_REQUIRE_INFRA === '1') has('postgres', 'kafka', 'kafkaJars', 'chromium');
  process.stdout.write(`\nHub test run\n${describeInfrastructure()}\n\n`);
  // The gateway serves GraphiQL from the bundle; build it once if this checkout has none yet.
  if (!existsSync('dist/graphiql/index.html'))
    execFileSync(process.execPath, ['scripts/build-graphiql.mjs'], { stdio: 'inherit' });
  // And the console (dist/console), which the browser tests drive.
  if (!existsSync('dist/console/index.html')) execFileSync('npm', ['run', '-s', 'build:console'], { stdio: 'inherit' });
}
