import type { OnApplicationShutdown } from '@nestjs/common';
import { INTERNAL_SECRET_VARIABLE, internalSecret } from '@hub/auth';
import { signedAsGateway } from './internal-call.js';
import type { EventTransport, Subscription } from '@hub/events';
import { createLogger, type HealthRegistry, type Metrics } from '@hub/observability';
import { CATALOG_POLICY_TOPIC } from '@hub/contracts';
import { AccessPolicy, type ArgumentRule, type PolicyKey, type PolicySnapshot } from '@hub/policy';

export const POLICY_PATH = '/internal/policy';

/** The policy the gateway enforces now: the catalog's rules and the keys it knows. */
export interface LoadedPolicy {
  policy: AccessPolicy;
  keys: ReadonlyMap<string, PolicyKey>;
  /** Requests per minute of the systems the catalog sets a limit for, by system code (others: the gateway's default). */
  rateLimits: ReadonlyMap<string, number>;
  generatedAt: string;
}

export interface PolicyStoreOptions {
  /** Base URL of the catalog app, e.g. http://127.0.0.1:4105 */
  catalogUrl: string;
  /** Types whose every field the catalog must govern (the base libraries'). */
  governedTypes: ReadonlySet<string>;
  /** Arguments the catalog must govern (filters, matches, identifiers of governed fields). */
  governedArguments?: ReadonlyMap<string, ArgumentRule>;
  refreshMs: number;
  transport: EventTransport;
  metrics: Metrics;
  health: HealthRegistry;
}

/**
 * Keeps the gateway's copy of the catalog's policy: loaded from the catalog at start (retrying
 * until it answers; until then every request is refused, never let through), reloaded within
 * moments of any change the catalog publishes on its policy topic, and polled every `refreshMs`
 * in any case (default 2 s) with the policy's ETag — a 304 without a body while nothing changed —
 * so that a change (a revoked key) reaches every gateway within `refreshMs` plus one fetch even
 * when no event does (Kafka down). Reloads coalesce: a burst of events is one fetch.
 */
export class PolicyStore implements OnApplicationShutdown {
  private loaded: LoadedPolicy | null = null;
  /** The catalog's ETag of the policy in force: a poll while nothing changed is a 304 without a body. */
  private etag: string | null = null;
  /** Failed reloads in a row (the poll runs every couple of seconds: an outage is logged once, then every 30th). */
  private failedInARow = 0;
  private inFlight: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private subscription: Subscription | undefined;
  private stopped = false;
  private readonly log = createLogger('gateway.policy');
  private readonly reloads;

  constructor(private readonly options: PolicyStoreOptions) {
    this.reloads = options.metrics.counter('hub_policy_reloads_total', 'Policy reloads from the catalog, by outcome', [
      'outcome',
    ]);
    options.metrics.gauge(
      'hub_policy_age_seconds',
      'Seconds since the catalog generated the policy in force (-1: none yet)',
      [],
      (gauge) => gauge.set(this.loaded ? (Date.now() - Date.parse(this.loaded.generatedAt)) / 1000 : -1),
    );
    options.health.register({
      name: 'policy',
      check: async () => {
        if (!this.loaded) throw new Error('the policy has not been loaded from the catalog yet');
      },
    });
  }

  /** The policy in force, or null before the first load. */
  get current(): LoadedPolicy | null {
    return this.loaded;
  }

  async start(): Promise<void> {
    if (!internalSecret()) {
      throw new Error(
        `${INTERNAL_SECRET_VARIABLE} is not set: the gateway needs the secret it shares with the catalog to load the policy`,
      );
    }
    await this.options.transport.ensureTopics([{ topic: CATALOG_POLICY_TOPIC, partitions: 3 }]);
    // A group of its own per gateway process: every instance must see every change.
    const group = `hub.gateway.policy.${process.pid}.${Date.now().toString(36)}`;
    this.subscription = await this.options.transport.subscribe(group, [CATALOG_POLICY_TOPIC], async () =>
      this.refreshSoon(),
    );
    this.timer = setInterval(() => this.refreshSoon(), this.options.refreshMs);
    this.timer.unref();
    // Start with the policy when the catalog answers soon; otherwise start anyway and refuse
    // requests until it does (the load keeps retrying).
    const first = this.refresh();
    await Promise.race([first, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  }

  /** Reloads now (or right after the reload in flight); resolves when the policy is current. */
  refresh(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = (async () => {
      do {
        this.again = false;
        await this.loadWithRetry();
      } while (this.again && !this.stopped);
    })().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private refreshSoon(): void {
    void this.refresh();
  }

  private async loadWithRetry(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        const fetched = await this.fetchSnapshot();
        if (this.failedInARow > 0)
          this.log.info({ failed: this.failedInARow }, 'the catalog answers again: the policy is current');
        this.failedInARow = 0;
        if (fetched === 'unchanged') {
          this.reloads.inc({ outcome: 'unchanged' });
          return;
        }
        const { snapshot, etag } = fetched;
        this.etag = etag;
        this.loaded = {
          policy: new AccessPolicy(
            snapshot.items,
            snapshot.grants,
            this.options.governedTypes,
            this.options.governedArguments,
          ),
          keys: new Map(snapshot.keys.map((k) => [k.id, k])),
          rateLimits: new Map((snapshot.rateLimits ?? []).map((r) => [r.systemCode, r.requestsPerMinute])),
          generatedAt: snapshot.generatedAt,
        };
        this.reloads.inc({ outcome: 'ok' });
        return;
      } catch (error) {
        this.reloads.inc({ outcome: 'failed' });
        if (this.loaded) {
          // The policy in force stays; the next event or tick tries again.
          if (this.failedInARow++ % 30 === 0)
            this.log.warn(
              { err: error, failed: this.failedInARow },
              'reloading the policy failed; the previous one stays in force',
            );
          return;
        }
        this.log.warn({ err: error, attempt }, 'loading the policy failed; requests are refused until it loads');
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 200 * attempt)));
      }
    }
  }

  private async fetchSnapshot(): Promise<{ snapshot: PolicySnapshot; etag: string | null } | 'unchanged'> {
    const url = `${this.options.catalogUrl}${POLICY_PATH}`;
    const conditional = this.loaded && this.etag ? { 'if-none-match': this.etag } : {};
    const response = await fetch(url, {
      headers: { ...signedAsGateway('catalog', 'GET', url, ''), ...conditional },
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status === 304 && this.loaded) return 'unchanged';
    if (!response.ok) throw new Error(`the catalog answered ${response.status} for the policy`);
    return { snapshot: (await response.json()) as PolicySnapshot, etag: response.headers.get('etag') };
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.subscription?.close().catch(() => undefined);
  }
}
