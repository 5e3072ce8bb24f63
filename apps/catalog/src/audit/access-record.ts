// Validation of the access records the gateway POSTs to /internal/access-records (their wire
// format is @hub/policy's AccessRecordInput). The limits mirror the columns of `access_record`: a
// record that passes here always fits, so a batch is never half-written because one value was too
// long.
import { Role } from '@hub/auth';
import { parseCitizenId, parseUscc } from '@hub/identifiers';
import type { AccessOperationType, AccessOutcome, AccessRecordInput } from '@hub/policy';

export type { AccessRecordInput } from '@hub/policy';

/** One thing wrong with a batch: where (`records[3].purpose`), a stable code, and why. */
export interface AccessRecordViolation {
  field: string;
  code: string;
  message: string;
}

export type AccessRecordBatchResult =
  { ok: true; records: AccessRecordInput[] } | { ok: false; violations: AccessRecordViolation[] };

/** The most records one POST may carry; the gateway sends larger backlogs as several batches. */
export const MAX_RECORDS_PER_BATCH = 1_000;
// Not column limits (Postgres arrays and jsonb are unbounded) but sanity bounds: an operation that
// touches more is either a bug or an attack, and one record must not eat the body limit (1 MiB).
export const MAX_FIELDS_PER_RECORD = 1_000;
export const MAX_SUBJECTS_PER_RECORD = 10_000;
export const MAX_TIMINGS_PER_RECORD = 64;
export const MAX_REFUSAL_JSON_LENGTH = 16_384;
const MAX_REFUSAL_DEPTH = 8;
const MAX_VIOLATIONS = 100;

/** Column lengths of `access_record` (in characters, as Postgres counts them). */
export const ACCESS_RECORD_LIMITS = {
  requestId: 64,
  keyId: 12,
  systemCode: 64,
  departmentUscc: 18,
  holderName: 200,
  role: 16,
  purpose: 200,
  caseNumber: 64,
  operationName: 200,
  field: 200,
  subject: 40,
  errorCode: 64,
  timingName: 64,
} as const;

const OPERATION_TYPES: readonly string[] = ['query', 'mutation', 'ingest'] satisfies AccessOperationType[];
const OUTCOMES: readonly string[] = ['ALLOWED', 'REFUSED', 'FAILED', 'INTENDED'] satisfies AccessOutcome[];
const ROLES: readonly string[] = Object.values(Role);
const KEYS: readonly (keyof AccessRecordInput)[] = [
  'requestId',
  'keyId',
  'systemCode',
  'departmentUscc',
  'holderName',
  'roles',
  'purpose',
  'caseNumber',
  'operationType',
  'operationName',
  'fields',
  'subjects',
  'outcome',
  'errorCode',
  'refusal',
  'startedAt',
  'durationMs',
  'timings',
];
const KEY_ID = /^[a-z2-7]{12}$/;
// RFC 3339 with a zone: the gateway sends `new Date().toISOString()`; a zone-less time would be
// read in the server's zone and hash differently on another machine.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
// Timestamps must survive Date → Postgres → Date unchanged, and before 2000 nothing was shared.
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const MAX_INT4 = 2_147_483_647;
// String.prototype.isWellFormed is ES2024; the hub targets ES2023.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Checks a batch as received (`body.records`): an array of 1–1,000 records, each complete, typed,
 * within the column lengths, and with nothing Postgres would store differently from what is
 * hashed (no NUL characters, no unpaired surrogates). Any violation refuses the whole batch.
 */
export function validateAccessRecords(records: unknown): AccessRecordBatchResult {
  if (!Array.isArray(records))
    return {
      ok: false,
      violations: [{ field: 'records', code: 'INVALID_TYPE', message: 'must be an array of access records' }],
    };
  if (records.length === 0)
    return { ok: false, violations: [{ field: 'records', code: 'TOO_FEW', message: 'send at least one record' }] };
  if (records.length > MAX_RECORDS_PER_BATCH) {
    return {
      ok: false,
      violations: [
        {
          field: 'records',
          code: 'TOO_MANY',
          message: `at most ${MAX_RECORDS_PER_BATCH} records per batch, got ${records.length}`,
        },
      ],
    };
  }
  const violations: AccessRecordViolation[] = [];
  for (let i = 0; i < records.length && violations.length < MAX_VIOLATIONS; i++) {
    violations.push(...accessRecordViolations(records[i], `records[${i}]`));
  }
  return violations.length === 0
    ? { ok: true, records: records as AccessRecordInput[] }
    : { ok: false, violations: violations.slice(0, MAX_VIOLATIONS) };
}

/** The violations of one record (empty when it is valid); `at` prefixes the field names. */
export function accessRecordViolations(record: unknown, at = 'record'): AccessRecordViolation[] {
  if (!isPlainObject(record)) return [{ field: at, code: 'INVALID_TYPE', message: 'must be an object' }];
  const out: AccessRecordViolation[] = [];
  const bad = (field: string, code: string, message: string) => out.push({ field: `${at}.${field}`, code, message });
  for (const key of Object.keys(record)) {
    if (!(KEYS as readonly string[]).includes(key)) bad(key, 'UNKNOWN_FIELD', 'is not a field of an access record');
  }
  for (const key of KEYS)
    if (!(key in record) || record[key] === undefined)
      bad(key, 'REQUIRED', 'is required (send null when there is none)');
  if (out.length > 0) return out;
  const r = record as Record<keyof AccessRecordInput, unknown>;

  const text = (field: keyof typeof ACCESS_RECORD_LIMITS & keyof AccessRecordInput, nullable: boolean) => {
    const value = r[field];
    if (value === null && nullable) return;
    const problem = textProblem(value, ACCESS_RECORD_LIMITS[field]);
    if (problem) bad(field, problem.code, problem.message);
  };
  text('requestId', false);
  text('keyId', true);
  text('systemCode', true);
  text('departmentUscc', true);
  text('holderName', true);
  text('purpose', true);
  text('caseNumber', true);
  text('operationName', true);
  text('errorCode', true);
  if (typeof r.keyId === 'string' && !KEY_ID.test(r.keyId))
    bad('keyId', 'INVALID_FORMAT', 'must be the 12-character id of a hub API key');
  if (typeof r.departmentUscc === 'string' && !isNormalisedUscc(r.departmentUscc)) {
    bad('departmentUscc', 'INVALID_FORMAT', 'must be a valid USCC, upper case');
  }

  if (typeof r.operationType !== 'string' || !OPERATION_TYPES.includes(r.operationType)) {
    bad('operationType', 'INVALID_VALUE', `must be one of ${OPERATION_TYPES.join(', ')}`);
  }
  if (typeof r.outcome !== 'string' || !OUTCOMES.includes(r.outcome))
    bad('outcome', 'INVALID_VALUE', `must be one of ${OUTCOMES.join(', ')}`);

  list(r.roles, 'roles', ROLES.length, (role, i) => {
    if (typeof role !== 'string' || !ROLES.includes(role))
      bad(`roles[${i}]`, 'INVALID_VALUE', `must be one of ${ROLES.join(', ')}`);
  });
  list(r.fields, 'fields', MAX_FIELDS_PER_RECORD, (field, i) => {
    const problem = textProblem(field, ACCESS_RECORD_LIMITS.field);
    if (problem) bad(`fields[${i}]`, problem.code, problem.message);
  });
  list(r.subjects, 'subjects', MAX_SUBJECTS_PER_RECORD, (subject, i) => {
    const problem = subjectProblem(subject);
    if (problem) bad(`subjects[${i}]`, problem.code, problem.message);
  });

  const started = instantProblem(r.startedAt);
  if (started) bad('startedAt', started.code, started.message);
  if (
    typeof r.durationMs !== 'number' ||
    !Number.isInteger(r.durationMs) ||
    r.durationMs < 0 ||
    r.durationMs > MAX_INT4
  ) {
    bad('durationMs', 'INVALID_NUMBER', `must be a whole number of milliseconds, 0–${MAX_INT4}`);
  }

  if (!isPlainObject(r.timings)) bad('timings', 'INVALID_TYPE', 'must be an object of names to milliseconds');
  else {
    const entries = Object.entries(r.timings);
    if (entries.length > MAX_TIMINGS_PER_RECORD)
      bad('timings', 'TOO_MANY', `at most ${MAX_TIMINGS_PER_RECORD} timings`);
    for (const [name, ms] of entries.slice(0, MAX_TIMINGS_PER_RECORD)) {
      const problem = textProblem(name, ACCESS_RECORD_LIMITS.timingName);
      if (problem) bad(`timings`, problem.code, `a timing name ${problem.message}`);
      else if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
        bad(`timings.${name}`, 'INVALID_NUMBER', 'must be a finite number ≥ 0');
    }
  }

  if (r.refusal !== null) {
    if (!isPlainObject(r.refusal)) bad('refusal', 'INVALID_TYPE', 'must be an object or null');
    else {
      const problem = jsonProblem(r.refusal, 0);
      if (problem) bad('refusal', problem.code, problem.message);
      else if (JSON.stringify(r.refusal).length > MAX_REFUSAL_JSON_LENGTH)
        bad('refusal', 'TOO_LONG', `at most ${MAX_REFUSAL_JSON_LENGTH} characters as JSON`);
    }
  }
  return out;

  function list(value: unknown, field: string, max: number, each: (item: unknown, i: number) => void): void {
    if (!Array.isArray(value)) bad(field, 'INVALID_TYPE', 'must be an array');
    else if (value.length > max) bad(field, 'TOO_MANY', `at most ${max} entries, got ${value.length}`);
    else value.forEach(each);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Postgres counts varchar lengths in code points; it cannot store NUL; an unpaired surrogate would be stored as U+FFFD and no longer hash the same. */
function textProblem(value: unknown, max: number): { code: string; message: string } | undefined {
  if (typeof value !== 'string') return { code: 'INVALID_TYPE', message: 'must be a string' };
  if (value.length === 0) return { code: 'REQUIRED', message: 'must not be empty (send null when there is none)' };
  return (
    stringProblem(value) ??
    (codePoints(value) > max ? { code: 'TOO_LONG', message: `at most ${max} characters` } : undefined)
  );
}

function stringProblem(value: string): { code: string; message: string } | undefined {
  if (value.includes('\u0000')) return { code: 'INVALID_CHARACTER', message: 'contains a NUL character' };
  if (LONE_SURROGATE.test(value))
    return { code: 'INVALID_CHARACTER', message: 'contains an unpaired surrogate (not valid Unicode)' };
  return undefined;
}

function codePoints(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

function subjectProblem(value: unknown): { code: string; message: string } | undefined {
  if (typeof value !== 'string') return { code: 'INVALID_TYPE', message: 'must be a string' };
  const colon = value.indexOf(':');
  const [kind, id] = [value.slice(0, colon), value.slice(colon + 1)];
  // Normalised ids only: the access log is searched by the normalised id, so `person:…` or a
  // lower-case x would be recorded but never found.
  if (kind === 'PERSON') {
    const parsed = parseCitizenId(id);
    if (parsed.ok && parsed.value.idNumber === id) return undefined;
  } else if (kind === 'LEGAL_ENTITY') {
    if (isNormalisedUscc(id)) return undefined;
  } else {
    return { code: 'INVALID_FORMAT', message: 'must be PERSON:<citizen ID> or LEGAL_ENTITY:<USCC>' };
  }
  return {
    code: 'INVALID_FORMAT',
    message: `"${id.slice(0, 40)}" is not a valid, normalised ${kind === 'PERSON' ? '18-character citizen ID' : 'USCC'}`,
  };
}

function isNormalisedUscc(value: string): boolean {
  const parsed = parseUscc(value);
  return parsed.ok && parsed.value.uscc === value;
}

function instantProblem(value: unknown): { code: string; message: string } | undefined {
  const invalid = {
    code: 'INVALID_DATE',
    message: 'must be an ISO 8601 date-time with a zone, e.g. 2025-03-01T08:00:00.123Z',
  };
  if (typeof value !== 'string') return invalid;
  const m = ISO_INSTANT.exec(value);
  if (!m) return invalid;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { code: 'INVALID_DATE', message: `${value} does not exist in the calendar` };
  }
  const at = Date.parse(value);
  if (!Number.isFinite(at) || at < EARLIEST || at > LATEST)
    return { code: 'INVALID_DATE', message: `${value} is out of range (2000–9999)` };
  return undefined;
}

/** JSON that Postgres' jsonb stores and gives back unchanged (so its hash does not change). */
function jsonProblem(value: unknown, depth: number): { code: string; message: string } | undefined {
  if (depth > MAX_REFUSAL_DEPTH) return { code: 'TOO_DEEP', message: `nested more than ${MAX_REFUSAL_DEPTH} levels` };
  if (value === null || typeof value === 'boolean') return undefined;
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? undefined
      : { code: 'INVALID_NUMBER', message: 'contains a number that is not finite' };
  if (typeof value === 'string') return stringProblem(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = jsonProblem(item, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const problem = stringProblem(key) ?? jsonProblem(item, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  return { code: 'INVALID_TYPE', message: 'contains a value that is not JSON' };
}
