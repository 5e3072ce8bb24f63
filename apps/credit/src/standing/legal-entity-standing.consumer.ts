import { LEGAL_ENTITY_EVENT, LEGAL_ENTITY_TOPIC, eventConsumer } from '@hub/contracts';

/**
 * Keeps the registration standing of legal entities from the legal-entity library's events: a
 * legal entity deregistered (注销) or revoked (吊销) is recorded, and the credit assessment reflects
 * it. An event older than the standing already held (by the entity's version) changes nothing.
 */
export const legalEntityStandingConsumer = eventConsumer({
  name: 'legal-entity-standing',
  topics: [LEGAL_ENTITY_TOPIC],
  async handle(event, tx): Promise<void> {
    let standing: { status: string; effectiveOn: string | null; reason: string | null };
    if (event.type === LEGAL_ENTITY_EVENT.statusChanged)
      standing = { status: event.data.to, effectiveOn: event.data.effectiveOn, reason: event.data.reason };
    else if (event.type === LEGAL_ENTITY_EVENT.registered) {
      const { record } = event.data;
      standing = { status: record.status, effectiveOn: record.statusEffectiveOn, reason: record.statusReason };
    } else return;
    await tx.query(
      `INSERT INTO credit.subject_standing (uscc, status, effective_on, reason, source_version, event_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (uscc) DO UPDATE SET status = EXCLUDED.status, effective_on = EXCLUDED.effective_on, reason = EXCLUDED.reason,
         source_version = EXCLUDED.source_version, event_id = EXCLUDED.event_id, updated_at = now()
       WHERE credit.subject_standing.source_version < EXCLUDED.source_version`,
      [event.data.uscc, standing.status, standing.effectiveOn, standing.reason, event.data.version, event.id],
    );
  },
});
