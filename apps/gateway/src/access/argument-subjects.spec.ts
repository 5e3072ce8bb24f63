import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { argumentSubjects } from './argument-subjects.js';

const PERSON = '11010519491231002X';
const COMPANY = '91440604KCM5J6WP2T';

describe('argumentSubjects', () => {
  it('names the citizen IDs and USCCs an operation passes, literally or by variables, inside input objects too', () => {
    const document = parse(`query($ids: [String!]!, $s: String!, $i: PersonRecordInput!) {
      persons(idNumbers: $ids) { name }
      legalEntity(uscc: "${COMPANY}") { name }
      reuseFor(serviceItem: "X", subject: $s) { asOf }
      registerPerson(input: $i) { outcome }
    }`);
    const subjects = argumentSubjects(document, {
      ids: [PERSON.toLowerCase(), 'nonsense'],
      s: COMPANY,
      i: { idNumber: PERSON },
    });
    expect(subjects.sort()).toEqual([`LEGAL_ENTITY:${COMPANY}`, `PERSON:${PERSON}`]);
  });

  it('reads a variable used many times once, and survives variables nested deeper than any identifier', () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `p${i}: persons(idNumbers: $ids) { name }`).join(' ');
    const ids = Array.from({ length: 1000 }, () => PERSON);
    const started = performance.now();
    expect(argumentSubjects(parse(`query($ids: [String!]!) { ${aliases} }`), { ids })).toEqual([`PERSON:${PERSON}`]);
    expect(performance.now() - started).toBeLessThan(500);
    let deep: unknown = PERSON;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(
      argumentSubjects(parse('query($ids: [String!]!) { persons(idNumbers: $ids) { name } }'), { ids: deep }),
    ).toEqual([]);
  });
});
