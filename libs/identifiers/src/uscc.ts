// 统一社会信用代码, GB 32100-2015: the key of the legal-entity base library. 18 characters:
// registering authority + category + 6-digit area code + 9-character GB 11714 organisation
// code + MOD 31 check character.

import { failure, success, type IdentifierResult, type IdentifierWarning } from './identifier-result.js';
import { organisationCodeCheckCharacter } from './organisation-code.js';
import { findUsccAuthority, type LegalEntityKind, type UsccCodeName } from './uscc-categories.js';

// I, O, S, V and Z are left out so that no character can be misread as a digit or as another.
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export interface Uscc {
  /** Normalised (upper-case) 18-character code. */
  readonly uscc: string;
  readonly registeringAuthority: UsccCodeName;
  /** The category as positioned in the code (second character), named within its authority. */
  readonly category: UsccCodeName;
  readonly kind: LegalEntityKind;
  readonly areaCode: string;
  /** The embedded GB 11714 organisation code, positions 9–17. */
  readonly organisationCode: string;
  readonly warnings: readonly IdentifierWarning<UsccWarningCode>[];
}

export type UsccErrorCode = 'USCC_FORMAT' | 'USCC_CHARSET' | 'USCC_CHECK_DIGIT' | 'USCC_CATEGORY';
export type UsccWarningCode = 'USCC_ORGANISATION_CODE_CHECK' | 'USCC_AREA_CODE';
export type UsccResult = IdentifierResult<Uscc, UsccErrorCode>;

export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17 || [...first17].some((character) => !USCC_CHARSET.includes(character))) {
    throw new RangeError(`usccCheckCharacter needs 17 characters from ${USCC_CHARSET}, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += USCC_CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

export function parseUscc(input: string): UsccResult {
  const uscc = input.trim().toUpperCase();
  if (uscc.length !== 18) {
    return failure('USCC_FORMAT', `USCC must be 18 characters, got ${uscc.length}`);
  }
  for (let i = 0; i < 18; i += 1) {
    const character = uscc.charAt(i);
    if (!USCC_CHARSET.includes(character)) {
      return failure(
        'USCC_CHARSET',
        `character ${i + 1} is "${character}", which a USCC never contains (allowed: digits and ${USCC_CHARSET.slice(10)})`,
      );
    }
  }
  const expected = usccCheckCharacter(uscc.slice(0, 17));
  if (uscc.charAt(17) !== expected) {
    return failure('USCC_CHECK_DIGIT', `check character is ${uscc.charAt(17)}, expected ${expected}`);
  }
  const authority = findUsccAuthority(uscc.charAt(0));
  const category = authority?.categories.find((candidate) => candidate.code === uscc.charAt(1));
  if (authority === undefined || category === undefined) {
    return failure(
      'USCC_CATEGORY',
      authority === undefined
        ? `registering authority code ${uscc.charAt(0)} is not defined by GB 32100`
        : `category ${uscc.charAt(1)} is not defined for registering authority ${authority.code} (${authority.name})`,
    );
  }
  const areaCode = uscc.slice(2, 8);
  const organisationCode = uscc.slice(8, 17);
  return success({
    uscc,
    registeringAuthority: { code: authority.code, name: authority.name, nameEn: authority.nameEn },
    category: { code: category.code, name: category.name, nameEn: category.nameEn },
    kind: category.kind,
    areaCode,
    organisationCode,
    warnings: [...areaCodeWarnings(areaCode), ...organisationCodeWarnings(organisationCode)],
  });
}

export function isValidUscc(input: string): boolean {
  return parseUscc(input).ok;
}

// Positions 9–17 were not always assigned or copied with a correct GB 11714 check, and the outer
// check already protects the whole code: a mismatch is worth a look, not a rejection.
function organisationCodeWarnings(organisationCode: string): IdentifierWarning<UsccWarningCode>[] {
  const given = organisationCode.charAt(8);
  const expected = organisationCodeCheckCharacter(organisationCode.slice(0, 8));
  if (given === expected) return [];
  return [
    {
      code: 'USCC_ORGANISATION_CODE_CHECK',
      message: `embedded organisation code ${organisationCode} has check character ${given}, expected ${expected}`,
    },
  ];
}

function areaCodeWarnings(areaCode: string): IdentifierWarning<UsccWarningCode>[] {
  if (/^\d{6}$/.test(areaCode)) return [];
  return [{ code: 'USCC_AREA_CODE', message: `area code ${areaCode} (positions 3–8) should be 6 digits` }];
}
