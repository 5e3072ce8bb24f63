// What the gateway sends the catalog for each operation (the catalog's access-record wire format,
// apps/catalog/src/audit/access-record.ts — apps do not import each other, so the shape is repeated
// here; the catalog validates every record it receives).

export type AccessOperationType = 'query' | 'mutation' | 'ingest';
export type AccessOutcome = 'ALLOWED' | 'REFUSED' | 'FAILED';

export interface AccessRecordInput {
  requestId: string;
  keyId: string | null;
  systemCode: string | null;
  departmentUscc: string | null;
  holderName: string | null;
  roles: string[];
  purpose: string | null;
  caseNumber: string | null;
  operationType: AccessOperationType;
  operationName: string | null;
  fields: string[];
  subjects: string[];
  outcome: AccessOutcome;
  errorCode: string | null;
  refusal: Record<string, unknown> | null;
  startedAt: string;
  durationMs: number;
  timings: Record<string, number>;
}
