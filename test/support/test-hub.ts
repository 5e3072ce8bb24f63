import {
  OPERATOR_TOKEN_VARIABLE,
  ensureInternalSecret,
  internalSecret,
  signedHeaders,
  type Principal,
} from '@hub/auth';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import {
  KafkaTransport,
  InProcessTransport,
  fromTransportMessage,
  type CloudEvent,
  type EventTransport,
  type ReceivedMessage,
  type Subscription,
} from '@hub/events';
import { ScratchDatabase } from '@hub/persistence';
import { startGateway } from '../../apps/gateway/src/main.js';
import { SUBGRAPHS, connectToGateway, subgraphUrlVariable } from '../../apps/hub/src/subgraphs.js';
import { Kind, parse } from 'graphql';
import { TEST_LOG_DIR } from './infrastructure.js';
import { INGEST_SENDER, MUTATION_SENDER, provisionTestAccess, type TestKeys } from './test-access.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

export interface TestHubOptions {
  /** Kafka brokers for this hub; default KAFKA_BROKERS, or the in-process transport without it. */
  kafkaBrokers?: string[];
  /** Extra environment for the apps (e.g. a faster outbox poll). */
  env?: Record<string, string>;
  /** As `npm start` runs: the embedded database and in-process events, whatever DATABASE_URL and KAFKA_BROKERS say. */
  asNpmStart?: boolean;
}

/**
 * A hub for one test suite, running in the test's process through the real gateway: its own
 * scratch database (on DATABASE_URL's server, or embedded) and its own topic prefix, so suites
 * never see each other's data or events.
 */
export class TestHub {
  private constructor(
    /** Keys of this hub: `graphql()` uses the harness's unless told otherwise. */
    readonly keys: TestKeys,
    readonly gatewayUrl: string,
    /** Base URL of each subgraph app, by subgraph name. */
    readonly subgraphUrls: Record<string, string>,
    readonly topicPrefix: string,
    readonly database: ScratchDatabase,
    readonly kafkaBrokers: string[] | undefined,
    private readonly apps: INestApplication[],
    private readonly restoreEnv: () => void,
    /** The archive's files and the checkpoint file, when this hub chose them (removed with it). */
    private readonly ownFiles: string[],
    /** The operators' token (HUB_METRICS_TOKEN) of this hub: /metrics of every app. */
    readonly operatorToken: string,
  ) {}

  static async start(options: TestHubOptions = {}): Promise<TestHub> {
    ensureInternalSecret();
    const database = await ScratchDatabase.create(options.asNpmStart ? undefined : process.env.DATABASE_URL);
    const topicPrefix = `t${Date.now().toString(36)}${randomBytes(2).toString('hex')}.`;
    const brokers = options.asNpmStart ? undefined : (options.kafkaBrokers ?? process.env.KAFKA_BROKERS?.split(','));
    const env: Record<string, string | undefined> = {
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: String(database.poolSize),
      KAFKA_BROKERS: brokers?.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      ...Object.fromEntries(SUBGRAPHS.map((s) => [s.portVariable, '0'])),
      GATEWAY_PORT: '0',
      OUTBOX_POLL_INTERVAL_MS: '100',
      // The archive's files, this hub's own (removed with it).
      ARCHIVE_DIR: join(tmpdir(), `hub-archive-${topicPrefix.slice(0, -1)}`),
      // The access log's audit key and checkpoint file, this hub's own (the file removed with it).
      HUB_AUDIT_KEY: randomBytes(32).toString('hex'),
      HUB_AUDIT_KEY_FILE: undefined,
      AUDIT_CHECKPOINT_FILE: join(tmpdir(), `hub-audit-${topicPrefix.slice(0, -1)}.ndjson`),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      // The apps' JSON logs go to a file of this hub's own, not between the test results: suites
      // provoke errors on purpose, and their error logs read like failures. A failing test's
      // reader finds them there (the run prints the folder), or sets HUB_TEST_APP_OUTPUT=1.
      HUB_LOG_FILE:
        process.env.HUB_TEST_APP_OUTPUT === '1' ? undefined : join(TEST_LOG_DIR, `${topicPrefix.slice(0, -1)}.log`),
      // Suites send as the harness system as fast as they can; the rate limit has its own suite (limits.e2e).
      RATE_LIMIT_PER_MINUTE: '1000000',
      // The operators' token, for /metrics of every app.
      [OPERATOR_TOKEN_VARIABLE]: process.env[OPERATOR_TOKEN_VARIABLE] || randomBytes(32).toString('hex'),
      ...options.env,
    };
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    const restoreEnv = () => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    };
    const apps: INestApplication[] = [];
    try {
      const urls: Record<string, string> = {};
      for (const subgraph of SUBGRAPHS) {
        const app = await subgraph.start({ shutdownHooks: false });
        apps.push(app);
        urls[subgraph.name] = await app.getUrl();
      }
      const keys = await provisionTestAccess(apps[SUBGRAPHS.findIndex((s) => s.name === 'catalog')]);
      const gatewayEnv = {
        ...process.env,
        ...Object.fromEntries(SUBGRAPHS.map((s) => [subgraphUrlVariable(s.name), `${urls[s.name]}/graphql`])),
      };
      const gateway = await startGateway(gatewayEnv, { shutdownHooks: false });
      apps.unshift(gateway);
      connectToGateway(Object.fromEntries(SUBGRAPHS.map((s, i) => [s.name, apps[i + 1]])), await gateway.getUrl());
      const ownFiles = (['ARCHIVE_DIR', 'AUDIT_CHECKPOINT_FILE'] as const)
        .filter((k) => !options.env?.[k])
        .map((k) => env[k]!);
      return new TestHub(
        keys,
        await gateway.getUrl(),
        urls,
        topicPrefix,
        database,
        brokers,
        apps,
        restoreEnv,
        ownFiles,
        env[OPERATOR_TOKEN_VARIABLE]!,
      );
    } catch (error) {
      for (const app of apps) await app.close().catch(() => undefined);
      await database.drop().catch(() => undefined);
      restoreEnv();
      throw error;
    }
  }

  /**
   * Runs a GraphQL operation through the gateway, by default as the harness system (full-value
   * grants on everything it may apply for) — or, for a write to a base-library register, as that
   * register's provider system, the only one allowed to write it — and with a purpose; `access`
   * says otherwise: another key (`null`: none), another purpose (`null`: none), a case number.
   */
  async graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
    access: { key?: string | null; purpose?: string | null; caseNumber?: string } = {},
  ): Promise<GraphQLResponse<T>> {
    return (await (await this.graphqlResponse(query, variables, headers, access)).json()) as GraphQLResponse<T>;
  }

  /** As graphql(), the HTTP response itself (status, headers). */
  graphqlResponse(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
    access: { key?: string | null; purpose?: string | null; caseNumber?: string } = {},
  ): Promise<Response> {
    const purpose = access.purpose === undefined ? 'automated test of the hub' : access.purpose;
    const key = access.key === undefined ? this.writerOf(query) : access.key;
    const extensions = {
      ...(purpose === null ? {} : { purpose }),
      ...(access.caseNumber ? { caseNumber: access.caseNumber } : {}),
    };
    return fetch(`${this.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.auth(key), ...headers },
      body: JSON.stringify({ query, variables, extensions }),
    });
  }

  /** The provider system's key when `query` writes a register (by its first mutation field), else undefined. */
  private writerOf(query: string): string | undefined {
    if (!/^\s*mutation\b/.test(query)) return undefined;
    try {
      for (const definition of parse(query).definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'mutation') continue;
        for (const selection of definition.selectionSet.selections) {
          const sender = selection.kind === Kind.FIELD ? MUTATION_SENDER[selection.name.value] : undefined;
          if (sender) return this.keys[sender].key;
        }
      }
    } catch {
      // Not parseable: the gateway says why, as the harness.
    }
    return undefined;
  }

  /** The Authorization header for a key (default: the harness's; null: none). */
  auth(key?: string | null): Record<string, string> {
    const k = key === undefined ? this.keys.harness.key : key;
    return k === null ? {} : { authorization: `Bearer ${k}` };
  }

  /**
   * Posts an operation straight to a subgraph, signed as the gateway signs it for `principal`
   * (default: the harness system), with the registers it provides: what only the gateway (or a
   * holder of HUB_INTERNAL_SECRET) can send.
   */
  subgraphGraphql(
    name: string,
    query: string,
    variables: Record<string, unknown> = {},
    principal: Principal = this.keys.harness.principal,
    provides: string[] = [],
  ): Promise<Response> {
    const body = JSON.stringify({ query, variables });
    const signed = signedHeaders(
      { principal, issuer: 'gateway', purpose: 'automated test of the hub', caseNumber: null, provides },
      name,
      { method: 'POST', url: '/graphql', body },
      internalSecret()!,
    );
    return fetch(`${this.subgraphUrls[name]}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed },
      body,
    });
  }

  /** Sends an extract to POST /ingest/<register> as the register's provider system. */
  ingest(
    register: string,
    body: string | Buffer,
    contentType: string,
    headers: Record<string, string> = {},
    query = '',
  ): Promise<Response> {
    const sender = INGEST_SENDER[register] ?? 'legalEntity';
    return fetch(`${this.gatewayUrl}/ingest/${register}${query}`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...this.auth(this.keys[sender].key), ...headers },
      body,
    });
  }

  /** The Nest application of a subgraph (by its name) or of the gateway ('gateway'), to reach its services directly. */
  app(name: string): INestApplication {
    // apps[0] is the gateway, then the subgraphs in SUBGRAPHS order.
    const subgraph = SUBGRAPHS.findIndex((s) => s.name === name);
    const app = name === 'gateway' ? this.apps[0] : subgraph >= 0 ? this.apps[subgraph + 1] : undefined;
    if (!app) throw new Error(`no app ${name} in this hub`);
    return app;
  }

  /** Base URL of the legal-entity subgraph. */
  get legalEntityUrl(): string {
    return this.subgraphUrls['legal-entity'];
  }

  /** The value of a counter on an app's /metrics (summed over its labels). */
  async metric(app: string, name: string): Promise<number> {
    const base = app === 'gateway' ? this.gatewayUrl : this.subgraphUrls[app];
    const text = await (
      await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${this.operatorToken}` } })
    ).text();
    return text
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  }

  /** Publishes messages again, exactly as they were (same event ids): a transport's redelivery. */
  async redeliver(messages: ReceivedMessage[]): Promise<void> {
    const transport: EventTransport = this.kafkaBrokers
      ? new KafkaTransport({ brokers: this.kafkaBrokers, clientId: 'test-redeliver', topicPrefix: this.topicPrefix })
      : new InProcessTransport(this.topicPrefix);
    try {
      await transport.publish(messages.map(({ topic, key, value, headers }) => ({ topic, key, value, headers })));
    } finally {
      await transport.close();
    }
  }

  /** Resolves once `check` passes, polling; fails with the last error after `timeoutMs`. */
  async eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await check();
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  /** Starts collecting the events on a topic of this hub (from its beginning). */
  async collect(topic: string): Promise<EventCollector> {
    const transport: EventTransport = this.kafkaBrokers
      ? new KafkaTransport({ brokers: this.kafkaBrokers, clientId: 'test-collector', topicPrefix: this.topicPrefix })
      : new InProcessTransport(this.topicPrefix);
    await transport.ensureTopics([{ topic, partitions: 6 }]);
    const collector = new EventCollector(transport);
    collector.subscription = await transport.subscribe(`test-${randomBytes(4).toString('hex')}`, [topic], async (m) =>
      collector.add(m),
    );
    return collector;
  }

  async close(): Promise<void> {
    for (const app of this.apps) await app.close().catch(() => undefined);
    await this.database.drop().catch(() => undefined);
    for (const file of this.ownFiles) await rm(file, { recursive: true, force: true });
    this.restoreEnv();
  }
}

/** The events seen on a topic, with a way to wait for them. */
export class EventCollector {
  readonly messages: ReceivedMessage[] = [];
  subscription?: Subscription;
  private waiters: Array<() => void> = [];

  constructor(private readonly transport: EventTransport) {}

  add(message: ReceivedMessage): void {
    this.messages.push(message);
    for (const w of this.waiters) w();
  }

  events<T = Record<string, unknown>>(): Array<CloudEvent<T>> {
    return this.messages.map((m) => fromTransportMessage<T>(m));
  }

  /** Resolves once `predicate` holds for the messages seen so far; fails after `timeoutMs`. */
  async waitFor(predicate: (messages: ReceivedMessage[]) => boolean, timeoutMs = 20_000): Promise<ReceivedMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.messages)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`timed out after ${timeoutMs} ms waiting for events; have ${this.messages.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters = [];
    }
    return this.messages;
  }

  async close(): Promise<void> {
    await this.subscription?.close();
    await this.transport.close();
  }
}
