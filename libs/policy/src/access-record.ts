// The wire format of access records: what the gateway POSTs to the catalog's
// /internal/access-records, one record per operation it served or refused (the catalog validates
// and chains them: apps/catalog/src/audit). Plain JSON, shared by both ends.

export type AccessOperationType = 'query' | 'mutation' | 'ingest';
/**
 * INTENDED: a write about to be sent to its library, recorded before it is sent; the record of its
 * outcome (same requestId) follows once it ran. An INTENDED record without one means the gateway
 * could not record the outcome (the write may have been made): the intent is the access record.
 */
export type AccessOutcome = 'ALLOWED' | 'REFUSED' | 'FAILED' | 'INTENDED';

export interface AccessRecordInput {
  /** The gateway's request id (x-request-id). */
  requestId: string;
  /** The hub API key used, by id; null for a caller without a (valid) key. */
  keyId: string | null;
  systemCode: string | null;
  departmentUscc: string | null;
  holderName: string | null;
  roles: string[];
  purpose: string | null;
  caseNumber: string | null;
  operationType: AccessOperationType;
  operationName: string | null;
  /** `Type.field` coordinates the operation touched. */
  fields: string[];
  /** Data subjects served: `PERSON:<citizen ID>`, `LEGAL_ENTITY:<USCC>`, normalised (upper case, 18 characters). */
  subjects: string[];
  outcome: AccessOutcome;
  errorCode: string | null;
  /** For a refusal: the items refused and why (any JSON object). */
  refusal: Record<string, unknown> | null;
  /** ISO 8601 with a time zone, e.g. `2025-03-01T08:00:00.123Z`; stored to the millisecond. */
  startedAt: string;
  durationMs: number;
  /** Where the time went, in milliseconds (e.g. `{ policy: 0.4, execute: 12 }`). */
  timings: Record<string, number>;
}
