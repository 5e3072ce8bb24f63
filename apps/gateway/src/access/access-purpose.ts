import type { AccessPurpose } from '@hub/auth';

export const PURPOSE_HEADER = 'x-hub-purpose';
export const CASE_NUMBER_HEADER = 'x-hub-case-number';
export const MAX_PURPOSE_LENGTH = 200;
export const MAX_CASE_NUMBER_LENGTH = 64;

/** Control characters, and halves of UTF-16 surrogate pairs standing alone (broken text). */
const NOT_PLAIN_TEXT = /[\p{Cc}\p{Cs}]/u;

export type PurposeError = { code: 'PURPOSE_INVALID'; message: string };

/**
 * Why an operation reads data: from the request's GraphQL extensions (`{ "purpose": …,
 * "caseNumber": … }`, UTF-8, the natural place for Chinese text) or from the headers
 * `x-hub-purpose` / `x-hub-case-number` (percent-encoded UTF-8, as HTTP headers are not UTF-8).
 * Extensions win over headers.
 */
export function accessPurpose(
  headers: Record<string, string | string[] | undefined>,
  extensions: Record<string, unknown> | undefined,
): { purpose: AccessPurpose } | { error: PurposeError } {
  const fromHeader = (name: string): string | undefined => {
    const raw = headers[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined) return undefined;
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  };
  const purpose = text(extensions?.purpose) ?? fromHeader(PURPOSE_HEADER);
  const caseNumber = text(extensions?.caseNumber) ?? fromHeader(CASE_NUMBER_HEADER);
  const p = purpose?.trim() || null;
  const c = caseNumber?.trim() || null;
  if (p && [...p].length > MAX_PURPOSE_LENGTH) return { error: { code: 'PURPOSE_INVALID', message: `a purpose is at most ${MAX_PURPOSE_LENGTH} characters` } };
  // It goes into the access log as text a person reads: no control characters, no broken UTF-16.
  if (p && NOT_PLAIN_TEXT.test(p)) return { error: { code: 'PURPOSE_INVALID', message: 'a purpose is plain text: no control characters' } };
  if (c && (c.length > MAX_CASE_NUMBER_LENGTH || !/^[\p{L}\p{N}\-_/.:()（）〔〕[\]]+$/u.test(c))) {
    return { error: { code: 'PURPOSE_INVALID', message: `a case number is at most ${MAX_CASE_NUMBER_LENGTH} letters, digits and - _ / . : ( ) [ ]` } };
  }
  return { purpose: { purpose: p, caseNumber: c } };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
