import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { QUERY_TOO_COMPLEX, QUERY_TOO_DEEP, costLimit, depthLimit } from './query-limits.js';

const schema = buildSchema(`
  type Query { node(id: ID!): Node, nodes(ids: [ID!]!): [Node], search(first: Int): [Node] }
  type Node { id: ID!, name: String, children(first: Int): [Node], parent: Node }
`);

const errorsOf = (query: string, rules: ReturnType<typeof depthLimit>[]) =>
  validate(schema, parse(query), rules).map((e) => ({ code: e.extensions.hubCode, ...e.extensions }));

describe('query depth limit', () => {
  it('allows an operation at the limit and refuses one level deeper', () => {
    expect(errorsOf('{ node(id: 1) { parent { parent { id } } } }', [depthLimit(4)])).toEqual([]);
    expect(errorsOf('{ node(id: 1) { parent { parent { parent { id } } } } }', [depthLimit(4)])).toEqual([
      expect.objectContaining({ code: QUERY_TOO_DEEP, depth: 5, maxDepth: 4 }),
    ]);
  });

  it('follows fragments and inline fragments', () => {
    const query = `{ node(id: 1) { ...P } } fragment P on Node { parent { ... on Node { parent { parent { id } } } } }`;
    expect(errorsOf(query, [depthLimit(4)])).toEqual([expect.objectContaining({ code: QUERY_TOO_DEEP, depth: 5 })]);
  });
});

describe('query cost limit', () => {
  it('multiplies by the length of a list argument', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `"${i}"`).join(',');
    // (1 + 2 fields) × 100 ids = 300
    expect(errorsOf(`{ nodes(ids: [${ids}]) { id name } }`, [costLimit(300)])).toEqual([]);
    expect(errorsOf(`{ nodes(ids: [${ids}]) { id name } }`, [costLimit(299)])).toEqual([expect.objectContaining({ code: QUERY_TOO_COMPLEX, cost: 300 })]);
  });

  it('multiplies nested lists by their first/last arguments, or 20 when none is given', () => {
    // search: (1 + children: (1 + id) × 10) × 50 = 1050
    expect(errorsOf('{ search(first: 50) { children(first: 10) { id } } }', [costLimit(1000)])).toEqual([
      expect.objectContaining({ code: QUERY_TOO_COMPLEX, cost: 1050 }),
    ]);
    // search without first: (1 + id) × 20 = 40
    expect(errorsOf('{ search { id } }', [costLimit(39)])).toEqual([expect.objectContaining({ cost: 40 })]);
  });

  it('counts fields reached through fragments', () => {
    expect(errorsOf('{ search(first: 10) { ...F } } fragment F on Node { id name parent { id } }', [costLimit(49)])).toEqual([
      expect.objectContaining({ cost: 50 }),
    ]);
  });
});
