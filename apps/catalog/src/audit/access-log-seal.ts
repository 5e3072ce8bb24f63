import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { UnitOfWork, type Transaction } from '@hub/events';
import { Metrics, createLogger } from '@hub/observability';
import { accessLogCheckpointEvent } from './access-log.events.js';
import { AccessLogRepository, type SealHead } from './access-log.repository.js';
import { AuditKey } from './audit-key.js';
import { AuditConfig } from './audit.config.js';
import type { AccessRecordRow } from './audit.entities.js';
import { checkpointDigest, signCheckpoint, type Checkpoint, type CheckpointReason } from './checkpoint.js';
import { CheckpointStore } from './checkpoint-store.js';
import { HASH_ALG, canonicalRecord, chainHash } from './hash-chain.js';

/**
 * Seals the access log: every AUDIT_CHECKPOINT_MS when the chain head moved (whoever moved it), and
 * always at shutdown — before the outbox relay drains and the database closes (this module's
 * beforeApplicationShutdown runs before the global events and persistence modules') — it writes a
 * signed checkpoint of the head, naming the log by the hash of its record 1, to the outbox (→ the
 * access-record topic) and to the checkpoint file. The head row is locked meanwhile, so the
 * checkpoint names the head every instance sees, and checkpoints of all instances are numbered in
 * one sequence. A log that no longer holds what the last known checkpoint sealed, or whose head
 * does not verify, is not sealed: that would vouch for the tampering.
 */
@Injectable()
export class AccessLogSeal implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** How long the shutdown checkpoint may take before the app closes anyway. */
  static readonly SHUTDOWN_TIMEOUT_MS = 5_000;
  /** Which process wrote a checkpoint: two catalogs in one process (tests) differ by the suffix. */
  readonly instance = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly log = createLogger('catalog.audit');
  private readonly outcomes;
  private readonly sealedAt;
  private timer?: NodeJS.Timeout;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(AccessLogRepository) private readonly records: AccessLogRepository,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(AuditKey) private readonly key: AuditKey,
    @Inject(CheckpointStore) private readonly store: CheckpointStore,
    @Inject(AuditConfig) private readonly config: AuditConfig,
    @Inject(Metrics) metrics: Metrics,
  ) {
    this.outcomes = metrics.counter('hub_access_log_checkpoints_total', 'Access-log checkpoint attempts, by outcome', [
      'outcome',
    ]);
    // When the log was last known sealed up to its head (a checkpoint written, or nothing new to
    // seal): its age is what an operator alerts on — a failing or refused seal stops it moving.
    this.sealedAt = metrics.gauge(
      'hub_access_log_sealed_timestamp_seconds',
      'Unix time the access log was last known sealed up to its head (0: not yet since start)',
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.store.load();
    await this.checkKey();
    this.timer = setInterval(
      () =>
        void this.seal('interval').catch((error: unknown) =>
          this.log.error({ err: error }, 'writing an access-log checkpoint failed'),
        ),
      this.config.AUDIT_CHECKPOINT_MS,
    );
    this.timer.unref();
    this.log.info(
      {
        keyId: this.key.keyId,
        publicKey: this.key.publicKey,
        checkpointFile: this.store.path,
        intervalMs: this.config.AUDIT_CHECKPOINT_MS,
        instance: this.instance,
      },
      'access log keyed and sealed (publicKey verifies its checkpoints; the audit key itself is never logged)',
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    let timeout: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.seal('shutdown'),
        new Promise(
          (_, reject) =>
            (timeout = setTimeout(
              () => reject(new Error(`timed out after ${AccessLogSeal.SHUTDOWN_TIMEOUT_MS} ms`)),
              AccessLogSeal.SHUTDOWN_TIMEOUT_MS,
            )),
        ),
      ]);
    } catch (error) {
      this.log.error({ err: error }, 'the shutdown checkpoint of the access log could not be written');
    } finally {
      clearTimeout(timeout);
    }
  }

  /**
   * Writes a checkpoint of the current head; null when there is nothing to seal (an empty log, or
   * — at the interval — a head already sealed) or when the log must not be sealed (logged, counted).
   * Calls of one process run one after the other.
   */
  seal(reason: CheckpointReason): Promise<Checkpoint | null> {
    const run = this.queue.then(() => this.sealNow(reason));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async sealNow(reason: CheckpointReason): Promise<Checkpoint | null> {
    const outcome = await this.unitOfWork.run(async (tx): Promise<{ checkpoint?: Checkpoint; refused?: string }> => {
      const head = await this.records.lockSealHead(tx);
      if (!head || head.seq === '0') return {};
      if (reason === 'interval' && head.no !== '0' && head.sealedSeq === head.seq) return {};
      const checked = await this.check(tx, head);
      if ('refused' in checked) return checked;
      const checkpoint = signCheckpoint(this.key, {
        root: checked.root,
        no: (BigInt(head.no) + 1n).toString(),
        prev: head.digest,
        headSeq: head.seq,
        headHash: head.hash,
        keyedFrom: head.keyedFrom,
        time: new Date().toISOString(),
        instance: this.instance,
        reason,
      });
      await tx.publish([accessLogCheckpointEvent(checkpoint)]);
      await this.records.recordCheckpoint(tx, {
        no: checkpoint.no,
        headSeq: checkpoint.headSeq,
        digest: checkpointDigest(checkpoint),
      });
      return { checkpoint };
    });
    if (outcome.refused) {
      this.outcomes.inc({ outcome: 'refused' });
      this.log.error(
        { reason: outcome.refused },
        'the access log was NOT sealed: it no longer matches what was sealed before — run verifyAccessLog',
      );
      return null;
    }
    const { checkpoint } = outcome;
    this.sealedAt.set(Date.now() / 1000);
    if (!checkpoint) return null;
    this.store.remember(checkpoint);
    try {
      await this.store.append(checkpoint);
      this.outcomes.inc({ outcome: 'written' });
    } catch (error) {
      // Committed, so it is on its way to the topic; the file misses it.
      this.outcomes.inc({ outcome: 'file_failed' });
      this.log.error(
        { err: error, file: this.store.path, no: checkpoint.no },
        'could not append the checkpoint to the checkpoint file (it is in the outbox, bound for the topic)',
      );
    }
    return checkpoint;
  }

  /**
   * The log's root (the hash of record 1), or why the log must not be sealed now. One query, for
   * record 1, the head record and the record the last known checkpoint of this log sealed.
   */
  private async check(tx: Transaction, head: SealHead): Promise<{ root: string } | { refused: string }> {
    const root = await this.records.rootHash(tx);
    if (!root) return { refused: 'record 1 is missing' };
    const last = this.store.latest(root);
    const seqs = last ? [head.seq, last.headSeq] : [head.seq];
    const rows = await this.records.bySeqs(seqs, tx);
    const bySeq = new Map(rows.map((r) => [String(r.seq), r]));
    const headRow = bySeq.get(head.seq);
    if (!headRow || headRow.hash !== head.hash)
      return { refused: `the chain head (record ${head.seq}) does not match the stored record` };
    if (!this.intact(headRow)) return { refused: `record ${head.seq} at the head does not verify under the audit key` };
    if (last) {
      if (BigInt(head.seq) < BigInt(last.headSeq)) {
        return {
          refused: `the chain head (${head.seq}) is behind checkpoint #${last.no} at ${last.time}, which sealed record ${last.headSeq}: truncated/rewound`,
        };
      }
      if (bySeq.get(last.headSeq)?.hash !== last.headHash)
        return {
          refused: `record ${last.headSeq} is not the record checkpoint #${last.no} at ${last.time} sealed: rewritten`,
        };
    }
    return { root };
  }

  /** At boot: the record at the head must verify under the configured key — else it is the wrong key (or the head was tampered with). */
  private async checkKey(): Promise<void> {
    const row = await this.records.headRecord();
    if (!row || row.hashAlg !== HASH_ALG.hmacSha256 || this.intact(row)) return;
    throw new Error(
      `the audit key (key id ${this.key.keyId}) does not verify record ${row.seq} at the head of the access log: either it is not the key the log was chained with ` +
        `(configure that key: HUB_AUDIT_KEY or HUB_AUDIT_KEY_FILE; every catalog process of a hub must use the same one), or that record was changed in the database. ` +
        'The catalog does not chain new records onto a head it cannot vouch for.',
    );
  }

  private intact(row: AccessRecordRow): boolean {
    const canonical = canonicalRecord(row);
    return row.hashAlg === HASH_ALG.hmacSha256
      ? this.key.mac(row.prevHash, canonical) === row.hash
      : row.hashAlg === HASH_ALG.sha256 && chainHash(row.prevHash, canonical) === row.hash;
  }
}
