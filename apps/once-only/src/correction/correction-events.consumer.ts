import { Injectable } from '@nestjs/common';
import type { CloudEvent, EventConsumer, Transaction } from '@hub/events';
import {
  LEGAL_ENTITY_TOPIC,
  POPULATION_PERSON_TOPIC,
  type Combined,
  type LegalEntityChanged,
  type PopulationChanged,
} from '@hub/contracts';
import { BASE_LIBRARY_EVENT } from '../once-only.events.js';
import { changeKeysOf, correctedValueOf } from './correctable-fields.js';
import { dataCorrectionChanged, type DataCorrectionState } from './correction.events.js';
import { DataCorrectionStatus } from './correction.model.js';
import { DataCorrectionRepository } from './data-correction.repository.js';

/** What this consumer reads: a library's `changed` event. */
type ChangedEvent = Combined<PopulationChanged | LegalEntityChanged>;

const SUBJECT_OF_TYPE: Record<string, 'PERSON' | 'LEGAL_ENTITY'> = {
  [BASE_LIBRARY_EVENT.personChanged]: 'PERSON',
  [BASE_LIBRARY_EVENT.legalEntityChanged]: 'LEGAL_ENTITY',
};

/**
 * Closes reported corrections when the source corrects its record the normal way: a library's
 * `changed` event that carries a reported field marks every open report (ROUTED, or ACCEPTED by the
 * source department: it said it would correct the record) of that field of
 * the subject CORRECTED, with the new value, the event id and the version it made, and records a
 * data-correction-changed event in the same transaction. The rows are locked (FOR UPDATE), so a
 * rejection being decided at the same moment either waits and finds the report closed, or closed
 * it first and this event leaves it alone.
 *
 * Any change of the field counts, whoever's report it answers: the source decides what is right,
 * and the reporter sees the value it chose. (A change already on its way when the report was made
 * closes it too; the reporter reports again if that value is still wrong.)
 */
@Injectable()
export class CorrectionEventsConsumer implements EventConsumer {
  readonly name = 'correction-events';
  readonly topics = [POPULATION_PERSON_TOPIC, LEGAL_ENTITY_TOPIC];

  constructor(private readonly corrections: DataCorrectionRepository) {}

  async handle(event: CloudEvent, tx: Transaction): Promise<void> {
    const subjectType = SUBJECT_OF_TYPE[event.type];
    if (!subjectType) return;
    const data = event.data as ChangedEvent;
    const subjectId = subjectType === 'PERSON' ? data.idNumber : data.uscc;
    if (!subjectId || !data.changes) return;
    const open = await this.corrections.openLocked(tx, subjectType, subjectId);
    const now = new Date();
    for (const report of open) {
      const keys = changeKeysOf(subjectType, report.field);
      const corrected = keys && correctedValueOf(keys, data.changes);
      if (!corrected) continue;
      await this.corrections.markCorrected(tx, report.id, {
        value: corrected.value,
        eventId: event.id,
        version: data.version,
        at: now,
      });
      const closed: DataCorrectionState = {
        id: report.id,
        subjectType: report.subject_type,
        subjectId: report.subject_id,
        field: report.field,
        status: DataCorrectionStatus.CORRECTED,
        sourceDepartment: report.source_department,
        reporterDepartment: report.reporter_department,
        deadline: report.deadline,
        deadlineProvisional: report.deadline_provisional,
        correctedValue: corrected.value,
        resolutionReason: null,
        correctionEvent: event.id,
      };
      await tx.publish([dataCorrectionChanged(closed, now)]);
    }
  }
}
