import type { NewEvent } from '@hub/events';
import {
  ONCE_ONLY_DATA_CORRECTION_TOPIC as DATA_CORRECTION_TOPIC,
  ONCE_ONLY_EVENT,
  type OnceOnlyDataCorrectionChanged,
} from '@hub/contracts';
import { ONCE_ONLY_SOURCE } from '../once-only.events.js';
import type { DataCorrectionRow } from './correction.entities.js';

/**
 * The payload of hub.once-only.data-correction-changed.v1 (@hub/contracts), with the subject type and
 * the status as the row holds them (strings: its columns take only the contract's values).
 */
type DataCorrectionChanged = Omit<OnceOnlyDataCorrectionChanged, 'subjectType' | 'status'> & {
  subjectType: string;
  status: string;
};

/** What the event says of a correction. */
export type DataCorrectionState = Pick<
  DataCorrectionRow,
  | 'id'
  | 'subjectType'
  | 'subjectId'
  | 'field'
  | 'status'
  | 'sourceDepartment'
  | 'reporterDepartment'
  | 'deadline'
  | 'deadlineProvisional'
  | 'correctedValue'
  | 'resolutionReason'
  | 'correctionEvent'
>;

/**
 * The event of a correction's new state: reported (ROUTED), ACCEPTED (受理, with the source's note as
 * resolutionReason, or null), CORRECTED or REJECTED, or its deadline
 * counted again (with `previousDeadline`). It leaves out
 * the reported and proposed values and the report's reason: they may be personal data, and a
 * reader of the topic who needs them asks for the correction under its own rights.
 */
export function dataCorrectionChanged(
  row: DataCorrectionState,
  at: Date,
  previousDeadline?: string,
): NewEvent<DataCorrectionChanged> {
  return {
    topic: DATA_CORRECTION_TOPIC,
    type: ONCE_ONLY_EVENT.dataCorrectionChanged,
    source: ONCE_ONLY_SOURCE,
    subject: row.subjectId,
    data: {
      id: row.id,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      field: row.field,
      status: row.status,
      sourceDepartment: row.sourceDepartment,
      reporterDepartment: row.reporterDepartment,
      deadline: row.deadline,
      deadlineProvisional: row.deadlineProvisional,
      ...(previousDeadline === undefined ? {} : { previousDeadline }),
      correctedValue: row.correctedValue,
      resolutionReason: row.resolutionReason,
      correctionEvent: row.correctionEvent,
      at: at.toISOString(),
    },
  };
}
