import type { NewEvent } from '@hub/events';
import { ONCE_ONLY_EVENT, ONCE_ONLY_MATERIAL_TOPIC } from '@hub/contracts';
import { ONCE_ONLY_SOURCE } from '../once-only.events.js';
import type { MaterialRow, MaterialStatusChangeRow } from './archive.entities.js';

/** hub.once-only.material-filed.v1, keyed by the subject; `supersedes` names the material it replaces. */
export function materialFiledEvent(m: MaterialRow, supersedes: string | null): NewEvent {
  return {
    topic: ONCE_ONLY_MATERIAL_TOPIC,
    type: ONCE_ONLY_EVENT.materialFiled,
    source: ONCE_ONLY_SOURCE,
    subject: m.subjectId,
    data: {
      materialId: m.id,
      subjectType: m.subjectType,
      subjectId: m.subjectId,
      kind: m.kind,
      materialType: m.materialType,
      title: m.title,
      issuerUscc: m.issuerUscc,
      licenceId: m.licenceId,
      issuedOn: m.issuedOn,
      validUntil: m.validUntil,
      status: m.status,
      contentSha256: m.contentSha256,
      caseNumber: m.caseNumber,
      serviceItemCode: m.serviceItemCode,
      supersedes,
      filedByDepartment: m.filedByDepartment,
      filedBySystem: m.filedBySystem,
      filedAt: m.filedAt.toISOString(),
    },
  };
}

/** hub.once-only.material-status-changed.v1, keyed by the subject: one change of its history. */
export function materialStatusChangedEvent(m: MaterialRow, change: MaterialStatusChangeRow): NewEvent {
  return {
    topic: ONCE_ONLY_MATERIAL_TOPIC,
    type: ONCE_ONLY_EVENT.materialStatusChanged,
    source: ONCE_ONLY_SOURCE,
    subject: m.subjectId,
    data: {
      materialId: m.id,
      subjectType: m.subjectType,
      subjectId: m.subjectId,
      kind: m.kind,
      materialType: m.materialType,
      licenceId: m.licenceId,
      from: change.fromStatus,
      to: change.toStatus,
      reason: change.reason,
      supersededBy: change.supersededBy,
      changedAt: change.changedAt.toISOString(),
      changedByDepartment: change.changedByDepartment,
    },
  };
}
