import { createHash } from 'node:crypto';

/**
 * SHA-256 of a record's business fields in a fixed order: tells a real change from a record sent
 * again with a new version but the same content.
 */
export function contentHash(record: Record<string, unknown>, fields: readonly string[]): string {
  return createHash('sha256')
    .update(JSON.stringify(fields.map((f) => record[f] ?? null)))
    .digest('hex');
}
