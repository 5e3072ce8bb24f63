import {
  LEGAL_ENTITY_EVENT,
  LEGAL_ENTITY_TOPIC,
  POPULATION_EVENT,
  POPULATION_PERSON_TOPIC,
  contractEvent,
  eventConsumer,
} from '@hub/contracts';
import { appendToOutbox } from '@hub/events';
import { LEGAL_ENTITY_EVENT_SOURCE } from '../legal-entity/legal-entity.events.js';
import { LEGAL_ENTITY_SCHEMA } from '../legal-entity.schema.js';

/**
 * A death recorded in the population library marks the legal entities whose legal representative
 * died: the status is kept for the person (visible on every such LegalEntity), and one
 * `legal-representative-deceased` event is published per legal entity affected — in the same
 * transaction, so each happens once per population event.
 */
export const representativeDeathConsumer = eventConsumer({
  name: 'legal-representative-status',
  topics: [POPULATION_PERSON_TOPIC],
  async handle(event, tx): Promise<void> {
    let status: string;
    let statusOn: string | null;
    if (event.type === POPULATION_EVENT.statusChanged) [status, statusOn] = [event.data.to, event.data.effectiveOn];
    else if (event.type === POPULATION_EVENT.registered)
      [status, statusOn] = [event.data.record.status, event.data.record.statusEffectiveOn];
    else return;
    const data = event.data;
    const deceasedOn = status === 'DECEASED' ? statusOn : null;
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
    const entities: Array<{ uscc: string }> = await tx.query(
      'SELECT uscc FROM legal_entity.legal_entity WHERE legal_rep_id_number = $1',
      [data.idNumber],
    );
    await appendToOutbox(
      tx,
      LEGAL_ENTITY_SCHEMA,
      entities.map(({ uscc }) =>
        contractEvent({
          topic: LEGAL_ENTITY_TOPIC,
          type: LEGAL_ENTITY_EVENT.legalRepresentativeDeceased,
          source: LEGAL_ENTITY_EVENT_SOURCE,
          subject: uscc,
          data: { uscc, legalRepresentativeIdNumber: data.idNumber, deceasedOn, populationEventId: event.id },
        }),
      ),
    );
  },
});
