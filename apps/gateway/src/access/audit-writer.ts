import type { OnApplicationShutdown } from '@nestjs/common';
import { signedAsGateway } from './internal-call.js';
import { createLogger, type Metrics } from '@hub/observability';
import type { AccessRecordInput } from '@hub/policy';

export const ACCESS_RECORDS_PATH = '/internal/access-records';

interface Pending {
  record: AccessRecordInput;
  done: (error?: Error) => void;
}

export interface AuditWriterOptions {
  catalogUrl: string;
  /** Records per POST (the catalog takes at most 1,000). */
  batchSize: number;
  /** How long a record may wait for the catalog before its operation fails. */
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
 */
export class AuditWriter implements OnApplicationShutdown {
  private queue: Pending[] = [];
  private sending = false;
  private readonly log = createLogger('gateway.audit');
  private readonly written;
  private readonly batches;

  constructor(private readonly options: AuditWriterOptions) {
    this.written = options.metrics.counter('hub_access_records_total', 'Access records handed to the catalog, by outcome', ['outcome']);
    this.batches = options.metrics.histogram('hub_access_record_batch_size', 'Access records per commit to the catalog', [], [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
  }

  write(record: AccessRecordInput): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ record, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.sending) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.sending = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.options.batchSize);
        await this.commit(batch, Date.now() + this.options.timeoutMs);
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
    const outcome = await this.send(batch.map((p) => p.record), deadline);
    if (outcome.refused && batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      await this.commit(batch.slice(0, half), deadline);
      await this.commit(batch.slice(half), deadline);
      return;
    }
    this.written.inc({ outcome: outcome.error ? 'failed' : 'ok' }, batch.length);
    if (!outcome.error) this.batches.observe(batch.length);
    for (const p of batch) p.done(outcome.error);
  }

  /** Sends one batch, retrying server-side trouble until `deadline`. */
  private async send(records: AccessRecordInput[], deadline: number): Promise<{ error?: Error; refused?: boolean }> {
    const body = JSON.stringify({ records });
    for (let attempt = 1; ; attempt++) {
      try {
        const url = `${this.options.catalogUrl}${ACCESS_RECORDS_PATH}`;
        // Signed anew for each attempt: a signature is good for one request.
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...signedAsGateway('catalog', 'POST', url, body) },
          body,
          signal: AbortSignal.timeout(Math.max(100, deadline - Date.now())),
        });
        if (response.ok) return {};
        const text = await response.text();
        // A refused batch will be refused again as it is: only server-side trouble is worth a retry.
        if (response.status < 500) {
          this.log.error({ status: response.status, body: text.slice(0, 500), records: records.length }, 'the catalog refused access records');
          return { error: new Error(`the catalog refused the access records (${response.status})`), refused: true };
        }
        throw new Error(`the catalog answered ${response.status}: ${text.slice(0, 200)}`);
      } catch (error) {
        if (Date.now() + 50 * attempt >= deadline) {
          this.log.error({ err: error, records: records.length }, 'access records could not be written in time; their operations fail');
          return { error: error instanceof Error ? error : new Error(String(error)) };
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(50 * attempt, 500)));
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // Operations in flight are still waiting for their records: let the last batches go out.
    for (let i = 0; i < 100 && (this.sending || this.queue.length > 0); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
