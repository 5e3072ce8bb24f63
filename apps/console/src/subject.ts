// Which kind of subject a steward typed: a citizen ID (GB 11643) or a USCC (GB 32100), checked in
// the page — format and check digit — with the hub's own parsers: libs/identifiers' modules are
// pure (no Node API), so the console imports the library (aliased in vite.config.ts) rather than
// keeping a copy that could drift. The hub checks again on every request.
import { parseCitizenId, parseUscc } from '@hub/identifiers';
import type { AccessSubjectType } from './gql/graphql';

export type SubjectCheck =
  { ok: true; type: AccessSubjectType; id: string } | { ok: false; code: string; message: string };

const LOOKS_LIKE_CITIZEN_ID = /^\d{17}[\dX]$/;

/** The subject's type and normalised id, or the stable code of what is wrong with it. */
export function subjectOf(input: string): SubjectCheck {
  const raw = input.trim().toUpperCase();
  if (raw.length !== 18) {
    return {
      ok: false,
      code: /^\d+X?$/.test(raw) ? 'CITIZEN_ID_FORMAT' : 'SUBJECT_INVALID',
      message: `18 characters expected, got ${raw.length}`,
    };
  }
  const person = parseCitizenId(raw);
  if (person.ok) return { ok: true, type: 'PERSON', id: person.value.idNumber };
  const company = parseUscc(raw);
  if (company.ok) return { ok: true, type: 'LEGAL_ENTITY', id: company.value.uscc };
  // Neither: name the problem of the kind it looks like (17 digits and a digit or X: a citizen ID).
  const error = LOOKS_LIKE_CITIZEN_ID.test(raw) ? person.error : company.error;
  return { ok: false, code: error.code, message: error.message };
}
