import {
  buildSchema,
  getIntrospectionQuery,
  parse,
  validate,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { jsonBytesUpTo } from './operation-limits.js';
import {
  DEFAULT_LIST_SIZE,
  QUERY_TOO_COMPLEX,
  QUERY_TOO_DEEP,
  TOO_MANY_ALIASES,
  TOO_MANY_DIRECTIVES,
  aliasLimit,
  costLimit,
  depthLimit,
  directiveLimit,
  measureOperation,
} from './query-limits.js';

const schema = buildSchema(`
  type Query { node(id: ID!): Node, nodes(ids: [ID!]!): [Node], search(first: Int): [Node], page(first: Int = 20): Page }
  type Page { nodes: [Node!]!, total: Int }
  type Node { id: ID!, name: String, children(first: Int): [Node], parent: Node }
`);

const errorsOf = (query: string, rules: ValidationRule[]) =>
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
    expect(errorsOf(`{ nodes(ids: [${ids}]) { id name } }`, [costLimit(299)])).toEqual([
      expect.objectContaining({ code: QUERY_TOO_COMPLEX, cost: 300 }),
    ]);
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
    expect(
      errorsOf('{ search(first: 10) { ...F } } fragment F on Node { id name parent { id } }', [costLimit(49)]),
    ).toEqual([expect.objectContaining({ cost: 50 })]);
  });
});

/** `fragment F<n>` spreads F<n-1> twice: 2^n fields once expanded, in a document of n lines. */
function nestedFragments(n: number, leaf = 'id name'): string {
  let query = `query Attack { node(id: 1) { ...F${n} } } fragment F0 on Node { ${leaf} }`;
  for (let i = 1; i <= n; i++) query += ` fragment F${i} on Node { ...F${i - 1} ...F${i - 1} }`;
  return query;
}

describe('measureOperation: linear in the document', () => {
  it('measures each fragment once: 2^60 fields behind 60 nested fragments are measured (and refused) at once', () => {
    // Walking every spread would take longer than the universe has existed; this finishes only if
    // each fragment is measured once.
    const document = parse(nestedFragments(60));
    const operation = document.definitions[0] as OperationDefinitionNode;
    const { cost, depth } = measureOperation(schema, document, operation);
    expect(depth).toBe(2);
    expect(cost).toBeGreaterThan(2 ** 60);
    expect(errorsOf(nestedFragments(60), [costLimit(50_000), depthLimit(12)])).toEqual([
      expect.objectContaining({ code: QUERY_TOO_COMPLEX, maxCost: 50_000 }),
    ]);
  });

  it('counts __typename, so fragments of nothing but __typename cannot hide an expansion', () => {
    expect(errorsOf(nestedFragments(40, '__typename'), [costLimit(50_000)])).toEqual([
      expect.objectContaining({ code: QUERY_TOO_COMPLEX }),
    ]);
  });

  it('the cost bounds the expanded size: a small fragment tree costs what it expands to', () => {
    // node: 1 + F3 = 8 × (id + name) = 1 + 16
    const document = parse(nestedFragments(3));
    expect(measureOperation(schema, document, document.definitions[0] as OperationDefinitionNode).cost).toBe(17);
  });

  it('survives a fragment cycle (the standard rules report it)', () => {
    const query = '{ node(id: 1) { ...A } } fragment A on Node { id ...B } fragment B on Node { name ...A }';
    const document = parse(query);
    expect(measureOperation(schema, document, document.definitions[0] as OperationDefinitionNode).cost).toBeGreaterThan(
      0,
    );
  });
});

describe('cost with variables', () => {
  const query = 'query Q($ids: [ID!]!, $n: Int) { nodes(ids: $ids) { id name } search(first: $n) { id } }';
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;

  it('counts a list or size passed as a variable as 1 while the variables are unknown (validation)', () => {
    // nodes: (1 + 2) × 1, search: (1 + 1) × 1
    expect(measureOperation(schema, document, operation).cost).toBe(5);
  });

  it('counts the real length of a variable list and the real value of `first:`', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => String(i));
    expect(measureOperation(schema, document, operation, { ids, n: 5000 }).cost).toBe(3 * 1000 + 2 * 5000);
  });

  it('600 aliases of a lookup with a 1,000-element variable list cost 600 × 1,000 × their fields', () => {
    const aliased = `query Q($ids: [ID!]!) { ${Array.from({ length: 600 }, (_, i) => `a${i}: nodes(ids: $ids) { id name }`).join(' ')} }`;
    const doc = parse(aliased);
    const cost = measureOperation(schema, doc, doc.definitions[0] as OperationDefinitionNode, {
      ids: Array.from({ length: 1000 }, (_, i) => String(i)),
    }).cost;
    expect(cost).toBe(600 * 1000 * 3);
  });

  it('uses a variable default when the variable is not given, and DEFAULT_LIST_SIZE when nothing tells', () => {
    const withDefault = parse('query Q($n: Int = 7) { search(first: $n) { id } }');
    expect(measureOperation(schema, withDefault, withDefault.definitions[0] as OperationDefinitionNode, {}).cost).toBe(
      14,
    );
    expect(measureOperation(schema, document, operation, {}).cost).toBe(3 * DEFAULT_LIST_SIZE + 2 * DEFAULT_LIST_SIZE);
  });
});

describe('pages (connections)', () => {
  const measure = (query: string, variables?: Record<string, unknown>) => {
    const document = parse(query);
    return measureOperation(schema, document, document.definitions[0] as OperationDefinitionNode, variables).cost;
  };

  it('sizes the lists of a page by its `first:`, given or the schema default', () => {
    // page: 1 + nodes (1 + id) × 100 + total
    expect(measure('{ page(first: 100) { nodes { id } total } }')).toBe(202);
    expect(measure('{ page { nodes { id } total } }')).toBe(42);
  });

  it('through a fragment, measured once for pages of any size', () => {
    const query =
      'query Q($n: Int, $m: Int) { a: page(first: $n) { ...P } b: page(first: $m) { ...P } } fragment P on Page { nodes { id } }';
    expect(measure(query, { n: 1000, m: 10 })).toBe(1 + 2 * 1000 + 1 + 2 * 10);
    // Validation, variables unknown: as small as they can be.
    expect(measure(query)).toBe(6);
  });
});

describe('introspection is costed', () => {
  it('costs __schema and __type, so aliased introspection is refused', () => {
    expect(errorsOf('{ __schema { queryType { name } } }', [costLimit(50_000)])).toEqual([]);
    const aliased = `{ ${Array.from({ length: 6 }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ')} }`;
    expect(errorsOf(aliased, [costLimit(50_000)])).toEqual([expect.objectContaining({ code: QUERY_TOO_COMPLEX })]);
    const types = `{ ${Array.from({ length: 600 }, (_, i) => `t${i}: __type(name: "Node") { name }`).join(' ')} }`;
    expect(errorsOf(types, [costLimit(50_000)])).toEqual([expect.objectContaining({ code: QUERY_TOO_COMPLEX })]);
  });

  it('lets the standard introspection query through the default limits', () => {
    expect(errorsOf(getIntrospectionQuery(), [costLimit(50_000), depthLimit(12)])).toEqual([]);
  });
});

describe('aliases and directives (graphql-armor), counted through fragments', () => {
  it('refuses more aliases than allowed, with its code', () => {
    const query = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: node(id: 1) { id }`).join(' ')} }`;
    expect(errorsOf(query(100), [aliasLimit(100)])).toEqual([]);
    expect(errorsOf(query(101), [aliasLimit(100)])).toEqual([
      expect.objectContaining({ code: TOO_MANY_ALIASES, maxAliases: 100 }),
    ]);
  });

  it('counts the aliases of nested fragments without walking every spread', () => {
    expect(errorsOf(nestedFragments(60, 'x: id'), [aliasLimit(100)])).toEqual([
      expect.objectContaining({ code: TOO_MANY_ALIASES }),
    ]);
  });

  it('refuses more directives than allowed, with its code', () => {
    expect(errorsOf(nestedFragments(60, 'id @include(if: true)'), [directiveLimit(50)])).toEqual([
      expect.objectContaining({ code: TOO_MANY_DIRECTIVES, maxDirectives: 50 }),
    ]);
  });
});

describe('jsonBytesUpTo', () => {
  it('is the size of the JSON, UTF-8 included', () => {
    const value = { data: { a: [1, 'x', null, true, { 名称: '北京市' }], b: 'text' } };
    expect(jsonBytesUpTo(value, 1e9)).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(value)));
    expect(jsonBytesUpTo(value, 1e9)).toBeLessThan(Buffer.byteLength(JSON.stringify(value)) * 1.5);
  });

  it('stops soon after the limit', () => {
    const big = { data: Array.from({ length: 100_000 }, () => ({ name: 'x'.repeat(100) })) };
    const counted = jsonBytesUpTo(big, 10_000);
    expect(counted).toBeGreaterThan(10_000);
    expect(counted).toBeLessThan(20_000);
  });
});
