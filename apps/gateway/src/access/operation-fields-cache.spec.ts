import { buildSchema, parse } from 'graphql';
import { argumentUses, fieldsOfOperation } from '@hub/policy';
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
    expect(cache.fieldsOf(document, { operationName: 'A', variables: { withPhone: true } })).toBe(
      cache.fieldsOf(document, { operationName: 'A', variables: { withPhone: true } }),
    );
    // $noAddress defaults to true: the address is skipped unless the caller says otherwise.
    expect(cache.fieldsOf(document, { operationName: 'A', variables: { withPhone: false } }).sorted).toEqual([
      'Person.name',
      'Query.person',
    ]);
    expect(
      cache.fieldsOf(document, { operationName: 'A', variables: { withPhone: true, noAddress: false } }).sorted,
    ).toEqual(['Person.address', 'Person.name', 'Person.phone', 'Query.person']);
  });

  it('keeps nothing of one document for another', () => {
    const cache = new OperationFieldsCache(schema);
    const other = parse('{ people { phone } }');
    expect(cache.fieldsOf(document, { operationName: 'B' }).sorted).toEqual(['Person.name', 'Query.people']);
    expect(cache.fieldsOf(other, {}).sorted).toEqual(['Person.phone', 'Query.people']);
  });

  it('remembers where arguments are, never their values: each request reads its own variables', () => {
    const cache = new OperationFieldsCache(schema);
    const lookup = parse(
      'query($id: ID!, $more: Boolean!) { person(id: $id) { name } other: person(id: "9") @include(if: $more) { name } }',
    );
    const first = cache.fieldsOf(lookup, { variables: { id: '1', more: false } });
    const second = cache.fieldsOf(lookup, { variables: { id: '2', more: false } });
    // The same cached entry for both (the ids are not part of the key)…
    expect(second).toBe(first);
    // …and each request's own values from it.
    expect(argumentUses(first.argumentSites, { id: '1', more: false }).get('Query.person(id)')).toEqual(['1']);
    expect(argumentUses(second.argumentSites, { id: '2', more: false }).get('Query.person(id)')).toEqual(['2']);
    // An @include that changes which fields run changes the sites (another entry).
    const included = cache.fieldsOf(lookup, { variables: { id: '3', more: true } });
    expect(included).not.toBe(first);
    expect(argumentUses(included.argumentSites, { id: '3', more: true }).get('Query.person(id)')).toEqual(['3', '9']);
  });
});
