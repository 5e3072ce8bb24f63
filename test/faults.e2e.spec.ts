import { createServer, request as httpRequest, type Server } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScratchDatabase } from '@hub/persistence';
import { SENDERS } from './support/departments.js';
import { REGISTER, aLegalEntity } from './support/fixtures.js';
import { skipUnless } from './support/infrastructure.js';
import { AppProcess, buildApps, freePort, hubEnvironment, readAdminKey } from './support/process-hub.js';

/**
 * The hub run as a city runs it — every app a process of its own, real Postgres and Kafka — and
 * then hurt: the access log failing at each step of a write, a database made unreachable and
 * brought back, a library killed, the policy events not reaching a gateway. What callers are told
 * must be true (retryable 503s with Retry-After, partial answers that name what is missing, 4xx
 * with a code for their own mistakes, a request id in every error body), health must say what is
 * wrong and clear once it is not, and nothing may need a restart to recover.
 *
 * The access log is failed precisely by a proxy between gateway A and the catalog (it refuses the
 * access-record batches it is told to). The databases are made unreachable the way an outage
 * looks to the apps without touching the shared Postgres server: their connections terminated and
 * new ones refused (ALTER DATABASE … ALLOW_CONNECTIONS false), then allowed again. The libraries
 * and the catalog have databases of their own, so that each outage is one dependency's.
 */

type Body = {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
};

/** Which access-record batches the proxy refuses (503, as the catalog does when its database is down). */
type AuditFault = 'none' | 'all' | 'intents' | 'outcomes' | 'after-intent';

/** A pass-through proxy to the catalog that can fail the access log at a chosen step of a write. */
class AuditFaultProxy {
  fault: AuditFault = 'none';
  private constructor(
    readonly server: Server,
    readonly url: string,
  ) {}

  static async start(target: string): Promise<AuditFaultProxy> {
    const port = await freePort();
    const upstream = new URL(target);
    const proxy: { current?: AuditFaultProxy } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if (req.url === '/internal/access-records' && proxy.current!.refuses(body.toString())) {
          res
            .writeHead(503, { 'content-type': 'application/json' })
            .end('{"code":"ACCESS_LOG_UNAVAILABLE","message":"injected by the test"}');
          return;
        }
        const forward = httpRequest(
          { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
            // The write's intent is in; now the access log goes down, before the write is made.
            if (
              req.url === '/internal/access-records' &&
              proxy.current!.fault === 'after-intent' &&
              body.includes('"INTENDED"')
            )
              proxy.current!.fault = 'all';
          },
        );
        forward.on('error', () => res.writeHead(502).end());
        forward.end(body);
      });
    });
    await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
    proxy.current = new AuditFaultProxy(server, `http://127.0.0.1:${port}`);
    return proxy.current;
  }

  refuses(body: string): boolean {
    const intents = body.includes('"outcome":"INTENDED"');
    switch (this.fault) {
      case 'all':
        return true;
      case 'intents':
        return intents;
      case 'outcomes':
        return !intents;
      case 'after-intent':
      case 'none':
        return false;
      default: {
        const _exhaustive: never = this.fault;
        return _exhaustive;
      }
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((done) => this.server.close(() => done()));
  }
}

/** Makes a database unreachable for the apps (connections cut, new ones refused), and reachable again. */
async function setReachable(database: ScratchDatabase, reachable: boolean): Promise<void> {
  const name = new URL(database.url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS ${reachable ? 'true' : 'false'}`);
    if (!reachable)
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
  } finally {
    await admin.end();
  }
}

async function eventually<T>(check: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

describe('the hub under faults, every app a process of its own', skipUnless('postgres', 'kafka'), () => {
  let build: ReturnType<typeof buildApps>;
  let hubEnv: ReturnType<typeof hubEnvironment>;
  let librariesDb: ScratchDatabase;
  let catalogDb: ScratchDatabase;
  let proxy: AuditFaultProxy;
  const apps: Record<string, AppProcess> = {};
  /** Gateway A reaches the catalog through the proxy and gets the policy events over Kafka; gateway B runs without Kafka (no KAFKA_BROKERS): no policy event ever reaches it. */
  let gatewayA: AppProcess;
  let gatewayB: AppProcess;
  let adminKey: string;
  let writerKey: string;
  let topicPrefix: string;

  const post = async (
    gateway: AppProcess,
    key: string | null,
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
      body: JSON.stringify({ query, variables, extensions: { purpose: 'fault-injection test of the hub' } }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Body };
  };
  const accessRecords = async (requestId: string) => {
    const client = new pg.Client({ connectionString: catalogDb.url });
    await client.connect();
    try {
      return (
        await client.query(
          'SELECT seq::text, outcome, error_code AS "errorCode" FROM catalog.access_record WHERE request_id = $1 ORDER BY seq',
          [requestId],
        )
      ).rows as Array<{ seq: string; outcome: string; errorCode: string | null }>;
    } finally {
      await client.end();
    }
  };
  const health = async (app: AppProcess) => {
    const response = await fetch(`${app.url}/health`, { signal: AbortSignal.timeout(10_000) });
    return {
      status: response.status,
      body: (await response.json()) as { status: string; checks: Record<string, { status: string; error?: string }> },
    };
  };
  const legalEntity = (uscc: string) =>
    post(gatewayA, writerKey, `query($u: String!) { legalEntity(uscc: $u) { uscc name } }`, { u: uscc });

  beforeAll(async () => {
    build = buildApps();
    hubEnv = hubEnvironment();
    librariesDb = await ScratchDatabase.create(process.env.DATABASE_URL, 'hub_faults_lib');
    catalogDb = await ScratchDatabase.create(process.env.DATABASE_URL, 'hub_faults_cat');
    topicPrefix = `t${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}.`;
    const common = {
      ...hubEnv.env,
      KAFKA_BROKERS: process.env.KAFKA_BROKERS!,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      DATABASE_POOL_SIZE: '5',
    };
    apps.catalog = await AppProcess.start(build.dir, 'catalog', { ...common, DATABASE_URL: catalogDb.url });
    // Two libraries: one to write and read, one to kill (the rest of the supergraph is not needed).
    for (const library of ['legal-entity', 'geospatial'])
      apps[library] = await AppProcess.start(build.dir, library, { ...common, DATABASE_URL: librariesDb.url });
    proxy = await AuditFaultProxy.start(apps.catalog.url);
    const nowhere = `http://127.0.0.1:${await freePort()}/graphql`;
    const subgraphs = (catalog: string) => ({
      SUBGRAPH_CATALOG_URL: `${catalog}/graphql`,
      SUBGRAPH_LEGAL_ENTITY_URL: `${apps['legal-entity'].url}/graphql`,
      SUBGRAPH_GEOSPATIAL_URL: `${apps.geospatial.url}/graphql`,
      SUBGRAPH_POPULATION_URL: nowhere,
      SUBGRAPH_CREDIT_URL: nowhere,
      SUBGRAPH_ONCE_ONLY_URL: nowhere,
    });
    const gatewayEnv = { ...common, AUDIT_TIMEOUT_MS: '2000', MAX_REQUEST_BYTES: String(64 * 1024) };
    gatewayA = await AppProcess.start(build.dir, 'gateway', { ...gatewayEnv, ...subgraphs(proxy.url) });
    const { KAFKA_BROKERS: _kafka, ...withoutKafka } = gatewayEnv;
    gatewayB = await AppProcess.start(build.dir, 'gateway', { ...withoutKafka, ...subgraphs(apps.catalog.url) });
    adminKey = await eventually(async () => readAdminKey(hubEnv.adminKeyFile), 30_000);
    // The market regulator's registration system: it writes and reads legal entities (its own register).
    writerKey = await eventually(async () => {
      const issued = await post(
        gatewayA,
        adminKey,
        `mutation($i: IssueApiKeyInput!) { issueApiKey(input: $i) { key } }`,
        {
          i: {
            roles: ['SYSTEM'],
            systemCode: SENDERS.legalEntity.sourceSystem,
            holderName: 'faults test registration system',
          },
        },
      );
      const key = (issued.body.data?.issueApiKey as { key?: string } | undefined)?.key;
      if (!key) throw new Error(`no key: ${JSON.stringify(issued.body)}`);
      return key;
    }, 30_000);
    // Known to both gateways before the tests start.
    for (const gateway of [gatewayA, gatewayB])
      await eventually(async () => expect((await post(gateway, writerKey, '{ __typename }')).status).toBe(200), 30_000);
  }, 300_000);

  afterAll(async () => {
    for (const app of [gatewayA, gatewayB, ...Object.values(apps)]) await app?.stop().catch(() => undefined);
    await proxy?.close();
    for (const db of [librariesDb, catalogDb]) {
      if (!db) continue;
      await setReachable(db, true).catch(() => undefined);
      await db.drop().catch(() => undefined);
    }
    hubEnv?.cleanup();
    build?.remove();
  }, 120_000);

  describe('a write is either answered and recorded, or not done', () => {
    const register = async () => {
      const input = aLegalEntity().build();
      const answer = await post(gatewayA, writerKey, REGISTER, { input });
      return { input, answer, requestId: answer.headers.get('x-request-id')! };
    };
    afterAll(() => {
      proxy.fault = 'none';
    });

    it('records the intent before the write and the outcome after it', async () => {
      proxy.fault = 'none';
      const { answer, requestId } = await register();
      expect(answer.status).toBe(200);
      expect((answer.body.data?.registerLegalEntity as { outcome: string }).outcome).toBe('REGISTERED');
      const records = await accessRecords(requestId);
      expect(records.map((r) => r.outcome)).toEqual(['INTENDED', 'ALLOWED']);
      expect(answer.body.extensions?.accessRecord).toEqual({ intent: records[0].seq, outcome: records[1].seq });
    });

    it('the access log failing before the intent: refused as retryable, nothing written', async () => {
      proxy.fault = 'intents';
      const { input, answer, requestId } = await register();
      proxy.fault = 'none';
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'AUDIT_UNAVAILABLE', requestId });
      expect(answer.body.data ?? null).toBeNull();
      // Not committed: the library does not have it (asked through the gateway, once the log is back).
      const read = await legalEntity(input.uscc);
      expect(read.body.errors).toBeUndefined();
      expect(read.body.data?.legalEntity).toBeNull();
      expect(await accessRecords(requestId)).toEqual([]);
    });

    it.each([
      ['between the intent and the write', 'after-intent'],
      ['after the write', 'outcomes'],
    ] as const)(
      'the access log failing %s: the write stands, is answered as made, and its intent is its access record',
      async (_, fault) => {
        proxy.fault = fault;
        const { input, answer, requestId } = await register();
        proxy.fault = 'none';
        expect(answer.status).toBe(200);
        expect(answer.body.errors).toBeUndefined();
        expect((answer.body.data?.registerLegalEntity as { outcome: string }).outcome).toBe('REGISTERED');
        const records = await accessRecords(requestId);
        expect(records.map((r) => r.outcome)).toEqual(['INTENDED']);
        expect(answer.body.extensions?.accessRecord).toEqual({ intent: records[0].seq, outcome: null });
        // Committed: the library has it.
        expect((await legalEntity(input.uscc)).body.data?.legalEntity).toMatchObject({ uscc: input.uscc });
      },
    );

    it('a read while the access log is down is not answered (retryable 503), and the gateway is not ready', async () => {
      proxy.fault = 'all';
      try {
        const read = await legalEntity(aLegalEntity().build().uscc);
        expect(read.status).toBe(503);
        expect(read.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(read.body.errors?.[0].extensions).toMatchObject({ code: 'AUDIT_UNAVAILABLE', retryable: true });
        expect(read.body.data ?? null).toBeNull();
      } finally {
        proxy.fault = 'none';
      }
    });
  });

  describe('client mistakes are 4xx with a code, and every error body carries the request id', () => {
    const auth = () => ({ authorization: `Bearer ${writerKey}` });
    const json = () => ({ 'content-type': 'application/json', ...auth() });
    const cases: Array<[string, () => RequestInit & { path?: string }, number]> = [
      [
        'several operations without operationName',
        () => ({
          method: 'POST',
          headers: json(),
          body: JSON.stringify({ query: 'query A { __typename } query B { __typename }' }),
        }),
        400,
      ],
      [
        'a subscription',
        () => ({
          method: 'POST',
          headers: json(),
          body: JSON.stringify({ query: 'subscription S { legalEntityChanged { uscc } }' }),
        }),
        400,
      ],
      [
        'a malformed id (not a UUID)',
        () => ({
          method: 'POST',
          headers: json(),
          body: JSON.stringify({ query: '{ sharingApplication(id: "x") { id } }' }),
        }),
        400,
      ],
      [
        'a malformed USCC',
        () => ({
          method: 'POST',
          headers: json(),
          body: JSON.stringify({ query: '{ legalEntity(uscc: "x") { name } }' }),
        }),
        400,
      ],
      ['an empty body', () => ({ method: 'POST', headers: json(), body: '' }), 400],
      ['malformed JSON', () => ({ method: 'POST', headers: json(), body: '{"query": ' }), 400],
      ['a JSON body without a query', () => ({ method: 'POST', headers: json(), body: '{}' }), 400],
      [
        'a request blocked as possible CSRF',
        () => ({
          method: 'POST',
          headers: { ...auth(), 'content-type': 'text/plain' },
          body: '{"query":"{ __typename }"}',
        }),
        400,
      ],
      [
        'too large a body',
        () => ({
          method: 'POST',
          headers: json(),
          body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(70_000)}` }),
        }),
        413,
      ],
      [
        'an Accept header without JSON',
        () => ({
          method: 'POST',
          headers: { ...json(), accept: 'text/html' },
          body: JSON.stringify({ query: '{ __typename }' }),
        }),
        406,
      ],
      ['no such route', () => ({ method: 'GET', headers: auth(), path: '/no-such-route' }), 404],
      [
        'no key',
        () => ({
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        }),
        401,
      ],
    ];
    it.each(cases)('%s', async (_, init, status) => {
      const request = init();
      const response = await fetch(`${gatewayA.url}${request.path ?? '/graphql'}`, request);
      const requestId = response.headers.get('x-request-id');
      const body = (await response.json()) as Body & { code?: string; requestId?: string };
      expect(response.status).toBe(status);
      expect(requestId).toBeTruthy();
      const errors = body.errors ?? [{ message: '', extensions: { code: body.code, requestId: body.requestId } }];
      for (const error of errors) {
        expect(error.extensions?.requestId).toBe(requestId);
        expect(error.extensions?.code).toMatch(/^[A-Z_]+$/);
        expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
        expect(String(error.extensions?.code)).not.toMatch(/^FST_/);
      }
    });
  });

  describe('dependency outages: retryable 503s, health that says so, recovery without restarts', () => {
    it("the libraries' database: SERVICE_UNAVAILABLE naming the library, 503 with Retry-After; then back", async () => {
      const known = aLegalEntity().build();
      expect((await post(gatewayA, writerKey, REGISTER, { input: known })).status).toBe(200);
      await setReachable(librariesDb, false);
      try {
        const read = await eventually(async () => {
          const r = await legalEntity(known.uscc);
          expect(r.status).toBe(503);
          return r;
        }, 30_000);
        expect(read.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(read.body.errors?.[0]).toMatchObject({
          path: ['legalEntity'],
          extensions: { code: 'SERVICE_UNAVAILABLE', service: 'legal-entity', dependency: 'database', retryable: true },
        });
        // For callers, no internals: no host, port, database name or driver text.
        expect(JSON.stringify(read.body)).not.toMatch(/127\.0\.0\.1|5432|hub_faults|ECONN|accepting connections/);
        // For the operators, the dependency and the driver's own words, in the library's log.
        // (Read as it arrives: the line travels through the process's stdout pipe after the answer.)
        await eventually(
          async () =>
            expect(apps['legal-entity'].log()).toMatch(
              /database unavailable: answered SERVICE_UNAVAILABLE.*accepting connections|accepting connections.*database unavailable/,
            ),
          10_000,
        );
        const library = await health(apps['legal-entity']);
        expect(library.status).toBe(503);
        expect(library.body.checks.database.status).toBe('unavailable');
        // The gateway can still serve the other libraries and record access: ready.
        expect((await health(gatewayA)).status).toBe(200);
        // A write meanwhile: not made, told to retry, and on record (its intent, then its failure).
        const write = await post(gatewayA, writerKey, REGISTER, { input: aLegalEntity().build() });
        expect(write.status).toBe(503);
        expect(write.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(write.body.errors?.[0].extensions).toMatchObject({
          code: 'SERVICE_UNAVAILABLE',
          service: 'legal-entity',
        });
        expect((await accessRecords(write.headers.get('x-request-id')!)).map((r) => [r.outcome, r.errorCode])).toEqual([
          ['INTENDED', null],
          ['FAILED', 'SERVICE_UNAVAILABLE'],
        ]);
      } finally {
        await setReachable(librariesDb, true);
      }
      // Back within a few seconds, no restart: answers, and health clear (not "degraded" by an old error).
      const back = await eventually(async () => {
        const r = await legalEntity(known.uscc);
        expect(r.status).toBe(200);
        return r;
      }, 30_000);
      expect(back.body.data?.legalEntity).toMatchObject({ uscc: known.uscc });
      // Within one check: no check still reports the outage (the outbox relay's did, until the library's next event).
      await eventually(async () => {
        const library = await health(apps['legal-entity']);
        expect(library.status).toBe(200);
        expect(library.body.checks.database.status).toBe('ok');
        expect(library.body.checks.events).toMatchObject({ status: 'ok' });
      }, 30_000);
    });

    it("the catalog's database (the access log): reads refused as retryable, the gateway not ready; then back", async () => {
      await setReachable(catalogDb, false);
      try {
        const read = await eventually(async () => {
          const r = await legalEntity(aLegalEntity().build().uscc);
          expect(r.status).toBe(503);
          return r;
        }, 30_000);
        expect(read.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(read.body.errors?.[0].extensions).toMatchObject({ code: 'AUDIT_UNAVAILABLE', retryable: true });
        await eventually(async () => {
          const gateway = await health(gatewayB);
          expect(gateway.status).toBe(503);
          expect(gateway.body.checks['audit-store'].status).toBe('unavailable');
        }, 30_000);
      } finally {
        await setReachable(catalogDb, true);
      }
      await eventually(async () => {
        expect((await legalEntity(aLegalEntity().build().uscc)).status).toBe(200);
        const gateway = await health(gatewayB);
        expect(gateway.status).toBe(200);
        const catalog = await health(apps.catalog);
        expect(catalog.status).toBe(200);
        expect(catalog.body.checks.database.status).toBe('ok');
        expect(catalog.body.checks.events).toMatchObject({ status: 'ok' });
      }, 30_000);
    });
  });

  it('the catalog down (its process killed): reads refused as retryable, the gateways not ready; started again, both serve without a restart', async () => {
    const catalogPort = Number(new URL(apps.catalog.url).port);
    await apps.catalog.kill();
    try {
      const read = await legalEntity(aLegalEntity().build().uscc);
      expect(read.status).toBe(503);
      expect(read.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(read.body.errors?.[0].extensions).toMatchObject({
        code: 'AUDIT_UNAVAILABLE',
        retryable: true,
        requestId: read.headers.get('x-request-id'),
      });
      for (const gateway of [gatewayA, gatewayB]) {
        const ready = await health(gateway);
        expect(ready.status).toBe(503);
        expect(ready.body.checks.catalog.status).toBe('unavailable');
      }
    } finally {
      apps.catalog = await AppProcess.start(
        build.dir,
        'catalog',
        {
          ...hubEnv.env,
          KAFKA_BROKERS: process.env.KAFKA_BROKERS!,
          KAFKA_TOPIC_PREFIX: topicPrefix,
          DATABASE_POOL_SIZE: '5',
          DATABASE_URL: catalogDb.url,
        },
        catalogPort,
      );
    }
    await eventually(async () => {
      expect((await legalEntity(aLegalEntity().build().uscc)).status).toBe(200);
      for (const gateway of [gatewayA, gatewayB]) expect((await health(gateway)).status).toBe(200);
    }, 30_000);
  });

  it('revocation reaches a gateway that gets no policy events within the documented bound (POLICY_REFRESH_MS, 2 s, plus one fetch)', async () => {
    const issued = await post(
      gatewayA,
      adminKey,
      `mutation($i: IssueApiKeyInput!) { issueApiKey(input: $i) { key apiKey { id } } }`,
      {
        i: { roles: ['SYSTEM'], systemCode: SENDERS.legalEntity.sourceSystem, holderName: 'faults test key to revoke' },
      },
    );
    const { key, apiKey } = issued.body.data!.issueApiKey as { key: string; apiKey: { id: string } };
    const works = async (gateway: AppProcess) => (await post(gateway, key, '{ __typename }')).status === 200;
    await eventually(async () => expect(await works(gatewayB)).toBe(true), 30_000);
    const revoked = await post(
      gatewayA,
      adminKey,
      `mutation($i: RevokeApiKeyInput!) { revokeApiKey(input: $i) { revokedAt } }`,
      { i: { id: apiKey.id, reason: 'fault-injection test: revocation without events' } },
    );
    expect(revoked.body.errors).toBeUndefined();
    const since = Date.now();
    await eventually(async () => {
      const refused = await post(gatewayB, key, '{ __typename }');
      expect(refused.status).toBe(401);
      expect(refused.body.errors?.[0].extensions?.code).toBe('API_KEY_REVOKED');
    }, 30_000);
    // The bound is 2 s plus a fetch; the slack is for a loaded machine, not for a missed poll (30 s before).
    expect(Date.now() - since).toBeLessThan(15_000);
    // The poll is cheap: while nothing changed, the catalog answered 304 without a body.
    const metrics = await (
      await fetch(`${gatewayB.url}/metrics`, { headers: { authorization: `Bearer ${hubEnv.env.HUB_METRICS_TOKEN}` } })
    ).text();
    expect(
      Number(/hub_policy_reloads_total\{[^}]*outcome="unchanged"[^}]*\} (\d+)/.exec(metrics)?.[1] ?? 0),
    ).toBeGreaterThan(0);
  });

  it("a killed library: the others' data is answered, and what is missing says where and why", async () => {
    const known = aLegalEntity().build();
    expect((await post(gatewayA, writerKey, REGISTER, { input: known })).status).toBe(200);
    await apps.geospatial.kill();
    const read = await post(
      gatewayA,
      writerKey,
      `query($u: String!) { legalEntity(uscc: $u) { uscc name location { status addressText } } }`,
      { u: known.uscc },
    );
    expect(read.status).toBe(200);
    expect(read.body.data?.legalEntity).toMatchObject({ uscc: known.uscc, name: known.name, location: null });
    expect(read.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(read.body.errors).toHaveLength(1);
    expect(read.body.errors![0]).toMatchObject({
      path: ['legalEntity', 'location'],
      extensions: {
        code: 'SUBGRAPH_UNAVAILABLE',
        service: 'geospatial',
        retryable: true,
        requestId: read.headers.get('x-request-id'),
      },
    });
    expect(read.body.errors![0].message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    expect(gatewayA.log()).toMatch(/the geospatial library cannot be reached/);
    // Nothing of it at all: 503.
    const only = await post(gatewayA, writerKey, `{ standardAddress(addressId: "A1") { __typename } }`);
    expect(only.status).toBe(503);
    expect(only.body.errors?.[0]).toMatchObject({
      path: ['standardAddress'],
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'geospatial' },
    });
  });
});
