// Runs README.md's examples as written against a running hub, so the README cannot drift from the
// hub (issue 12: "each README example works exactly as written — in a CI step that runs them from
// the README text itself"). Plain Node, no build: .ci/run calls it once `npm start` is up.
//
//   node scripts/readme-examples.mjs --check
//       every fenced block is classified (run, or exempted with a visible reason) and the README's
//       two commands are the ones .ci/run runs; exit 1 naming each problem by its README line.
//   node scripts/readme-examples.mjs --gateway http://127.0.0.1:<port> [--answers DIR]
//       the same checks, then every example in README order: each shell block as one bash script
//       (`set -eo pipefail`, in the checkout's root, this process's environment — as a reader pastes
//       it into a terminal there), each GraphQL block POSTed to <gateway>/graphql with the README's
//       documented headers. The first failure stops the run with the README line of the command
//       that failed and its output. --answers keeps each GraphQL answer as
//       DIR/<first field>.json (and each shell block's output as DIR/readme-<line>.out) for checks
//       of what the README's prose promises (.ci/run reads them).
//
// What a fenced block is, by the HTML comment on the line right before its fence (invisible on the
// rendered page, visible in the source):
//   (none)                                        ```sh / ```bash / ```shell / ```graphql: an example, run
//   <!-- readme-examples: skip (reason) -->       not an example (a diagram, output, setup that needs
//                                                 other machines …): the reason is required
//   <!-- readme-examples: commands (reason) -->   the two commands: not run here, .ci/run runs them
//                                                 itself; checked to be exactly the ones .ci/run runs
//   <!-- readme-examples: headers (reason) -->    a ```json block of HTTP headers: sent with every
//                                                 GraphQL example after it
//   <!-- expect: CODE -->                         an example that shows an error: it must fail with
//                                                 that code (a GraphQL error's extensions.code, or a
//                                                 shell block's non-zero exit with CODE in its output)
// Any other block without a marker (```json, ```, ```text …) fails the check: every block is either
// run or visibly exempted.
//
// Two substitutions, and no others:
//   1. The README's gateway address `http://127.0.0.1:4000` (the documented defaults GATEWAY_PORT
//      4000 and HOST 127.0.0.1) becomes --gateway, and the ingest CLI, which defaults to that same
//      address, gets it as HUB_URL. CI runs `npm start` on free ports rather than on 4000: the CI
//      machine runs other hubs and test brokers, and a fixed port would make a run fail, or worse
//      talk to another hub, whenever 4000 is taken. That the README's address is the default is
//      checked instead (the gateway's config and the ingest CLI's default say 4000 too), and a run
//      block naming any other local port fails rather than reach something else.
//   2. A demo key written `hubk_<id>_…` is the full demo key, as the README says it is made
//      (`base64url(sha256("hub demo key <id>"))`) and as datagen prints it.
// The two commands are compared with .ci/run's lines tagged `# README: Two commands`, after removing
// what only CI adds around them: leading VAR=value assignments (HUB_REQUIRE_INFRA=1) and
// `exec setsid` (its own process group, to stop npm start as a whole). An untagged line of .ci/run
// running npm ci, npm start or npm test fails the check, so a changed CI command cannot hide.
/* global console, process, fetch, URL, setTimeout, clearTimeout, performance -- Node globals; the lint config declares no environment for .mjs files */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The gateway's address as the README writes it: the documented defaults (HOST, GATEWAY_PORT). */
export const README_GATEWAY = 'http://127.0.0.1:4000';
/** The tag on .ci/run's lines that run the README's two commands. */
export const CI_TAG = '# README: Two commands';

const SHELL = new Set(['sh', 'bash', 'shell']);
const MARKER = /^\s*<!--\s*(readme-examples|expect)\s*:\s*(.*?)\s*-->\s*$/;

/**
 * The fenced blocks of a Markdown text, in order: the fence's line (1-based), the info string's
 * language, the body, the line of the body's first line, and the marker comment right before the
 * fence (or null).
 */
export function fencedBlocks(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    let end = i + 1;
    while (
      end < lines.length &&
      !new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(lines[end])
    )
      end++;
    let before = i - 1;
    while (before >= 0 && lines[before].trim() === '') before--;
    const marker = before >= 0 ? MARKER.exec(lines[before]) : null;
    blocks.push({
      line: i + 1,
      lang: open[2].toLowerCase(),
      body: lines.slice(i + 1, end).join('\n'),
      bodyLine: i + 2,
      marker: marker ? { name: marker[1], text: marker[2], line: before + 1 } : null,
    });
    i = end;
  }
  return blocks;
}

/**
 * What to do with each block — run (a shell or GraphQL example), expect (an example that must fail
 * with a code), headers, commands, skip — and every problem, each naming its README line.
 */
export function classify(blocks, file = 'README.md') {
  const plan = [];
  const problems = [];
  let headers = false;
  for (const block of blocks) {
    const where = `${file}:${block.line}`;
    const kind = SHELL.has(block.lang) ? 'shell' : block.lang === 'graphql' ? 'graphql' : null;
    const m = block.marker;
    if (!m) {
      if (!kind) {
        problems.push(
          `${where}: a \`\`\`${block.lang} block with no marker: run it (a sh or graphql example), or put <!-- readme-examples: skip (why) --> right before it`,
        );
        continue;
      }
      if (kind === 'graphql' && !headers)
        problems.push(
          `${where}: a GraphQL example before any <!-- readme-examples: headers --> block: with which key is it sent?`,
        );
      plan.push({ block, action: 'run', kind });
      continue;
    }
    if (m.name === 'expect') {
      if (!kind) problems.push(`${where}: <!-- expect: … --> on a \`\`\`${block.lang} block, which is not run`);
      else if (!/^[A-Z][A-Z0-9_]*$/.test(m.text))
        problems.push(`${where}: <!-- expect: ${m.text} --> is not an error code`);
      else plan.push({ block, action: 'expect', kind, code: m.text });
      continue;
    }
    const what = /^(skip|commands|headers)\b\s*(?:\((.*)\))?$/.exec(m.text);
    if (!what) {
      problems.push(`${where}: unknown marker <!-- readme-examples: ${m.text} --> (skip (why), commands, headers)`);
      continue;
    }
    const reason = what[2]?.trim() ?? '';
    if (what[1] === 'skip') {
      if (!reason) problems.push(`${where}: <!-- readme-examples: skip --> needs its reason in parentheses`);
      else plan.push({ block, action: 'skip', reason });
    } else if (what[1] === 'commands') {
      if (kind !== 'shell')
        problems.push(`${where}: the commands marker is on a \`\`\`${block.lang} block, not a shell block`);
      else plan.push({ block, action: 'commands', reason });
    } else {
      if (block.lang !== 'json')
        problems.push(`${where}: the headers marker is on a \`\`\`${block.lang} block, not a json block`);
      else {
        try {
          const parsed = JSON.parse(expandDemoKeys(block.body));
          if (
            !parsed ||
            typeof parsed !== 'object' ||
            Array.isArray(parsed) ||
            !Object.values(parsed).every((v) => typeof v === 'string')
          )
            throw new Error('not an object of strings');
          headers = true;
          plan.push({ block, action: 'headers', headers: parsed });
        } catch (error) {
          problems.push(`${where}: the headers block is not a JSON object of header strings (${error.message})`);
        }
      }
    }
  }
  if (!plan.some((p) => p.action === 'commands'))
    problems.push(`${file}: no block marked <!-- readme-examples: commands --> (the two commands)`);
  return { plan, problems };
}

/** The commands of a shell block: comments dropped, `a && b` split, in order. */
export function shellCommands(body) {
  return body
    .split('\n')
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean)
    .flatMap((l) => l.split('&&').map((c) => c.trim()))
    .filter(Boolean);
}

/**
 * The README commands .ci/run runs: its lines tagged CI_TAG, without CI's leading VAR=value
 * assignments and `exec setsid`; and its untagged lines that run npm ci, npm start or npm test.
 */
export function ciCommands(ciText) {
  const tagged = [];
  const untagged = [];
  // Quoted text (a step's title, a message) runs nothing: it is blanked before looking for npm.
  ciText.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line.startsWith('#')) return;
    if (line.includes(CI_TAG)) {
      let command = line.slice(0, line.indexOf(CI_TAG)).trim();
      for (;;) {
        const stripped = command.replace(/^(?:[A-Za-z_][A-Za-z0-9_]*=\S*|exec|setsid)\s+/, '');
        if (stripped === command) break;
        command = stripped;
      }
      tagged.push(command);
    } else if (
      /(^|[\s;&|(])npm\s+(ci|start|test)\b/.test(line.replace(/"[^"]*"|'[^']*'/g, '""').replace(/(^|\s)#.*$/, ''))
    ) {
      untagged.push({ line: i + 1, text: line });
    }
  });
  return { tagged, untagged };
}

/** Problems when the README's two commands are not exactly the ones .ci/run runs. */
export function compareCommands(readmeCommands, ci, ciFile = '.ci/run') {
  const problems = ci.untagged.map(
    (u) =>
      `${ciFile}:${u.line}: runs \`${u.text}\` without "${CI_TAG}": is it the README's command? Tag it, or run it as the README says`,
  );
  const a = [...readmeCommands].sort();
  const b = [...ci.tagged].sort();
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    problems.push(
      `the README's commands (${readmeCommands.map((c) => `\`${c}\``).join(', ')}) are not the ones ${ciFile} runs (${ci.tagged.map((c) => `\`${c}\``).join(', ') || 'none tagged'})`,
    );
  }
  return problems;
}

/** The demo key of a key id, as the README says it is made. */
export function demoKey(id) {
  return `hubk_${id}_${createHash('sha256').update(`hub demo key ${id}`).digest('base64url')}`;
}

/** `hubk_<id>_…` (the README's elided demo key) → the full demo key. */
export function expandDemoKeys(text) {
  return text.replace(/hubk_([A-Za-z0-9]+)_…/g, (_, id) => demoKey(id));
}

/** Substitution 1: the README's gateway address → the running hub's; what else names a local port stays and is reported. */
export function toGateway(text, gateway) {
  const out = text.split(README_GATEWAY).join(gateway);
  const other = /\b(?:localhost|127\.0\.0\.1|\[::1\]):(\d+)/g;
  const stray = [...out.matchAll(other)].map((m) => m[0]).filter((a) => !gateway.includes(a));
  return { text: out, stray };
}

/** The static checks: every block classified, the commands as .ci/run runs them, 4000 the default. */
export function staticProblems({ readme = read('README.md'), ci = read('.ci/run'), sources = defaultSources() } = {}) {
  const { plan, problems } = classify(fencedBlocks(readme));
  const commands = plan.filter((p) => p.action === 'commands').flatMap((p) => shellCommands(p.block.body));
  problems.push(...compareCommands(commands, ciCommands(ci)));
  // Substitution 1 is honest only while the README's address is the hub's default.
  const port = new URL(README_GATEWAY).port;
  if (!new RegExp(`GATEWAY_PORT\\s*=\\s*${port}\\b`).test(sources.gatewayConfig))
    problems.push(`the gateway's default port (apps/gateway/src/gateway.config.ts) is not ${port}, the README's`);
  if (!sources.ingestCli.includes(`'${README_GATEWAY}'`))
    problems.push(`the ingest CLI's default address (scripts/ingest.ts) is not ${README_GATEWAY}, the README's`);
  if (!readme.includes(`\`GATEWAY_PORT\` / \`HOST\` | ${port} / 127.0.0.1`))
    problems.push(`README.md's variable table does not give GATEWAY_PORT ${port} / HOST 127.0.0.1 as the defaults`);
  return { plan, problems };
}

function defaultSources() {
  return { gatewayConfig: read('apps/gateway/src/gateway.config.ts'), ingestCli: read('scripts/ingest.ts') };
}

function read(file) {
  return readFileSync(path.join(root, file), 'utf8');
}

/**
 * Runs a shell block through bash (stop at the first failing command), its output shown as it comes
 * (indented: a long walkthrough is not minutes of silence in CI's log); resolves its exit code and output.
 */
function runShell(body, bodyLine, env, timeoutMs) {
  // Line 3 of the script is the block's first line: the trap reports the README line that failed.
  const script = `set -eo pipefail\ntrap 'echo "readme-examples: the command at README.md line $((LINENO + ${bodyLine - 3})) failed (exit $?)" >&2' ERR\n${body}\n`;
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let atLineStart = true;
    const show = (chunk) => {
      // A progress meter's carriage returns become line ends: each update on a line of its own.
      const text = String(chunk).replace(/\r(?!\n)/g, '\n');
      output += text;
      process.stdout.write(text.replace(/^(?!$)/gm, (_, offset) => (offset === 0 && !atLineStart ? '' : '    │ ')));
      atLineStart = text.endsWith('\n');
    };
    child.stdout.on('data', show);
    child.stderr.on('data', show);
    const timer = setTimeout(() => {
      output += `\nreadme-examples: still running after ${timeoutMs / 1000} s: stopped\n`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (!atLineStart) process.stdout.write('\n');
      resolve({ code: code ?? signal, output });
    });
  });
}

async function runGraphql(body, gateway, headers) {
  let response;
  try {
    response = await fetch(`${gateway}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: body }),
    });
  } catch (error) {
    return {
      status: 'none',
      text: `${gateway}/graphql did not answer: ${error.cause?.message ?? error.message}`,
      answer: undefined,
    };
  }
  const text = await response.text();
  let answer;
  try {
    answer = JSON.parse(text);
  } catch {
    answer = undefined;
  }
  return { status: response.status, text, answer };
}

/** The first field an operation selects (names its answer file). */
export function firstField(query) {
  return /\{\s*([A-Za-z_]\w*)/.exec(query)?.[1] ?? 'answer';
}

const tail = (text, lines = 60) => text.trimEnd().split('\n').slice(-lines).join('\n');

async function main() {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean' },
      gateway: { type: 'string' },
      answers: { type: 'string' },
      timeout: { type: 'string', default: '1800' },
    },
  });
  const fail = (message) => {
    console.error(`readme-examples: ${message}`);
    process.exit(1);
  };
  if (!values.check && !values.gateway)
    fail('pass --check, or --gateway http://127.0.0.1:<port> to run the examples against that hub');
  const { plan, problems } = staticProblems();
  if (problems.length) fail(`README.md is not what CI can run as written:\n  ${problems.join('\n  ')}`);
  const counts = (action) => plan.filter((p) => p.action === action).length;
  if (values.check) {
    console.log(
      `readme-examples: README.md's ${plan.length} fenced blocks: ${counts('run') + counts('expect')} examples, ${counts('skip')} skipped with their reason, ${counts('headers')} headers, ${counts('commands')} the two commands (as .ci/run runs them)`,
    );
    return;
  }
  const gateway = values.gateway.replace(/\/+$/, '');
  if (values.answers) mkdirSync(values.answers, { recursive: true });
  const env = { ...process.env, HUB_URL: gateway };
  let headers = {};
  for (const step of plan) {
    const { block } = step;
    const where = `README.md:${block.line}`;
    if (step.action === 'headers') headers = step.headers;
    if (step.action === 'skip') console.log(`  - ${where} skipped: ${step.reason}`);
    if (step.action !== 'run' && step.action !== 'expect') continue;
    const { text, stray } = toGateway(expandDemoKeys(block.body), gateway);
    if (stray.length)
      fail(
        `${where}: names ${stray.join(', ')}, which is not the README's gateway address ${README_GATEWAY}: the run would reach something else`,
      );
    const started = performance.now();
    const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
    if (step.kind === 'shell') {
      console.log(`  ▶ ${where} (shell, ${shellCommands(block.body).length} commands)`);
      const { code, output } = await runShell(text, block.bodyLine, env, Number(values.timeout) * 1000);
      if (values.answers) writeFileSync(path.join(values.answers, `readme-${block.line}.out`), output);
      const ok = step.action === 'run' ? code === 0 : code !== 0 && output.includes(step.code);
      if (!ok)
        fail(
          `${where}: the shell example ${step.action === 'run' ? `exited ${code}` : `did not fail with ${step.code} (exit ${code})`} (its output above)`,
        );
      console.log(
        `  ✓ ${where} (shell, ${shellCommands(block.body).length} commands${step.action === 'expect' ? `, failed with ${step.code} as documented` : ''}) ${seconds()}`,
      );
    } else {
      const { status, text: raw, answer } = await runGraphql(text, gateway, headers);
      if (values.answers && answer)
        writeFileSync(path.join(values.answers, `${firstField(text)}.json`), `${JSON.stringify(answer, null, 2)}\n`);
      const codes = (answer?.errors ?? []).map((e) => e?.extensions?.code);
      if (step.action === 'run' && (status !== 200 || !answer || answer.errors || !answer.data))
        fail(
          `${where}: the GraphQL example answered HTTP ${status}${codes.length ? ` with ${codes.join(', ')}` : ''}:\n${tail(raw)}`,
        );
      if (step.action === 'expect' && !codes.includes(step.code))
        fail(`${where}: the GraphQL example should show ${step.code} but answered HTTP ${status}:\n${tail(raw)}`);
      console.log(
        `  ✓ ${where} (GraphQL ${firstField(text)}${step.action === 'expect' ? `, ${step.code} as documented` : ''}) ${seconds()}`,
      );
    }
  }
  console.log(
    `readme-examples: every README example ran as written (${counts('run') + counts('expect')} examples, ${counts('skip')} blocks skipped with their reason)`,
  );
}

if (import.meta.main) await main();
