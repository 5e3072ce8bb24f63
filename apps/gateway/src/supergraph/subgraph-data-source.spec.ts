import { describe, expect, it } from 'vitest';
import { unavailableErrors } from './subgraph-data-source.js';

describe('what an unreachable library leaves missing', () => {
  it('names every root field of the fetch by its response key (aliases included)', () => {
    const errors = unavailableErrors(
      'geospatial',
      'query Q__geospatial__0 { a: standardAddress(addressId: "A1") { __typename } standardAddress(addressId: "A2") { addressId } __typename }',
      {},
    );
    expect(errors.map((e) => e.path)).toEqual([['a'], ['standardAddress']]);
    expect(errors[0].extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', service: 'geospatial', retryable: true });
  });

  it("names each entity's fields the fetch was to add, by entity index (the gateway maps them to the answer's paths)", () => {
    const query =
      'query($representations:[_Any!]!){_entities(representations:$representations){...on LegalEntity{location{status}} ...on Person{address{text} __typename}}}';
    const errors = unavailableErrors('geospatial', query, {
      representations: [
        { __typename: 'LegalEntity', uscc: 'x' },
        { __typename: 'Person', idNumber: 'y' },
      ],
    });
    expect(errors.map((e) => e.path)).toEqual([
      ['_entities', 0, 'location'],
      ['_entities', 1, 'address'],
    ]);
  });

  it('bounds the errors of a long list, counting the rest in one', () => {
    const query =
      'query($representations:[_Any!]!){_entities(representations:$representations){...on LegalEntity{location{status}}}}';
    const representations = Array.from({ length: 500 }, (_, i) => ({ __typename: 'LegalEntity', uscc: String(i) }));
    const errors = unavailableErrors('geospatial', query, { representations });
    expect(errors).toHaveLength(51);
    expect(errors[50].path).toBeUndefined();
    expect(errors[50].message).toMatch(/450 more/);
  });
});
