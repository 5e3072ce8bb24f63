import { appendToOutbox, type SqlExecutor } from '@hub/events';
import { recountDeadline, type DeadlineChange, type DeadlineChangeCause, type WorkingDayCalendar } from '@hub/working-days';
import { dataCorrectionChanged } from '../correction/correction.events.js';
import { DataCorrectionStatus } from '../correction/correction.model.js';
import { ONCE_ONLY_SCHEMA } from '../once-only.schema.js';

/**
 * Counts again, with `calendar`, the deadline of every data correction still ROUTED and of every
 * one whose deadline is provisional — for a notice, only those counting a day of its year (or of
 * the December before) — keeping each change in the correction's history and publishing the
 * correction's new state. Runs in `tx`; the number of corrections changed. A report made before the
 * working days were kept counts `defaultWorkingDays` (DATA_CORRECTION_WORKING_DAYS).
 */
export async function recountCorrectionDeadlines(tx: SqlExecutor, calendar: WorkingDayCalendar, cause: DeadlineChangeCause, defaultWorkingDays: number, now = new Date()): Promise<number> {
  const params: unknown[] = [DataCorrectionStatus.ROUTED];
  let window = '';
  if (cause.kind === 'notice') {
    params.push(`${cause.year - 1}-12-01`, `${cause.year + 1}-01-01T00:00:00+08:00`);
    window = 'AND deadline >= CAST($2 AS date) AND reported_at < CAST($3 AS timestamptz)';
  }
  const rows: Array<{
    id: string;
    subject_type: string;
    subject_id: string;
    field: string;
    status: string;
    source_department: string;
    reporter_department: string;
    reported_at: Date;
    working_days: number | null;
    deadline: string;
    deadline_provisional: boolean;
    corrected_value: string | null;
    resolution_reason: string | null;
    correction_event: string | null;
  }> = await tx.query(
    `SELECT id, subject_type, subject_id, field, status, source_department, reporter_department, reported_at, working_days, deadline::text AS deadline,
            deadline_provisional, corrected_value, resolution_reason, correction_event
       FROM ${ONCE_ONLY_SCHEMA}.data_correction
      WHERE (status = $1 OR deadline_provisional) ${window}
      ORDER BY reported_at, id FOR UPDATE`,
    params,
  );
  let changed = 0;
  for (const row of rows) {
    const workingDays = row.working_days ?? defaultWorkingDays;
    const change: DeadlineChange | null = recountDeadline(
      { submittedAt: new Date(row.reported_at), workingDays, deadline: row.deadline, provisional: row.deadline_provisional },
      calendar,
      cause,
      now,
    );
    if (!change) continue;
    await tx.query(
      `UPDATE ${ONCE_ONLY_SCHEMA}.data_correction
          SET deadline = CAST($2 AS date), deadline_provisional = $3, deadline_changes = deadline_changes || CAST($4 AS jsonb), working_days = $5
        WHERE id = $1`,
      [row.id, change.deadline, change.provisional, JSON.stringify([change]), workingDays],
    );
    await appendToOutbox(tx, ONCE_ONLY_SCHEMA, [
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
