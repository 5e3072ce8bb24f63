import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import {
  DataClass,
  DataItemType,
  MaskingRule,
  OpenAttribute,
  ResourceFormat,
  ResourceStatus,
  Sensitivity,
  SharingMethod,
  SharingType,
  UpdateCycle,
  type CatalogResourceSpec,
  type DataItemSpec,
  type DepartmentSpec,
} from './catalog-model.js';
import {
  GOVERNANCE_PROBLEM_CODES,
  baseLibraryFields,
  checkGovernance,
  governedArguments,
  type GovernanceCatalog,
  type GovernanceProblem,
} from './governance.js';

// A small supergraph composed the way the hub composes its own: two base libraries (population,
// geospatial) and one subgraph that is not a base library (audit), with root fields, a field the
// API does not serve (@inaccessible) and value types shared between libraries.
const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@inaccessible"])';
const SUBGRAPHS = [
  {
    name: 'population',
    sdl: `${LINK}
      type Query { person(idNumber: String!): Person }
      type Mutation { registerPerson(idNumber: String!): Person }
      type Person @key(fields: "idNumber") {
        idNumber: ID!
        name: String!
        phone: String
        age: Int
        address: PersonAddress
        secret: String @inaccessible
      }
      type PersonAddress { text: String! }`,
  },
  {
    name: 'geospatial',
    sdl: `${LINK}
      type Query { point: GeoPoint hits: [Hit!]! }
      type GeoPoint { longitude: Float! latitude: Float! }
      enum HitKind { ADDRESS PERSON }
      type Hit { kind: HitKind! id: ID! point: GeoPoint! }
      type Person @key(fields: "idNumber") { idNumber: ID! location: GeoPoint }`,
  },
  {
    name: 'audit',
    sdl: `${LINK}
      type Query { audit: AuditEntry }
      type AuditEntry { id: ID! note: String }`,
  },
];

function compose(subgraphs = SUBGRAPHS): string {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: `http://127.0.0.1:1/${s.name}`, typeDefs: parse(s.sdl) })),
  );
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

const SUPERGRAPH = compose();
const PSB = '114406000070201359';
const NR = '11440600MB2C5218XK';

function item(no: number, fields: string[], extra: Partial<DataItemSpec> = {}): DataItemSpec {
  return {
    no,
    name: `信息项${no}`,
    dataType: DataItemType.STRING,
    fields,
    sensitivity: Sensitivity.INTERNAL,
    masking: null,
    dataClass: DataClass.OTHER,
    ...extra,
  };
}

function resource(
  code: string,
  provider: string,
  items: DataItemSpec[],
  extra: Partial<CatalogResourceSpec> = {},
): CatalogResourceSpec {
  return {
    code,
    name: `资源 ${code}`,
    provider,
    summary: '测试用资源',
    format: ResourceFormat.DATABASE,
    sharingType: SharingType.UNCONDITIONAL,
    sharingConditions: null,
    sharingMethod: SharingMethod.API,
    openAttribute: OpenAttribute.NOT_OPEN,
    updateCycle: UpdateCycle.REAL_TIME,
    publishedOn: '2026-11-20',
    relatedCodes: [],
    status: ResourceStatus.PUBLISHED,
    items,
    ...extra,
  };
}

/** A catalog that governs every base-library field of SUPERGRAPH exactly once. */
function validCatalog(): GovernanceCatalog {
  const departments: DepartmentSpec[] = [
    {
      uscc: PSB,
      name: '佛山市公安局',
      divisionCode: '440600',
      systems: [{ code: 'fs-psb-hukou', name: '人口户籍管理系统' }],
    },
    {
      uscc: NR,
      name: '佛山市自然资源局',
      divisionCode: '440600',
      systems: [{ code: 'fs-nr-gis', name: '地理信息公共服务平台' }],
    },
  ];
  const resources: CatalogResourceSpec[] = [
    resource(
      '101001001/000001',
      PSB,
      [
        item(1, ['Person.idNumber'], {
          arguments: ['Query.person(idNumber)'],
          sensitivity: Sensitivity.PERSONAL,
          masking: MaskingRule.CITIZEN_ID,
          dataClass: DataClass.CITIZEN_ID,
        }),
        item(2, ['Person.name'], {
          sensitivity: Sensitivity.PERSONAL,
          masking: MaskingRule.NAME,
          dataClass: DataClass.PERSON_NAME,
        }),
        item(3, ['Person.age'], {
          dataType: DataItemType.NUMBER,
          sensitivity: Sensitivity.PERSONAL,
          dataClass: DataClass.PERSON_CATEGORY,
          description: '整数无法脱敏；年龄已由脱敏后的出生年份推知，按基本项共享。',
        }),
        item(4, ['Person.address', 'PersonAddress.text'], {
          dataType: DataItemType.OBJECT,
          dataClass: DataClass.STRUCTURE,
        }),
      ],
      { relatedCodes: ['101003001/000001'] },
    ),
    resource(
      '101003001/000001',
      PSB,
      [
        item(1, ['Person.phone'], {
          sensitivity: Sensitivity.SENSITIVE_PERSONAL,
          masking: MaskingRule.PHONE,
          dataClass: DataClass.PHONE,
        }),
      ],
      { sharingType: SharingType.CONDITIONAL, sharingConditions: '法定职责必需，写明用途和办件编号' },
    ),
    resource('103002001/000001', NR, [
      item(1, ['GeoPoint.longitude', 'GeoPoint.latitude'], {
        dataType: DataItemType.NUMBER,
        masking: MaskingRule.COORDINATE,
        dataClass: DataClass.PLACE,
      }),
      item(2, ['Person.location'], { dataType: DataItemType.GEOMETRY, dataClass: DataClass.STRUCTURE }),
      item(3, ['Hit.kind'], { dataType: DataItemType.CODE, dataClass: DataClass.CODE }),
      item(4, ['Hit.id'], {
        sensitivity: Sensitivity.PERSONAL,
        masking: MaskingRule.SUBJECT_ID,
        dataClass: DataClass.SUBJECT_ID,
        maskUnless: { field: 'kind', values: ['ADDRESS'] },
      }),
      item(5, ['Hit.point'], {
        dataType: DataItemType.GEOMETRY,
        sensitivity: Sensitivity.PERSONAL,
        masking: MaskingRule.COORDINATE,
        dataClass: DataClass.SUBJECT_COORDINATES,
        maskUnless: { field: 'kind', values: ['ADDRESS'] },
      }),
    ]),
  ];
  return { departments, resources };
}

function codesOf(problems: GovernanceProblem[]): string[] {
  return problems.map((p) => p.code);
}

/** Applies `change` to a fresh valid catalog and checks it against SUPERGRAPH. */
function check(change: (catalog: GovernanceCatalog) => void, sdl = SUPERGRAPH): GovernanceProblem[] {
  const catalog = validCatalog();
  change(catalog);
  return checkGovernance(sdl, catalog);
}

const resourceByCode = (catalog: GovernanceCatalog, code: string): CatalogResourceSpec => {
  const found = catalog.resources.find((r) => r.code === code);
  if (!found) throw new Error(code);
  return found;
};

describe('baseLibraryFields', () => {
  it('lists the fields of base-library types, without root types, other subgraphs or @inaccessible fields', () => {
    expect(baseLibraryFields(SUPERGRAPH)).toEqual([
      'GeoPoint.latitude',
      'GeoPoint.longitude',
      'Hit.id',
      'Hit.kind',
      'Hit.point',
      'Person.address',
      'Person.age',
      'Person.idNumber',
      'Person.location',
      'Person.name',
      'Person.phone',
      'PersonAddress.text',
    ]);
  });

  it('throws on an SDL that is not a supergraph', () => {
    expect(() => baseLibraryFields('type Query { a: Int }')).toThrow();
  });
});

describe('checkGovernance', () => {
  it('finds nothing wrong with a catalog that governs every field once', () => {
    expect(checkGovernance(SUPERGRAPH, validCatalog())).toEqual([]);
  });

  it('reports SUPERGRAPH_INVALID and still checks the catalog itself', () => {
    const catalog = validCatalog();
    catalog.departments[0].systems[0].code = 'Bad Code';
    expect(codesOf(checkGovernance('type Query { a: Int }', catalog))).toEqual([
      'SYSTEM_CODE_INVALID',
      'SUPERGRAPH_INVALID',
    ]);
  });

  describe('field coverage', () => {
    it('reports FIELD_UNGOVERNED with the coordinate of a field no item governs', () => {
      const problems = check((c) => resourceByCode(c, '101001001/000001').items.splice(2, 1));
      expect(problems).toEqual([
        { code: 'FIELD_UNGOVERNED', coordinate: 'Person.age', message: expect.stringContaining('Person.age') },
      ]);
    });

    it('reports FIELD_UNGOVERNED for a field a subgraph gains', () => {
      const grown = compose(
        SUBGRAPHS.map((s) =>
          s.name === 'geospatial'
            ? { ...s, sdl: s.sdl.replace('latitude: Float!', 'latitude: Float!\n altitude: Float') }
            : s,
        ),
      );
      expect(checkGovernance(grown, validCatalog())).toEqual([
        { code: 'FIELD_UNGOVERNED', coordinate: 'GeoPoint.altitude', message: expect.any(String) },
      ]);
    });

    it('does not ask to govern root fields, other subgraphs or fields the API does not serve', () => {
      const governed = new Set(baseLibraryFields(SUPERGRAPH));
      for (const coordinate of [
        'Query.person',
        'Mutation.registerPerson',
        'Query.point',
        'AuditEntry.id',
        'Person.secret',
      ])
        expect(governed.has(coordinate)).toBe(false);
    });

    it('reports FIELD_GOVERNED_TWICE naming both items, and for one item naming a field twice', () => {
      const twice = check((c) =>
        resourceByCode(c, '101003001/000001').items.push(item(2, ['Person.age'], { dataType: DataItemType.NUMBER })),
      );
      expect(twice).toEqual([
        {
          code: 'FIELD_GOVERNED_TWICE',
          coordinate: 'Person.age',
          message: expect.stringMatching(/101001001\/000001#3.*101003001\/000001#2/),
        },
      ]);
      const repeated = check((c) => resourceByCode(c, '101001001/000001').items[2].fields.push('Person.age'));
      expect(codesOf(repeated)).toEqual(['FIELD_GOVERNED_TWICE']);
    });

    it('lets only published resources govern', () => {
      const draft = check((c) => {
        resourceByCode(c, '101003001/000001').status = ResourceStatus.DRAFT;
      });
      expect(draft).toEqual([{ code: 'FIELD_UNGOVERNED', coordinate: 'Person.phone', message: expect.any(String) }]);
      const retired = check((c) => {
        resourceByCode(c, '101003001/000001').status = ResourceStatus.RETIRED;
      });
      expect(codesOf(retired)).toEqual(['FIELD_UNGOVERNED']);
      // A draft that will replace an item may name its fields already.
      const proposal = check((c) =>
        c.resources.push(
          resource('101001001/000002', PSB, [item(1, ['Person.age'])], { status: ResourceStatus.DRAFT }),
        ),
      );
      expect(proposal).toEqual([]);
    });
  });

  describe('argument coverage: every data-carrying argument of a governed field is governed once', () => {
    // The hub's shapes in small: lookups by identifier, a search with nested filters, a kind
    // selector, control arguments, a data argument on a field of a governed type, a mutation and a
    // root field of a subgraph that is not governed.
    const RICH = compose([
      {
        name: 'population',
        sdl: `${LINK}
          type Query {
            person(idNumber: String!): Person
            persons(idNumbers: [String!]!): [Person]!
            searchPersons(filter: PersonFilter!, first: Int! = 20, after: String): [Person!]!
          }
          type Mutation { registerPerson(idNumber: String!, name: String!): Person }
          input PersonFilter { name: String area: AreaInput }
          input AreaInput { divisionCode: String }
          type Person @key(fields: "idNumber") {
            idNumber: ID!
            name(script: String): String!
            history(last: Int! = 20): [String!]!
          }`,
      },
      {
        name: 'geospatial',
        sdl: `${LINK}
          enum SpatialSearchKind { ADDRESS PERSON }
          enum CoordinateSystem { CGCS2000 GCJ02 }
          input CircleInput { longitude: Float! latitude: Float! coordinateSystem: CoordinateSystem }
          type Query { spatialSearch(kind: SpatialSearchKind!, within: CircleInput!, first: Int! = 20): [String!]! }`,
      },
      { name: 'audit', sdl: `${LINK}\n type Query { audit(id: ID!): AuditEntry }\n type AuditEntry { id: ID! }` },
    ]);
    const SPATIAL = ['longitude', 'latitude'];
    const richCatalog = (): GovernanceCatalog => ({
      departments: validCatalog().departments,
      resources: [
        resource('101001001/000001', PSB, [
          item(1, ['Person.idNumber'], { arguments: ['Query.person(idNumber)', 'Query.persons(idNumbers)'] }),
          item(2, ['Person.name'], { arguments: ['Query.searchPersons(filter.name)', 'Person.name(script)'] }),
          item(3, ['Person.history'], { arguments: ['Query.searchPersons(filter.area.divisionCode)'] }),
        ]),
        resource('103004002/000001', NR, [
          item(1, [], {
            arguments: [
              ...SPATIAL.map((p) => `Query.spatialSearch(kind: ADDRESS, within.${p})`),
              ...SPATIAL.map((p) => `Query.spatialSearch(kind: PERSON, within.${p})`),
            ],
          }),
        ]),
      ],
    });
    const checkRich = (change: (catalog: GovernanceCatalog) => void): GovernanceProblem[] => {
      const catalog = richCatalog();
      change(catalog);
      return checkGovernance(RICH, catalog).filter(
        (p) => !p.code.startsWith('FIELD_') && p.code !== 'RESOURCE_ITEMS_MISSING',
      );
    };
    const itemOf = (catalog: GovernanceCatalog, code: string, no: number): DataItemSpec =>
      resourceByCode(catalog, code).items.find((i) => i.no === no)!;

    it('asks exactly for the data arguments: lookups, nested filters, per selector value, on fields of governed types', () => {
      expect([...governedArguments(RICH).keys()].sort()).toEqual(
        [
          'Person.name(script)',
          'Query.person(idNumber)',
          'Query.persons(idNumbers)',
          'Query.searchPersons(filter.area.divisionCode)',
          'Query.searchPersons(filter.name)',
          ...SPATIAL.flatMap((p) => [
            `Query.spatialSearch(kind: ADDRESS, within.${p})`,
            `Query.spatialSearch(kind: PERSON, within.${p})`,
          ]),
        ].sort(),
      );
      expect(checkRich(() => undefined)).toEqual([]);
    });

    it('knows lookups by identifier and the subgraph answering them', () => {
      const rules = governedArguments(RICH);
      expect(rules.get('Query.persons(idNumbers)')).toEqual({ lookup: true, graph: 'population' });
      expect(rules.get('Query.searchPersons(filter.name)')).toEqual({ lookup: false, graph: 'population' });
      expect(rules.get('Query.spatialSearch(kind: PERSON, within.longitude)')).toEqual({
        lookup: false,
        graph: 'geospatial',
      });
    });

    it('does not ask to govern control arguments, selectors, mutations or fields of other subgraphs', () => {
      const rules = governedArguments(RICH);
      for (const coordinate of [
        'Query.searchPersons(first)',
        'Query.searchPersons(after)',
        'Person.history(last)',
        'Query.spatialSearch(kind)',
        'Query.spatialSearch(first)',
        'Query.spatialSearch(kind: PERSON, within.coordinateSystem)',
        'Mutation.registerPerson(idNumber)',
        'Query.audit(id)',
      ]) {
        expect(rules.has(coordinate), coordinate).toBe(false);
      }
    });

    it('reports ARGUMENT_UNGOVERNED naming exactly the argument: a lookup, a nested filter, one selector value', () => {
      expect(check((c) => delete resourceByCode(c, '101001001/000001').items[0].arguments)).toEqual([
        {
          code: 'ARGUMENT_UNGOVERNED',
          coordinate: 'Query.person(idNumber)',
          message: expect.stringContaining('Query.person(idNumber)'),
        },
      ]);
      const nested = checkRich((c) => (itemOf(c, '101001001/000001', 3).arguments = []));
      expect(nested).toEqual([
        {
          code: 'ARGUMENT_UNGOVERNED',
          coordinate: 'Query.searchPersons(filter.area.divisionCode)',
          message: expect.any(String),
        },
      ]);
      const oneKind = checkRich((c) => {
        const spatial = itemOf(c, '103004002/000001', 1);
        spatial.arguments = spatial.arguments!.filter(
          (a) => a !== 'Query.spatialSearch(kind: PERSON, within.latitude)',
        );
      });
      expect(oneKind.map((p) => [p.code, p.coordinate])).toEqual([
        ['ARGUMENT_UNGOVERNED', 'Query.spatialSearch(kind: PERSON, within.latitude)'],
      ]);
    });

    it('reports ARGUMENT_UNGOVERNED for an argument a subgraph gains', () => {
      const grown = compose(
        SUBGRAPHS.map((s) =>
          s.name === 'population'
            ? {
                ...s,
                sdl: s.sdl.replace(
                  'person(idNumber: String!): Person',
                  'person(idNumber: String!, phone: String): Person',
                ),
              }
            : s,
        ),
      );
      expect(checkGovernance(grown, validCatalog()).map((p) => [p.code, p.coordinate])).toEqual([
        ['ARGUMENT_UNGOVERNED', 'Query.person(phone)'],
      ]);
    });

    it('reports ARGUMENT_GOVERNED_TWICE naming both items', () => {
      const twice = checkRich((c) =>
        itemOf(c, '101001001/000001', 3).arguments!.push('Query.searchPersons(filter.name)'),
      );
      expect(twice).toEqual([
        {
          code: 'ARGUMENT_GOVERNED_TWICE',
          coordinate: 'Query.searchPersons(filter.name)',
          message: expect.stringMatching(/101001001\/000001#2.*101001001\/000001#3/),
        },
      ]);
    });

    it('reports ITEM_ARGUMENT_UNKNOWN for an argument the supergraph does not have, or one not spelled Type.field(path)', () => {
      const problems = checkRich((c) =>
        itemOf(c, '101001001/000001', 2).arguments!.push(
          'Query.person(phone)',
          'Query.searchPersons(filter.nickname)',
          'Query.spatialSearch(kind: BUILDING, within.longitude)',
          'Query.searchPersons(filter: name)',
          'searchPersons.name',
        ),
      );
      expect(problems.map((p) => [p.code, p.coordinate, p.resource, p.item])).toEqual([
        ['ITEM_ARGUMENT_UNKNOWN', 'Query.person(phone)', '101001001/000001', 2],
        ['ITEM_ARGUMENT_UNKNOWN', 'Query.searchPersons(filter.nickname)', '101001001/000001', 2],
        ['ITEM_ARGUMENT_UNKNOWN', 'Query.spatialSearch(kind: BUILDING, within.longitude)', '101001001/000001', 2],
        ['ITEM_ARGUMENT_UNKNOWN', 'Query.searchPersons(filter: name)', '101001001/000001', 2],
        ['ITEM_ARGUMENT_UNKNOWN', 'searchPersons.name', '101001001/000001', 2],
      ]);
      expect(problems[4].message).toContain('Type.field(path)');
    });

    it("reports ITEM_ARGUMENT_NOT_GOVERNED for a control argument, an unqualified selector field's argument, a mutation's or another subgraph's", () => {
      const problems = checkRich((c) =>
        itemOf(c, '101001001/000001', 2).arguments!.push(
          'Query.searchPersons(first)',
          'Query.spatialSearch(within.longitude)',
          'Mutation.registerPerson(name)',
          'Query.audit(id)',
        ),
      );
      expect(problems.map((p) => [p.code, p.coordinate])).toEqual([
        ['ITEM_ARGUMENT_NOT_GOVERNED', 'Query.searchPersons(first)'],
        ['ITEM_ARGUMENT_NOT_GOVERNED', 'Query.spatialSearch(within.longitude)'],
        ['ITEM_ARGUMENT_NOT_GOVERNED', 'Mutation.registerPerson(name)'],
        ['ITEM_ARGUMENT_NOT_GOVERNED', 'Query.audit(id)'],
      ]);
      expect(problems[0].message).toContain('control argument');
      expect(problems[1].message).toContain('Query.spatialSearch(kind: VALUE, within.longitude)');
    });

    it('lets only published resources govern arguments; retired ones are not held to the schema', () => {
      const draft = check((c) => {
        const moved = resourceByCode(c, '101001001/000001').items[0];
        delete moved.arguments;
        c.resources.push(
          resource('101001001/000002', PSB, [item(1, [], { arguments: ['Query.person(idNumber)'] })], {
            status: ResourceStatus.DRAFT,
          }),
        );
      });
      expect(codesOf(draft)).toEqual(['ARGUMENT_UNGOVERNED']);
      const retired = check((c) =>
        c.resources.push(
          resource('101001001/000009', PSB, [item(1, [], { arguments: ['Query.person(formerName)'] })], {
            status: ResourceStatus.RETIRED,
          }),
        ),
      );
      expect(retired).toEqual([]);
    });
  });

  describe('items against the supergraph', () => {
    it('reports ITEM_FIELD_UNKNOWN for a coordinate the supergraph does not have', () => {
      const problems = check((c) =>
        resourceByCode(c, '101001001/000001').items[3].fields.push('Person.height', 'Nothing.here', 'garbage'),
      );
      expect(problems.map((p) => [p.code, p.coordinate, p.resource, p.item])).toEqual([
        ['ITEM_FIELD_UNKNOWN', 'Person.height', '101001001/000001', 4],
        ['ITEM_FIELD_UNKNOWN', 'Nothing.here', '101001001/000001', 4],
        ['ITEM_FIELD_UNKNOWN', 'garbage', '101001001/000001', 4],
      ]);
    });

    it('does not hold retired resources to the current schema, but drafts', () => {
      const retired = check((c) =>
        c.resources.push(
          resource('101001001/000009', PSB, [item(1, ['Person.formerName'])], { status: ResourceStatus.RETIRED }),
        ),
      );
      expect(retired).toEqual([]);
      const draft = check((c) =>
        c.resources.push(
          resource('101001001/000009', PSB, [item(1, ['Person.formerName'])], { status: ResourceStatus.DRAFT }),
        ),
      );
      expect(codesOf(draft)).toEqual(['ITEM_FIELD_UNKNOWN']);
    });

    it('reports ITEM_FIELD_NOT_BASE_LIBRARY for root fields, other subgraphs and @inaccessible fields', () => {
      const problems = check((c) =>
        resourceByCode(c, '101001001/000001').items[3].fields.push('Query.person', 'AuditEntry.note', 'Person.secret'),
      );
      expect(problems.map((p) => [p.code, p.coordinate])).toEqual([
        ['ITEM_FIELD_NOT_BASE_LIBRARY', 'Query.person'],
        ['ITEM_FIELD_NOT_BASE_LIBRARY', 'AuditEntry.note'],
        ['ITEM_FIELD_NOT_BASE_LIBRARY', 'Person.secret'],
      ]);
      expect(problems[0].message).toContain('root field');
      expect(problems[2].message).toContain('@inaccessible');
    });

    it('reports MASKING_TYPE_MISMATCH for a rule on a field of another type, or on an object field', () => {
      const onInt = check((c) => {
        resourceByCode(c, '101001001/000001').items[2].masking = MaskingRule.REDACT;
      });
      expect(onInt).toEqual([
        {
          code: 'MASKING_TYPE_MISMATCH',
          resource: '101001001/000001',
          item: 3,
          coordinate: 'Person.age',
          message: expect.stringContaining('Int'),
        },
      ]);
      const coordinateOnString = check((c) => {
        Object.assign(resourceByCode(c, '101001001/000001').items[1], {
          masking: MaskingRule.COORDINATE,
          dataClass: DataClass.OTHER,
        });
      });
      expect(codesOf(coordinateOnString)).toEqual(['MASKING_TYPE_MISMATCH']);
      const stringRuleOnFloat = check((c) => {
        resourceByCode(c, '103002001/000001').items[0].masking = MaskingRule.DATE_YEAR;
      });
      expect(codesOf(stringRuleOnFloat)).toEqual(['MASKING_TYPE_MISMATCH', 'MASKING_TYPE_MISMATCH']);
      const onObject = check((c) => {
        resourceByCode(c, '103002001/000001').items[1].masking = MaskingRule.NAME;
      });
      expect(onObject).toEqual([
        expect.objectContaining({
          code: 'MASKING_TYPE_MISMATCH',
          coordinate: 'Person.location',
          message: expect.stringContaining('object-valued'),
        }),
      ]);
    });

    it('accepts COORDINATE on a point (an object of Float fields), REDACT on JSON, and none of the string rules on an object', () => {
      expect(
        check((c) => void (resourceByCode(c, '103002001/000001').items[1].masking = MaskingRule.COORDINATE)),
      ).toEqual([]);
      const onEnumObject = check((c) => {
        resourceByCode(c, '101001001/000001').items[3].masking = MaskingRule.COORDINATE;
      });
      // Person.address holds a String: COORDINATE cannot mask it; PersonAddress.text is a String, which it does not fit either.
      expect(onEnumObject.map((p) => [p.code, p.coordinate])).toEqual([
        ['MASKING_TYPE_MISMATCH', 'Person.address'],
        ['MASKING_TYPE_MISMATCH', 'PersonAddress.text'],
      ]);
    });

    it('accepts string rules on ID fields (a citizen ID is an ID)', () => {
      expect(validCatalog().resources[0].items[0]).toMatchObject({
        fields: ['Person.idNumber'],
        masking: MaskingRule.CITIZEN_ID,
      });
      expect(check(() => undefined)).toEqual([]);
    });

    it('reports MASKING_MISSING for a personal item of maskable scalars without a rule', () => {
      const problems = check((c) => {
        Object.assign(resourceByCode(c, '101003001/000001').items[0], { masking: null, dataClass: DataClass.OTHER });
      });
      expect(problems).toEqual([
        { code: 'MASKING_MISSING', resource: '101003001/000001', item: 1, message: expect.any(String) },
      ]);
      // Int and object fields cannot be masked: their protection is the sharing type.
      expect(validCatalog().resources[0].items[2]).toMatchObject({ sensitivity: Sensitivity.PERSONAL, masking: null });
    });
  });

  describe('data classes', () => {
    it('reports DATA_CLASS_MISSING for an item without a class', () => {
      const problems = check((c) => {
        delete (resourceByCode(c, '101001001/000001').items[1] as Partial<DataItemSpec>).dataClass;
      });
      expect(problems).toEqual([
        {
          code: 'DATA_CLASS_MISSING',
          resource: '101001001/000001',
          item: 2,
          message: expect.stringContaining('data class'),
        },
      ]);
    });

    it('reports DATA_CLASS_INVALID for a class outside the vocabulary', () => {
      const problems = check((c) => {
        Object.assign(resourceByCode(c, '101001001/000001').items[1], { dataClass: 'SECRET' });
      });
      expect(problems).toEqual([
        {
          code: 'DATA_CLASS_INVALID',
          resource: '101001001/000001',
          item: 2,
          message: expect.stringContaining('SECRET'),
        },
      ]);
    });

    it('reports DATA_CLASS_SENSITIVITY_MISMATCH for a personal class marked public or internal', () => {
      const problems = check((c) => {
        resourceByCode(c, '101001001/000001').items[1].sensitivity = Sensitivity.PUBLIC;
      });
      expect(problems).toEqual([
        {
          code: 'DATA_CLASS_SENSITIVITY_MISMATCH',
          resource: '101001001/000001',
          item: 2,
          message: expect.stringContaining('PERSON_NAME'),
        },
      ]);
    });

    it('reports PERSONAL_ITEM_UNMASKED for a personal class shared without a rule, naming exactly the fields', () => {
      const phone = check((c) => {
        resourceByCode(c, '101003001/000001').items[0].masking = null;
      });
      expect(phone).toEqual([
        {
          code: 'PERSONAL_ITEM_UNMASKED',
          resource: '101003001/000001',
          item: 1,
          message: expect.stringContaining('Person.phone would reach'),
        },
      ]);
      // A point is an object, yet COORDINATE could mask it: a person's point shared in full is refused.
      const point = check((c) => {
        resourceByCode(c, '103002001/000001').items[4].masking = null;
        resourceByCode(c, '103002001/000001').items[4].maskUnless = null;
      });
      expect(point).toEqual([
        {
          code: 'PERSONAL_ITEM_UNMASKED',
          resource: '103002001/000001',
          item: 5,
          message: expect.stringContaining('Hit.point'),
        },
      ]);
    });

    it('accepts values no rule can mask (an Int) only with a written reason, and anything in a not-shared resource', () => {
      const noReason = check((c) => {
        delete resourceByCode(c, '101001001/000001').items[2].description;
      });
      expect(noReason).toEqual([
        {
          code: 'PERSONAL_ITEM_UNMASKED',
          resource: '101001001/000001',
          item: 3,
          message: expect.stringContaining('description'),
        },
      ]);
      const notShared = check((c) => {
        Object.assign(resourceByCode(c, '101003001/000001'), { sharingType: SharingType.NOT_SHARED });
        resourceByCode(c, '101003001/000001').items[0].masking = null;
      });
      // Read by the provider only, in full anyway; the sensitivity-based check still asks for a rule.
      expect(codesOf(notShared)).toEqual(['MASKING_MISSING']);
    });

    it('reports MASKING_CLASS_MISMATCH for a rule that does not fit the class', () => {
      const citizenIdOnSubjects = check((c) => {
        resourceByCode(c, '103002001/000001').items[3].masking = MaskingRule.CITIZEN_ID;
      });
      expect(citizenIdOnSubjects).toEqual([
        {
          code: 'MASKING_CLASS_MISMATCH',
          resource: '103002001/000001',
          item: 4,
          message: expect.stringContaining('SUBJECT_ID'),
        },
      ]);
      const nameOnPhone = check((c) => {
        resourceByCode(c, '101003001/000001').items[0].masking = MaskingRule.NAME;
      });
      expect(codesOf(nameOnPhone)).toEqual(['MASKING_CLASS_MISMATCH']);
      const relayed = check((c) => {
        resourceByCode(c, '101001001/000001').items[3].dataClass = DataClass.RELAYED;
        resourceByCode(c, '101001001/000001').items[3].masking = MaskingRule.REDACT;
      });
      expect(codesOf(relayed)).toContain('MASKING_CLASS_MISMATCH');
    });

    it('reports MASK_UNLESS_INVALID for a condition on a missing sibling, without a rule, or with values the enum lacks', () => {
      const missingSibling = check((c) => {
        resourceByCode(c, '103002001/000001').items[3].maskUnless = { field: 'subjectType', values: ['ADDRESS'] };
      });
      expect(missingSibling).toEqual([
        {
          code: 'MASK_UNLESS_INVALID',
          resource: '103002001/000001',
          item: 4,
          coordinate: 'Hit.id',
          message: expect.stringContaining('Hit.subjectType'),
        },
      ]);
      const unknownValue = check((c) => {
        resourceByCode(c, '103002001/000001').items[4].maskUnless = { field: 'kind', values: ['LEGAL_ENTITY'] };
      });
      expect(unknownValue).toEqual([
        {
          code: 'MASK_UNLESS_INVALID',
          resource: '103002001/000001',
          item: 5,
          coordinate: 'Hit.point',
          message: expect.stringContaining('LEGAL_ENTITY'),
        },
      ]);
      const withoutRule = check((c) => {
        Object.assign(resourceByCode(c, '103002001/000001').items[2], {
          maskUnless: { field: 'kind', values: ['ADDRESS'] },
        });
      });
      expect(codesOf(withoutRule)).toEqual(['MASK_UNLESS_INVALID']);
    });
  });

  describe('resources and items', () => {
    it('reports RESOURCE_CODE_INVALID with the reason', () => {
      const problems = check((c) => {
        c.resources[2].code = '103002001-000001';
        c.resources[1].code = '401003001/000001';
        c.resources[0].relatedCodes = ['401003001/000001'];
      });
      expect(problems.map((p) => [p.code, p.resource])).toEqual([
        ['RESOURCE_CODE_INVALID', '401003001/000001'],
        ['RESOURCE_CODE_INVALID', '103002001-000001'],
      ]);
      expect(problems[0].message).toContain('类');
    });

    it('reports RESOURCE_CODE_DUPLICATE', () => {
      const problems = check((c) =>
        c.resources.push(
          resource('101003001/000001', PSB, [item(1, ['Person.age'])], { status: ResourceStatus.DRAFT }),
        ),
      );
      expect(problems).toEqual([
        { code: 'RESOURCE_CODE_DUPLICATE', resource: '101003001/000001', message: expect.any(String) },
      ]);
    });

    it('reports ITEM_NUMBER_DUPLICATE and ITEM_NUMBER_INVALID', () => {
      const duplicate = check((c) => {
        resourceByCode(c, '101001001/000001').items[1].no = 1;
      });
      expect(duplicate).toContainEqual({
        code: 'ITEM_NUMBER_DUPLICATE',
        resource: '101001001/000001',
        item: 1,
        message: expect.any(String),
      });
      const invalid = check((c) => {
        resourceByCode(c, '101001001/000001').items[1].no = 0;
        resourceByCode(c, '101001001/000001').items[2].no = 2.5;
      });
      expect(codesOf(invalid)).toEqual(['ITEM_NUMBER_INVALID', 'ITEM_NUMBER_INVALID']);
    });

    it('reports SHARING_CONDITIONS_MISSING for conditional and not-shared resources', () => {
      const conditional = check((c) => {
        resourceByCode(c, '101003001/000001').sharingConditions = '  ';
      });
      expect(conditional).toEqual([
        {
          code: 'SHARING_CONDITIONS_MISSING',
          resource: '101003001/000001',
          message: expect.stringContaining('applicant'),
        },
      ]);
      const notShared = check((c) => {
        Object.assign(resourceByCode(c, '101001001/000001'), {
          sharingType: SharingType.NOT_SHARED,
          sharingConditions: null,
        });
      });
      expect(codesOf(notShared)).toEqual(['SHARING_CONDITIONS_MISSING']);
    });

    it('reports PROVIDER_UNKNOWN for a provider that is not a department of the catalog', () => {
      const problems = check((c) => {
        resourceByCode(c, '103002001/000001').provider = '11100000000013338W';
      });
      expect(problems).toEqual([
        {
          code: 'PROVIDER_UNKNOWN',
          resource: '103002001/000001',
          message: expect.stringContaining('11100000000013338W'),
        },
      ]);
    });

    it('reports SENSITIVE_ITEM_EXPOSED for sensitive personal items shared unconditionally or opened', () => {
      const unconditional = check((c) => {
        Object.assign(resourceByCode(c, '101003001/000001'), {
          sharingType: SharingType.UNCONDITIONAL,
          sharingConditions: null,
        });
      });
      expect(unconditional).toEqual([
        { code: 'SENSITIVE_ITEM_EXPOSED', resource: '101003001/000001', item: 1, message: expect.any(String) },
      ]);
      const open = check((c) => {
        resourceByCode(c, '101003001/000001').openAttribute = OpenAttribute.OPEN;
      });
      expect(codesOf(open)).toEqual(['SENSITIVE_ITEM_EXPOSED']);
    });

    it('reports RESOURCE_ITEMS_MISSING for a published resource without items', () => {
      const problems = check((c) => c.resources.push(resource('101004001/000001', PSB, [])));
      expect(problems).toEqual([
        { code: 'RESOURCE_ITEMS_MISSING', resource: '101004001/000001', message: expect.any(String) },
      ]);
    });

    it('reports RELATED_CODE_UNKNOWN', () => {
      const problems = check((c) => resourceByCode(c, '103002001/000001').relatedCodes.push('103001001/000001'));
      expect(problems).toEqual([
        {
          code: 'RELATED_CODE_UNKNOWN',
          resource: '103002001/000001',
          message: expect.stringContaining('103001001/000001'),
        },
      ]);
    });

    it('reports PUBLISHED_ON_INVALID for a missing date once published, or a date that does not exist', () => {
      const missing = check((c) => {
        resourceByCode(c, '103002001/000001').publishedOn = null;
      });
      expect(codesOf(missing)).toEqual(['PUBLISHED_ON_INVALID']);
      const impossible = check((c) => {
        resourceByCode(c, '103002001/000001').publishedOn = '2026-02-30';
      });
      expect(codesOf(impossible)).toEqual(['PUBLISHED_ON_INVALID']);
      const draft = check((c) =>
        c.resources.push(resource('101004001/000001', PSB, [], { status: ResourceStatus.DRAFT, publishedOn: null })),
      );
      expect(draft).toEqual([]);
    });

    it('reports ENUM_VALUE_INVALID for values outside the vocabulary', () => {
      const problems = check((c) => {
        Object.assign(resourceByCode(c, '103002001/000001'), { sharingType: 'OPEN_TO_ALL', updateCycle: 'HOURLY' });
        Object.assign(resourceByCode(c, '101001001/000001').items[1], { masking: 'HASH' });
      });
      expect(problems.map((p) => [p.code, p.resource, p.item])).toEqual([
        ['ENUM_VALUE_INVALID', '101001001/000001', 2],
        ['ENUM_VALUE_INVALID', '103002001/000001', undefined],
        ['ENUM_VALUE_INVALID', '103002001/000001', undefined],
      ]);
    });

    it('reports METADATA_MISSING for empty names and summaries', () => {
      const problems = check((c) => {
        c.resources[0].summary = '';
        c.resources[0].items[0].name = ' ';
        c.departments[1].name = '';
      });
      expect(codesOf(problems)).toEqual(['METADATA_MISSING', 'METADATA_MISSING', 'METADATA_MISSING']);
    });
  });

  describe('departments', () => {
    it('reports DEPARTMENT_USCC_INVALID for a wrong check character or a non-canonical spelling', () => {
      const wrongCheck = check((c) => {
        c.departments.push({ uscc: '114406000070201358', name: '错码部门', divisionCode: '440600', systems: [] });
      });
      expect(wrongCheck).toEqual([
        { code: 'DEPARTMENT_USCC_INVALID', message: expect.stringContaining('check character') },
      ]);
      const lowerCase = check((c) => {
        c.departments.push({ uscc: '11440600mb2c731081', name: '小写部门', divisionCode: '440600', systems: [] });
      });
      expect(codesOf(lowerCase)).toEqual(['DEPARTMENT_USCC_INVALID']);
    });

    it('reports DEPARTMENT_USCC_DUPLICATE', () => {
      const problems = check((c) => c.departments.push({ ...c.departments[0], name: '重复部门', systems: [] }));
      expect(codesOf(problems)).toEqual(['DEPARTMENT_USCC_DUPLICATE']);
    });

    it('reports DEPARTMENT_DIVISION_INVALID', () => {
      const problems = check((c) => {
        c.departments[0].divisionCode = '449999';
      });
      expect(codesOf(problems)).toEqual(['DEPARTMENT_DIVISION_INVALID']);
    });

    it('reports SYSTEM_CODE_INVALID', () => {
      for (const code of ['FS-PSB', 'fs_psb', 'fs--psb', '-fs', 'fs-', '', 'x'.repeat(65)]) {
        const problems = check((c) => {
          c.departments[0].systems[0].code = code;
        });
        expect(codesOf(problems)).toEqual(['SYSTEM_CODE_INVALID']);
      }
    });

    it('reports SYSTEM_CODE_DUPLICATE across departments', () => {
      const problems = check((c) => {
        c.departments[1].systems.push({ code: 'fs-psb-hukou', name: '冒用的系统代码' });
      });
      expect(problems).toEqual([{ code: 'SYSTEM_CODE_DUPLICATE', message: expect.stringContaining('佛山市公安局') }]);
    });
  });

  it('has a focused test above for every problem code it reports', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL(import.meta.url), 'utf8');
    const untested = GOVERNANCE_PROBLEM_CODES.filter(
      (code) => !source.includes(`reports ${code}`) && !source.includes(`'${code}'`),
    );
    expect(untested).toEqual([]);
  });
});
