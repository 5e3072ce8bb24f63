// npm run bench — named scenarios against a real Postgres (DATABASE_URL), written to
// docs/benchmarks.md. The hub runs in a child process; this process only generates load, so the
// "CPU ms per operation" column is the hub's own CPU time (gateway and subgraph together, read from
// /proc) divided by the operations served. Every figure is also given as a ratio to the baseline
// scenario measured in the same run: these machines are shared, absolute numbers drift.
import { spawn } from 'node:child_process';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Pool } from 'undici';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SEED = Number(process.env.BENCH_ENTITIES ?? 10_000);

interface Scenario {
  name: string;
  description: string;
  target: 'subgraph' | 'gateway';
  concurrency?: number;
  request(i: number): { method: 'GET' | 'POST'; path: string; body?: string };
  check(status: number, body: string): boolean;
}

interface Result {
  scenario: Scenario;
  ops: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  cpuMsPerOp: number;
}

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.error('bench: the benchmarks run on a real Postgres; set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)');
    process.exit(2);
  }
  const dir = await mkdtemp(join(tmpdir(), 'hub-bench-'));
  const usccFile = join(dir, 'usccs.json');
  console.log(`bench: starting the hub with ${SEED} legal entities…`);
  const server = spawn(process.execPath, ['dist/bench/server.js', usccFile, String(SEED)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await new Promise<{ subgraph: string; gateway: string }>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`the hub exited with ${code}`)));
    createInterface({ input: server.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
  });
  const usccs = JSON.parse(await readFile(usccFile, 'utf8')) as string[];
  const graphql = (query: string, variables?: unknown) => ({ method: 'POST' as const, path: '/graphql', body: JSON.stringify({ query, variables }) });
  const one = `query One($u: String!) { legalEntity(uscc: $u) { uscc name kind status registeredAddress { text divisionCode } provenance { version } } }`;
  const batch = `query Batch($u: [String!]!) { legalEntities(usccs: $u) { uscc name status } }`;
  const okGraphQL = (status: number, body: string) => status === 200 && !body.includes('"errors"');
  const scenarios: Scenario[] = [
    {
      name: 'baseline',
      description: 'GET /health/live on the subgraph: the HTTP floor of this machine',
      target: 'subgraph',
      request: () => ({ method: 'GET', path: '/health/live' }),
      check: (status) => status === 200,
    },
    {
      name: '(a) legalEntity, subgraph direct',
      description: 'legalEntity(uscc) by a random USCC, straight to the legal-entity subgraph',
      target: 'subgraph',
      request: (i) => graphql(one, { u: usccs[(i * 7919) % usccs.length] }),
      check: okGraphQL,
    },
    {
      name: '(b) legalEntity, through the gateway',
      description: 'the same query through the federated gateway',
      target: 'gateway',
      request: (i) => graphql(one, { u: usccs[(i * 7919) % usccs.length] }),
      check: okGraphQL,
    },
    {
      name: '(c) 1,000 USCCs, through the gateway',
      description: 'legalEntities(usccs) with 1,000 USCCs per request through the gateway',
      target: 'gateway',
      concurrency: 4,
      request: (i) => graphql(batch, { u: Array.from({ length: 1000 }, (_, k) => usccs[(i * 1000 + k) % usccs.length]) }),
      check: okGraphQL,
    },
  ];
  const results: Result[] = [];
  try {
    for (const scenario of scenarios) {
      const result = await measure(scenario, scenario.target === 'gateway' ? ready.gateway : ready.subgraph, server.pid!);
      results.push(result);
      console.log(`bench: ${scenario.name}: ${(result.ops / result.seconds).toFixed(0)} req/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, ${result.cpuMsPerOp.toFixed(3)} CPU ms/op, ${result.errors} errors`);
    }
  } finally {
    server.kill('SIGTERM');
  }
  await writeFile('docs/benchmarks.md', markdown(results));
  console.log('bench: wrote docs/benchmarks.md');
  if (results.some((r) => r.errors > 0)) process.exit(1);
}

async function measure(scenario: Scenario, url: string, serverPid: number): Promise<Result> {
  const concurrency = scenario.concurrency ?? CONCURRENCY;
  const pool = new Pool(url, { connections: concurrency, pipelining: 1 });
  let i = 0;
  const run = async (until: number, latencies?: number[], counters?: { ops: number; errors: number }) => {
    while (performance.now() < until) {
      const { method, path, body } = scenario.request(i++);
      const started = performance.now();
      const response = await pool.request({ method, path, body, headers: body ? { 'content-type': 'application/json' } : {} });
      const text = await response.body.text();
      const ms = performance.now() - started;
      if (!counters) continue;
      if (scenario.check(response.statusCode, text)) {
        counters.ops++;
        latencies!.push(ms);
      } else {
        counters.errors++;
      }
    }
  };
  const warmUntil = performance.now() + WARMUP_SECONDS * 1000;
  await Promise.all(Array.from({ length: concurrency }, () => run(warmUntil)));
  const latencies: number[] = [];
  const counters = { ops: 0, errors: 0 };
  const cpuBefore = await cpuMs(serverPid);
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, () => run(started + SECONDS * 1000, latencies, counters)));
  const seconds = (performance.now() - started) / 1000;
  const cpu = (await cpuMs(serverPid)) - cpuBefore;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { scenario, ops: counters.ops, errors: counters.errors, seconds, p50: at(0.5), p99: at(0.99), cpuMsPerOp: cpu / Math.max(counters.ops, 1) };
}

/** User + system CPU time of a process, in ms, from /proc (clock ticks are 100 Hz on Linux). */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function markdown(results: Result[]): string {
  const base = results[0];
  const rate = (r: Result) => r.ops / r.seconds;
  const row = (r: Result) =>
    `| ${r.scenario.name} | ${rate(r).toFixed(0)} | ${(rate(r) / rate(base)).toFixed(3)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.cpuMsPerOp.toFixed(3)} | ${(r.cpuMsPerOp / base.cpuMsPerOp).toFixed(1)} | ${r.scenario.concurrency ?? CONCURRENCY} |`;
  const direct = results.find((r) => r.scenario.name.startsWith('(a)'));
  const gateway = results.find((r) => r.scenario.name.startsWith('(b)'));
  const batch = results.find((r) => r.scenario.name.startsWith('(c)'));
  return `# Benchmarks

Written by \`npm run bench\` (\`bench/run.ts\`); do not edit by hand. Run on real Postgres
(\`DATABASE_URL\`), the hub in a child process seeded with ${SEED} legal entities, load from the
parent process over keep-alive connections: ${WARMUP_SECONDS} s warm-up, then ${SECONDS} s measured per scenario.
"CPU ms/op" is the hub's own CPU time (gateway + subgraph + drivers) per operation. These machines
are shared and noisy: compare the ratio columns, which are against the baseline of the same run.

- Date: ${new Date().toISOString()}
- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}
- Postgres: ${process.env.DATABASE_URL?.replace(/\/\/[^@]*@/, '//')}

| scenario | req/s | × baseline req/s | p50 ms | p99 ms | CPU ms/op | × baseline CPU | concurrency |
|---|---:|---:|---:|---:|---:|---:|---:|
${results.map(row).join('\n')}

${results.map((r) => `- **${r.scenario.name}**: ${r.scenario.description}.`).join('\n')}
${
  direct && gateway
    ? `\nThe gateway costs ${(gateway.cpuMsPerOp - direct.cpuMsPerOp).toFixed(3)} CPU ms per operation over the direct call; its throughput is ${((rate(gateway) / rate(direct)) * 100).toFixed(0)} % of the direct call's.`
    : ''
}${batch ? ` A 1,000-USCC batch through the gateway takes ${batch.p50.toFixed(1)} ms (p50), ${(batch.p50 / 1000).toFixed(3)} ms per entity.` : ''}
`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
