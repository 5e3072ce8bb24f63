import type { Transaction } from '@hub/events';
import {
  recountDeadline,
  type DeadlineChange,
  type DeadlineChangeCause,
  type WorkingDayCalendar,
} from '@hub/working-days';
import { dataCorrectionChanged } from '../correction/correction.events.js';
import type { DataCorrectionRepository } from '../correction/data-correction.repository.js';

/**
 * Counts again, with `calendar`, the deadline of every data correction still ROUTED and of every
 * one whose deadline is provisional — for a notice, only those counting a day of its year (or of
 * the December before) — keeping each change in the correction's history and publishing the
 * correction's new state. Runs in `tx`; the number of corrections changed. A report made before the
 * working days were kept counts `defaultWorkingDays` (DATA_CORRECTION_WORKING_DAYS).
 */
export async function recountCorrectionDeadlines(
  corrections: DataCorrectionRepository,
  tx: Transaction,
  calendar: WorkingDayCalendar,
  cause: DeadlineChangeCause,
  defaultWorkingDays: number,
  now = new Date(),
): Promise<number> {
  const rows = await corrections.recountable(tx, cause);
  let changed = 0;
  for (const row of rows) {
    const workingDays = row.working_days ?? defaultWorkingDays;
    const change: DeadlineChange | null = recountDeadline(
      {
        submittedAt: new Date(row.reported_at),
        workingDays,
        deadline: row.deadline,
        provisional: row.deadline_provisional,
      },
      calendar,
      cause,
      now,
    );
    if (!change) continue;
    await corrections.moveDeadline(tx, row.id, change, workingDays);
    await tx.publish([
      dataCorrectionChanged(
        {
          id: row.id,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          field: row.field,
          status: row.status,
          sourceDepartment: row.source_department,
          reporterDepartment: row.reporter_department,
          deadline: change.deadline,
          deadlineProvisional: change.provisional,
          correctedValue: row.corrected_value,
          resolutionReason: row.resolution_reason,
          correctionEvent: row.correction_event,
        },
        now,
        change.previousDeadline,
      ),
    ]);
    changed++;
  }
  return changed;
}
