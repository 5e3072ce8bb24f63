import type { NewEvent } from '@hub/events';
import { CATALOG_EVENT, CATALOG_POLICY_TOPIC } from '@hub/contracts';
import { CATALOG_SOURCE } from '../catalog.events.js';
import type { RecognitionRuleRow } from './recognition-rule.entity.js';

/** What a department's decision was, as hub.catalog.recognition-rule-changed.v1 tells it. */
export interface RecognitionChange {
  department: string;
  accepts: boolean;
  reason: string;
  changedBy: string;
  changedAt: Date;
}

/** hub.catalog.recognition-rule-changed.v1: a department started (accepted) or stopped (withdrawn) accepting a result type. */
export function recognitionRuleChangedEvent(rule: RecognitionRuleRow, c: RecognitionChange): NewEvent {
  return {
    topic: CATALOG_POLICY_TOPIC,
    type: CATALOG_EVENT.recognitionRuleChanged,
    source: CATALOG_SOURCE,
    subject: rule.resultType,
    data: {
      resultType: rule.resultType,
      change: c.accepts ? 'accepted' : 'withdrawn',
      department: c.department,
      accepts: c.accepts,
      acceptedBy: rule.acceptedBy,
      version: rule.version,
      reason: c.reason,
      changedBy: c.changedBy,
      changedAt: c.changedAt.toISOString(),
    },
  };
}
