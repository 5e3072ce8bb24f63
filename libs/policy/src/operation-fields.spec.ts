import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { apiSchemaOf } from './api-schema.js';
import { argumentUses, fieldsOfOperation } from './operation-fields.js';

const hub = apiSchemaOf(readFileSync('schemas/graphql/supergraph.graphql', 'utf8'));

const abstract = buildSchema(/* GraphQL */ `
  interface Contact {
    id: ID!
    phone: String
  }
  type PersonContact implements Contact {
    id: ID!
    phone: String
    name: String
  }
  type OrgContact implements Contact {
    id: ID!
    phone: String
    uscc: String
  }
  type Robot {
    serial: String
  }
  union SearchHit = PersonContact | OrgContact | Robot
  type Query {
    contact(id: ID!): Contact
    search(q: String!): [SearchHit!]!
  }
`);

/** Parses a document and insists it is valid, so each test exercises a real operation. */
function valid(schema: GraphQLSchema, source: string): DocumentNode {
  const document = parse(source);
  expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  return document;
}

function fields(
  source: string,
  options: { operationName?: string | null; variables?: Record<string, unknown> | null } = {},
  schema: GraphQLSchema = hub,
): string[] {
  return [...fieldsOfOperation(schema, valid(schema, source), options).coordinates].sort();
}

describe('fieldsOfOperation', () => {
  it('lists every Type.field of a plain query', () => {
    expect(fields('{ person(idNumber: "1") { name phone householdAddress { text } } }')).toEqual([
      'Person.householdAddress',
      'Person.name',
      'Person.phone',
      'PersonAddress.text',
      'Query.person',
    ]);
  });

  it('ignores aliases and __typename', () => {
    expect(
      fields(
        '{ __typename a: person(idNumber: "1") { n: name m: name __typename } b: person(idNumber: "2") { name } }',
      ),
    ).toEqual(['Person.name', 'Query.person']);
  });

  it('expands nested named fragments', () => {
    const source = `
      query { person(idNumber: "1") { ...Who } }
      fragment Who on Person { name ...Where }
      fragment Where on Person { residenceAddress { divisionName } household { head { ...Contact } } }
      fragment Contact on Person { phone }
    `;
    expect(fields(source)).toEqual([
      'Household.head',
      'Person.household',
      'Person.name',
      'Person.phone',
      'Person.residenceAddress',
      'PersonAddress.divisionName',
      'Query.person',
    ]);
  });

  it('expands inline fragments with and without a type condition', () => {
    expect(fields('{ person(idNumber: "1") { ... on Person { phone } ... { birthDate } } }')).toEqual([
      'Person.birthDate',
      'Person.phone',
      'Query.person',
    ]);
  });

  it('follows entity references into the referenced type', () => {
    const source = '{ legalEntities(usccs: ["x"]) { legalRepresentative { phone credit { assessment { level } } } } }';
    expect(fields(source)).toEqual([
      'CreditAssessment.level',
      'CreditProfile.assessment',
      'LegalEntity.legalRepresentative',
      'Person.credit',
      'Person.phone',
      'Query.legalEntities',
    ]);
  });

  it('handles mutations', () => {
    const source =
      'mutation Register($input: PersonRecordInput!) { registerPerson(input: $input) { outcome person { idNumber name } } }';
    expect(fields(source)).toEqual([
      'Mutation.registerPerson',
      'Person.idNumber',
      'Person.name',
      'PersonWriteResult.outcome',
      'PersonWriteResult.person',
    ]);
  });

  describe('@skip and @include', () => {
    it('evaluates literal conditions on fields, inline fragments and spreads', () => {
      const source = `
        { person(idNumber: "1") {
            name
            phone @skip(if: true)
            birthDate @skip(if: false)
            gender @include(if: false)
            status @include(if: true)
            ... @include(if: false) { householdNumber }
            ...Hidden @skip(if: true)
        } }
        fragment Hidden on Person { statusReason }
      `;
      expect(fields(source)).toEqual(['Person.birthDate', 'Person.name', 'Person.status', 'Query.person']);
    });

    const withVariables = `
      query Q($full: Boolean!, $brief: Boolean = true) {
        person(idNumber: "1") { name phone @include(if: $full) birthDate @skip(if: $brief) }
      }
    `;

    it('evaluates variables, and a declared default when the variable is absent', () => {
      expect(fields(withVariables, { variables: { full: false } })).toEqual(['Person.name', 'Query.person']);
      expect(fields(withVariables, { variables: { full: true, brief: false } })).toEqual([
        'Person.birthDate',
        'Person.name',
        'Person.phone',
        'Query.person',
      ]);
    });

    it('counts a field whose condition cannot be decided', () => {
      expect(fields(withVariables, { variables: null })).toEqual(['Person.name', 'Person.phone', 'Query.person']);
      expect(fields(withVariables, { variables: { full: undefined } })).toEqual([
        'Person.name',
        'Person.phone',
        'Query.person',
      ]);
      expect(fields(withVariables, { variables: { full: 'no' } })).toEqual([
        'Person.name',
        'Person.phone',
        'Query.person',
      ]);
    });
  });

  describe('choosing the operation', () => {
    const two = `
      query People { person(idNumber: "1") { name } }
      query Entities { legalEntity(uscc: "x") { name } }
    `;

    it('runs the named operation', () => {
      expect(fields(two, { operationName: 'Entities' })).toEqual(['LegalEntity.name', 'Query.legalEntity']);
      expect(fields(two, { operationName: 'People' })).toEqual(['Person.name', 'Query.person']);
    });

    it('runs the only operation when no name is given, and throws otherwise', () => {
      expect(fields('query Only { person(idNumber: "1") { name } }', { operationName: null })).toEqual([
        'Person.name',
        'Query.person',
      ]);
      expect(() => fieldsOfOperation(hub, parse(two), {})).toThrow(/operation name/);
      expect(() => fieldsOfOperation(hub, parse(two), { operationName: 'Nope' })).toThrow(
        'Unknown operation named "Nope".',
      );
      expect(() => fieldsOfOperation(hub, parse('fragment F on Person { name }'), {})).toThrow(
        'Must provide an operation.',
      );
    });
  });

  it('flags introspection without listing its meta-fields', () => {
    const introspection = fieldsOfOperation(hub, valid(hub, '{ __schema { types { name fields { name } } } }'), {});
    expect(introspection.introspection).toBe(true);
    expect([...introspection.coordinates]).toEqual([]);

    const mixed = fieldsOfOperation(
      hub,
      valid(hub, '{ __type(name: "Person") { name } person(idNumber: "1") { phone } }'),
      {},
    );
    expect(mixed.introspection).toBe(true);
    expect([...mixed.coordinates].sort()).toEqual(['Person.phone', 'Query.person']);

    expect(fieldsOfOperation(hub, valid(hub, '{ __typename }'), {}).introspection).toBe(false);
  });

  it('stops on fragment cycles a validator would reject', () => {
    const source = `
      { person(idNumber: "1") { ...A } }
      fragment A on Person { name ...B household { head { ...A } } }
      fragment B on Person { phone ...A }
    `;
    expect([...fieldsOfOperation(hub, parse(source), {}).coordinates].sort()).toEqual([
      'Household.head',
      'Person.household',
      'Person.name',
      'Person.phone',
      'Query.person',
    ]);
  });

  it('expands a fragment reused many times once per context', () => {
    // F0 spreads F1 twice, F1 spreads F2 twice…: naive expansion would take 2^40 steps.
    const depth = 40;
    const fragments = Array.from({ length: depth }, (_, i) =>
      i === depth - 1
        ? `fragment F${i} on Person { phone }`
        : `fragment F${i} on Person { ...F${i + 1} ... on Person { ...F${i + 1} } }`,
    );
    const source = `{ person(idNumber: "1") { ...F0 } }\n${fragments.join('\n')}`;
    const started = performance.now();
    expect(fields(source)).toEqual(['Person.phone', 'Query.person']);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  describe('abstract types', () => {
    it('counts a field selected on an interface on every implementation', () => {
      expect(fields('{ contact(id: "1") { id phone } }', {}, abstract)).toEqual([
        'Contact.id',
        'Contact.phone',
        'OrgContact.id',
        'OrgContact.phone',
        'PersonContact.id',
        'PersonContact.phone',
        'Query.contact',
      ]);
    });

    it('counts a field selected on a concrete type only there', () => {
      expect(fields('{ contact(id: "1") { ... on PersonContact { name } } }', {}, abstract)).toEqual([
        'PersonContact.name',
        'Query.contact',
      ]);
    });

    it('counts union members through their fragments', () => {
      const source = '{ search(q: "x") { __typename ... on Contact { phone } ... on Robot { serial } } }';
      expect(fields(source, {}, abstract)).toEqual([
        'Contact.phone',
        'OrgContact.phone',
        'PersonContact.phone',
        'Query.search',
        'Robot.serial',
      ]);
    });

    it('counts only the concrete types that could be selected', () => {
      const source = '{ search(q: "x") { ... on PersonContact { ... on Contact { id } } } }';
      expect(fields(source, {}, abstract)).toEqual(['Contact.id', 'PersonContact.id', 'Query.search']);
    });
  });
});

/** The arguments an operation passes, as sorted [coordinate, values] pairs. */
function uses(
  source: string,
  variables: Record<string, unknown> | null = null,
  operationName: string | null = null,
): Array<[string, unknown[]]> {
  const sites = fieldsOfOperation(hub, valid(hub, source), { operationName, variables }).argumentSites;
  return [...argumentUses(sites, variables)].sort(([a], [b]) => a.localeCompare(b));
}

/** The values passed at one coordinate (undefined when the operation does not pass it). */
function valuesAt(
  source: string,
  coordinate: string,
  variables: Record<string, unknown> | null = null,
): unknown[] | undefined {
  return new Map(uses(source, variables)).get(coordinate);
}

describe('argumentUses', () => {
  it('reads literal arguments, lists flattened, input objects down to their leaves', () => {
    expect(
      uses(
        '{ persons(idNumbers: ["1", "2"]) { name } searchPersons(filter: { name: "张三", divisionCode: "440604" }, first: 5) { nodes { name } } }',
      ),
    ).toEqual([
      ['Query.persons(idNumbers)', ['1', '2']],
      ['Query.searchPersons(filter.divisionCode)', ['440604']],
      ['Query.searchPersons(filter.name)', ['张三']],
      ['Query.searchPersons(first)', [5]],
    ]);
  });

  it('reads variables — whole arguments, inside input objects and inside lists — and their defaults', () => {
    const source = `query($ids: [String!]!, $one: String!, $name: String = "李四", $filter: PersonSearchFilter!) {
      persons(idNumbers: $ids) { name }
      more: persons(idNumbers: [$one, "3"]) { name }
      searchPersons(filter: { nameContains: $name }) { nodes { name } }
      again: searchPersons(filter: $filter) { nodes { name } }
    }`;
    const found = new Map(
      uses(source, { ids: ['1', '2'], one: '9', filter: { divisionCode: '440604', status: 'LIVING' } }),
    );
    expect(found.get('Query.persons(idNumbers)')).toEqual(['1', '2', '9', '3']);
    expect(found.get('Query.searchPersons(filter.nameContains)')).toEqual(['李四']);
    expect(found.get('Query.searchPersons(filter.divisionCode)')).toEqual(['440604']);
    expect(found.get('Query.searchPersons(filter.status)')).toEqual(['LIVING']);
    // The schema's default page size is passed too (a control argument: the policy ignores it).
    expect(found.get('Query.searchPersons(first)')).toEqual([20, 20]);
  });

  it('passes nothing for a null or absent value, given literally or by a variable', () => {
    const source = `query($n: String) { searchPersons(filter: { name: $n, nameContains: null, divisionCode: "44" }) { nodes { name } } }`;
    expect(valuesAt(source, 'Query.searchPersons(filter.name)')).toBeUndefined();
    expect(valuesAt(source, 'Query.searchPersons(filter.name)', { n: null })).toBeUndefined();
    expect(valuesAt(source, 'Query.searchPersons(filter.nameContains)')).toBeUndefined();
    expect(valuesAt(source, 'Query.searchPersons(filter.name)', { n: '张三' })).toEqual(['张三']);
  });

  it('coerces a single value given for a list into a list of one, as execution does', () => {
    expect(
      valuesAt('query($ids: [String!]!) { persons(idNumbers: $ids) { name } }', 'Query.persons(idNumbers)', {
        ids: '1',
      }),
    ).toEqual(['1']);
    expect(valuesAt('{ persons(idNumbers: "1") { name } }', 'Query.persons(idNumbers)')).toEqual(['1']);
  });

  it('follows fragments, inline fragments and aliases to the fields that take the arguments', () => {
    const source = `query($ids: [String!]!) { ...Lookups ... on Query { who: person(idNumber: "7") { name } } }
      fragment Lookups on Query { them: persons(idNumbers: $ids) { ...Named } }
      fragment Named on Person { name }`;
    expect(uses(source, { ids: ['1'] })).toEqual([
      ['Query.person(idNumber)', ['7']],
      ['Query.persons(idNumbers)', ['1']],
    ]);
  });

  it('reads the arguments of fields @include/@skip keep, and of undecidable ones; not of skipped ones', () => {
    const source = `query($yes: Boolean!, $no: Boolean = true) {
      a: person(idNumber: "1") @include(if: $yes) { name }
      b: person(idNumber: "2") @skip(if: $no) { name }
      ... @include(if: $yes) { c: person(idNumber: "3") { name } }
    }`;
    expect(valuesAt(source, 'Query.person(idNumber)', { yes: true })).toEqual(['1', '3']);
    expect(valuesAt(source, 'Query.person(idNumber)', { yes: false })).toBeUndefined();
    expect(valuesAt(source, 'Query.person(idNumber)', { yes: true, no: false })).toEqual(['1', '2', '3']);
    // An undecidable condition keeps the selection.
    expect(valuesAt(source, 'Query.person(idNumber)', { yes: 'maybe' })).toEqual(['1', '3']);
  });

  it('reads arguments of nested fields, across entity references', () => {
    expect(
      valuesAt(
        '{ legalEntity(uscc: "9144") { credit(asOf: "2026-01-01") { level: assessment { level } } } }',
        'LegalEntity.credit(asOf)',
      ),
    ).toEqual(['2026-01-01']);
  });

  it('qualifies the other arguments of a field with a kind selector by its value, and by every value when it cannot be told', () => {
    const source = `query($kind: SpatialSearchKind!) { spatialSearch(kind: $kind, within: { divisionCode: "440604" }) { nodes { kind } } }`;
    expect(valuesAt(source, 'Query.spatialSearch(kind: PERSON, within.divisionCode)', { kind: 'PERSON' })).toEqual([
      '440604',
    ]);
    expect(
      valuesAt(source, 'Query.spatialSearch(kind: ADDRESS, within.divisionCode)', { kind: 'PERSON' }),
    ).toBeUndefined();
    expect(valuesAt(source, 'Query.spatialSearch(kind)', { kind: 'PERSON' })).toEqual(['PERSON']);
    const unknown = new Map(uses(source, { kind: 'SPACESHIP' }));
    for (const kind of ['ADDRESS', 'LEGAL_ENTITY', 'PERSON'])
      expect(unknown.get(`Query.spatialSearch(kind: ${kind}, within.divisionCode)`), kind).toEqual(['440604']);
    expect(
      valuesAt(
        '{ creditProfile(subjectType: PERSON, subjectId: "1") { subjectId } }',
        'Query.creditProfile(subjectType: PERSON, subjectId)',
      ),
    ).toEqual(['1']);
  });

  it('depends on the variables only through argumentUses: one set of sites serves every set of values', () => {
    const document = valid(hub, 'query($ids: [String!]!) { persons(idNumbers: $ids) { name } }');
    const sites = fieldsOfOperation(hub, document, { variables: { ids: ['1'] } }).argumentSites;
    expect(argumentUses(sites, { ids: ['1'] }).get('Query.persons(idNumbers)')).toEqual(['1']);
    expect(argumentUses(sites, { ids: ['2', '3', '4'] }).get('Query.persons(idNumbers)')).toEqual(['2', '3', '4']);
  });

  it('walks a variable once per argument, however often the operation uses it: linear in the request', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => String(i));
    const aliases = Array.from({ length: 200 }, (_, i) => `p${i}: persons(idNumbers: $ids) { name }`).join(' ');
    const document = valid(hub, `query($ids: [String!]!) { ${aliases} }`);
    const sites = fieldsOfOperation(hub, document, { variables: { ids } }).argumentSites;
    const found = argumentUses(sites, { ids });
    // 1,000 values, not 200 × 1,000.
    expect(found.get('Query.persons(idNumbers)')).toHaveLength(1000);
  });
});
