// 电子证照标识, GB/T 36904-2018: the national identifier of an electronic licence or certificate.
// An OID under the e-licence arc followed by five dot-separated segments:
//   1.2.156.3005.2.<licence type code>.<issuer USCC>.<serial>.<3-digit version>.<check>
// e.g. 1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0
// The check character is ISO/IEC 7064 (GB/T 17710) hybrid MOD 37,36 over type code + issuer +
// serial + version concatenated without the dots.

import { failure, success, type IdentifierError, type IdentifierResult } from './identifier-result.js';
import { parseUscc } from './uscc.js';

// OID arcs: 1 ISO, 2 member body, 156 China, 3005 electronic licences, 2 licence identifiers.
export const E_LICENCE_ID_PREFIX = '1.2.156.3005.2';

// MOD 37,36 alphabet: digits then letters, valued 0..35. Unlike the USCC, I, O, S, V and Z are
// allowed: serials in the wild are often hexadecimal or free alphanumeric.
export const E_LICENCE_ID_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const MODULUS = 36;
const SEGMENTS_AFTER_PREFIX = 5;
// Licence type codes are a catalogue code (often the issuing ministry's USCC + a 3-digit number,
// e.g. 11100000000013338W009) and serials are the issuer's own numbering: both kept to the
// check alphabet and to a length that bounds the identifier.
const CODE_PATTERN = /^[0-9A-Z]{1,40}$/;
const MAX_CODE_LENGTH = 40;
const VERSION_PATTERN = /^\d{3}$/;

export interface ELicenceId {
  /** Normalised (trimmed, upper-case) identifier, dots included. */
  readonly id: string;
  readonly typeCode: string;
  readonly issuerUscc: string;
  readonly serial: string;
  /** Three digits, starting at 001 and incremented when the licence is reissued. */
  readonly version: string;
  readonly check: string;
}

export type ELicenceIdParts = Pick<ELicenceId, 'typeCode' | 'issuerUscc' | 'serial' | 'version'>;
export type ELicenceIdErrorCode = 'ELICENCE_ID_FORMAT' | 'ELICENCE_ID_ISSUER' | 'ELICENCE_ID_CHECK';
export type ELicenceIdResult = IdentifierResult<ELicenceId, ELicenceIdErrorCode>;

// Hybrid MOD 37,36 (ISO/IEC 7064 §9–10): p starts at 36; per character value c,
// s = (p + c) mod 36 with 0 read as 36, then p = 2s mod 37. Returns the last s and p.
// 37 is prime and s ≠ 0, so p is never 0 and every step is a bijection of the state: any
// single substitution changes the final state. An adjacent transposition of distinct characters
// is caught too, except when the two, added to the running p, give s = 18 and s = 19: both orders
// then reach the same state (2·18 = 36 and 2·19 ≡ 1 (mod 37), and the second character is one
// more in the second order). That is one pair of consecutive characters per state p: 36 of the
// 36 · 630 (state, pair) cases: unlike a pure system, a hybrid one misses a few transpositions.
function runMod3736(values: readonly number[]): { readonly s: number; readonly p: number } {
  let p = MODULUS;
  let s = MODULUS;
  for (const value of values) {
    s = (p + value) % MODULUS;
    if (s === 0) s = MODULUS;
    p = (s * 2) % (MODULUS + 1);
  }
  return { s, p };
}

function characterValues(text: string, caller: string): number[] {
  if (text.length === 0 || [...text].some((character) => !E_LICENCE_ID_CHARSET.includes(character))) {
    throw new RangeError(`${caller} needs at least one character from ${E_LICENCE_ID_CHARSET}, got "${text}"`);
  }
  return [...text].map((character) => E_LICENCE_ID_CHARSET.indexOf(character));
}

/** The MOD 37,36 check character of `data`: type code + issuer + serial + version, no dots. */
export function eLicenceIdCheckCharacter(data: string): string {
  const { p } = runMod3736(characterValues(data, 'eLicenceIdCheckCharacter'));
  // The character a that makes the next s equal 1: (p + a) ≡ 1 (mod 36).
  return E_LICENCE_ID_CHARSET.charAt((MODULUS + 1 - p) % MODULUS);
}

/**
 * ISO/IEC 7064 validity of data followed by its check character: running the same recursion
 * over all of it must end with s = 1. Independent of `eLicenceIdCheckCharacter`, which solves for
 * that final step; the two are tested to agree.
 */
export function isValidMod3736(dataWithCheck: string): boolean {
  return runMod3736(characterValues(dataWithCheck, 'isValidMod3736')).s === 1;
}

export function parseELicenceId(input: string): ELicenceIdResult {
  const id = input.trim().toUpperCase();
  const segments = id.split('.');
  const prefixLength = E_LICENCE_ID_PREFIX.split('.').length;
  if (segments.slice(0, prefixLength).join('.') !== E_LICENCE_ID_PREFIX) {
    return failure('ELICENCE_ID_FORMAT', `an e-licence identifier starts with ${E_LICENCE_ID_PREFIX}.`);
  }
  const rest = segments.slice(prefixLength);
  if (rest.length !== SEGMENTS_AFTER_PREFIX) {
    return failure(
      'ELICENCE_ID_FORMAT',
      `after ${E_LICENCE_ID_PREFIX} come ${SEGMENTS_AFTER_PREFIX} dot-separated segments ` +
        `(type code, issuer, serial, version, check), got ${rest.length}`,
    );
  }
  const [typeCode, issuerUscc, serial, version, check] = rest;
  const partsError = partsErrorOf({ typeCode, issuerUscc, serial, version });
  if (partsError !== undefined) return failure(partsError.code, partsError.message);
  if (check.length !== 1 || !E_LICENCE_ID_CHARSET.includes(check)) {
    return failure(
      'ELICENCE_ID_FORMAT',
      `check (segment 10) must be one character from 0-9 and A-Z, got ${check.length} characters`,
    );
  }
  const expected = eLicenceIdCheckCharacter(typeCode + issuerUscc + serial + version);
  if (check !== expected) {
    return failure('ELICENCE_ID_CHECK', `check character is ${check}, expected ${expected}`);
  }
  return success({ id, typeCode, issuerUscc, serial, version, check });
}

export function isValidELicenceId(input: string): boolean {
  return parseELicenceId(input).ok;
}

/**
 * Builds the identifier of the given parts with its check character. Parts are trimmed and
 * upper-cased like parsed input; invalid parts throw a RangeError, as a programming error.
 */
export function formatELicenceId(parts: ELicenceIdParts): string {
  const normalised: ELicenceIdParts = {
    typeCode: parts.typeCode.trim().toUpperCase(),
    issuerUscc: parts.issuerUscc.trim().toUpperCase(),
    serial: parts.serial.trim().toUpperCase(),
    version: parts.version.trim(),
  };
  const error = partsErrorOf(normalised);
  if (error !== undefined) throw new RangeError(`formatELicenceId: ${error.message}`);
  const { typeCode, issuerUscc, serial, version } = normalised;
  const check = eLicenceIdCheckCharacter(typeCode + issuerUscc + serial + version);
  return [E_LICENCE_ID_PREFIX, typeCode, issuerUscc, serial, version, check].join('.');
}

// Segments 6–9 (counting the prefix's five arcs), in order; the first problem wins. The issuer
// only has to be drawn from the check alphabet here: everything else about it (length, charset,
// its own MOD 31 check, category) is parseUscc's to judge. USCC warnings do not reject.
function partsErrorOf(parts: ELicenceIdParts): IdentifierError<ELicenceIdErrorCode> | undefined {
  const typeCodeError = codeSegmentError(parts.typeCode, 'licence type code (segment 6)');
  if (typeCodeError !== undefined) return typeCodeError;
  if (!/^[0-9A-Z]+$/.test(parts.issuerUscc)) {
    return codeSegmentError(parts.issuerUscc, 'issuer USCC (segment 7)');
  }
  const issuer = parseUscc(parts.issuerUscc);
  if (!issuer.ok) {
    return {
      code: 'ELICENCE_ID_ISSUER',
      message: `issuer USCC ${parts.issuerUscc} is invalid: ${issuer.error.message}`,
    };
  }
  const serialError = codeSegmentError(parts.serial, 'serial (segment 8)');
  if (serialError !== undefined) return serialError;
  if (!VERSION_PATTERN.test(parts.version)) {
    const got = parts.version.length === 3 ? `"${parts.version}"` : `${parts.version.length} characters`;
    return { code: 'ELICENCE_ID_FORMAT', message: `version (segment 9) must be exactly 3 digits, got ${got}` };
  }
  return undefined;
}

// Names the problem without echoing the segment, which may be arbitrarily long client input.
function codeSegmentError(segment: string, name: string): IdentifierError<ELicenceIdErrorCode> | undefined {
  if (CODE_PATTERN.test(segment)) return undefined;
  let problem: string;
  if (segment.length === 0) {
    problem = 'is empty';
  } else {
    const position = [...segment].findIndex((character) => !E_LICENCE_ID_CHARSET.includes(character));
    problem =
      position >= 0
        ? `has "${[...segment][position]}" at character ${position + 1}; only 0-9 and A-Z are allowed`
        : `has ${segment.length} characters, at most ${MAX_CODE_LENGTH} are allowed`;
  }
  return { code: 'ELICENCE_ID_FORMAT', message: `${name} ${problem}` };
}
