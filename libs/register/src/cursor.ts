import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { internalSecret } from '@hub/auth';
import { InputError } from '@hub/subgraph';

/**
 * Opaque cursors of keyset pagination: the last key of a page, tagged with what it pages through so
 * that a cursor of one list is refused by another — sealed (AES-256-GCM under a key derived from
 * the hub's internal secret), because the key is often personal data (a citizen ID) that the
 * caller may only see masked, or not at all. Without an internal secret (one process runs every
 * app, or none is configured), a random key of this process seals them: cursors then outlive
 * neither the process nor a move to another replica, which pagination tolerates (start again).
 */
export function encodeCursor(kind: string, key: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(), iv);
  const sealed = Buffer.concat([cipher.update(`${kind}:${key}`, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The key in a cursor; an InputError (field `after`, INVALID_CURSOR) when it is not one of ours. */
export function decodeCursor(kind: string, cursor: string, isKey: (key: string) => boolean): string {
  const decoded = open(cursor);
  const key = decoded?.slice(kind.length + 1);
  if (decoded === undefined || key === undefined || !decoded.startsWith(`${kind}:`) || !isKey(key)) {
    throw new InputError([{ field: 'after', code: 'INVALID_CURSOR', message: 'not a cursor returned by this list' }]);
  }
  return key;
}

/** Longest cursor the hub hands out for keys of up to 100 bytes, for input length limits. */
export const MAX_CURSOR_LENGTH = 256;

/** The `after` field of a list's ArgsType: the endCursor of the previous page, at most MAX_CURSOR_LENGTH. */
export function CursorField(): PropertyDecorator {
  return applyDecorators(
    Field({ nullable: true, description: 'The endCursor of the previous page' }),
    IsOptional(),
    IsString(),
    MaxLength(MAX_CURSOR_LENGTH),
  );
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
let processKey: Buffer | undefined;
let derived: { secret: string; key: Buffer } | undefined;

function sealingKey(): Buffer {
  const secret = internalSecret();
  if (secret === undefined) return (processKey ??= randomBytes(32));
  if (derived?.secret !== secret)
    derived = { secret, key: createHash('sha256').update(`hub cursor sealing key\0${secret}`).digest() };
  return derived.key;
}

function open(cursor: string): string | undefined {
  if (cursor.length > MAX_CURSOR_LENGTH) return undefined;
  const raw = Buffer.from(cursor, 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(), raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return undefined;
  }
}
