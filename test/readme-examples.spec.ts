// The extractor behind CI's README step (scripts/readme-examples.mjs): every fenced block of
// README.md is either an example CI runs or exempted with a visible reason, the README's two
// commands are the ones .ci/run runs, and a block nobody classified fails the check. No hub needed:
// .ci/run runs the examples themselves against `npm start`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoKey as hubDemoKey } from '../apps/hub/src/demo-keys.js';
import {
  README_GATEWAY,
  ciCommands,
  classify,
  compareCommands,
  expandDemoKeys,
  fencedBlocks,
  shellCommands,
  staticProblems,
  toGateway,
} from '../scripts/readme-examples.mjs';

const README = readFileSync('README.md', 'utf8');
const CI = readFileSync('.ci/run', 'utf8');
const fence = '```';

describe("README.md's fenced blocks, as CI runs them", () => {
  it('classifies every block — run, headers, the two commands, or skipped with its reason — with no problem', () => {
    const { plan, problems } = staticProblems();
    expect(problems).toEqual([]);
    const blocks = fencedBlocks(README);
    expect(plan.map((p) => p.block.line)).toEqual(blocks.map((b) => b.line));
    for (const step of plan.filter((p) => p.action === 'skip'))
      expect(step.reason, `README.md:${step.block.line}`).toMatch(/\w{3,}/);
    // The examples a newcomer tries are among those run: both GraphQL queries and the ingest walkthrough.
    const run = plan.filter((p) => p.action === 'run');
    expect(run.filter((p) => p.kind === 'graphql').map((p) => p.block.body)).toEqual([
      expect.stringContaining('searchLegalEntities'),
      expect.stringContaining('reuseFor('),
    ]);
    expect(run.filter((p) => p.kind === 'shell').map((p) => p.block.body)).toEqual([
      expect.stringMatching(/^npm run datagen[\s\S]*npm run ingest -- persons[\s\S]*\/ingest\/legal-entities$/),
    ]);
    // GraphQL examples go with the headers the README documents for GraphiQL: the demo key and a purpose.
    expect(plan.find((p) => p.action === 'headers')?.headers).toEqual({
      authorization: `Bearer ${hubDemoKey('window')}`,
      'x-hub-purpose': 'demo',
    });
    // The refusal shown with a key without grants is checked for its code, after its own headers.
    const refusal = plan.findIndex((p) => p.action === 'expect');
    expect(plan[refusal]).toMatchObject({ kind: 'graphql', code: 'ACCESS_DENIED' });
    expect(plan.slice(0, refusal).findLast((p) => p.action === 'headers')?.headers?.authorization).toBe(
      `Bearer ${hubDemoKey('insurance')}`,
    );
  });

  it("has the README's two commands exactly as .ci/run runs them", () => {
    const commands = classify(fencedBlocks(README))
      .plan.filter((p) => p.action === 'commands')
      .flatMap((p) => shellCommands(p.block.body));
    expect(commands).toEqual(['npm ci', 'npm start', 'npm test']);
    const ci = ciCommands(CI);
    expect(ci.untagged).toEqual([]);
    expect([...ci.tagged].sort()).toEqual(['npm ci', 'npm start', 'npm test']);
  });

  it('fails a block without a marker that it cannot run, naming its line, and a skip without a reason', () => {
    const sample = [
      '# Sample', // 1
      '', // 2
      `${fence}json`, // 3: data, unmarked
      '{ "a": 1 }', // 4
      fence, // 5
      '', // 6
      '<!-- readme-examples: skip -->', // 7
      fence, // 8: skipped, no reason
      'a diagram', // 9
      fence, // 10
      '<!-- readme-examples: maybe (later) -->', // 11
      `${fence}sh`, // 12: an unknown marker
      'echo hi', // 13
      fence, // 14
      `${fence}text`, // 15: unmarked
      'output', // 16
      fence, // 17
    ].join('\n');
    const { plan, problems } = classify(fencedBlocks(sample), 'sample.md');
    expect(plan).toEqual([]);
    expect(problems).toEqual([
      expect.stringMatching(/^sample\.md:3: a ```json block with no marker/),
      expect.stringMatching(/^sample\.md:8: <!-- readme-examples: skip --> needs its reason/),
      expect.stringMatching(/^sample\.md:12: unknown marker/),
      expect.stringMatching(/^sample\.md:15: a ```text block with no marker/),
      expect.stringMatching(/^sample\.md: no block marked <!-- readme-examples: commands -->/),
    ]);
  });

  it('runs unmarked shell and GraphQL blocks, takes markers only from the line right before a fence, and knows error examples', () => {
    const sample = [
      '<!-- readme-examples: commands (CI runs them) -->',
      `${fence}sh`,
      'npm ci && npm start   # the hub',
      'npm test',
      fence,
      '<!-- readme-examples: headers (the key) -->',
      '',
      `${fence}json`,
      '{ "authorization": "Bearer hubk_demohrssinsu_…", "x-hub-purpose": "demo" }',
      fence,
      '<!-- expect: ACCESS_DENIED -->',
      `${fence}graphql`,
      '{ person(idNumber: "x") { phone } }',
      fence,
      `${fence}bash`,
      'curl http://127.0.0.1:4000/health',
      fence,
      '<!-- readme-examples: skip (a diagram) -->',
      "prose between the marker and the fence: the marker is not this block's",
      fence,
      'a ─► b',
      fence,
    ].join('\n');
    const { plan, problems } = classify(fencedBlocks(sample));
    expect(plan.map((p) => [p.block.line, p.action, p.code ?? p.reason ?? p.kind ?? null])).toEqual([
      [2, 'commands', 'CI runs them'],
      [8, 'headers', null],
      [12, 'expect', 'ACCESS_DENIED'],
      [15, 'run', 'shell'],
    ]);
    expect(problems).toEqual([expect.stringMatching(/^README\.md:20: a ``` block with no marker/)]);
    expect(plan[1].headers?.authorization).toBe(`Bearer ${hubDemoKey('insurance')}`);
  });

  it('fails when .ci/run runs other commands than the README says, or runs one without the tag', () => {
    const readme = ['npm ci', 'npm start', 'npm test'];
    const same =
      'npm ci   # README: Two commands\nHUB_REQUIRE_INFRA=1 npm test   # README: Two commands\n  exec setsid npm start   # README: Two commands\nstep "smoke test: npm start"\n';
    expect(compareCommands(readme, ciCommands(same))).toEqual([]);
    const changed = same.replace('npm ci   #', 'npm ci --legacy-peer-deps   #');
    expect(compareCommands(readme, ciCommands(changed))).toEqual([
      expect.stringContaining('are not the ones .ci/run runs'),
    ]);
    const untagged = same.replace('npm ci   # README: Two commands', 'npm ci --no-audit');
    expect(compareCommands(readme, ciCommands(untagged))).toEqual([
      expect.stringMatching(/^\.ci\/run:1: runs `npm ci --no-audit` without/),
      expect.stringContaining('are not the ones .ci/run runs'),
    ]);
  });

  it('makes its two substitutions only: the gateway address, and the elided demo keys', () => {
    expect(README_GATEWAY).toBe('http://127.0.0.1:4000');
    expect(expandDemoKeys('HUB_API_KEY=hubk_demonraddres_… npm run ingest')).toBe(
      `HUB_API_KEY=${hubDemoKey('address')} npm run ingest`,
    );
    expect(toGateway('curl http://127.0.0.1:4000/ingest/persons', 'http://127.0.0.1:43210')).toEqual({
      text: 'curl http://127.0.0.1:43210/ingest/persons',
      stray: [],
    });
    // Anything else local is reported, not run against whatever listens there.
    expect(
      toGateway('curl http://localhost:4000/health http://127.0.0.1:4101/graphql', 'http://127.0.0.1:43210').stray,
    ).toEqual(['localhost:4000', '127.0.0.1:4101']);
    // The README's address must stay the hub's default for the substitution to be honest.
    const sources = { gatewayConfig: 'GATEWAY_PORT = 4001;', ingestCli: "'http://127.0.0.1:4000'" };
    expect(staticProblems({ sources }).problems).toEqual([expect.stringContaining("the gateway's default port")]);
  });
});
