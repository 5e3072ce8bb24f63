import type { NewEvent } from '@hub/events';
import { CATALOG_EVENT, CATALOG_POLICY_TOPIC } from '@hub/contracts';
import { CATALOG_SOURCE } from '../catalog.events.js';
import type { ApiKeyRow } from './participant.entities.js';

/** hub.catalog.api-key-changed.v1: the key's id and what it may do, never the key, its secret or its hash. */
export function apiKeyChangedEvent(change: string, key: ApiKeyRow): NewEvent {
  return {
    topic: CATALOG_POLICY_TOPIC,
    type: CATALOG_EVENT.apiKeyChanged,
    source: CATALOG_SOURCE,
    subject: key.id,
    data: {
      keyId: key.id,
      change,
      roles: key.roles,
      departmentUscc: key.departmentUscc,
      systemCode: key.systemCode,
      expiresAt: key.expiresAt.toISOString(),
    },
  };
}

/** hub.catalog.participant-changed.v1: a department or system (or the seed, id `catalog`) changed. */
export function participantChangedEvent(change: string, id: string, details: Record<string, unknown> = {}): NewEvent {
  return {
    topic: CATALOG_POLICY_TOPIC,
    type: CATALOG_EVENT.participantChanged,
    source: CATALOG_SOURCE,
    subject: id,
    data: { id, change, ...details },
  };
}
