import type { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { EventPublisher } from '@hub/events';
import type { Metrics } from '@hub/observability';
import { validateInput } from '@hub/subgraph';
import type { RegisterSpec } from '../register-spec.js';
import { RegisterWriter, retiredDivisionOf } from '../register-writer.js';
import type { RecordMapper } from '../register-writes.js';
import { attributionViolations, type ClaimedSource, type WriteCaller } from '../attribution.js';
import { isRefused, refusals, type OutcomeGroup } from '../write-outcome.js';
import { REJECTION_DETAIL_LIMIT, type IngestProgress, type IngestReport, type Rejection } from './ingest-report.js';
import { readExtract, type ExtractCharset, type ExtractFormat } from './record-stream.js';
import { CopyStagingLoader } from './staging-loader.js';

export interface IngestOptions {
  format: ExtractFormat;
  /** The declared character encoding; undefined: detected (a UTF-8 byte-order mark, else UTF-8 — see record-stream.ts). */
  charset?: ExtractCharset;
  /** Stops reading (the app is stopping): the transaction is rolled back, nothing is stored. */
  signal?: AbortSignal;
  /** Provenance applied to rows that do not carry their own. */
  defaults?: { sourceDepartment?: string; sourceSystem?: string };
  /**
   * Who sent the extract (as the gateway vouched); every row's source must be its own (see
   * attribution.ts). Undefined or null only for the hub's own loading in-process (demo data, benchmarks).
   */
  caller?: WriteCaller;
  onProgress?(progress: IngestProgress): void;
  /** How often progress is reported, in rows. */
  progressEvery?: number;
}

/**
 * Bulk ingest of a department extract into a register: rows are read as they arrive, validated
 * one by one (the same rules as the GraphQL mutations), streamed into a staging table with COPY,
 * then applied with one set-based statement that emits events only for what really changed. All
 * in one transaction: a failure midway stores nothing, so the extract can simply be sent again.
 * Bad rows never stop good ones: they are reported with line number and reason.
 */
export class BulkIngest<I extends object> {
  private readonly writer: RegisterWriter;
  private readonly rowsCounter;
  private readonly rowsRead;
  private readonly running;

  constructor(
    readonly spec: RegisterSpec,
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    metrics: Metrics,
    private readonly inputClass: new () => I,
    private readonly toRecord: RecordMapper<I>,
    /** The field names a row may carry (NDJSON keys, CSV headers). */
    readonly fields: ReadonlySet<string>,
  ) {
    this.writer = new RegisterWriter(spec);
    this.rowsCounter = metrics.counter('hub_ingest_rows_total', 'Rows of bulk extracts by register and outcome', [
      'register',
      'outcome',
    ]);
    // Progress while an extract is read (the outcome counter above moves only at its commit): an
    // ingest running while rows read stands still is stalled.
    this.rowsRead = metrics
      .counter('hub_ingest_rows_read_total', 'Rows of bulk extracts read so far, by register', ['register'])
      .labels({ register: spec.table });
    this.running = metrics
      .gauge('hub_ingest_running', 'Bulk extracts being ingested now, by register', ['register'])
      .labels({ register: spec.table });
  }

  async ingest(input: Readable, options: IngestOptions): Promise<IngestReport> {
    const started = performance.now();
    const progress: IngestProgress = { rowsRead: 0, accepted: 0, rejected: 0, bytesRead: 0, phase: 'reading' };
    const rejections: Rejection[] = [];
    const reject = (r: Rejection) => {
      progress.rejected++;
      if (rejections.length < REJECTION_DETAIL_LIMIT) rejections.push(r);
    };
    const every = options.progressEvery ?? 10_000;
    // Rows naming a retired division: whether each is refused depends on the stored record (a new
    // one is, a historic one keeps its code), which only the apply step knows; the reason is kept here.
    const retiredDivisions = new Map<number, { field: string; message: string }>();
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    let loader: CopyStagingLoader | undefined;
    this.running.inc();
    try {
      await runner.startTransaction();
      const table = `${this.spec.table}_staging`;
      await runner.query(this.writer.stagingTableSql(table));
      loader = new CopyStagingLoader(client, table, this.writer.stagingColumns());
      const rows = readExtract(input, options.format, this.fields, {
        charset: options.charset,
        onBytes: (n) => (progress.bytesRead += n),
      });
      for await (const row of rows) {
        options.signal?.throwIfAborted();
        progress.rowsRead++;
        this.rowsRead.inc();
        if ('error' in row) {
          reject({ line: row.line, ...row.error });
        } else {
          const fields: Record<string, unknown> = { ...options.defaults, ...row.fields };
          const valid = await validateInput(this.inputClass, fields);
          const attributed = valid.ok
            ? attributionViolations(valid.value as unknown as ClaimedSource, options.caller ?? null)
            : [];
          const record = !valid.ok
            ? valid
            : attributed.length > 0
              ? { ok: false as const, violations: attributed }
              : this.toRecord(valid.value);
          if (!record.ok) {
            const first = record.violations[0];
            const key = fields[this.spec.key];
            reject({
              line: row.line,
              key: typeof key === 'string' ? key : undefined,
              field: first.field,
              code: first.code,
              message: first.message,
            });
          } else {
            progress.accepted++;
            const retired = retiredDivisionOf(this.spec, record.record);
            if (retired && retiredDivisions.size < REJECTION_DETAIL_LIMIT) retiredDivisions.set(row.line, retired);
            await loader.write(this.writer.stagingRow(row.line, record.record));
          }
        }
        if (progress.rowsRead % every === 0) options.onProgress?.({ ...progress });
      }
      await loader.finish();
      // A fresh temp table has no statistics: without them the planner picks nested loops over
      // the staged rows, which on a large extract costs minutes instead of seconds.
      await runner.query(`ANALYZE ${table}`);
      progress.phase = 'applying';
      options.onProgress?.({ ...progress });
      const groups = await this.writer.applyStaging(runner, table, 'upsert', REJECTION_DETAIL_LIMIT);
      const refused = refusals(this.spec);
      for (const group of groups) {
        if (!isRefused(group.outcome)) continue;
        const { code, field, meaning } = refused[group.outcome];
        progress.rejected += group.count;
        progress.accepted -= group.count;
        group.lines.forEach((line, i) => {
          const retired = group.outcome === 'division_retired' ? retiredDivisions.get(line) : undefined;
          if (rejections.length < REJECTION_DETAIL_LIMIT)
            rejections.push({
              line,
              key: group.keys[i],
              field: retired?.field ?? field,
              code,
              message: retired?.message ?? meaning,
            });
        });
      }
      await runner.commitTransaction();
      const count = (outcome: OutcomeGroup['outcome']) => groups.find((g) => g.outcome === outcome)?.count ?? 0;
      if (count('register') + count('change') > 0) this.events.committed();
      for (const g of groups) this.rowsCounter.inc({ register: this.spec.table, outcome: g.outcome }, g.count);
      progress.phase = 'done';
      options.onProgress?.({ ...progress });
      rejections.sort((a, b) => a.line - b.line);
      const superseded = groups.find((g) => g.outcome === 'superseded');
      return {
        format: options.format,
        rowsRead: progress.rowsRead,
        accepted: progress.accepted,
        registered: count('register'),
        changed: count('change'),
        unchanged: count('version_only'),
        replayed: count('replay'),
        superseded: count('superseded'),
        supersededRows: superseded ? superseded.lines.map((line, i) => ({ line, key: superseded.keys[i] })) : [],
        rejected: progress.rejected,
        rejections: rejections.slice(0, REJECTION_DETAIL_LIMIT),
        rejectionsTruncated: progress.rejected > REJECTION_DETAIL_LIMIT,
        durationMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      await loader?.abort().catch(() => undefined);
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      input.destroy();
      throw error;
    } finally {
      this.running.dec();
      await runner.release();
    }
  }
}
