import { describe, expect, it } from 'vitest';
import { generateCitizenId, generateUscc, seededRandom } from '@hub/identifiers';
import { subjectOf } from './subject';

// The wrong check character of an 18-character identifier: any other of its alphabet.
const withWrongCheck = (id: string, alphabet: string) =>
  `${id.slice(0, 17)}${[...alphabet].find((c) => c !== id.at(-1))}`;

describe('subjectOf: the kind of subject a steward typed, checked before the hub is asked', () => {
  const random = seededRandom(11);
  const citizen = generateCitizenId(random);
  const uscc = generateUscc(random);

  it('picks a citizen for a valid citizen ID and a legal entity for a valid USCC, normalised', () => {
    expect(subjectOf(` ${citizen.toLowerCase()} `)).toEqual({ ok: true, type: 'PERSON', id: citizen });
    expect(subjectOf(uscc)).toEqual({ ok: true, type: 'LEGAL_ENTITY', id: uscc });
  });

  it('names the problem with the stable codes of the hub’s own parsers', () => {
    expect(subjectOf(withWrongCheck(citizen, '0123456789X'))).toMatchObject({
      ok: false,
      code: 'CITIZEN_ID_CHECK_DIGIT',
    });
    expect(subjectOf(withWrongCheck(uscc, 'ABCDEFGHJK'))).toMatchObject({ ok: false, code: 'USCC_CHECK_DIGIT' });
    expect(subjectOf('11010519491231')).toMatchObject({ ok: false, code: 'CITIZEN_ID_FORMAT' });
    expect(subjectOf('not an id')).toMatchObject({ ok: false, code: 'SUBJECT_INVALID' });
    expect(subjectOf('')).toMatchObject({ ok: false, code: 'SUBJECT_INVALID' });
  });
});
