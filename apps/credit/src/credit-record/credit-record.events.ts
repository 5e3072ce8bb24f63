/**
 * The events of the credit library, on one topic keyed by the SUBJECT (the USCC or citizen ID the
 * record is about), so that everything about one subject is read in order.
 */
export const CREDIT_TOPIC = 'hub.credit.record.v1';
export const CREDIT_EVENT_SOURCE = '/hub/credit';

export const CreditEventType = {
  Registered: 'hub.credit.registered.v1',
  Changed: 'hub.credit.changed.v1',
  StatusChanged: 'hub.credit.status-changed.v1',
} as const;
