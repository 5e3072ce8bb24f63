// The catalog library's topics. Everything that changes what a caller may read goes to the policy
// topic, which the gateway follows to refresh its policy within seconds.
import { CATALOG_POLICY_TOPIC } from '@hub/policy';

/** Resources, grants, keys, departments and systems: key = the changed thing's id; working-day notices: key = the year. */
export const POLICY_TOPIC = CATALOG_POLICY_TOPIC;
/** Sharing applications, every state change: key = application id. */
export const SHARING_APPLICATION_TOPIC = 'hub.catalog.sharing-application.v1';
/** Access records as they are chained: key = the calling system (or key id); and the log's signed checkpoints: key = `access-log-checkpoint`. */
export const ACCESS_RECORD_TOPIC = 'hub.catalog.access-record.v1';

export const CATALOG_SOURCE = '/hub/catalog';

export const CATALOG_EVENT = {
  resourceChanged: 'hub.catalog.resource-changed.v1',
  grantChanged: 'hub.catalog.grant-changed.v1',
  apiKeyChanged: 'hub.catalog.api-key-changed.v1',
  participantChanged: 'hub.catalog.participant-changed.v1',
  applicationChanged: 'hub.catalog.sharing-application-changed.v1',
  accessRecorded: 'hub.catalog.access-recorded.v1',
  accessLogCheckpoint: 'hub.catalog.access-log-checkpoint.v1',
  recognitionRuleChanged: 'hub.catalog.recognition-rule-changed.v1',
  workingDayNoticeEntered: 'hub.catalog.working-day-notice-entered.v1',
} as const;
