// The catalog's CloudEvents source. Its topics, event types and payloads are @hub/contracts'
// (CATALOG_POLICY_TOPIC: everything that changes what a caller may read, which the gateway follows
// to refresh its policy within seconds; CATALOG_SHARING_APPLICATION_TOPIC; CATALOG_ACCESS_RECORD_TOPIC;
// CATALOG_EVENT), generated from schemas/events.
export const CATALOG_SOURCE = '/hub/catalog';
