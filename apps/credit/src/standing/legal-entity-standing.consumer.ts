import type { CloudEvent, EventConsumer, SqlExecutor } from '@hub/events';

/** The legal-entity library's topic and the event types this consumer reads (its public contract). */
const LEGAL_ENTITY_TOPIC = 'hub.legal-entity.legal-entity.v1';
const REGISTERED = 'hub.legal-entity.registered.v1';
const STATUS_CHANGED = 'hub.legal-entity.status-changed.v1';

interface LegalEntityEvent {
  uscc: string;
  version: number;
  to?: string;
  effectiveOn?: string | null;
  reason?: string | null;
  record?: { status: string; statusEffectiveOn: string | null; statusReason: string | null };
}

/**
 * Keeps the registration standing of legal entities from the legal-entity library's events: a
 * legal entity deregistered (注销) or revoked (吊销) is recorded, and the credit assessment reflects
 * it. An event older than the standing already held (by the entity's version) changes nothing.
 */
export const legalEntityStandingConsumer: EventConsumer = {
  name: 'legal-entity-standing',
  topics: [LEGAL_ENTITY_TOPIC],
  async handle(event: CloudEvent, tx: SqlExecutor): Promise<void> {
    const data = event.data as LegalEntityEvent;
    let standing: { status: string; effectiveOn: string | null; reason: string | null } | undefined;
    if (event.type === STATUS_CHANGED && data.to) standing = { status: data.to, effectiveOn: data.effectiveOn ?? null, reason: data.reason ?? null };
    else if (event.type === REGISTERED && data.record) {
      standing = { status: data.record.status, effectiveOn: data.record.statusEffectiveOn, reason: data.record.statusReason };
    }
    if (!standing) return;
    await tx.query(
      `INSERT INTO credit.subject_standing (uscc, status, effective_on, reason, source_version, event_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (uscc) DO UPDATE SET status = EXCLUDED.status, effective_on = EXCLUDED.effective_on, reason = EXCLUDED.reason,
         source_version = EXCLUDED.source_version, event_id = EXCLUDED.event_id, updated_at = now()
       WHERE credit.subject_standing.source_version < EXCLUDED.source_version`,
      [data.uscc, standing.status, standing.effectiveOn, standing.reason, data.version, event.id],
    );
  },
};
