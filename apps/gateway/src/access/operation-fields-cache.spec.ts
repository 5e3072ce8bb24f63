import { buildSchema, parse } from 'graphql';
import { fieldsOfOperation } from '@hub/policy';
import { OperationFieldsCache } from './operation-fields-cache.js';

const schema = buildSchema(/* GraphQL */ `
  type Person {
    name: String
    phone: String
    address: String
  }
  type Query {
    person(id: ID!): Person
    people: [Person!]!
  }
`);

const document = parse(/* GraphQL */ `
  query A($withPhone: Boolean!, $noAddress: Boolean = true) {
    person(id: "1") {
      name
      phone @include(if: $withPhone)
      address @skip(if: $noAddress)
    }
  }
  query B {
    people {
      name
    }
  }
`);

describe('OperationFieldsCache', () => {
  it('answers what fieldsOfOperation answers, for each operation and each @skip/@include condition', () => {
    const cache = new OperationFieldsCache(schema);
    const cases: Array<{ operationName: string; variables?: Record<string, unknown> }> = [
      { operationName: 'A', variables: { withPhone: true } },
      { operationName: 'A', variables: { withPhone: false } },
      { operationName: 'A', variables: { withPhone: false, noAddress: false } },
      { operationName: 'A', variables: { withPhone: null, noAddress: 'yes' } },
      { operationName: 'A', variables: {} },
      { operationName: 'B' },
    ];
    // Twice: the second round comes from the cache.
    for (let round = 0; round < 2; round++) {
      for (const options of cases) {
        const touched = cache.fieldsOf(document, options);
        const fresh = [...fieldsOfOperation(schema, document, options).coordinates].sort();
        expect([...touched.coordinates].sort()).toEqual(fresh);
        expect(touched.sorted).toEqual(fresh);
      }
    }
    expect(cache.fieldsOf(document, { operationName: 'A', variables: { withPhone: true } })).toBe(cache.fieldsOf(document, { operationName: 'A', variables: { withPhone: true } }));
    // $noAddress defaults to true: the address is skipped unless the caller says otherwise.
    expect(cache.fieldsOf(document, { operationName: 'A', variables: { withPhone: false } }).sorted).toEqual(['Person.name', 'Query.person']);
    expect(cache.fieldsOf(document, { operationName: 'A', variables: { withPhone: true, noAddress: false } }).sorted).toEqual(['Person.address', 'Person.name', 'Person.phone', 'Query.person']);
  });

  it('keeps nothing of one document for another', () => {
    const cache = new OperationFieldsCache(schema);
    const other = parse('{ people { phone } }');
    expect(cache.fieldsOf(document, { operationName: 'B' }).sorted).toEqual(['Person.name', 'Query.people']);
    expect(cache.fieldsOf(other, {}).sorted).toEqual(['Person.phone', 'Query.people']);
  });
});
