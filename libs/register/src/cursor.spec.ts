import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CURSOR_LENGTH, decodeCursor, encodeCursor } from './cursor.js';

const ID = '330108198504122351';
const any = () => true;
const saved = process.env.HUB_INTERNAL_SECRET;

describe('pagination cursors', () => {
  afterEach(() => {
    if (saved === undefined) delete process.env.HUB_INTERNAL_SECRET;
    else process.env.HUB_INTERNAL_SECRET = saved;
  });

  it('round-trips the key without showing it: a cursor is no way around masking', () => {
    const cursor = encodeCursor('p', ID);
    expect(decodeCursor('p', cursor, any)).toBe(ID);
    expect(cursor).not.toContain(ID);
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toContain(ID);
    expect(Buffer.from(cursor, 'base64').toString('latin1')).not.toContain(ID);
    // Two cursors of the same key differ, so equal keys cannot be spotted either.
    expect(encodeCursor('p', ID)).not.toBe(cursor);
  });

  it('refuses a cursor of another list, a tampered one, a forged one and one sealed under another secret', () => {
    process.env.HUB_INTERNAL_SECRET = 'a'.repeat(64);
    const cursor = encodeCursor('p', ID);
    const refused = (c: string, kind = 'p') => {
      try {
        decodeCursor(kind, c, any);
        return undefined;
      } catch (error) {
        return (error as { details?: { reason?: string } }).details?.reason ?? String(error);
      }
    };
    expect(refused(cursor, 'le')).toBe('INVALID_CURSOR');
    const raw = Buffer.from(cursor, 'base64url');
    raw[14] ^= 1;
    expect(refused(raw.toString('base64url'))).toBe('INVALID_CURSOR');
    expect(refused(Buffer.from(`p:${ID}`).toString('base64url'))).toBe('INVALID_CURSOR');
    expect(refused('x'.repeat(MAX_CURSOR_LENGTH + 1))).toBe('INVALID_CURSOR');
    expect(refused('')).toBe('INVALID_CURSOR');
    process.env.HUB_INTERNAL_SECRET = 'b'.repeat(64);
    expect(refused(cursor)).toBe('INVALID_CURSOR');
  });

  it('refuses a key the list does not accept', () => {
    expect(() => decodeCursor('p', encodeCursor('p', 'not-an-id'), (k) => /^\d{17}[\dX]$/.test(k))).toThrow(
      /not a cursor/,
    );
  });

  it('fits keys of up to 100 bytes within MAX_CURSOR_LENGTH', () => {
    expect(encodeCursor('cr', 'x'.repeat(100)).length).toBeLessThanOrEqual(MAX_CURSOR_LENGTH);
  });
});
