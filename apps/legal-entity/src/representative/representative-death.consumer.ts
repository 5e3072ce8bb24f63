import { appendToOutbox, type CloudEvent, type EventConsumer, type SqlExecutor } from '@hub/events';
import { LEGAL_ENTITY_EVENT_SOURCE, LEGAL_ENTITY_TOPIC, LegalEntityEventType } from '../legal-entity/legal-entity.events.js';
import { LEGAL_ENTITY_SCHEMA } from '../legal-entity.schema.js';

/** The population library's topic and event types this consumer reads (its public contract). */
const PERSON_TOPIC = 'hub.population.person.v1';

interface PersonEvent {
  idNumber: string;
  version: number;
  to?: string;
  effectiveOn?: string | null;
  record?: { status: string; statusEffectiveOn: string | null };
}

/**
 * A death recorded in the population library marks the legal entities whose legal representative
 * died: the status is kept for the person (visible on every such LegalEntity), and one
 * `legal-representative-deceased` event is published per legal entity affected — in the same
 * transaction, so each happens once per population event.
 */
export const representativeDeathConsumer: EventConsumer = {
  name: 'legal-representative-status',
  topics: [PERSON_TOPIC],
  async handle(event: CloudEvent, tx: SqlExecutor): Promise<void> {
    const data = event.data as PersonEvent;
    const status = event.type === 'hub.population.status-changed.v1' ? data.to : event.type === 'hub.population.registered.v1' ? data.record?.status : undefined;
    if (!status) return;
    const deceasedOn = status === 'DECEASED' ? ((event.type.endsWith('status-changed.v1') ? data.effectiveOn : data.record?.statusEffectiveOn) ?? null) : null;
    const [written] = await tx.query(
      `INSERT INTO legal_entity.legal_representative_status (id_number, status, deceased_on, source_version, source_event_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id_number) DO UPDATE SET status = EXCLUDED.status, deceased_on = EXCLUDED.deceased_on,
         source_version = EXCLUDED.source_version, source_event_id = EXCLUDED.source_event_id, updated_at = now()
       WHERE legal_representative_status.source_version < EXCLUDED.source_version
       RETURNING status`,
      [data.idNumber, status, deceasedOn, data.version, event.id],
    );
    if (!written || status !== 'DECEASED') return;
    const entities: Array<{ uscc: string }> = await tx.query('SELECT uscc FROM legal_entity.legal_entity WHERE legal_rep_id_number = $1', [data.idNumber]);
    await appendToOutbox(
      tx,
      LEGAL_ENTITY_SCHEMA,
      entities.map(({ uscc }) => ({
        topic: LEGAL_ENTITY_TOPIC,
        type: LegalEntityEventType.LegalRepresentativeDeceased,
        source: LEGAL_ENTITY_EVENT_SOURCE,
        subject: uscc,
        data: { uscc, legalRepresentativeIdNumber: data.idNumber, deceasedOn, populationEventId: event.id },
      })),
    );
  },
};
