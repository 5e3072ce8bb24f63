import { parseCitizenId, parseUscc } from '@hub/identifiers';
import { InputError, type SubjectKind } from '@hub/subgraph';

/** A data subject: a citizen by citizen ID, or a legal entity by USCC. */
export interface Subject {
  type: SubjectKind;
  id: string;
}

/**
 * The subject an identifier names: a valid citizen ID (GB 11643) or USCC (GB 32100), normalised.
 * `expected` narrows it (a service item is for persons or for legal entities). Refused with
 * SUBJECT_INVALID (and the identifier's own reason) otherwise.
 */
export function parseSubject(input: string, field: string, expected?: SubjectKind): Subject {
  const person = expected === 'LEGAL_ENTITY' ? null : parseCitizenId(input);
  if (person?.ok) return { type: 'PERSON', id: person.value.idNumber };
  const entity = expected === 'PERSON' ? null : parseUscc(input);
  if (entity?.ok) return { type: 'LEGAL_ENTITY', id: entity.value.uscc };
  const reasons = [
    person && !person.ok ? `not a citizen ID (${person.error.message})` : null,
    entity && !entity.ok ? `not a USCC (${entity.error.message})` : null,
  ].filter(Boolean);
  throw new InputError([{ field, code: 'SUBJECT_INVALID', message: `${input.slice(0, 40)} is ${reasons.join('; ')}` }]);
}
