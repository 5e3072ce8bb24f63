import { appendToOutbox, type CloudEvent, type EventConsumer, type SqlExecutor } from '@hub/events';
import { LEGAL_ENTITY_TOPIC, POPULATION_PERSON_TOPIC as PERSON_TOPIC, type Combined, type LegalEntityChanged, type PopulationChanged } from '@hub/contracts';
import { BASE_LIBRARY_EVENT } from '../once-only.events.js';
import { ONCE_ONLY_SCHEMA } from '../once-only.schema.js';
import { changeKeysOf, correctedValueOf } from './correctable-fields.js';
import { dataCorrectionChanged, type DataCorrectionState } from './correction.events.js';
import { DataCorrectionStatus } from './correction.model.js';

/** What this consumer reads: a library's `changed` event. */
type ChangedEvent = Combined<PopulationChanged | LegalEntityChanged>;

/** An open report, as the query below reads it. */
interface OpenReport {
  id: string;
  subject_type: string;
  subject_id: string;
  field: string;
  source_department: string;
  reporter_department: string;
  deadline: string;
  deadline_provisional: boolean;
}

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
export const correctionEventsConsumer: EventConsumer = {
  name: 'correction-events',
  topics: [PERSON_TOPIC, LEGAL_ENTITY_TOPIC],
  async handle(event: CloudEvent, tx: SqlExecutor): Promise<void> {
    const subjectType = SUBJECT_OF_TYPE[event.type];
    if (!subjectType) return;
    const data = event.data as ChangedEvent;
    const subjectId = subjectType === 'PERSON' ? data.idNumber : data.uscc;
    if (!subjectId || !data.changes) return;
    const open: OpenReport[] = await tx.query(
      `SELECT id, subject_type, subject_id, field, source_department, reporter_department, deadline::text AS deadline, deadline_provisional
         FROM ${ONCE_ONLY_SCHEMA}.data_correction
        WHERE subject_type = $1 AND subject_id = $2 AND status IN ($3, $4)
        ORDER BY reported_at, id FOR UPDATE`,
      [subjectType, subjectId, DataCorrectionStatus.ROUTED, DataCorrectionStatus.ACCEPTED],
    );
    const now = new Date();
    for (const report of open) {
      const keys = changeKeysOf(subjectType, report.field);
      const corrected = keys && correctedValueOf(keys, data.changes);
      if (!corrected) continue;
      // (An UPDATE's result differs between TypeORM's executors; what the event needs is known already.)
      await tx.query(
        `UPDATE ${ONCE_ONLY_SCHEMA}.data_correction
            SET status = $2, corrected_value = $3, correction_event = $4, correction_version = $5, resolved_at = $6
          WHERE id = $1`,
        [report.id, DataCorrectionStatus.CORRECTED, corrected.value, event.id, data.version, now],
      );
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
      await appendToOutbox(tx, ONCE_ONLY_SCHEMA, [dataCorrectionChanged(closed, now)]);
    }
  },
};
