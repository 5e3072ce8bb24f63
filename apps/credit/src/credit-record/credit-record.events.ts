/**
 * The CloudEvents source of the credit library's events. They are on one topic keyed by the SUBJECT
 * (the USCC or citizen ID the record is about: CREDIT_RECORD_TOPIC of @hub/contracts, with their
 * types and payloads), so that everything about one subject is read in order.
 */
export const CREDIT_EVENT_SOURCE = '/hub/credit';
