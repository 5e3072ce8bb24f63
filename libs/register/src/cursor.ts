import { InputError } from '@hub/subgraph';

/**
 * Opaque cursors of keyset pagination: the last key of a page, tagged with what it pages through so
 * that a cursor of one list is refused by another.
 */
export function encodeCursor(kind: string, key: string): string {
  return Buffer.from(`${kind}:${key}`).toString('base64url');
}

/** The key in a cursor; an InputError (field `after`, INVALID_CURSOR) when it is not one of ours. */
export function decodeCursor(kind: string, cursor: string, isKey: (key: string) => boolean): string {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  const key = decoded.slice(kind.length + 1);
  if (!decoded.startsWith(`${kind}:`) || !isKey(key)) {
    throw new InputError([{ field: 'after', code: 'INVALID_CURSOR', message: 'not a cursor returned by this list' }]);
  }
  return key;
}
