import type { AccessPurpose } from '@hub/auth';

export const PURPOSE_HEADER = 'x-hub-purpose';
export const CASE_NUMBER_HEADER = 'x-hub-case-number';
/** Characters (code points) after NFKC normalisation. */
export const MAX_PURPOSE_LENGTH = 200;
export const MAX_CASE_NUMBER_LENGTH = 64;

/** Why a purpose or case number was refused (`extensions.reason` of PURPOSE_INVALID). */
export type PurposeInvalidReason =
  /** Longer than the limit, counted in code points after normalisation. */
  | 'TOO_LONG'
  /** A half of a UTF-16 surrogate pair standing alone: not text. */
  | 'BROKEN_TEXT'
  /** C0/C1 controls (NUL, line breaks, tabs, ESC …) and the Unicode line and paragraph separators. */
  | 'CONTROL_CHARACTERS'
  /** Direction overrides, embeddings, isolates and marks (U+202A–202E, U+2066–2069, U+200E/200F, U+061C). */
  | 'BIDI_CONTROL'
  /** Format and default-ignorable characters: zero-width spaces and joiners, U+2060, U+FEFF, soft hyphen, fillers, tags, variation selectors. */
  | 'INVISIBLE_CHARACTERS'
  | 'PRIVATE_USE'
  /** Code points Unicode (as this Node knows it) has not assigned, noncharacters included. */
  | 'UNASSIGNED'
  /** Nothing a reader sees: only spaces and combining marks. */
  | 'NO_VISIBLE_TEXT'
  /** A case number with characters other than letters, digits and - _ / . : ( ) [ ] （ ） 〔 〕. */
  | 'CASE_NUMBER_FORMAT';

export type PurposeError = {
  code: 'PURPOSE_INVALID';
  reason: PurposeInvalidReason;
  field: 'purpose' | 'caseNumber';
  message: string;
};

// Checked in this order; the first class found names the reason. Bidi controls are format
// characters too: they are named first because they can make a log line read other than it is stored.
const LONE_SURROGATE = /\p{Cs}/u;
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/u;
// Format characters, default-ignorable code points (which include the Hangul fillers and variation
// selectors that are letters or marks by category) and the braille blank, a symbol that shows nothing.
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u;
const PRIVATE_USE = /\p{Co}/u;
const UNASSIGNED = /\p{Cn}/u;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
const CASE_NUMBER = /^[\p{L}\p{N}\-_/.:()（）〔〕[\]]+$/u;
/**
 * Longer than this many UTF-16 units, text is too long whatever normalisation does (it folds at most
 * 4 code points into 1, and a code point takes at most 2 units): refused before normalising megabytes.
 */
const RAW_LIMIT_FACTOR = 8;

/**
 * Why an operation reads data: from the request's GraphQL extensions (`{ "purpose": …,
 * "caseNumber": … }`, UTF-8, the natural place for Chinese text) or from the headers
 * `x-hub-purpose` / `x-hub-case-number` (percent-encoded UTF-8, as HTTP headers are not UTF-8).
 * Extensions win over headers. Both are NFKC-normalised and must be text a person reads back from
 * the access log as it was meant: no controls, no invisible or direction-changing characters,
 * something visible. The normalised text is what is recorded and passed on.
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
  const purpose = visibleText(text(extensions?.purpose) ?? fromHeader(PURPOSE_HEADER), 'purpose', MAX_PURPOSE_LENGTH);
  if ('error' in purpose) return purpose;
  const caseNumber = visibleText(
    text(extensions?.caseNumber) ?? fromHeader(CASE_NUMBER_HEADER),
    'caseNumber',
    MAX_CASE_NUMBER_LENGTH,
  );
  if ('error' in caseNumber) return caseNumber;
  if (caseNumber.text !== null && !CASE_NUMBER.test(caseNumber.text)) {
    return invalid(
      'caseNumber',
      'CASE_NUMBER_FORMAT',
      `a case number is at most ${MAX_CASE_NUMBER_LENGTH} letters, digits and - _ / . : ( ) [ ]`,
    );
  }
  return { purpose: { purpose: purpose.text, caseNumber: caseNumber.text } };
}

/**
 * The value NFKC-normalised and trimmed; null when absent or only white space (as if not given);
 * the error when it is not plain visible text or is too long.
 */
function visibleText(
  value: string | undefined,
  field: PurposeError['field'],
  max: number,
): { text: string | null } | { error: PurposeError } {
  if (value === undefined) return { text: null };
  const name = field === 'purpose' ? 'a purpose' : 'a case number';
  if (value.length > max * RAW_LIMIT_FACTOR) return invalid(field, 'TOO_LONG', `${name} is at most ${max} characters`);
  if (LONE_SURROGATE.test(value)) return invalid(field, 'BROKEN_TEXT', `${name} is text: no broken UTF-16`);
  // Fullwidth and compatibility forms (ＡＢＣ, ①, ㈱, U+3000) become their plain equivalents, so the
  // log holds one spelling of one text and a look-alike cannot hide in it.
  const normalised = value.normalize('NFKC');
  if (BIDI_CONTROL.test(normalised))
    return invalid(
      field,
      'BIDI_CONTROL',
      `${name} may not contain bidirectional control characters (U+202A–202E, U+2066–2069, U+200E, U+200F, U+061C)`,
    );
  if (CONTROL.test(normalised))
    return invalid(
      field,
      'CONTROL_CHARACTERS',
      `${name} is one line of plain text: no control characters or line breaks`,
    );
  if (INVISIBLE.test(normalised))
    return invalid(
      field,
      'INVISIBLE_CHARACTERS',
      `${name} may not contain invisible characters (zero-width spaces and joiners, U+2060, U+FEFF, soft hyphens, fillers)`,
    );
  if (PRIVATE_USE.test(normalised))
    return invalid(
      field,
      'PRIVATE_USE',
      `${name} may not contain private-use characters: they read differently on every system`,
    );
  if (UNASSIGNED.test(normalised))
    return invalid(field, 'UNASSIGNED', `${name} may not contain unassigned code points or noncharacters`);
  const trimmed = normalised.trim();
  if (trimmed === '') return { text: null };
  if ([...trimmed].length > max)
    return invalid(field, 'TOO_LONG', `${name} is at most ${max} characters (after NFKC normalisation)`);
  if (!VISIBLE.test(trimmed))
    return invalid(field, 'NO_VISIBLE_TEXT', `${name} needs visible text, not only spaces and combining marks`);
  return { text: trimmed };
}

function invalid(field: PurposeError['field'], reason: PurposeInvalidReason, message: string): { error: PurposeError } {
  return { error: { code: 'PURPOSE_INVALID', reason, field, message } };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
