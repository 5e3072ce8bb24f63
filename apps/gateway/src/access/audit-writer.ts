import type { OnApplicationShutdown } from '@nestjs/common';
import { signedAsGateway } from './internal-call.js';
import { createLogger, type Metrics } from '@hub/observability';
import type { AccessRecordInput } from '@hub/policy';

export const ACCESS_RECORDS_PATH = '/internal/access-records';

interface Pending {
  record: AccessRecordInput;
  /** When its operation stops waiting (enqueued + timeoutMs): the caller is answered then at the latest. */
  deadline: number;
  /** Settles the caller's promise once (a later commit of a record whose caller gave up changes nothing for the caller). */
  done: (error?: Error, seq?: string) => void;
  settled: boolean;
}

export interface AuditWriterOptions {
  catalogUrl: string;
  /** Records per POST (the catalog takes at most 1,000). */
  batchSize: number;
  /** How long an operation waits for its record, from the moment it hands it over, before it fails — never longer. */
  timeoutMs: number;
  metrics: Metrics;
}

/**
 * Writes access records to the catalog by group commit: each operation hands its record over and
 * waits; one POST at a time carries everything that arrived meanwhile, in one transaction of the
 * catalog. So the request path never waits for its own insert, only for the next commit (a few
 * milliseconds), and no answer leaves the gateway before its record is durable: if the gateway
 * crashes, the operations whose records were not committed had not answered either. When the
 * catalog cannot take records within `timeoutMs`, the waiting operations fail (AUDIT_UNAVAILABLE)
 * rather than answer unrecorded; a record the catalog refuses fails its own operation only.
 *
 * `timeoutMs` counts from the moment an operation hands its record over, queueing included: a
 * record that waited behind a slow commit does not get a fresh `timeoutMs` of its own (which let
 * an operation wait up to twice the setting). A record whose operation gave up before its batch
 * was sent is not sent; one already sent may still be committed — an access record of an
 * operation that answered "unavailable" (the log may hold more than was served, never less).
 */
export class AuditWriter implements OnApplicationShutdown {
  private queue: Pending[] = [];
  private sending = false;
  private readonly log = createLogger('gateway.audit');
  private readonly written;
  private readonly batches;
  private readonly requests;

  constructor(private readonly options: AuditWriterOptions) {
    this.written = options.metrics.counter(
      'hub_access_records_total',
      'Access records handed to the catalog, by outcome',
      ['outcome'],
    );
    // Per calling system: the operation metrics name the operation, not who called; the systems
    // are the registered ones (a key belongs to one), so the label set stays bounded.
    this.requests = options.metrics.counter(
      'hub_requests_by_system_total',
      'Operations recorded in the access log, by calling system (none: no valid key) and outcome',
      ['system', 'outcome'],
    );
    this.batches = options.metrics.histogram(
      'hub_access_record_batch_size',
      'Access records per commit to the catalog',
      [],
      [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    );
  }

  /** Resolves with the record's position in the access log (its `seq`; null if the catalog did not say) once it is committed. */
  write(record: AccessRecordInput): Promise<string | null> {
    this.requests.inc({ system: record.systemCode ?? 'none', outcome: record.outcome });
    return new Promise<string | null>((resolve, reject) => {
      const pending: Pending = {
        record,
        deadline: Date.now() + this.options.timeoutMs,
        settled: false,
        done: (error, seq) => {
          if (pending.settled) return;
          pending.settled = true;
          clearTimeout(timer);
          if (error) reject(error);
          else resolve(seq ?? null);
        },
      };
      // The bound holds whatever the catalog does: the caller is answered at its deadline.
      const timer = setTimeout(
        () => pending.done(new Error(`the access record was not committed within ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
      timer.unref();
      this.queue.push(pending);
      if (!this.sending) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.sending = true;
    try {
      while (this.queue.length > 0) {
        // Records whose operations stopped waiting are not sent: their callers were told "unavailable".
        const batch = this.queue.splice(0, this.options.batchSize).filter((p) => !p.settled);
        if (batch.length === 0) continue;
        await this.commit(batch, Math.max(...batch.map((p) => p.deadline)));
      }
    } finally {
      this.sending = false;
    }
  }

  /**
   * Commits a batch and settles its operations. A batch the catalog refuses (an invalid record, or
   * too large a body) is split in halves and each sent again, so that one bad record fails only its
   * own operation, never the others that happened to share its commit.
   */
  private async commit(batch: Pending[], deadline: number): Promise<void> {
    const outcome = await this.send(
      batch.map((p) => p.record),
      deadline,
    );
    if (outcome.refused && batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      await this.commit(batch.slice(0, half), deadline);
      await this.commit(batch.slice(half), deadline);
      return;
    }
    this.written.inc({ outcome: outcome.error ? 'failed' : 'ok' }, batch.length);
    if (!outcome.error) this.batches.observe(batch.length);
    // The catalog numbers a batch's records consecutively, in the order sent.
    const first = outcome.firstSeq === undefined ? undefined : BigInt(outcome.firstSeq);
    batch.forEach((p, i) => p.done(outcome.error, first === undefined ? undefined : (first + BigInt(i)).toString()));
  }

  /** Sends one batch, retrying server-side trouble until `deadline`. */
  private async send(
    records: AccessRecordInput[],
    deadline: number,
  ): Promise<{ error?: Error; refused?: boolean; firstSeq?: string }> {
    const body = JSON.stringify({ records });
    for (let attempt = 1; ; attempt++) {
      try {
        const url = `${this.options.catalogUrl}${ACCESS_RECORDS_PATH}`;
        // Signed anew for each attempt: a signature is good for one request.
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...signedAsGateway('catalog', 'POST', url, body) },
          body,
          signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
        });
        if (response.ok) {
          const { firstSeq } = (await response.json()) as { firstSeq?: unknown };
          return { firstSeq: typeof firstSeq === 'string' && /^[0-9]+$/.test(firstSeq) ? firstSeq : undefined };
        }
        const text = await response.text();
        // A refused batch will be refused again as it is: only server-side trouble is worth a retry.
        if (response.status < 500) {
          this.log.error(
            { status: response.status, body: text.slice(0, 500), records: records.length },
            'the catalog refused access records',
          );
          return { error: new Error(`the catalog refused the access records (${response.status})`), refused: true };
        }
        throw new Error(`the catalog answered ${response.status}: ${text.slice(0, 200)}`);
      } catch (error) {
        if (Date.now() + Math.min(50 * attempt, 500) >= deadline) {
          this.log.error(
            { err: error, records: records.length },
            'access records could not be written in time; their operations fail',
          );
          return { error: error instanceof Error ? error : new Error(String(error)) };
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(50 * attempt, 500)));
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // Operations in flight are still waiting for their records: let the last batches go out.
    for (let i = 0; i < 100 && (this.sending || this.queue.length > 0); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
