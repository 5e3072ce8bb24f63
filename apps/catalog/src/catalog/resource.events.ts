import type { NewEvent } from '@hub/events';
import { CATALOG_EVENT, CATALOG_POLICY_TOPIC } from '@hub/contracts';
import { CATALOG_SOURCE } from '../catalog.events.js';

/** hub.catalog.resource-changed.v1: a resource's new version and status (`catalog` and `seeded` for the whole shipped catalog). */
export function resourceChangedEvent(change: string, code: string, version: number, status: string): NewEvent {
  return {
    topic: CATALOG_POLICY_TOPIC,
    type: CATALOG_EVENT.resourceChanged,
    source: CATALOG_SOURCE,
    subject: code,
    data: { code, change, version, status },
  };
}
