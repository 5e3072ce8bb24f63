import { Injectable } from '@nestjs/common';
import type { CloudEvent, EventConsumer, Transaction } from '@hub/events';
import { MaterialRepository } from '../archive/material.repository.js';
import {
  ONCE_ONLY_EVENT,
  ONCE_ONLY_MATERIAL_TOPIC,
  type OnceOnlyMaterialStatusChanged as MaterialStatusChanged,
} from '@hub/contracts';
import { InvalidationCode, invalidateResults } from './invalidation.js';
import { ReviewResultRepository } from './review-result.repository.js';

/** A material or licence no longer standing, and the code its results are invalidated with. SUPERSEDED is not one: the new version carries on. */
const ENDED: Record<string, { code: InvalidationCode; verb: string }> = {
  REVOKED: { code: InvalidationCode.EVIDENCE_REVOKED, verb: 'was revoked (撤销)' },
  CANCELLED: { code: InvalidationCode.EVIDENCE_CANCELLED, verb: 'was cancelled (注销)' },
  EXPIRED: { code: InvalidationCode.EVIDENCE_EXPIRED, verb: 'expired (过期)' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Invalidates the review results that relied on a material or e-licence once it is revoked,
 * cancelled or expired (EVIDENCE_REVOKED / _CANCELLED / _EXPIRED), with a reason naming the
 * licence (or the material's title) and the reason its status changed.
 */
@Injectable()
export class EvidenceEventsConsumer implements EventConsumer {
  readonly name = 'evidence-events';
  readonly topics = [ONCE_ONLY_MATERIAL_TOPIC];

  constructor(
    private readonly materials: MaterialRepository,
    private readonly results: ReviewResultRepository,
  ) {}

  async handle(event: CloudEvent, tx: Transaction): Promise<void> {
    if (event.type !== ONCE_ONLY_EVENT.materialStatusChanged) return;
    const data = event.data as MaterialStatusChanged;
    const ended = ENDED[data.to];
    // A malformed id would fail the query and the event would be redelivered for ever.
    if (!ended || !UUID.test(data.materialId)) return;
    const title = await this.materials.titleOf(data.materialId, tx);
    const named =
      [title, data.licenceId ? `e-licence ${data.licenceId}` : null].filter(Boolean).join(', ') ||
      `material ${data.materialId}`;
    const reason = `the evidence ${named} ${ended.verb}${data.reason ? `: ${data.reason}` : ''}`;
    await invalidateResults(
      this.results,
      tx,
      { materialId: data.materialId },
      { code: ended.code, reason, causeEventId: event.id, at: new Date() },
    );
  }
}
