// Issue 10, "extracts in the encodings and shapes departments send": the same extract in UTF-8,
// UTF-8 with a byte-order mark, GBK and GB18030 stores the same names; what does not decode is
// refused with its line, never stored garbled; a CSV's bad rows cost only themselves; an upload
// that stalls or is aborted releases everything within the configured time while other queries
// keep answering — on Postgres and on the embedded database (one connection for the whole hub).
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKey } from '../apps/hub/src/demo-access.js';
import { SUBGRAPHS } from '../apps/hub/src/subgraphs.js';
import { aLegalEntity, aPerson } from './support/fixtures.js';
import { TestHub } from './support/test-hub.js';

const IDLE_MS = 2_000;

const PERSON_COLUMNS = [
  'idNumber',
  'name',
  'gender',
  'birthDate',
  'ethnicityCode',
  'householdAddress',
  'householdDivisionCode',
  'phone',
  'maritalStatusCode',
  'sourceDepartment',
  'sourceSystem',
  'sourceRecordId',
  'version',
] as const;

type Row = Record<string, unknown>;

function csv(records: Row[], columns: readonly string[] = PERSON_COLUMNS): string {
  const quote = (v: unknown) => (v === undefined || v === null ? '' : `"${String(v).replace(/"/g, '""')}"`);
  return [columns.join(','), ...records.map((r) => columns.map((c) => quote(r[c])).join(','))].join('\r\n') + '\r\n';
}

function ndjson(records: Row[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

interface Report {
  rowsRead: number;
  accepted: number;
  registered: number;
  changed: number;
  replayed: number;
  superseded: number;
  supersededRows: Array<{ line: number; key: string }>;
  rejected: number;
  rejections: Array<{ line: number; key?: string; field?: string; code: string; message: string }>;
}

// Real names a GB2312-only reader would garble: 喆, 堃, 昇, 珺 are in GBK but not GB2312.
const GBK_NAMES = ['张喆', '王堃', '李昇', '赵珺', '欧阳娜娜'];
// Only GB18030 has these (four-byte sequences): 䶮 (CJK extension A), 𠮷 (extension B, outside the BMP).
const GB18030_NAMES = ['刘䶮', '𠮷田秀'];

/** An HTTP upload sent by hand, so the test decides when (and whether) the rest of the body comes. */
function openUpload(
  hub: { gatewayUrl: string },
  register: string,
  key: string,
  contentType = 'application/x-ndjson',
  accept = 'application/json',
): { req: ClientRequest; response: Promise<{ status: number; body: string; at: number }> } {
  const url = new URL(`${hub.gatewayUrl}/ingest/${register}`);
  const req = httpRequest({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'POST',
    headers: { 'content-type': contentType, accept, authorization: `Bearer ${key}`, 'transfer-encoding': 'chunked' },
  });
  const response = new Promise<{ status: number; body: string; at: number }>((resolve, reject) => {
    req.on('response', (res: IncomingMessage) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, at: Date.now() }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  return { req, response };
}

async function sql<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Queries that must keep answering while an upload stalls: a read of the population register through the gateway. */
async function keepsAnswering(hub: TestHub, idNumber: string, until: Promise<unknown>): Promise<number> {
  let answered = 0;
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const started = Date.now();
    const read = await hub.graphql<{ person: { name: string } | null }>(
      `query($id: String!) { person(idNumber: $id) { name } }`,
      { id: idNumber },
      {},
      { key: hub.keys.population.key },
    );
    expect(read.errors, JSON.stringify(read.errors)).toBeUndefined();
    expect(read.data?.person?.name).toBeTruthy();
    // Generous: a blocked database would make this wait for the whole stall.
    expect(Date.now() - started).toBeLessThan(IDLE_MS * 5);
    answered++;
    await new Promise((r) => setTimeout(r, 200));
  }
  return answered;
}

/** The upload scenarios, run on Postgres and on the embedded database. */
function uploadFaults(context: () => { hub: TestHub; spoolDir: string }) {
  it('drops a stalled upload within the idle timeout (408 INGEST_STALLED) while other queries keep answering, and stores nothing', async () => {
    const { hub, spoolDir } = context();
    const known = aPerson().build();
    await hub.ingest('persons', ndjson([known]), 'application/x-ndjson');
    const half = aPerson().build();
    const { req, response } = openUpload(hub, 'persons', hub.keys.population.key);
    const started = Date.now();
    req.write(`${JSON.stringify(half)}\n${JSON.stringify(aPerson().build()).slice(0, 40)}`);
    // …and nothing more: the sender hangs.
    const closed = new Promise<boolean>((resolve) => {
      req.once('close', () => resolve(true));
      setTimeout(() => resolve(false), 20_000).unref();
    });
    const answered = await keepsAnswering(hub, known.idNumber, response);
    const answer = await response;
    // The hub closes the connection of the body it will never read: nothing is left waiting.
    expect(await closed).toBe(true);
    req.destroy();
    expect(answered).toBeGreaterThan(2);
    expect(answer.status, answer.body).toBe(408);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'INGEST_STALLED' });
    // The idle timeout plus the gateway's margin, with room for a loaded machine.
    expect(answer.at - started).toBeLessThan(IDLE_MS + 30_000);
    expect(
      await sql(hub.database.url, 'SELECT 1 FROM population.person WHERE id_number = $1', [half.idNumber]),
    ).toEqual([]);
    await hub.eventually(async () => expect(await readdir(spoolDir)).toEqual([]));
    // The hub takes the next extract at once.
    const next = aPerson().build();
    expect(await (await hub.ingest('persons', ndjson([next]), 'application/x-ndjson')).json()).toMatchObject({
      registered: 1,
    });
  });

  it('releases an aborted upload (the sender dies mid-body): nothing stored, no file or transaction left, the access record says so', async () => {
    const { hub, spoolDir } = context();
    const known = aPerson().build();
    await hub.ingest('persons', ndjson([known]), 'application/x-ndjson');
    const lost = aPerson().build();
    const { req, response } = openUpload(hub, 'persons', hub.keys.population.key);
    response.catch(() => undefined);
    req.write(`${JSON.stringify(lost)}\n`);
    await new Promise((r) => setTimeout(r, 500));
    req.destroy();
    await keepsAnswering(hub, known.idNumber, new Promise((r) => setTimeout(r, 1500)));
    await hub.eventually(async () => expect(await readdir(spoolDir)).toEqual([]), 20_000);
    expect(
      await sql(hub.database.url, 'SELECT 1 FROM population.person WHERE id_number = $1', [lost.idNumber]),
    ).toEqual([]);
    await hub.eventually(async () => {
      const rows = await sql<{ error_code: string }>(
        hub.database.url,
        "SELECT error_code FROM catalog.access_record WHERE operation_type = 'ingest' AND outcome = 'FAILED'",
      );
      expect(rows.map((r) => r.error_code)).toContain('INGEST_INTERRUPTED');
    }, 20_000);
    expect(
      await (await hub.ingest('persons', ndjson([aPerson().build()]), 'application/x-ndjson')).json(),
    ).toMatchObject({ registered: 1 });
  });
}

describe('department extracts through the gateway (Postgres, Kafka)', () => {
  let hub: TestHub;
  let spoolDir: string;

  beforeAll(async () => {
    spoolDir = await mkdtemp(join(tmpdir(), 'hub-spool-'));
    hub = await TestHub.start({ env: { INGEST_IDLE_TIMEOUT_MS: String(IDLE_MS), INGEST_SPOOL_DIR: spoolDir } });
  });
  afterAll(async () => {
    await hub?.close();
  });

  const post = async (
    body: string | Buffer,
    type: string,
    register = 'persons',
  ): Promise<{
    status: number;
    body: Report & { code?: string; message?: string; encoding?: string; line?: number };
  }> => {
    const response = await hub.ingest(register, body, type);
    return { status: response.status, body: (await response.json()) as never };
  };
  const storedNames = async (ids: string[]) =>
    (
      await sql<{ id_number: string; name: string }>(
        hub.database.url,
        'SELECT id_number, name FROM population.person WHERE id_number = ANY($1)',
        [ids],
      )
    ).reduce<Record<string, string>>((all, r) => ({ ...all, [r.id_number]: r.name }), {});

  it('stores the same names from the same extract in UTF-8, UTF-8 with a BOM, GBK and GB18030 (CSV and NDJSON)', async () => {
    const common = GBK_NAMES.map((name) =>
      aPerson()
        .with({ name, householdAddress: `杭州市西湖区文三路${name}家` })
        .build(),
    );
    const wide = GB18030_NAMES.map((name) => aPerson().with({ name }).build());
    const everyone = [...common, ...wide];
    const expected = Object.fromEntries(everyone.map((p) => [p.idNumber as string, p.name as string]));

    // The first sending stores them; every other encoding of the same extract must be a replay
    // (same content hash): a single garbled character would be a change, or VERSION_REUSED.
    const first = await post(Buffer.from(csv(everyone), 'utf8'), 'text/csv');
    expect(first.body).toMatchObject({ registered: everyone.length, rejected: 0 });
    expect(await storedNames(Object.keys(expected))).toEqual(expected);

    const sendings: Array<[string, Buffer, string, number]> = [
      [
        'UTF-8 with a BOM, CSV',
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(everyone), 'utf8')]),
        'text/csv',
        everyone.length,
      ],
      [
        'UTF-8 declared, NDJSON',
        Buffer.from(ndjson(everyone), 'utf8'),
        'application/x-ndjson; charset=utf-8',
        everyone.length,
      ],
      ['GBK, CSV', iconv.encode(csv(common), 'gbk'), 'text/csv; charset=GBK', common.length],
      ['GBK, NDJSON', iconv.encode(ndjson(common), 'gbk'), 'application/x-ndjson; charset=gbk', common.length],
      ['GB18030, CSV', iconv.encode(csv(everyone), 'gb18030'), 'text/csv; charset=gb18030', everyone.length],
      [
        'GB18030, NDJSON',
        iconv.encode(ndjson(everyone), 'gb18030'),
        'application/x-ndjson;charset="GB18030"',
        everyone.length,
      ],
    ];
    for (const [what, bytes, type, rows] of sendings) {
      const sent = await post(bytes, type);
      expect([sent.status, sent.body.replayed, sent.body.rejected, sent.body.rejections], what).toEqual([
        200,
        rows,
        0,
        [],
      ]);
    }
    expect(await storedNames(Object.keys(expected))).toEqual(expected);
  });

  it('refuses what does not decode, naming the encoding and the first bad line, and stores nothing of it', async () => {
    const people = GBK_NAMES.map((name) => aPerson().with({ name }).build());
    const ids = people.map((p) => p.idNumber as string);

    // GBK sent without saying so: line 1 is the header (ASCII), line 2 the first name.
    const undeclared = await post(iconv.encode(csv(people), 'gbk'), 'text/csv');
    expect(undeclared.status).toBe(400);
    expect(undeclared.body).toMatchObject({ code: 'ENCODING_INVALID', encoding: 'utf-8', line: 2 });
    expect(undeclared.body.message).toContain('charset=gbk');

    // Declared GBK, with bytes on line 3 that are no GBK character (a lead byte, then a line end).
    const broken = Buffer.concat([
      iconv.encode(ndjson(people.slice(0, 2)), 'gbk'),
      Buffer.from('{"name":"\x81"}\n', 'latin1'),
      iconv.encode(ndjson(people.slice(2)), 'gbk'),
    ]);
    const declared = await post(broken, 'application/x-ndjson; charset=gbk');
    expect(declared.status).toBe(400);
    expect(declared.body).toMatchObject({ code: 'ENCODING_INVALID', encoding: 'gbk', line: 3 });

    // UTF-8 declared as GBK would be stored as mojibake: refused.
    const mislabelled = await post(Buffer.from(ndjson(people), 'utf8'), 'application/x-ndjson; charset=gbk');
    expect(mislabelled.body).toMatchObject({ code: 'ENCODING_INVALID', encoding: 'gbk', line: 1 });

    const unknown = await post(Buffer.from(ndjson(people), 'utf8'), 'application/x-ndjson; charset=big5');
    expect([unknown.status, unknown.body.code]).toEqual([415, 'UNSUPPORTED_CHARSET']);

    expect(await storedNames(ids)).toEqual({});
  });

  it('keeps every good row of a CSV around bad ones: an over-long line, a quote never closed, a stray quote, quoting and CRLF', async () => {
    const people = Array.from({ length: 8 }, (_, i) =>
      aPerson()
        .with({ householdAddress: i === 1 ? '杭州市, 西湖区 "文三路"\r\n12号' : `杭州市西湖区${i}号` })
        .build(),
    );
    const lines = csv(people).split('\r\n');
    // lines[0] is the header, lines[1] person 0, lines[2–3] person 1 (a quoted address with a
    // comma, a quote and a line break), lines[4 + i] person 2 + i.
    const body = [
      lines[0],
      lines[1],
      lines[2],
      lines[3],
      `"${'x'.repeat(300 * 1024)}",a,b`, // line 5: longer than a line may be
      lines[4],
      `"${String(people[3].idNumber)}","a quote never closed,1`, // line 7 (instead of person 3)
      lines[6],
      lines[7],
      lines[8],
      lines[9],
      '',
    ].join('\r\n');
    const sent = await post(body, 'text/csv');
    expect(sent.status).toBe(200);
    expect(sent.body.rejections.map((r) => [r.line, r.code])).toEqual([
      [5, 'LINE_TOO_LONG'],
      [7, 'INVALID_CSV'],
    ]);
    expect(sent.body).toMatchObject({ registered: 7, rejected: 2 });
    const stored = await storedNames(people.map((p) => p.idNumber as string));
    expect(Object.keys(stored).sort()).toEqual(
      people
        .filter((_, i) => i !== 3)
        .map((p) => p.idNumber as string)
        .sort(),
    );
    // The quoted field arrives whole, line break included; the hub stores the address as written
    // (docs/geospatial.md, "Addresses on the way in") and keeps the field as received in the provenance.
    const [address] = await sql<{ household_address: string; originals: unknown }>(
      hub.database.url,
      'SELECT household_address, originals FROM population.person WHERE id_number = $1',
      [people[1].idNumber],
    );
    expect(address).toEqual({
      household_address: '杭州市,西湖区"文三路" 12号',
      originals: { householdAddress: '杭州市, 西湖区 "文三路"\r\n12号' },
    });
  });

  it('refuses two rows of one extract with the same key and version but different content (VERSION_REUSED), and lists superseded rows', async () => {
    const [a, b] = [aPerson().build(), aPerson().build()];
    const sent = await post(
      ndjson([
        a,
        { ...a, name: '另一个名字' }, // the same version, other content: which one is right?
        b,
        { ...b, version: 2, name: '改名后' }, // a newer version: line 3 is superseded
      ]),
      'application/x-ndjson',
    );
    expect(sent.body).toMatchObject({ registered: 1, superseded: 1, rejected: 2 });
    expect(sent.body.supersededRows).toEqual([{ line: 3, key: b.idNumber }]);
    expect(sent.body.rejections.map((r) => [r.line, r.key, r.code])).toEqual([
      [1, a.idNumber, 'VERSION_REUSED'],
      [2, a.idNumber, 'VERSION_REUSED'],
    ]);
    expect(await storedNames([a.idNumber as string, b.idNumber as string])).toEqual({
      [b.idNumber as string]: '改名后',
    });
  });

  it('names the real problem: a missing or blank name is REQUIRED, a version that is not a number NOT_A_NUMBER', async () => {
    const nameless: Row = aPerson().build();
    delete nameless.name;
    const sent = await post(
      ndjson([
        nameless,
        aPerson().with({ name: '   ' }).build(),
        aPerson().with({ version: 'v2' }).build(),
        aPerson().build(),
      ]),
      'application/x-ndjson',
    );
    expect(sent.body.rejections.map((r) => [r.line, r.field, r.code])).toEqual([
      [1, 'name', 'REQUIRED'],
      [2, 'name', 'REQUIRED'],
      [3, 'version', 'NOT_A_NUMBER'],
    ]);
    expect(sent.body.registered).toBe(1);
  });

  it('refuses new persons and companies in a retired division; a record that holds one keeps it through a new version', async () => {
    // 330103 下城区 and 330104 江干区 were retired in 2021 (now 拱墅区, 上城区, 钱塘区).
    const person = aPerson().with({ householdDivisionCode: '330103' }).build();
    const company = aLegalEntity().with({ registeredAddressDivisionCode: '330104' }).build();
    const refusedPerson = await post(ndjson([person]), 'application/x-ndjson');
    expect(refusedPerson.body.rejections).toEqual([
      expect.objectContaining({ line: 1, field: 'householdDivisionCode', code: 'DIVISION_CODE_RETIRED' }),
    ]);
    expect(refusedPerson.body.rejections[0].message).toContain('330105');
    const refusedCompany = await post(ndjson([company]), 'application/x-ndjson', 'legal-entities');
    expect(refusedCompany.body.rejections).toEqual([
      expect.objectContaining({ field: 'registeredAddressDivisionCode', code: 'DIVISION_CODE_RETIRED' }),
    ]);

    // A historic record (registered before the redistricting) keeps its code through a new version…
    const historic = aPerson().build();
    await post(ndjson([historic]), 'application/x-ndjson');
    await sql(
      hub.database.url,
      "UPDATE population.person SET household_division_code = '330103' WHERE id_number = $1",
      [historic.idNumber],
    );
    const renamed = await post(
      ndjson([{ ...historic, householdDivisionCode: '330103', name: '历史记录改名', version: 2 }]),
      'application/x-ndjson',
    );
    expect(renamed.body).toMatchObject({ changed: 1, rejected: 0 });
    // …but is not moved into another retired division.
    const moved = await post(
      ndjson([{ ...historic, householdDivisionCode: '330104', version: 3 }]),
      'application/x-ndjson',
    );
    expect(moved.body.rejections).toEqual([expect.objectContaining({ code: 'DIVISION_CODE_RETIRED' })]);

    // The GraphQL mutation answers the same, as bad input.
    const mutation = await hub.graphql(
      `mutation($input: PersonRecordInput!) { registerPerson(input: $input) { outcome } }`,
      { input: aPerson().with({ householdDivisionCode: '330103' }).build() },
      {},
      { key: hub.keys.population.key },
    );
    expect(mutation.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'DIVISION_CODE_RETIRED',
      field: 'input.householdDivisionCode',
    });
  });

  it('sends a GBK file from the command line with --charset, and exits 1 when every row is rejected (as the README says)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-ingest-charset-'));
    const people = GBK_NAMES.slice(0, 3).map((name) => aPerson().with({ name }).build());
    const good = join(dir, 'gbk.csv');
    await writeFile(good, iconv.encode(csv(people), 'gbk'));
    const bad = join(dir, 'all-bad.ndjson');
    await writeFile(bad, ndjson([aPerson().with({ name: ' ' }).build(), aPerson().with({ version: 'x' }).build()]));
    const run = (args: string[]) =>
      promisify(execFile)('npm', ['run', '-s', 'ingest', '--', 'persons', ...args, '--url', hub.gatewayUrl], {
        env: { ...process.env, HUB_API_KEY: hub.keys.population.key },
      }).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
    const sent = await run([good, '--charset', 'gbk']);
    expect([sent.code, sent.stderr]).toEqual([0, expect.any(String)]);
    expect(sent.stdout).toContain('3 registered');
    expect(Object.values(await storedNames(people.map((p) => p.idNumber as string))).sort()).toEqual(
      GBK_NAMES.slice(0, 3).sort(),
    );
    const rejected = await run([bad]);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toContain('2 rejected');
    const undeclared = await run([good]);
    expect(undeclared.code).toBe(1);
    expect(undeclared.stderr).toContain('ENCODING_INVALID');
  }, 180_000);

  describe('an upload that stalls or dies', () => {
    uploadFaults(() => ({ hub, spoolDir }));

    it('tells a client following progress (the CLI) that its stalled upload was dropped, as the last line of the stream', async () => {
      const { req, response } = openUpload(
        hub,
        'persons',
        hub.keys.population.key,
        'application/x-ndjson',
        'application/x-ndjson',
      );
      req.write(`${JSON.stringify(aPerson().build())}\n`);
      const answer = await response;
      req.destroy();
      expect(answer.status).toBe(200);
      const last = JSON.parse(answer.body.trim().split('\n').at(-1)!) as { event: string; code: string };
      expect(last).toMatchObject({ event: 'error', code: 'INGEST_STALLED' });
    });

    it('holds no database transaction while an upload is in progress', async () => {
      const { req, response } = openUpload(hub, 'persons', hub.keys.population.key);
      response.catch(() => undefined);
      req.write(`${JSON.stringify(aPerson().build())}\n`);
      await new Promise((r) => setTimeout(r, 500));
      const open = await sql<{ n: number }>(
        hub.database.url,
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
      );
      req.destroy();
      expect(open[0].n).toBe(0);
    });
  });
});

describe('an upload that stalls or dies, on the embedded database (one connection for the whole hub)', () => {
  const databaseUrl = process.env.DATABASE_URL;
  let hub: TestHub;
  let spoolDir: string;

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    spoolDir = await mkdtemp(join(tmpdir(), 'hub-spool-'));
    hub = await TestHub.start({ env: { INGEST_IDLE_TIMEOUT_MS: String(IDLE_MS), INGEST_SPOOL_DIR: spoolDir } });
    expect(hub.database.embedded).toBe(true);
    // The embedded database starts slowly on a loaded machine.
  }, 300_000);
  afterAll(async () => {
    await hub?.close();
    if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
  });

  uploadFaults(() => ({ hub, spoolDir }));
});

describe('SIGTERM stops the whole hub (npm start, embedded database) while an upload stalls', () => {
  it('exits cleanly within seconds, not after the idle timeout, and drops the upload', async () => {
    await promisify(execFile)('npm', ['run', '-s', 'build:code'], { timeout: 120_000 });
    const dir = await mkdtemp(join(tmpdir(), 'hub-stop-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      EMBEDDED_DATA_DIR: join(dir, 'pglite'),
      ARCHIVE_DIR: join(dir, 'archive'),
      GATEWAY_PORT: '0',
      ...Object.fromEntries(SUBGRAPHS.map((s) => [s.portVariable, '0'])),
      HUB_METRICS_TOKEN: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      // Far longer than the test: stopping must not wait for the stalled sender…
      INGEST_IDLE_TIMEOUT_MS: '600000',
      // …nor rely on the last-resort exit (which would exit 1).
      HUB_STOP_TIMEOUT_MS: '120000',
    };
    delete env.DATABASE_URL;
    delete env.KAFKA_BROKERS;
    const hub = spawn(process.execPath, ['dist/apps/hub/src/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      hub.once('exit', (code) => resolve({ code, at: Date.now() })),
    );
    try {
      let output = '';
      const gatewayUrl = await new Promise<string>((resolve, reject) => {
        hub.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const found = /GraphQL:\s+(http:\/\/\S+)\/graphql/.exec(output);
          if (found) resolve(found[1]);
        });
        hub.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        void exited.then(() => reject(new Error(`the hub exited before it was ready:\n${output}`)));
      });
      const { req, response } = openUpload({ gatewayUrl }, 'persons', demoKey('hukou'));
      response.catch(() => undefined);
      req.write(`${JSON.stringify(aPerson().build())}\n`);
      await new Promise((r) => setTimeout(r, 1500));
      const health = await fetch(`${gatewayUrl}/health`);
      expect(health.status).toBe(200);
      const signalled = Date.now();
      hub.kill('SIGTERM');
      const { code, at } = await exited;
      req.destroy();
      expect(code).toBe(0);
      expect(at - signalled).toBeLessThan(60_000);
    } finally {
      if (hub.exitCode === null) hub.kill('SIGKILL');
    }
  }, 480_000);
});
