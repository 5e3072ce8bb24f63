import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { apiSchemaOf } from './api-schema.js';
import { MaskingRule } from './catalog-model.js';
import { COMPOUND_SURNAMES } from './compound-surnames.js';
import { maskResponseData, maskValue, type FieldMasking } from './masking.js';

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
    contacts: [Contact!]!
    search(q: String!): [SearchHit!]!
  }
`);

const hubRules = new Map<string, MaskingRule>([
  ['Person.idNumber', MaskingRule.CITIZEN_ID],
  ['Person.phone', MaskingRule.PHONE],
  ['Person.name', MaskingRule.NAME],
  ['Person.birthDate', MaskingRule.DATE_YEAR],
  ['PersonAddress.text', MaskingRule.ADDRESS],
  ['GeoPoint.longitude', MaskingRule.COORDINATE],
  ['GeoPoint.latitude', MaskingRule.COORDINATE],
  ['CreditRecord.content', MaskingRule.REDACT],
  ['CreditAssessmentReason.recordIds', MaskingRule.REDACT],
]);

function valid(schema: GraphQLSchema, source: string): DocumentNode {
  const document = parse(source);
  expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  return document;
}

/** Masks `data` for `source` and returns the count; `data` is changed in place. */
function mask(
  source: string,
  data: Record<string, unknown> | null,
  options: {
    schema?: GraphQLSchema;
    rules?: ReadonlyMap<string, MaskingRule | FieldMasking>;
    operationName?: string;
    variables?: Record<string, unknown>;
  } = {},
): number {
  const schema = options.schema ?? hub;
  const rules = options.rules ?? hubRules;
  const document = valid(schema, source);
  return maskResponseData(
    schema,
    document,
    { operationName: options.operationName, variables: options.variables },
    data,
    (c) => rules.get(c),
  );
}

const ZHANG = {
  idNumber: '44060419850312123X',
  name: '张三丰',
  phone: '13812345678',
  birthDate: '1985-03-12',
  gender: 'MALE',
  householdAddress: { text: '广东省佛山市禅城区季华五路88号', divisionCode: '440604' },
};

describe('maskValue', () => {
  it('keeps the first 6 and last 4 characters of a citizen ID', () => {
    expect(maskValue(MaskingRule.CITIZEN_ID, '44060419850312123X')).toBe('440604********123X');
    expect(maskValue(MaskingRule.CITIZEN_ID, '440604850312123')).toBe('440604*****2123');
    expect(maskValue(MaskingRule.CITIZEN_ID, '12345678901')).toBe('123456*8901');
    expect(maskValue(MaskingRule.CITIZEN_ID, '1234567890')).toBe('**********');
  });

  it('keeps the first 3 and last 4 characters of a phone number, or the last 2 of a short one', () => {
    expect(maskValue(MaskingRule.PHONE, '13812345678')).toBe('138****5678');
    expect(maskValue(MaskingRule.PHONE, '075788886666')).toBe('075*****6666');
    expect(maskValue(MaskingRule.PHONE, '88886666')).toBe('888*6666');
    expect(maskValue(MaskingRule.PHONE, '8886666')).toBe('*****66');
  });

  it('keeps the surname of a name, counting code points', () => {
    expect(maskValue(MaskingRule.NAME, '张三丰')).toBe('张**');
    expect(maskValue(MaskingRule.NAME, '𠮷野家')).toBe('𠮷**');
    expect(maskValue(MaskingRule.NAME, '李')).toBe('*');
  });

  it('keeps a compound surname (《百家姓》复姓) whole, and never a whole name', () => {
    expect(maskValue(MaskingRule.NAME, '欧阳娜娜')).toBe('欧阳**');
    expect(maskValue(MaskingRule.NAME, '司马相如')).toBe('司马**');
    expect(maskValue(MaskingRule.NAME, '诸葛亮')).toBe('诸葛*');
    expect(maskValue(MaskingRule.NAME, '第五伦')).toBe('第五*');
    // Two characters: a single surname and a given name, so that something stays hidden.
    expect(maskValue(MaskingRule.NAME, '欧阳')).toBe('欧*');
    // Not a compound surname: 欧 alone, 阳光 the given name.
    expect(maskValue(MaskingRule.NAME, '欧光明')).toBe('欧**');
    expect(COMPOUND_SURNAMES).toHaveLength(60);
    expect(new Set(COMPOUND_SURNAMES).size).toBe(60);
    for (const surname of COMPOUND_SURNAMES) expect([...surname]).toHaveLength(2);
  });

  it('masks a subject id by what it is: a citizen ID as one, a USCC not at all, anything else wholly', () => {
    expect(maskValue(MaskingRule.SUBJECT_ID, '44060419850312124X')).toBe('440604********124X');
    expect(maskValue(MaskingRule.SUBJECT_ID, '91440604KCM5J6WP2T')).toBe('91440604KCM5J6WP2T');
    // A value valid both as a citizen ID and as a USCC is masked: it may be a person's.
    expect(maskValue(MaskingRule.SUBJECT_ID, '110101195001010009')).toBe('110101********0009');
    // A citizen ID with a wrong check digit is neither: hidden wholly.
    expect(maskValue(MaskingRule.SUBJECT_ID, '440604198503121230')).toBe('******');
    expect(maskValue(MaskingRule.SUBJECT_ID, 'ADDR-440604-000123')).toBe('******');
  });

  it('masks every citizen ID inside a record id and keeps the rest', () => {
    expect(maskValue(MaskingRule.RECORD_ID, 'p-44060419850312124X')).toBe('p-440604********124X');
    expect(maskValue(MaskingRule.RECORD_ID, '44060419850312124X')).toBe('440604********124X');
    expect(maskValue(MaskingRule.RECORD_ID, 'hukou/44060419850312124x/v2')).toBe('hukou/440604********124x/v2');
    // A 15-digit legacy number inside an id.
    expect(maskValue(MaskingRule.RECORD_ID, 'old:440604850312123')).toBe('old:440604*****2123');
    // Nothing personal inside: unchanged.
    expect(maskValue(MaskingRule.RECORD_ID, 'le-91440604KCM5J6WP2T')).toBe('le-91440604KCM5J6WP2T');
    expect(maskValue(MaskingRule.RECORD_ID, 'person-12-345678901')).toBe('person-12-345678901');
  });

  it('keeps the first 6 characters of an address', () => {
    expect(maskValue(MaskingRule.ADDRESS, '广东省佛山市禅城区季华五路88号')).toBe('广东省佛山市****');
    expect(maskValue(MaskingRule.ADDRESS, '广东省佛山市')).toBe('****');
    expect(maskValue(MaskingRule.ADDRESS, '佛山')).toBe('****');
  });

  it('keeps the year of a date or date-time, and hides anything else', () => {
    expect(maskValue(MaskingRule.DATE_YEAR, '1985-03-12')).toBe('1985-**-**');
    expect(maskValue(MaskingRule.DATE_YEAR, '2024-05-01T08:30:00Z')).toBe('2024-**-**');
    expect(maskValue(MaskingRule.DATE_YEAR, '1985年3月12日')).toBe('****-**-**');
  });

  it('snaps a coordinate to the 0.01° grid', () => {
    expect(maskValue(MaskingRule.COORDINATE, 113.123456)).toBe(113.12);
    expect(maskValue(MaskingRule.COORDINATE, 23.0199)).toBe(23.02);
    expect(maskValue(MaskingRule.COORDINATE, -0.126)).toBe(-0.13);
  });

  it('redacts free text', () => {
    expect(maskValue(MaskingRule.REDACT, '2023年5月在禅城区无证经营')).toBe('******');
  });

  it('masks lists element by element and leaves null and unfitting values alone', () => {
    expect(maskValue(MaskingRule.NAME, ['张三', null, '欧阳娜娜'])).toEqual(['张*', null, '欧阳**']);
    expect(maskValue(MaskingRule.COORDINATE, [[113.123456, 23.456789]])).toEqual([[113.12, 23.46]]);
    expect(maskValue(MaskingRule.PHONE, null)).toBeNull();
    expect(maskValue(MaskingRule.PHONE, undefined)).toBeUndefined();
    expect(maskValue(MaskingRule.PHONE, 13812345678)).toBe(13812345678);
    expect(maskValue(MaskingRule.COORDINATE, '113.123456')).toBe('113.123456');
    const object = { a: 1 };
    expect(maskValue(MaskingRule.NAME, object)).toBe(object);
  });

  it('never throws', () => {
    const odd: unknown[] = [
      '',
      'x',
      '\u{20BB7}',
      'a'.repeat(10_000),
      0,
      -0,
      NaN,
      Infinity,
      10n,
      true,
      {},
      [],
      [[[]]],
      Symbol('s'),
      () => 1,
      new Date(0),
    ];
    for (const rule of Object.values(MaskingRule)) {
      for (const value of odd) expect(() => maskValue(rule, value)).not.toThrow();
    }
    expect(() => maskValue('NEW_RULE' as MaskingRule, 'secret')).not.toThrow();
    expect(maskValue('NEW_RULE' as MaskingRule, 'secret')).toBe('******');
  });
});

describe('maskResponseData', () => {
  it('masks the governed fields of an object and leaves the others as they are', () => {
    const data = { person: structuredClone(ZHANG) };
    const count = mask(
      '{ person(idNumber: "1") { idNumber name phone birthDate gender householdAddress { text divisionCode } } }',
      data,
    );
    expect(data).toStrictEqual({
      person: {
        idNumber: '440604********123X',
        name: '张**',
        phone: '138****5678',
        birthDate: '1985-**-**',
        gender: 'MALE',
        householdAddress: { text: '广东省佛山市****', divisionCode: '440604' },
      },
    });
    expect(count).toBe(5);
  });

  it('masks every element of a list of objects and skips null ones', () => {
    const data = {
      persons: [structuredClone(ZHANG), null, { ...structuredClone(ZHANG), name: '欧阳娜娜', phone: null }],
    };
    const count = mask('{ persons(idNumbers: ["1", "2", "3"]) { name phone gender } }', data);
    expect(data.persons).toStrictEqual([
      { ...ZHANG, name: '张**', phone: '138****5678' },
      null,
      { ...ZHANG, name: '欧阳**', phone: null },
    ]);
    expect(count).toBe(3);
  });

  it('masks lists of scalars element by element', () => {
    const data = { creditProfile: { assessment: { reasons: [{ code: 'PENALTIES', recordIds: ['p:1', 'p:2'] }] } } };
    const count = mask(
      '{ creditProfile(subjectType: PERSON, subjectId: "1") { assessment { reasons { code recordIds } } } }',
      data,
    );
    expect(data.creditProfile.assessment.reasons[0]).toStrictEqual({
      code: 'PENALTIES',
      recordIds: ['******', '******'],
    });
    expect(count).toBe(2);
  });

  it('follows aliases, including a field selected twice', () => {
    const data = { who: { mobile: '13812345678', again: '13812345678', xm: '张三丰', gender: 'MALE' } };
    expect(mask('{ who: person(idNumber: "1") { mobile: phone again: phone xm: name gender } }', data)).toBe(3);
    expect(data).toStrictEqual({ who: { mobile: '138****5678', again: '138****5678', xm: '张**', gender: 'MALE' } });
  });

  it('does not mask an alias that merely looks like a governed field', () => {
    const data = { person: { phone: 'MALE', name: '440604' } };
    expect(mask('{ person(idNumber: "1") { phone: gender name: householdNumber } }', data)).toBe(0);
    expect(data).toStrictEqual({ person: { phone: 'MALE', name: '440604' } });
  });

  it('walks named and inline fragments', () => {
    const source = `
      { legalEntity(uscc: "x") { name ...Rep } }
      fragment Rep on LegalEntity { legalRepresentative { ... on Person { name } ...Reach } }
      fragment Reach on Person { ... { phone } location { point { longitude latitude } } }
    `;
    const data = {
      legalEntity: {
        name: '佛山市禅城区某某贸易有限公司',
        legalRepresentative: {
          name: '张三丰',
          phone: '13812345678',
          location: { point: { longitude: 113.123456, latitude: 23.019876 } },
        },
      },
    };
    expect(mask(source, data)).toBe(4);
    expect(data).toStrictEqual({
      legalEntity: {
        name: '佛山市禅城区某某贸易有限公司',
        legalRepresentative: {
          name: '张**',
          phone: '138****5678',
          location: { point: { longitude: 113.12, latitude: 23.02 } },
        },
      },
    });
  });

  it('copes with null objects at any depth', () => {
    const data = {
      person: null,
      household: { head: null, members: [{ person: { name: '张三丰' }, relationToHead: null }, null] },
    };
    expect(
      mask(
        '{ person(idNumber: "1") { name } household(number: "1") { head { name } members { person { name } relationToHead { name } } } }',
        data,
      ),
    ).toBe(1);
    expect(data).toStrictEqual({
      person: null,
      household: { head: null, members: [{ person: { name: '张**' }, relationToHead: null }, null] },
    });
    expect(mask('{ person(idNumber: "1") { name } }', null)).toBe(0);
  });

  it('leaves every value it does not mask untouched', () => {
    const data = {
      legalEntity: {
        uscc: '91440604MA4UJ8XX1A',
        name: '佛山市禅城区某某贸易有限公司',
        registeredAddress: { text: '广东省佛山市禅城区季华五路88号' },
        history: [{ changes: { name: { from: 'a', to: 'b' } } }],
      },
    };
    const before = JSON.stringify(data);
    const history = data.legalEntity.history;
    const count = mask('{ legalEntity(uscc: "x") { uscc name registeredAddress { text } history { changes } } }', data);
    expect(count).toBe(0);
    expect(JSON.stringify(data)).toBe(before);
    expect(data.legalEntity.history).toBe(history);
  });

  it('masks according to the operation that ran', () => {
    const source = `
      query Contactable { person(idNumber: "1") { x: phone } }
      query Kind { person(idNumber: "1") { x: gender } }
    `;
    const kind = { person: { x: 'MALE' } };
    expect(mask(source, kind, { operationName: 'Kind' })).toBe(0);
    expect(kind.person.x).toBe('MALE');
    const contactable = { person: { x: '13812345678' } };
    expect(mask(source, contactable, { operationName: 'Contactable' })).toBe(1);
    expect(contactable.person.x).toBe('138****5678');
  });

  it('never throws on data that does not fit the operation', () => {
    const data = {
      persons: [
        'not an object',
        42,
        { name: { nested: true }, phone: 13812345678, householdAddress: '广东省佛山市禅城区季华五路88号' },
        { name: ['张三丰', 7] },
      ],
      extra: { name: '张三丰' },
    };
    const count = mask(
      '{ persons(idNumbers: ["1"]) { name phone householdAddress { text } } }',
      data as Record<string, unknown>,
    );
    expect(count).toBe(1);
    expect(data.persons).toStrictEqual([
      'not an object',
      42,
      { name: { nested: true }, phone: 13812345678, householdAddress: '广东省佛山市禅城区季华五路88号' },
      { name: ['张**', 7] },
    ]);
    expect(data.extra).toStrictEqual({ name: '张三丰' });
  });

  // How fast is measured where speed is measured (npm run bench: the governance ratio); here, that
  // every item of a long list is masked, each once.
  it('masks every item of a 1,000-item list, each once', () => {
    const source =
      '{ persons(idNumbers: ["1"]) { idNumber name phone birthDate gender householdAddress { text divisionCode } } }';
    const document = valid(hub, source);
    const make = () => ({ persons: Array.from({ length: 1000 }, () => structuredClone(ZHANG)) });
    const rule = (c: string) => hubRules.get(c);
    maskResponseData(hub, document, {}, make(), rule);
    const data = make();
    expect(maskResponseData(hub, document, {}, data, rule)).toBe(5000);
    expect(data.persons[0].householdAddress.text).toBe('广东省佛山市****');
    expect(data.persons[999].householdAddress.text).toBe('广东省佛山市****');
  });

  describe("rules that depend on the value's subject", () => {
    const NOT_A_PERSON = { field: 'subjectType', values: ['LEGAL_ENTITY'] };
    const NOT_A_PERSON_HIT = { field: 'kind', values: ['ADDRESS', 'LEGAL_ENTITY'] };
    const rules = new Map<string, MaskingRule | FieldMasking>([
      ['CreditRecord.subjectId', MaskingRule.SUBJECT_ID],
      ['CreditRecord.subjectName', { rule: MaskingRule.NAME, unless: NOT_A_PERSON }],
      ['SpatialHit.id', { rule: MaskingRule.SUBJECT_ID, unless: NOT_A_PERSON_HIT }],
      ['SpatialHit.point', { rule: MaskingRule.COORDINATE, unless: NOT_A_PERSON_HIT }],
      ['PersonLocation.point', MaskingRule.COORDINATE],
      ['RecordChange.changes', MaskingRule.REDACT],
    ]);
    const records = () => [
      { subjectType: 'PERSON', subjectId: '44060419850312124X', subjectName: '欧阳娜娜' },
      { subjectType: 'LEGAL_ENTITY', subjectId: '91440604KCM5J6WP2T', subjectName: '佛山市禅城区新禾餐饮管理有限公司' },
    ];

    it("masks a natural person's name and leaves an organisation's, by the sibling subjectType", () => {
      const data = { creditProfile: { penalties: records() } };
      expect(
        mask(
          '{ creditProfile(subjectType: PERSON, subjectId: "1") { penalties { subjectType subjectId subjectName } } }',
          data,
          { rules },
        ),
      ).toBe(2);
      expect(data.creditProfile.penalties).toStrictEqual([
        { subjectType: 'PERSON', subjectId: '440604********124X', subjectName: '欧阳**' },
        {
          subjectType: 'LEGAL_ENTITY',
          subjectId: '91440604KCM5J6WP2T',
          subjectName: '佛山市禅城区新禾餐饮管理有限公司',
        },
      ]);
    });

    it('reads the sibling under an alias, and not a field aliased to its name', () => {
      const aliased = {
        creditProfile: {
          penalties: records().map(({ subjectType, subjectName }) => ({ t: subjectType, n: subjectName })),
        },
      };
      mask(
        '{ creditProfile(subjectType: PERSON, subjectId: "1") { penalties { t: subjectType n: subjectName } } }',
        aliased,
        { rules },
      );
      expect(aliased.creditProfile.penalties.map((r) => r.n)).toEqual(['欧阳**', '佛山市禅城区新禾餐饮管理有限公司']);
      // `subjectType: title` is a key named subjectType that is not the field: it exempts nothing.
      const spoofed = { creditProfile: { penalties: [{ subjectType: 'LEGAL_ENTITY', subjectName: '欧阳娜娜' }] } };
      mask(
        '{ creditProfile(subjectType: PERSON, subjectId: "1") { penalties { subjectType: title subjectName } } }',
        spoofed,
        { rules },
      );
      expect(spoofed.creditProfile.penalties[0].subjectName).toBe('欧阳**');
    });

    it('masks every name when the discriminator is not selected (fail safe)', () => {
      const data = { creditProfile: { penalties: records().map(({ subjectName }) => ({ subjectName })) } };
      expect(
        mask('{ creditProfile(subjectType: PERSON, subjectId: "1") { penalties { subjectName } } }', data, { rules }),
      ).toBe(2);
      expect(data.creditProfile.penalties.map((r) => r.subjectName)).toEqual(['欧阳**', `佛${'*'.repeat(15)}`]);
    });

    it("generalises a person's point (an object) to the grid, and leaves an address's or a company's exact", () => {
      const data = {
        spatialSearch: {
          nodes: [
            {
              kind: 'PERSON',
              id: '44060419850312124X',
              point: { longitude: 113.123456, latitude: 23.019876, __typename: 'GeoPoint' },
            },
            {
              kind: 'LEGAL_ENTITY',
              id: '91440604KCM5J6WP2T',
              point: { longitude: 113.123456, latitude: 23.019876, __typename: 'GeoPoint' },
            },
            {
              kind: 'ADDRESS',
              id: '440604-000123',
              point: { longitude: 113.123456, latitude: 23.019876, __typename: 'GeoPoint' },
            },
          ],
        },
      };
      mask(
        '{ spatialSearch(kind: PERSON, within: { divisionCode: "440604" }) { nodes { kind id point { longitude latitude __typename } } } }',
        data,
        { rules },
      );
      expect(data.spatialSearch.nodes).toStrictEqual([
        {
          kind: 'PERSON',
          id: '440604********124X',
          point: { longitude: 113.12, latitude: 23.02, __typename: 'GeoPoint' },
        },
        {
          kind: 'LEGAL_ENTITY',
          id: '91440604KCM5J6WP2T',
          point: { longitude: 113.123456, latitude: 23.019876, __typename: 'GeoPoint' },
        },
        {
          kind: 'ADDRESS',
          id: '440604-000123',
          point: { longitude: 113.123456, latitude: 23.019876, __typename: 'GeoPoint' },
        },
      ]);
      // Without kind: every hit is treated as a person's (an address id is neither a citizen ID nor a USCC: hidden).
      const blind = { spatialSearch: { nodes: [{ id: '440604-000123', p: { x: 113.123456 } }] } };
      mask(
        '{ spatialSearch(kind: ADDRESS, within: { divisionCode: "440604" }) { nodes { id p: point { x: longitude } } } }',
        blind,
        { rules },
      );
      expect(blind.spatialSearch.nodes[0]).toStrictEqual({ id: '******', p: { x: 113.12 } });
    });

    it("generalises a person's located point wherever it is reached", () => {
      const data = {
        legalEntity: { legalRepresentative: { location: { point: { longitude: 113.123456, latitude: 23.019876 } } } },
      };
      expect(
        mask('{ legalEntity(uscc: "x") { legalRepresentative { location { point { longitude latitude } } } } }', data, {
          rules,
        }),
      ).toBe(2);
      expect(data.legalEntity.legalRepresentative.location.point).toStrictEqual({ longitude: 113.12, latitude: 23.02 });
    });

    it('redacts every value of a JSON document and keeps its keys', () => {
      const data = {
        person: {
          history: [
            {
              version: 2,
              changes: {
                name: { from: '欧阳秀', to: '欧阳修' },
                phone: { from: null, to: '13812345678' },
                version: 2,
                flags: [true, '迁出'],
              },
            },
          ],
        },
      };
      mask('{ person(idNumber: "1") { history { version changes } } }', data, { rules });
      expect(data.person.history[0]).toStrictEqual({
        version: 2,
        changes: {
          name: { from: '******', to: '******' },
          phone: { from: null, to: '******' },
          version: '******',
          flags: ['******', '******'],
        },
      });
    });
  });

  describe('abstract types', () => {
    const rules = new Map([['PersonContact.phone', MaskingRule.PHONE]]);

    it('uses __typename to pick the object type', () => {
      const data = {
        search: [
          { __typename: 'PersonContact', phone: '13812345678' },
          { __typename: 'OrgContact', phone: '075788886666' },
          { __typename: 'Robot', serial: 'R-1' },
        ],
      };
      const count = mask('{ search(q: "x") { __typename ... on Contact { phone } ... on Robot { serial } } }', data, {
        schema: abstract,
        rules,
      });
      expect(count).toBe(1);
      expect(data.search).toStrictEqual([
        { __typename: 'PersonContact', phone: '138****5678' },
        { __typename: 'OrgContact', phone: '075788886666' },
        { __typename: 'Robot', serial: 'R-1' },
      ]);
    });

    it('uses an aliased __typename too', () => {
      const data = {
        contacts: [
          { kind: 'OrgContact', phone: '075788886666' },
          { kind: 'PersonContact', phone: '13812345678' },
        ],
      };
      expect(mask('{ contacts { kind: __typename phone } }', data, { schema: abstract, rules })).toBe(1);
      expect(data.contacts.map((c) => c.phone)).toEqual(['075788886666', '138****5678']);
    });

    it('masks when any possible type has a rule and the type is unknown', () => {
      const data = { contact: { phone: '075788886666' }, search: [{ phone: '13812345678' }, { serial: 'R-1' }] };
      expect(
        mask(
          '{ contact(id: "1") { phone } search(q: "x") { ... on Contact { phone } ... on Robot { serial } } }',
          data,
          { schema: abstract, rules },
        ),
      ).toBe(2);
      expect(data).toStrictEqual({
        contact: { phone: '075*****6666' },
        search: [{ phone: '138****5678' }, { serial: 'R-1' }],
      });
    });

    it('applies a rule on an interface field to every implementation selected through it', () => {
      const data = { contacts: [{ __typename: 'OrgContact', phone: '075788886666' }] };
      expect(
        mask('{ contacts { __typename phone } }', data, {
          schema: abstract,
          rules: new Map([['Contact.phone', MaskingRule.PHONE]]),
        }),
      ).toBe(1);
      expect(data.contacts[0].phone).toBe('075*****6666');
    });
  });
});
