import { createHash, createHmac, type KeyObject } from 'node:crypto';
import type { AccessRecordRow } from './audit.entities.js';

/** The `prevHash` of the first record: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * How a record's `hash` was made (its `hash_alg` column). Records chained before the log was keyed
 * keep `sha256` and are verified as they were made; every new record is `hmac-sha256`.
 */
export const HASH_ALG = {
  /** Legacy: hex SHA-256 of prevHash and the canonical form v1. Anyone with the database can recompute it. */
  sha256: 'sha256',
  /** hex HMAC-SHA256 under the audit key (never in the database) of prevHash and the canonical form v2. */
  hmacSha256: 'hmac-sha256',
} as const;
export type HashAlg = (typeof HASH_ALG)[keyof typeof HASH_ALG];

/** What is hashed: every column of a record but its own hash (`hashAlg` absent on legacy rows built in memory). */
export type ChainedContent = Omit<AccessRecordRow, 'hash' | 'recordedAt' | 'startedAt' | 'hashAlg'> & {
  recordedAt: Date | string;
  startedAt: Date | string;
  hashAlg?: string;
};

// Column names, not property names: the hash is of what the database holds, and must not change
// when a TypeScript property is renamed. Adding a column means a new canonical form (and a way to
// tell old records from new ones), never a silent change of this list.
const COLUMNS: ReadonlyArray<[column: string, property: keyof ChainedContent, kind: 'value' | 'instant' | 'json']> = [
  ['seq', 'seq', 'value'],
  ['recorded_at', 'recordedAt', 'instant'],
  ['request_id', 'requestId', 'value'],
  ['key_id', 'keyId', 'value'],
  ['system_code', 'systemCode', 'value'],
  ['department_uscc', 'departmentUscc', 'value'],
  ['holder_name', 'holderName', 'value'],
  ['roles', 'roles', 'value'],
  ['purpose', 'purpose', 'value'],
  ['case_number', 'caseNumber', 'value'],
  ['operation_type', 'operationType', 'value'],
  ['operation_name', 'operationName', 'value'],
  ['fields', 'fields', 'value'],
  ['subjects', 'subjects', 'value'],
  ['outcome', 'outcome', 'value'],
  ['error_code', 'errorCode', 'value'],
  ['refusal', 'refusal', 'json'],
  ['started_at', 'startedAt', 'instant'],
  ['duration_ms', 'durationMs', 'value'],
  ['timings', 'timings', 'json'],
  ['prev_hash', 'prevHash', 'value'],
];
// Form v2 (keyed records) adds the algorithm itself, so a record cannot be passed off under the other one.
const COLUMNS_V2: typeof COLUMNS = [...COLUMNS, ['hash_alg', 'hashAlg', 'value']];

/**
 * The canonical text of a record: a JSON object of its columns (all but `hash`), keys sorted at
 * every level, timestamps as ISO strings to the millisecond, `seq` as a decimal string. The same
 * record gives the same text whether it was just built in memory or read back from Postgres
 * (where jsonb reorders keys and node-pg returns bigint as a string and timestamps as Dates).
 * Form v1 (legacy, `sha256` records) leaves `hash_alg` out; form v2 (`hmac-sha256`) includes it.
 */
export function canonicalRecord(row: ChainedContent): string {
  const content: Record<string, unknown> = {};
  for (const [column, property, kind] of row.hashAlg === HASH_ALG.hmacSha256 ? COLUMNS_V2 : COLUMNS) {
    const value = row[property] ?? null;
    if (kind === 'instant') content[column] = instant(value as Date | string, column);
    else if (column === 'seq') content[column] = decimal(value as string | number | bigint);
    else content[column] = value;
  }
  return canonicalJson(content);
}

/** Legacy records (`sha256`): hex SHA-256 of `prevHash + "\n" + canonical`. */
export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(`${prevHash}\n${canonical}`, 'utf8').digest('hex');
}

/** Keyed records (`hmac-sha256`): hex HMAC-SHA256 under `key` of `prevHash + "\n" + canonical`. */
export function chainMac(key: KeyObject, prevHash: string, canonical: string): string {
  return createHmac('sha256', key).update(`${prevHash}\n${canonical}`, 'utf8').digest('hex');
}

/** JSON with object keys sorted (recursively); `undefined` object members are left out, as JSON.stringify and jsonb do. */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot hash the number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (value instanceof Date) return JSON.stringify(instant(value, 'date'));
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      // Not JSON (a bigint column is read as a string): a record holding one is a bug, not a hash.
      break;
  }
  throw new TypeError(`cannot hash a ${typeof value}`);
}

function instant(value: Date | string, column: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new TypeError(`${column} is not a valid timestamp: ${String(value)}`);
  return date.toISOString();
}

function decimal(value: string | number | bigint): string {
  return BigInt(value).toString();
}
