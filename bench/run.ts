// npm run bench — named scenarios against a real Postgres (DATABASE_URL), written to
// docs/benchmarks.md. The hub runs in a child process; this process only generates load, so the
// "CPU ms per operation" column is the hub's own CPU time (gateway and subgraph together, read from
// /proc) divided by the operations served. Every figure is also given as a ratio to the baseline
// scenario measured in the same run: these machines are shared, absolute numbers drift.
// Gateway scenarios call as the demo's one-window system (its API key, with approved grants) and say
// why (a purpose), as any real caller must. The company profile is also measured through a second
// gateway with access control off (benchmark baseline only), to show what policy and audit cost.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Pool } from 'undici';
import { ACCESS_HEADER, Role, encodeClaims, ensureInternalSecret, signRequest } from '@hub/auth';
import { SyntheticCity } from '@hub/synthetic-data';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SEED = Number(process.env.BENCH_ENTITIES ?? 10_000);
const BULK_PERSONS = Number(process.env.BENCH_BULK_PERSONS ?? 1_000_000);
const PROFILE = '(d) company profile, four subgraphs';
const PROFILE_UNGOVERNED = '(d) company profile, access control off';
const INTERLEAVED_ROUNDS = 4;
const ALONE = '(e) legalEntity, normal traffic alone';
const UNDER_ATTACK = '(e) legalEntity, beside a nested-fragment attack';
const BESIDE_FLOOD = '(e) legalEntity, beside a flood of the cheapest query';
/** Connections the attacker of (e) keeps busy, each sending its next attack as soon as the last is answered. */
const ATTACK_CONCURRENCY = Number(process.env.BENCH_ATTACK_CONCURRENCY ?? 4);
/**
 * Only the scenarios whose names start with one of these (comma-separated), e.g. `BENCH_SCENARIOS='(e)'`:
 * no bulk load, and docs/benchmarks.md keeps everything but the sections of what ran.
 */
const ONLY = process.env.BENCH_SCENARIOS?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);

interface Scenario {
  name: string;
  description: string;
  /** `ungoverned-gateway`: the gateway without authentication, policy, masking and audit (the baseline of governance's cost). */
  target: 'subgraph' | 'gateway' | 'ungoverned-gateway';
  concurrency?: number;
  /** Scenarios with the same tag (listed one after the other) are measured interleaved, to be compared. */
  interleaved?: string;
  request(i: number): { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> };
  check(status: number, body: string): boolean;
  /** Other load on the same gateway while this scenario is measured (the attack of (e)); counted apart. */
  beside?: Background;
}

interface Background {
  concurrency: number;
  headers: Record<string, string>;
  request(i: number): { method: 'POST'; path: string; body: string };
  /** Whether the gateway answered it as it should (the attack: refused, with its code). */
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
  /** CPU time of the bench database's Postgres backends per operation, when Postgres runs on this machine. */
  databaseCpuMsPerOp?: number;
  /** The background load's requests answered as they should be, and not, while this scenario was measured. */
  beside?: { ops: number; errors: number; p50: number; p99: number };
}

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.error(
      'bench: the benchmarks run on a real Postgres; set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)',
    );
    process.exit(2);
  }
  const dir = await mkdtemp(join(tmpdir(), 'hub-bench-'));
  // The hub's secrets for this run, shared with the hub's process: the load generator signs its
  // direct subgraph calls as an app of the hub would (subgraphs answer nothing unsigned), and the
  // access log's key and checkpoints are this run's own, not a developer's .data.
  const secret = ensureInternalSecret();
  process.env.HUB_AUDIT_KEY = randomBytes(32).toString('hex');
  process.env.AUDIT_CHECKPOINT_FILE = join(dir, 'access-log-checkpoints.ndjson');
  const usccFile = join(dir, 'usccs.json');
  console.log(`bench: starting the hub with ${SEED} legal entities…`);
  const server = spawn(process.execPath, ['dist/bench/server.js', usccFile, String(SEED)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<{
    subgraphs: Record<string, string>;
    gateway: string;
    ungovernedGateway: string;
    key: string;
    attackerKey: string;
    database: string;
  }>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`the hub exited with ${code}`)));
    // The server's only JSON line on stdout is its address list; anything else is passed through.
    createInterface({ input: server.stdout! }).on('line', (line) => {
      if (line.startsWith('{"subgraphs"')) resolve(JSON.parse(line));
      else process.stderr.write(`${line}\n`);
    });
  });
  const usccs = JSON.parse(await readFile(usccFile, 'utf8')) as string[];
  // The purpose is needed for conditionally shared data (the profile's); the subgraph and the ungoverned gateway ignore it.
  const extensions = { purpose: '性能基准测试 benchmark' };
  const graphql = (query: string, variables?: unknown) => ({
    method: 'POST' as const,
    path: '/graphql',
    body: JSON.stringify({ query, variables, extensions }),
  });
  const one = `query One($u: String!) { legalEntity(uscc: $u) { uscc name kind status registeredAddress { text divisionCode } provenance { version } } }`;
  const batch = `query Batch($u: [String!]!) { legalEntities(usccs: $u) { uscc name status } }`;
  const profile = `query Profile($u: String!) { legalEntity(uscc: $u) { uscc name kind status registeredAddress { text divisionCode } provenance { version }
    legalRepresentative { idNumber name birthDate credit { assessment { level } } location { status } }
    credit { assessment { level reasons { code } } penalties { decisionNumber } }
    location { status method point { longitude latitude } } } }`;
  const okGraphQL = (status: number, body: string) => status === 200 && !body.includes('"errors"');
  // Nested fragments, each spreading the one before twice: 2^25 fields once expanded, in about 1.2 kB
  // (what froze the whole hub for 44 s before the limits were linear).
  let attack = `query Attack { legalEntity(uscc: "${usccs[0]}") { ...F25 } } fragment F0 on LegalEntity { uscc name }`;
  for (let i = 1; i <= 25; i++) attack += ` fragment F${i} on LegalEntity { ...F${i - 1} ...F${i - 1} }`;
  const attackRequest = {
    method: 'POST' as const,
    path: '/graphql',
    body: JSON.stringify({ query: attack, extensions }),
  };
  const floodRequest = {
    method: 'POST' as const,
    path: '/graphql',
    body: JSON.stringify({ query: 'query Flood { __typename }', extensions }),
  };
  const allScenarios: Scenario[] = [
    {
      name: 'baseline',
      description: 'GET /health/live on the subgraph: the HTTP floor of this machine',
      target: 'subgraph',
      request: () => ({ method: 'GET', path: '/health/live' }),
      check: (status) => status === 200,
    },
    {
      name: '(a) legalEntity, subgraph direct',
      description:
        'legalEntity(uscc) by a random USCC, straight to the legal-entity subgraph (signed per request, as the gateway signs)',
      target: 'subgraph',
      request: (i) => {
        const request = graphql(one, { u: usccs[(i * 7919) % usccs.length] });
        return {
          ...request,
          headers: {
            [ACCESS_HEADER]: signRequest(
              DIRECT_CLAIMS,
              'legal-entity',
              { method: 'POST', url: '/graphql', body: request.body },
              secret,
            ),
          },
        };
      },
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
      request: (i) =>
        graphql(batch, { u: Array.from({ length: 1000 }, (_, k) => usccs[(i * 1000 + k) % usccs.length]) }),
      check: okGraphQL,
    },
    {
      name: PROFILE,
      description:
        'one company with its legal representative, both credit profiles and both locations: legal-entity, population, credit and geospatial, through the gateway (API key checked, field policy decided, sensitive values masked, access record committed)',
      target: 'gateway',
      interleaved: 'governance',
      request: (i) => graphql(profile, { u: usccs[(i * 7919) % usccs.length] }),
      // The one-window system's grants are not full-value: the legal representative's ID number comes back masked.
      check: (status, body) => okGraphQL(status, body) && /"idNumber":"\d{6}\*+/.test(body),
    },
    {
      name: PROFILE_UNGOVERNED,
      description: `the same query through a second gateway over the same subgraphs with access control off (\`startGateway(env, { accessControl: false })\`, benchmark baseline only): no authentication, policy, masking or access record`,
      target: 'ungoverned-gateway',
      interleaved: 'governance',
      request: (i) => graphql(profile, { u: usccs[(i * 7919) % usccs.length] }),
      check: (status, body) => okGraphQL(status, body) && !/"idNumber":"\d{6}\*+/.test(body),
    },
    {
      name: ALONE,
      description: 'the query of (b), as normal traffic, with nothing else on the gateway: what (e) compares with',
      target: 'gateway',
      interleaved: 'attack',
      request: (i) => graphql(one, { u: usccs[(i * 7919) % usccs.length] }),
      check: okGraphQL,
    },
    {
      name: UNDER_ATTACK,
      description: `the same normal traffic while another system (its own key, a rate high enough never to be limited: the worst case for the query limits) sends a ${attack.length}-byte operation of 25 nested fragments on ${ATTACK_CONCURRENCY} connections without pause, each refused (QUERY_TOO_COMPLEX) by the gateway's linear-time limits`,
      target: 'gateway',
      interleaved: 'attack',
      request: (i) => graphql(one, { u: usccs[(i * 7919) % usccs.length] }),
      check: okGraphQL,
      beside: {
        concurrency: ATTACK_CONCURRENCY,
        headers: { authorization: `Bearer ${ready.attackerKey}` },
        request: () => attackRequest,
        check: (status, body) => status === 400 && body.includes('QUERY_TOO_COMPLEX'),
      },
    },
    {
      name: BESIDE_FLOOD,
      description: `the same normal traffic while the same other system sends \`{ __typename }\` (the cheapest operation there is: authenticated, answered, recorded) on ${ATTACK_CONCURRENCY} connections without pause: what any request costs, for comparison with the attack`,
      target: 'gateway',
      interleaved: 'attack',
      request: (i) => graphql(one, { u: usccs[(i * 7919) % usccs.length] }),
      check: okGraphQL,
      beside: {
        concurrency: ATTACK_CONCURRENCY,
        headers: { authorization: `Bearer ${ready.attackerKey}` },
        request: () => floodRequest,
        check: okGraphQL,
      },
    },
  ];
  const scenarios = ONLY
    ? allScenarios.filter((s) => s === allScenarios[0] || ONLY.some((prefix) => s.name.startsWith(prefix)))
    : allScenarios;
  const results: Result[] = [];
  let bulk: BulkResult | undefined;
  const database = new pg.Client({ connectionString: ready.database });
  await database.connect();
  try {
    for (let k = 0; k < scenarios.length;) {
      let end = k + 1;
      while (scenarios[k].interleaved && scenarios[end]?.interleaved === scenarios[k].interleaved) end++;
      const group = scenarios.slice(k, end);
      k = end;
      const urls = {
        subgraph: ready.subgraphs['legal-entity'],
        gateway: ready.gateway,
        'ungoverned-gateway': ready.ungovernedGateway,
      };
      // The same request everywhere (the subgraph and the ungoverned gateway ignore the key).
      for (const result of await measureGroup(
        group.map(
          (s) =>
            new Load(s, urls[s.target], { authorization: `Bearer ${ready.key}` }, server.pid!, () =>
              databaseCpuMs(database),
            ),
        ),
      )) {
        results.push(result);
        console.log(
          `bench: ${result.scenario.name}: ${(result.ops / result.seconds).toFixed(0)} req/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, ${result.cpuMsPerOp.toFixed(3)} CPU ms/op${result.databaseCpuMsPerOp === undefined ? '' : ` (+ ${result.databaseCpuMsPerOp.toFixed(3)} in Postgres)`}, ${result.errors} errors`,
        );
      }
    }
    if (!ONLY) bulk = await bulkLoad(ready.database, ready.subgraphs.population, server.pid!, secret);
  } finally {
    await database.end().catch(() => undefined);
    server.kill('SIGTERM');
  }
  if (ONLY) {
    // A partial run updates only the sections of what it measured.
    const sections = attackSection(results);
    if (sections)
      await writeFile(
        'docs/benchmarks.md',
        replaceSection(await readFile('docs/benchmarks.md', 'utf8'), ATTACK_HEADING, sections),
      );
    console.log(`bench: ${sections ? 'updated' : 'left'} docs/benchmarks.md (${ONLY.join(', ')} only)`);
  } else {
    await writeFile('docs/benchmarks.md', markdown(results, bulk));
    console.log('bench: wrote docs/benchmarks.md');
  }
  if (results.some((r) => r.errors > 0)) process.exit(1);
}

/** Load on one scenario's target; measured slices add up (see the interleaved scenarios). */
class Load {
  private readonly pool: Pool;
  private i = 0;
  private readonly latencies: number[] = [];
  private ops = 0;
  private errors = 0;
  private seconds = 0;
  private cpu = 0;
  private databaseCpu: number | undefined = 0;
  /** The background load (Scenario.beside), on connections of its own. */
  private readonly background: { pool: Pool; i: number; ops: number; errors: number; latencies: number[] } | undefined;

  constructor(
    readonly scenario: Scenario,
    url: string,
    private readonly headers: Record<string, string>,
    private readonly serverPid: number,
    private readonly databaseCpuMs: () => Promise<Map<number, number> | undefined>,
  ) {
    this.pool = new Pool(url, { connections: this.concurrency, pipelining: 1 });
    const beside = scenario.beside;
    this.background = beside
      ? {
          pool: new Pool(url, { connections: beside.concurrency, pipelining: 1 }),
          i: 0,
          ops: 0,
          errors: 0,
          latencies: [],
        }
      : undefined;
  }

  get concurrency(): number {
    return this.scenario.concurrency ?? CONCURRENCY;
  }

  async warm(seconds: number): Promise<void> {
    const until = performance.now() + seconds * 1000;
    await Promise.all([
      ...Array.from({ length: this.concurrency }, () => this.run(until, false)),
      ...this.runBackground(until, false),
    ]);
  }

  async measure(seconds: number): Promise<void> {
    const cpuBefore = await cpuMs(this.serverPid);
    const databaseBefore = await this.databaseCpuMs();
    const started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all([
      ...Array.from({ length: this.concurrency }, () => this.run(until, true)),
      ...this.runBackground(until, true),
    ]);
    this.seconds += (performance.now() - started) / 1000;
    this.cpu += (await cpuMs(this.serverPid)) - cpuBefore;
    const databaseAfter = await this.databaseCpuMs();
    this.databaseCpu =
      this.databaseCpu === undefined || !databaseBefore || !databaseAfter
        ? undefined
        : this.databaseCpu + cpuSince(databaseBefore, databaseAfter);
  }

  async result(): Promise<Result> {
    await this.pool.close();
    await this.background?.pool.close();
    const percentile = (values: number[]) => {
      const sorted = values.sort((a, b) => a - b);
      return (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
    };
    const at = percentile(this.latencies);
    const perOp = (ms: number) => ms / Math.max(this.ops, 1);
    const background = this.background;
    const backgroundAt = background ? percentile(background.latencies) : undefined;
    return {
      beside:
        background && backgroundAt
          ? { ops: background.ops, errors: background.errors, p50: backgroundAt(0.5), p99: backgroundAt(0.99) }
          : undefined,
      scenario: this.scenario,
      ops: this.ops,
      errors: this.errors,
      seconds: this.seconds,
      p50: at(0.5),
      p99: at(0.99),
      cpuMsPerOp: perOp(this.cpu),
      databaseCpuMsPerOp: this.databaseCpu === undefined ? undefined : perOp(this.databaseCpu),
    };
  }

  /** The background load's connections, each sending its next request as soon as the last is answered. */
  private runBackground(until: number, count: boolean): Promise<void>[] {
    const background = this.background;
    const beside = this.scenario.beside;
    if (!background || !beside) return [];
    return Array.from({ length: beside.concurrency }, async () => {
      while (performance.now() < until) {
        const { method, path, body } = beside.request(background.i++);
        const started = performance.now();
        const response = await background.pool.request({
          method,
          path,
          body,
          headers: { ...beside.headers, 'content-type': 'application/json' },
        });
        const text = await response.body.text();
        if (!count) continue;
        if (beside.check(response.statusCode, text)) {
          background.ops++;
          background.latencies.push(performance.now() - started);
        } else {
          background.errors++;
        }
      }
    });
  }

  private async run(until: number, count: boolean): Promise<void> {
    while (performance.now() < until) {
      const { method, path, body, headers } = this.scenario.request(this.i++);
      const started = performance.now();
      const response = await this.pool.request({
        method,
        path,
        body,
        headers: { ...this.headers, ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      });
      const text = await response.body.text();
      const ms = performance.now() - started;
      if (!count) continue;
      if (this.scenario.check(response.statusCode, text)) {
        this.ops++;
        this.latencies.push(ms);
      } else {
        this.errors++;
      }
    }
  }
}

/**
 * Measures one scenario for SECONDS; or two scenarios to be compared (`interleaved`) in alternating
 * slices A B B A A B B A, SECONDS each in all, so that the drift of a shared machine falls on both alike.
 */
async function measureGroup(loads: Load[]): Promise<Result[]> {
  for (const load of loads) await load.warm(WARMUP_SECONDS);
  if (loads.length === 1) {
    await loads[0].measure(SECONDS);
  } else {
    for (let round = 0; round < INTERLEAVED_ROUNDS; round++) {
      for (const load of round % 2 === 0 ? loads : [...loads].reverse())
        await load.measure(SECONDS / INTERLEAVED_ROUNDS);
    }
  }
  return Promise.all(loads.map((l) => l.result()));
}

/**
 * CPU time so far of each Postgres backend serving the bench database (its pools, relays,
 * autovacuum), in ms by pid; undefined when Postgres does not run on this machine.
 */
async function databaseCpuMs(client: pg.Client): Promise<Map<number, number> | undefined> {
  const { rows } = await client.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  const byPid = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      if ((await readFile(`/proc/${pid}/comm`, 'utf8')).trim() === 'postgres') byPid.set(pid, await cpuMs(pid));
    } catch {
      // exited meanwhile, or not a process of this machine
    }
  }
  return byPid.size > 0 ? byPid : undefined;
}

/**
 * The database's CPU time between two samples: what the backends alive at the second one used
 * since the first (all of it for those started meanwhile). A backend that exited meanwhile takes
 * its time with it: an approximation, good for comparing scenarios of one run.
 */
function cpuSince(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += Math.max(0, ms - (before.get(pid) ?? 0));
  return total;
}

/** User + system CPU time of a process, in ms, from /proc (clock ticks are 100 Hz on Linux). */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface BulkResult {
  rows: number;
  rawSeconds: number;
  bulkSeconds: number;
  rssBeforeMiB: number;
  rssPeakMiB: number;
  rssAfterMiB: number;
  cpuSeconds: number;
  report: Record<string, unknown>;
}

/**
 * The same persons, made by the same generator twice: once COPYed raw into a bare table, once through
 * the bulk path. Citizen IDs the seeded hub already holds are skipped: another city's generator may
 * give out the same ID, and the bulk path would rightly refuse a different person under it.
 */
function personRows(count: number, exclude: ReadonlySet<string>): AsyncGenerator<Record<string, unknown>> {
  const queue: Array<Record<string, unknown>> = [];
  let done = false;
  let wake: (() => void) | undefined;
  let resume: (() => void) | undefined;
  let given = 0;
  void new SyntheticCity(8080)
    .generate(
      { addresses: 20_000, persons: count + exclude.size, legalEntities: 0, creditRecords: 0 },
      {
        person: async (record) => {
          if (exclude.has(record.idNumber as string) || given + queue.length >= count) return;
          queue.push(record);
          wake?.();
          if (queue.length > 5_000) await new Promise<void>((r) => (resume = r));
        },
      },
    )
    .then(() => {
      done = true;
      wake?.();
    });
  return (async function* () {
    for (;;) {
      if (queue.length > 0) {
        given++;
        yield queue.shift()!;
        if (queue.length < 1_000) resume?.();
        continue;
      }
      if (done) return;
      await new Promise<void>((r) => (wake = r));
      wake = undefined;
    }
  })();
}

const RAW_COLUMNS = [
  'idNumber',
  'name',
  'gender',
  'birthDate',
  'ethnicityCode',
  'householdAddress',
  'householdDivisionCode',
  'phone',
  'maritalStatusCode',
  'householdNumber',
  'relationToHeadCode',
  'sourceDepartment',
  'sourceSystem',
  'sourceRecordId',
  'version',
];

/** The load generator calling a subgraph directly, signed as an app of the hub vouching for a benchmark reader. */
const DIRECT_CLAIMS = encodeClaims({
  principal: {
    keyId: 'bench-direct',
    roles: [Role.SYSTEM],
    departmentUscc: null,
    systemCode: 'bench',
    name: 'benchmark load generator (direct subgraph calls)',
  },
  issuer: 'bench',
  purpose: 'benchmark',
  caseNumber: null,
});

/** The bulk load sends the synthetic city's own sources (several departments): as an admin, which says why. */
const BULK_CLAIMS = encodeClaims({
  principal: {
    keyId: 'bench-bulk',
    roles: [Role.ADMIN],
    departmentUscc: null,
    systemCode: null,
    name: 'benchmark bulk load',
  },
  issuer: 'bench',
  purpose: 'benchmark: bulk load of a synthetic population extract',
  caseNumber: null,
});

async function bulkLoad(
  databaseUrl: string,
  populationUrl: string,
  serverPid: number,
  secret: string,
): Promise<BulkResult> {
  console.log(`bench: bulk load of ${BULK_PERSONS} persons: raw COPY into a bare table first…`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const seeded = new Set(
    (await client.query<{ id: string }>('SELECT id_number AS id FROM population.person')).rows.map((r) => r.id),
  );
  await client.query(`CREATE TABLE bench_raw_person (${RAW_COLUMNS.map((c) => `"${c}" text`).join(', ')})`);
  let started = performance.now();
  const copy = client.query(copyFrom(`COPY bench_raw_person FROM STDIN WITH (FORMAT csv)`));
  const csv = Readable.from(
    (async function* () {
      for await (const r of personRows(BULK_PERSONS, seeded))
        yield `${RAW_COLUMNS.map((c) => (r[c] === undefined ? '' : `"${String(r[c]).replace(/"/g, '""')}"`)).join(',')}\n`;
    })(),
  );
  await new Promise<void>((resolve, reject) => {
    copy.on('finish', resolve).on('error', reject);
    csv.pipe(copy);
  });
  const rawSeconds = (performance.now() - started) / 1000;
  await client.query('DROP TABLE bench_raw_person');
  await client.end();
  console.log(
    `bench: raw COPY: ${(BULK_PERSONS / rawSeconds).toFixed(0)} rows/s; now the bulk path (POST /ingest/persons)…`,
  );

  const rss = async () => Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${serverPid}/status`, 'utf8'))![1]) / 1024;
  const rssBefore = await rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(
    () =>
      void rss().then(
        (v) => (rssPeak = Math.max(rssPeak, v)),
        () => undefined,
      ),
    500,
  );
  const cpuBefore = await cpuMs(serverPid);
  started = performance.now();
  const body = Readable.from(
    (async function* () {
      for await (const r of personRows(BULK_PERSONS, seeded)) yield `${JSON.stringify(r)}\n`;
    })(),
  );
  const signed = signRequest(BULK_CLAIMS, 'population', { method: 'POST', url: '/ingest/persons', body: null }, secret);
  const response = await fetch(`${populationUrl}/ingest/persons`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', [ACCESS_HEADER]: signed },
    body: Readable.toWeb(body) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const report = (await response.json()) as Record<string, unknown>;
  const bulkSeconds = (performance.now() - started) / 1000;
  const cpuSeconds = ((await cpuMs(serverPid)) - cpuBefore) / 1000;
  clearInterval(sampler);
  const rssAfter = await rss();
  if (report.registered !== BULK_PERSONS)
    throw new Error(
      `the bulk path registered ${String(report.registered)} of ${BULK_PERSONS}: ${JSON.stringify(report).slice(0, 500)}`,
    );
  console.log(
    `bench: bulk path: ${(BULK_PERSONS / bulkSeconds).toFixed(0)} rows/s, RSS ${rssBefore.toFixed(0)} → peak ${rssPeak.toFixed(0)} MiB`,
  );
  return {
    rows: BULK_PERSONS,
    rawSeconds,
    bulkSeconds,
    rssBeforeMiB: rssBefore,
    rssPeakMiB: rssPeak,
    rssAfterMiB: rssAfter,
    cpuSeconds,
    report,
  };
}

const ATTACK_HEADING = '## Under a nested-fragment attack';

/** The section of (e): normal traffic's throughput beside the attack (and beside a flood of the cheapest query), as a ratio to the same traffic alone in the same run. */
function attackSection(results: Result[]): string | undefined {
  const alone = results.find((r) => r.scenario.name === ALONE);
  const attacked = results.find((r) => r.scenario.name === UNDER_ATTACK);
  const flooded = results.find((r) => r.scenario.name === BESIDE_FLOOD);
  if (!alone || !attacked?.beside) return undefined;
  const rate = (r: Result) => r.ops / r.seconds;
  const ratio = rate(attacked) / rate(alone);
  const row = (label: string, r: Result) =>
    `| ${label} | ${rate(r).toFixed(0)} | ${(rate(r) / rate(alone)).toFixed(3)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.cpuMsPerOp.toFixed(3)} | ${r.beside ? (r.beside.ops / r.seconds).toFixed(0) : '–'} | ${r.beside ? r.beside.p50.toFixed(2) : '–'} | ${r.beside ? r.beside.p99.toFixed(2) : '–'} | ${r.beside ? r.beside.errors : '–'} |`;
  return `${ATTACK_HEADING}

Normal traffic (the single-entity query of (b), ${CONCURRENCY} connections, the one-window system's key)
on the governed gateway alone; beside an attacker — another system sending an operation of 25
nested fragments (2^25 fields once expanded, ${attacked.scenario.beside?.request(0).body.length ?? '?'} bytes of request) on ${ATTACK_CONCURRENCY}
connections, each sent as soon as the last was refused (\`QUERY_TOO_COMPLEX\`); and${flooded ? '' : ' (not in this run)'}, for
comparison, beside the same ${ATTACK_CONCURRENCY} connections sending the cheapest operation there is (\`{ __typename }\`,
authenticated, answered and recorded like any other). The other system's rate is set above what it
sends, so that every attack is parsed and measured by the query limits (the worst case for them:
at the default rate of 1,200 a minute, all but 20 a second would be refused with 429 before that).
Measured interleaved, in ${INTERLEAVED_ROUNDS * 2} alternating slices of ${SECONDS / INTERLEAVED_ROUNDS} s each, in the same run (${new Date().toISOString()}).

| normal traffic | req/s | × alone | p50 ms | p99 ms | hub CPU ms per normal op | other system's req/s | its p50 ms | its p99 ms | its answers not as expected |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${row('alone', alone)}
${row('beside the nested-fragment attack', attacked)}${flooded ? `\n${row('beside the cheapest-query flood', flooded)}` : ''}

Beside the attack, normal traffic keeps ${(ratio * 100).toFixed(0)} % of its throughput (ratio ${ratio.toFixed(3)}; the target is at least 0.800)${
    flooded
      ? `, and ${((rate(flooded) / rate(alone)) * 100).toFixed(0)} % beside the same number of connections sending \`{ __typename }\``
      : ''
  } (this shared machine's noise between slices is of the order of 10 %). Refusing the attack costs the gateway what any request costs — authentication, rate, parsing, the limits in linear time, the access record — not the exponential walk it cost before. The hub's CPU per normal operation beside the other load includes that load's.
`;
}

/** `text` with the section under `heading` (to the next "## " heading or the end) replaced by `section`, or `section` appended. */
function replaceSection(text: string, heading: string, section: string): string {
  const start = text.indexOf(heading);
  if (start < 0) return `${text.trimEnd()}\n\n${section}`;
  const next = text.indexOf('\n## ', start + heading.length);
  return `${text.slice(0, start)}${section}${next < 0 ? '' : text.slice(next + 1)}`;
}

function markdown(results: Result[], bulk?: BulkResult): string {
  const base = results[0];
  const rate = (r: Result) => r.ops / r.seconds;
  const row = (r: Result) =>
    `| ${r.scenario.name} | ${rate(r).toFixed(0)} | ${(rate(r) / rate(base)).toFixed(3)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.cpuMsPerOp.toFixed(3)} | ${(r.cpuMsPerOp / base.cpuMsPerOp).toFixed(1)} | ${r.scenario.concurrency ?? CONCURRENCY} |`;
  const direct = results.find((r) => r.scenario.name.startsWith('(a)'));
  const gateway = results.find((r) => r.scenario.name.startsWith('(b)'));
  const batch = results.find((r) => r.scenario.name.startsWith('(c)'));
  const on = results.find((r) => r.scenario.name === PROFILE);
  const off = results.find((r) => r.scenario.name === PROFILE_UNGOVERNED);
  const db = (r: Result) => (r.databaseCpuMsPerOp === undefined ? 'n/a' : r.databaseCpuMsPerOp.toFixed(3));
  const governance = on && off ? { ratio: rate(on) / rate(off), cpu: on.cpuMsPerOp - off.cpuMsPerOp } : undefined;
  return `# Benchmarks

Written by \`npm run bench\` (\`bench/run.ts\`); do not edit by hand. Run on real Postgres
(\`DATABASE_URL\`), the hub in a child process seeded with ${SEED} legal entities, load from the
parent process over keep-alive connections: ${WARMUP_SECONDS} s warm-up, then ${SECONDS} s measured per scenario.
Gateway requests carry the demo one-window system's API key (approved grants, values masked) and a
purpose, as every caller must. "CPU ms/op" is the hub's own CPU time (gateway, subgraphs, catalog,
drivers; Postgres not included) per operation. These machines are shared and noisy: compare the
ratio columns, which are against the baseline of the same run.

- Date: ${new Date().toISOString()}
- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}
- Postgres: ${process.env.DATABASE_URL?.replace(/\/\/[^@]*@/, '//')}

| scenario | req/s | × baseline req/s | p50 ms | p99 ms | CPU ms/op | × baseline CPU | concurrency |
|---|---:|---:|---:|---:|---:|---:|---:|
${results.map(row).join('\n')}

${results.map((r) => `- **${r.scenario.name}**: ${r.scenario.description}.`).join('\n')}
${
  direct && gateway
    ? `\nThe gateway, with policy and audit, costs ${(gateway.cpuMsPerOp - direct.cpuMsPerOp).toFixed(3)} CPU ms per operation over the direct call; its throughput is ${((rate(gateway) / rate(direct)) * 100).toFixed(0)} % of the direct call's.`
    : ''
}${batch ? ` A 1,000-USCC batch through the gateway takes ${batch.p50.toFixed(1)} ms (p50), ${(batch.p50 / 1000).toFixed(3)} ms per entity.` : ''}${
    on && gateway
      ? ` The company profile (four subgraphs) runs at ${((rate(on) / rate(gateway)) * 100).toFixed(0)} % of the single-subgraph query's throughput (${(on.p50 / gateway.p50).toFixed(1)}× its p50).`
      : ''
  }${
    on && off && governance
      ? ` Policy and audit on vs off (company profile): ${rate(on).toFixed(0)} vs ${rate(off).toFixed(0)} req/s, a throughput ratio of ${governance.ratio.toFixed(3)} (${((1 - governance.ratio) * 100).toFixed(0)} % lost; the target is at most 15 %), ${on.cpuMsPerOp.toFixed(3)} vs ${off.cpuMsPerOp.toFixed(3)} CPU ms per operation (${governance.cpu >= 0 ? '+' : ''}${governance.cpu.toFixed(3)} ms).`
      : ''
  }
${
  on && off && governance
    ? `
## Policy and audit: on vs off

The company profile (d) through the gateway as deployed — API key checked, the catalog's field
policy decided, sensitive values masked, an access record committed before the answer — and through
a second gateway over the same subgraphs, in the same process, started with
\`startGateway(env, { accessControl: false })\`: a benchmark baseline only, without any of that
(there is no setting or environment variable for it). The two are measured interleaved, in
${INTERLEAVED_ROUNDS * 2} alternating slices of ${SECONDS / INTERLEAVED_ROUNDS} s (on, off, off, on, …), so that the drift of this shared machine
falls on both alike. "Postgres CPU ms/op" is the CPU time of the bench database's backends per
operation (when Postgres runs on this machine): the access records' share of the work is there.

| company profile | req/s | × off req/s | p50 ms | p99 ms | CPU ms/op | × off CPU | Postgres CPU ms/op |
|---|---:|---:|---:|---:|---:|---:|---:|
| access control off (baseline only) | ${rate(off).toFixed(0)} | 1.000 | ${off.p50.toFixed(2)} | ${off.p99.toFixed(2)} | ${off.cpuMsPerOp.toFixed(3)} | 1.00 | ${db(off)} |
| policy, masking and audit on | ${rate(on).toFixed(0)} | ${governance.ratio.toFixed(3)} | ${on.p50.toFixed(2)} | ${on.p99.toFixed(2)} | ${on.cpuMsPerOp.toFixed(3)} | ${(on.cpuMsPerOp / off.cpuMsPerOp).toFixed(2)} | ${db(on)} |

With policy and audit on, the gateway keeps ${(governance.ratio * 100).toFixed(0)} % of its throughput (on/off ratio ${governance.ratio.toFixed(3)}; the target is at least 0.850) for ${Math.abs(governance.cpu).toFixed(3)} ${governance.cpu >= 0 ? 'more' : 'fewer'} CPU ms per operation in the hub${
        on.databaseCpuMsPerOp !== undefined && off.databaseCpuMsPerOp !== undefined
          ? ` and ${Math.abs(on.databaseCpuMsPerOp - off.databaseCpuMsPerOp).toFixed(3)} ${on.databaseCpuMsPerOp >= off.databaseCpuMsPerOp ? 'more' : 'fewer'} in Postgres (the access records, their events and the relay)`
          : ''
      }.
`
    : ''
}${attackSection(results) ? `\n${attackSection(results)}` : ''}${
    bulk
      ? `
## Bulk load: ${bulk.rows.toLocaleString('en')} persons

The same generated persons, first COPYed raw into a bare table of text columns (no index, no
validation), then sent as NDJSON to the population library's bulk path (POST /ingest/persons:
validation of every row, COPY into staging, one set-based upsert with change history and one
outbox event per person, the person table's six indexes maintained), in the same run.

| path | seconds | rows/s | × raw COPY |
|---|---:|---:|---:|
| raw COPY into a bare table | ${bulk.rawSeconds.toFixed(1)} | ${(bulk.rows / bulk.rawSeconds).toFixed(0)} | 1.000 |
| bulk path (validated, versioned, events) | ${bulk.bulkSeconds.toFixed(1)} | ${(bulk.rows / bulk.bulkSeconds).toFixed(0)} | ${(bulk.rawSeconds / bulk.bulkSeconds).toFixed(3)} |

Hub process during the bulk load: RSS ${bulk.rssBeforeMiB.toFixed(0)} MiB before, ${bulk.rssPeakMiB.toFixed(0)} MiB at the peak, ${bulk.rssAfterMiB.toFixed(0)} MiB after
(the extract streams through; memory does not grow with its size); ${bulk.cpuSeconds.toFixed(0)} CPU seconds in the hub.
`
      : ''
  }`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
