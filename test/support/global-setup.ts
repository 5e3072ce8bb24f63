import { describeInfrastructure, has } from './infrastructure.js';

/** Says once, before any suite runs, what infrastructure the tests run against and what they skip. */
export default function setup(): void {
  if (process.env.HUB_REQUIRE_INFRA === '1') has('postgres', 'kafka', 'kafkaJars');
  process.stdout.write(`\nHub test run\n${describeInfrastructure()}\n\n`);
}
