import type { NewEvent } from '@hub/events';
import { CATALOG_EVENT, CATALOG_POLICY_TOPIC, CATALOG_SHARING_APPLICATION_TOPIC } from '@hub/contracts';
import { CATALOG_SOURCE } from '../catalog.events.js';
import type { SharingApplicationRow, SharingGrantRow } from './sharing.entities.js';

/** hub.catalog.sharing-application-changed.v1, on every state change (and deadline change, with the deadline before). */
export function applicationChangedEvent(a: SharingApplicationRow, change: string, previousDeadline?: string): NewEvent {
  return {
    topic: CATALOG_SHARING_APPLICATION_TOPIC,
    type: CATALOG_EVENT.sharingApplicationChanged,
    source: CATALOG_SOURCE,
    subject: a.id,
    data: {
      id: a.id,
      change,
      status: a.status,
      resourceCode: a.resourceCode,
      providerUscc: a.providerUscc,
      consumerSystemCode: a.consumerSystemCode,
      consumerDepartmentUscc: a.consumerDepartmentUscc,
      items: a.items,
      approvedItems: a.approvedItems,
      deadline: a.deadline,
      deadlineProvisional: a.deadlineProvisional,
      ...(previousDeadline === undefined ? {} : { previousDeadline }),
      decidedBy: a.decidedBy,
      decisionReason: a.decisionReason,
      grantId: a.grantId,
    },
  };
}

/** hub.catalog.grant-changed.v1 (on the policy topic: the gateway reloads what systems may read). */
export function grantChangedEvent(g: SharingGrantRow, change: string): NewEvent {
  return {
    topic: CATALOG_POLICY_TOPIC,
    type: CATALOG_EVENT.grantChanged,
    source: CATALOG_SOURCE,
    subject: g.id,
    data: {
      id: g.id,
      change,
      applicationId: g.applicationId,
      resourceCode: g.resourceCode,
      consumerSystemCode: g.consumerSystemCode,
      items: g.items,
      fullValues: g.fullValues,
      validFrom: g.validFrom,
      validTo: g.validTo,
      revokeReason: g.revokeReason,
    },
  };
}
