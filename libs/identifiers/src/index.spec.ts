import { describe, expect, it } from 'vitest';
import * as identifiers from './index.js';

describe('@hub/identifiers public surface', () => {
  it('exports exactly the documented runtime values, nothing internal', () => {
    expect(Object.keys(identifiers).sort()).toEqual([
      'DIVISION_TABLE_SOURCE',
      'DIVISION_TABLE_VERSION',
      'ETHNICITY_CODES',
      'FAMILY_RELATION_CODES',
      'HOUSEHOLD_HEAD_RELATION',
      'LegalEntityKind',
      'MARITAL_STATUS_CODES',
      'chinaDate',
      'citizenIdCheckDigit',
      'convertCitizenId15To18',
      'currentSuccessors',
      'divisionChain',
      'divisionCodePrefix',
      'divisionFullName',
      'eLicenceIdCheckCharacter',
      'extendDivisionTable',
      'findDivision',
      'formatELicenceId',
      'generateCitizenId',
      'generateUscc',
      'isDivisionInForce',
      'isKnownDivisionCode',
      'isValidCitizenId',
      'isValidELicenceId',
      'isValidUscc',
      'listDivisions',
      'organisationCodeCheckCharacter',
      'parseCitizenId',
      'parseDivisionCode',
      'parseELicenceId',
      'parseUscc',
      'seededRandom',
      'usccCheckCharacter',
    ]);
  });

  it('keeps LegalEntityKind values equal to their names, as stored and sent over the API', () => {
    for (const [name, value] of Object.entries(identifiers.LegalEntityKind)) expect(value).toBe(name);
  });
});
