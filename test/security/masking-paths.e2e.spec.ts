import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getNamedType,
  isCompositeType,
  isObjectType,
  isScalarType,
  isEnumType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { chinaDate, formatELicenceId } from '@hub/identifiers';
import {
  ResourceStatus,
  SharingType,
  apiSchemaOf,
  isPersonalDataClass,
  maskValue,
  type CatalogResourceSpec,
  type DataItemSpec,
  MaskingRule,
  type MaskUnless,
} from '@hub/policy';
import {
  RECORD_CREDIT,
  REGISTER,
  REGISTER_ADDRESS,
  REGISTER_PERSON,
  aCreditRecord,
  aLegalEntity,
  aPerson,
  aStandardAddress,
} from '../support/fixtures.js';
import { DEPARTMENTS, type TestKey, type TestKeys } from '../support/test-access.js';
import { TestHub, type GraphQLResponse } from '../support/test-hub.js';

/*
 * Issue 9, "around masking": values that carried what masking hides, reached around the gateway's
 * per-field decision. Each leak the issue names is an attack below, through the real gateway, by a
 * caller without full values (the one-window system, under masked grants where a resource is
 * conditional) — and the same read by a full-value caller, who still gets the value.
 *
 * Then the acceptance: every field of the supergraph whose catalog item has a personal data class
 * (read from the seed catalog, as the hub loads it) is read by every query path the schema offers —
 * from each root field, bounded depth, cycles cut — as a caller holding masked grants for every
 * conditional item, and no value comes back as a full-value caller sees it.
 */

// ---------------------------------------------------------------------------------------------
// The world the attacks read (realistic records: valid check digits, a compound surname, a company
// whose representative she is, credit records on her and on the company, located persons)
// ---------------------------------------------------------------------------------------------

/** Her household address: a standard address, so geospatial locates her exactly. */
const HOME = aStandardAddress('440604', '季华五路', 88);
/** The company's seat: public, located exactly. */
const SITE = aStandardAddress('440604', '汾江中路', 121);

const OUYANG = aPerson('1990-06-18').inHousehold('H440604000777', '02').with({
  name: '欧阳娜娜',
  phone: '13923456789',
  householdAddress: HOME.fullText,
  householdDivisionCode: '440604',
  residenceAddress: '广东省佛山市禅城区祖庙街道人民路1号',
  residenceDivisionCode: '440604',
  sourceDepartment: DEPARTMENTS.publicSecurity,
  sourceSystem: 'fs-psb-hukou',
});
/** A member of her household, whose address no standard address matches: her location says why, quoting it. */
const MEMBER = aPerson('1988-02-01').inHousehold('H440604000777', '10').with({
  name: '上官婉儿',
  householdAddress: '广东省佛山市禅城区不存在路9号',
  householdDivisionCode: '440604',
  sourceDepartment: DEPARTMENTS.publicSecurity,
  sourceSystem: 'fs-psb-hukou',
});
/** The legal representative of COMPANY2, who dies. */
const DEAD = aPerson('1950-02-02').with({
  name: '诸葛明远',
  householdDivisionCode: '440604',
  sourceDepartment: DEPARTMENTS.publicSecurity,
  sourceSystem: 'fs-psb-hukou',
});
/** Registered under a name a data correction changes. */
const MISNAMED = aPerson('1990-03-15').with({
  name: '欧阳秀',
  householdDivisionCode: '440604',
  sourceDepartment: DEPARTMENTS.publicSecurity,
  sourceSystem: 'fs-psb-hukou',
});
const DIED_ON = '2025-11-03';
const DEATH_REASON = '死亡注销（居民死亡医学证明书）';

const REVIEWER = '皇甫谧';
const PERSON_PENALTY_CONTENT = '欧阳娜娜于2025年8月在禅城区祖庙街道无证经营餐饮';
const PERSON_PENALTY_REASON = '欧阳娜娜已履行处罚决定，完成信用修复';
const COMPANY_PENALTY_CONTENT = '该公司未按规定公示年度报告';
const COMPANY_PENALTY_REASON = '已补报年度报告';
const SOLE_TRADER_REGISTRATION = 'FS-AMR-GTDJ-001';
const FOOD_BUSINESS_LICENCE = 'FS-AMR-SPJY-001';

/** Ids the set-up learns from the hub. */
const written = { personPenalty: '', companyPenalty: '', material: '', reviewResult: '', corrected: '', rejected: '' };

/** The record, with a population record id that embeds the citizen ID, as the demo's extracts write them (p-<citizen ID>). */
function withIdInRecordId(builder: ReturnType<typeof aPerson>) {
  const record = builder.build();
  return { ...record, sourceRecordId: `p-${record.idNumber}` };
}
const ouyang = withIdInRecordId(OUYANG);
const member = withIdInRecordId(MEMBER);
const dead = withIdInRecordId(DEAD);
const misnamed = MISNAMED.build();

const COMPANY_NAME = '佛山市禅城区新禾餐饮管理有限公司';
/** Her company: she is its legal representative; its seat is public. */
const COMPANY = aLegalEntity()
  .with({
    name: COMPANY_NAME,
    legalRepresentativeIdNumber: ouyang.idNumber,
    registeredAddress: SITE.fullText,
    registeredAddressDivisionCode: '440604',
  })
  .build();
const COMPANY2 = aLegalEntity()
  .with({
    name: '佛山市禅城区远明五金加工厂',
    legalRepresentativeIdNumber: dead.idNumber,
    registeredAddress: '广东省佛山市禅城区张槎路5号',
    registeredAddressDivisionCode: '440604',
  })
  .build();

// ---------------------------------------------------------------------------------------------
// The shipped catalog and the API schema
// ---------------------------------------------------------------------------------------------

const RESOURCES_DIR = new URL('../../schemas/catalog/resources/', import.meta.url);
const CATALOG: CatalogResourceSpec[] = readdirSync(RESOURCES_DIR)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(new URL(f, RESOURCES_DIR), 'utf8')) as CatalogResourceSpec[])
  .filter((r) => r.status === ResourceStatus.PUBLISHED);
const SCHEMA: GraphQLSchema = apiSchemaOf(
  readFileSync(new URL('../../schemas/graphql/supergraph.graphql', import.meta.url), 'utf8'),
);

interface PersonalField {
  coordinate: string;
  type: string;
  field: string;
  rule: MaskingRule;
  unless: MaskUnless | null;
  item: DataItemSpec;
  resource: CatalogResourceSpec;
}

/** Every field of a personal data class with a masking rule, by its type. */
const PERSONAL: PersonalField[] = CATALOG.flatMap((resource) =>
  resource.items
    .filter((item) => isPersonalDataClass(item.dataClass) && item.masking)
    .flatMap((item) =>
      item.fields.map((coordinate) => {
        const [type, field] = coordinate.split('.');
        return { coordinate, type, field, rule: item.masking!, unless: item.maskUnless ?? null, item, resource };
      }),
    ),
);
const PERSONAL_BY_TYPE = new Map<string, PersonalField[]>();
for (const p of PERSONAL) PERSONAL_BY_TYPE.set(p.type, [...(PERSONAL_BY_TYPE.get(p.type) ?? []), p]);

/**
 * The personal items that carry no rule: no rule can rewrite their values (enums, booleans, objects
 * of them), so the catalog check accepts them with a written reason and their sharing type alone
 * protects them. Listed here so that a new one is seen.
 */
const UNMASKABLE_PERSONAL_ITEMS = [
  '101001001/000001#3 性别',
  '101001001/000001#6 人口状态',
  '102002001/000001#2 法定代表人存续状态',
  '104004001/000001#6 信用等级',
];

/** The personal fields a masked-grant caller cannot reach at all: every path to them crosses a not-shared item. */
const REFUSED_ON_EVERY_PATH = ['RecordChange.changes'];

// ---------------------------------------------------------------------------------------------
// Paths from the root to each personal field
// ---------------------------------------------------------------------------------------------

const MAX_DEPTH = 6;

interface QueryPath {
  root: string;
  /** Field names from the root field's type down to the type holding personal fields. */
  steps: string[];
  target: string;
}

/** Every path from a Query field to an object type with personal fields, at most MAX_DEPTH fields long, a type never twice on a path. */
function queryPaths(schema: GraphQLSchema): QueryPath[] {
  const out: QueryPath[] = [];
  const visit = (root: string, type: GraphQLObjectType, steps: string[], onPath: Set<string>) => {
    if (PERSONAL_BY_TYPE.has(type.name)) out.push({ root, steps, target: type.name });
    if (steps.length + 1 >= MAX_DEPTH) return;
    for (const field of Object.values(type.getFields())) {
      const next = getNamedType(field.type);
      if (!isObjectType(next) || onPath.has(next.name)) continue;
      const required = field.args.filter((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined);
      if (required.length > 0)
        throw new Error(
          `${type.name}.${field.name} needs arguments (${required.map((a) => a.name).join(', ')}): give the path generator a value for them`,
        );
      visit(root, next, [...steps, field.name], new Set([...onPath, next.name]));
    }
  };
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const type = getNamedType(field.type);
    if (isObjectType(type)) visit(field.name, type, [], new Set([type.name]));
  }
  return out;
}

/** The selection of a type's personal fields, with the siblings their rules' conditions read. */
function targetSelection(type: string): string {
  const object = SCHEMA.getType(type) as GraphQLObjectType;
  const selected = new Set<string>();
  for (const p of PERSONAL_BY_TYPE.get(type) ?? []) {
    const fieldType = getNamedType(object.getFields()[p.field].type);
    selected.add(
      isCompositeType(fieldType)
        ? `${p.field} { ${Object.values((fieldType as GraphQLObjectType).getFields())
            .filter((f) => isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type)))
            .map((f) => f.name)
            .join(' ')} }`
        : p.field,
    );
    if (p.unless) selected.add(p.unless.field);
  }
  return [...selected].join(' ');
}

/** A root field's arguments for one read: values pointing at the world's records. */
type Arguments = Record<string, unknown>;

/**
 * Every root field that reaches a personal field, with the arguments it is read with. A root field
 * missing here fails the suite: a new query cannot escape it.
 */
const ROOT_ARGUMENTS = (): Record<string, Arguments[]> => ({
  person: [{ idNumber: ouyang.idNumber }],
  persons: [{ idNumbers: [ouyang.idNumber, member.idNumber, dead.idNumber, misnamed.idNumber] }],
  searchPersons: [{ filter: { divisionCode: '440604' } }],
  household: [{ number: 'H440604000777' }],
  legalEntity: [{ uscc: COMPANY.uscc }],
  legalEntities: [{ usccs: [COMPANY.uscc, COMPANY2.uscc] }],
  searchLegalEntities: [{ filter: { divisionCode: '440604' } }],
  creditRecord: [{ recordId: written.personPenalty }, { recordId: written.companyPenalty }],
  creditProfile: [{ subjectType: 'PERSON', subjectId: ouyang.idNumber }],
  standardAddress: [{ addressId: HOME.addressId }],
  geocode: [{ address: HOME.fullText }],
  spatialSearch: ['PERSON', 'LEGAL_ENTITY', 'ADDRESS'].map((kind) => ({ kind, within: { divisionCode: '440604' } })),
  dataCorrection: [{ id: written.corrected }, { id: written.rejected }],
  dataCorrections: [{}],
  overdueDataCorrections: [{}],
  reuseFor: [
    { serviceItem: SOLE_TRADER_REGISTRATION, subject: ouyang.idNumber },
    { serviceItem: FOOD_BUSINESS_LICENCE, subject: COMPANY.uscc },
  ],
  recognizedResults: [{ subject: ouyang.idNumber, forDepartment: DEPARTMENTS.marketRegulation }],
  reviewResults: [{ subject: ouyang.idNumber }],
  reviewResult: [{ id: written.reviewResult }],
  material: [{ id: written.material }],
  materials: [{ subject: ouyang.idNumber }],
});

function operationOf(path: QueryPath, args: Arguments): { query: string; variables: Arguments } {
  const root = SCHEMA.getQueryType()!.getFields()[path.root];
  const given = root.args.filter((a) => a.name in args);
  const definitions = given.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = given.length > 0 ? `${path.root}(${given.map((a) => `${a.name}: $${a.name}`).join(', ')})` : path.root;
  let selection = `{ ${targetSelection(path.target)} }`;
  for (const step of [...path.steps].reverse()) selection = `{ ${step} ${selection} }`;
  return { query: `query${definitions ? `(${definitions})` : ''} { ${call} ${selection} }`, variables: args };
}

/** The objects of the target type in an answer, along the path (lists flattened, nulls skipped). */
function targetsOf(data: unknown, path: QueryPath): Array<Record<string, unknown>> {
  let level: unknown[] = [(data as Record<string, unknown> | null)?.[path.root]];
  for (const step of path.steps)
    level = level
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .flatMap((v) => (v && typeof v === 'object' ? [(v as Record<string, unknown>)[step]] : []));
  return level
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object');
}

/** The scalar values of a field's value: itself, or every value inside an object or list. */
function leaves(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [value];
}

/** Whether the rule's condition exempts the value of this object (its subject is not a natural person). */
function exempt(p: PersonalField, object: Record<string, unknown>): boolean {
  return (
    p.unless !== null &&
    typeof object[p.unless.field] === 'string' &&
    p.unless.values.includes(object[p.unless.field] as string)
  );
}

/** Whether a full value is one the rule hides (a USCC under SUBJECT_ID, or a record id with no citizen ID inside, is not). */
function hidden(p: PersonalField, value: unknown): boolean {
  if (p.coordinate === 'RecordChange.changes') return true;
  return maskValue(p.rule, value) !== value;
}

// ---------------------------------------------------------------------------------------------
// Set-up helpers
// ---------------------------------------------------------------------------------------------

const APPLY = `mutation($i: ApplyForSharingInput!) { applyForSharing(input: $i) { id } }`;
const APPROVE = `mutation($i: ApproveSharingInput!) { approveSharingApplication(input: $i) { status fullValues } }`;

function ok<T>(result: GraphQLResponse<T>): T {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

/** Where `secret` can be read in a raw answer: as is, JSON-escaped, or inside a base64 token. */
function exposed(text: string, secret: string): boolean {
  if (text.includes(secret)) return true;
  const escaped = JSON.stringify(secret)
    .slice(1, -1)
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped !== secret && text.toLowerCase().includes(escaped.toLowerCase())) return true;
  for (const token of new Set(text.match(/[A-Za-z0-9+/_-]{8,}={0,2}/g) ?? []))
    if (Buffer.from(token, 'base64').toString('utf8').includes(secret)) return true;
  return false;
}

/** The values nobody without full values may read anywhere, whatever the path (not the public address points). */
const SECRETS = () => [
  ouyang.idNumber,
  member.idNumber,
  dead.idNumber,
  misnamed.idNumber,
  '欧阳娜娜',
  '上官婉儿',
  '诸葛明远',
  '13923456789',
  'H440604000777',
  '人民路1号',
  '不存在路9号',
  DEATH_REASON,
  PERSON_PENALTY_CONTENT,
  PERSON_PENALTY_REASON,
  REVIEWER,
];

describe('around masking', () => {
  let hub: TestHub;
  let keys: TestKeys;

  const read = async (key: TestKey, query: string, variables: Arguments = {}) => {
    const response = await hub.graphqlResponse(query, variables, {}, { key: key.key });
    const text = await response.text();
    return { text, body: JSON.parse(text) as GraphQLResponse };
  };

  const grant = async (to: TestKey, resource: CatalogResourceSpec, fullValues: boolean) => {
    const today = chinaDate(new Date());
    const until = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    const applied = ok(
      await hub.graphql<{ applyForSharing: { id: string } }>(
        APPLY,
        {
          i: {
            resourceCode: resource.code,
            items: resource.items.map((i) => i.no),
            purpose: '安全测试：脱敏核验',
            legalBasis: '测试',
            requestedFrom: today,
            requestedTo: until,
            fullValues,
          },
        },
        {},
        { key: to.key },
      ),
    );
    const approved = ok(
      await hub.graphql<{ approveSharingApplication: { status: string; fullValues: boolean } }>(
        APPROVE,
        { i: { applicationId: applied.applyForSharing.id } },
        {},
        { key: keys.hubSteward.key },
      ),
    );
    expect(approved.approveSharingApplication).toMatchObject({ status: 'APPROVED', fullValues });
  };

  beforeAll(async () => {
    hub = await TestHub.start();
    keys = hub.keys;
    // A point already on the 0.01° grid would look generalised: the fixtures must not be.
    for (const point of [HOME, SITE]) expect(Math.round(point.longitude * 100) / 100).not.toBe(point.longitude);

    for (const address of [HOME, SITE]) ok(await hub.graphql(REGISTER_ADDRESS, { input: address }));
    for (const input of [ouyang, member, dead, misnamed]) ok(await hub.graphql(REGISTER_PERSON, { input }));
    for (const input of [COMPANY, COMPANY2]) ok(await hub.graphql(REGISTER, { input }));
    ok(
      await hub.graphql(`mutation($i: ChangePersonStatusInput!) { changePersonStatus(input: $i) { outcome } }`, {
        i: {
          idNumber: dead.idNumber,
          sourceDepartment: DEPARTMENTS.publicSecurity,
          sourceSystem: 'fs-psb-hukou',
          sourceRecordId: dead.sourceRecordId,
          version: 2,
          status: 'DECEASED',
          statusEffectiveOn: DIED_ON,
          statusReason: DEATH_REASON,
        },
      }),
    );
    const personPenalty = aCreditRecord('PENALTY', { idNumber: ouyang.idNumber })
      .with({
        subjectName: '欧阳娜娜',
        content: PERSON_PENALTY_CONTENT,
        status: 'REPAIRED',
        statusEffectiveOn: '2026-03-01',
        statusReason: PERSON_PENALTY_REASON,
      })
      .build();
    const companyPenalty = aCreditRecord('PENALTY', { uscc: COMPANY.uscc })
      .with({
        subjectName: COMPANY_NAME,
        content: COMPANY_PENALTY_CONTENT,
        status: 'REPAIRED',
        statusEffectiveOn: '2026-03-01',
        statusReason: COMPANY_PENALTY_REASON,
      })
      .build();
    written.personPenalty = ok(
      await hub.graphql<{ recordCredit: { record: { recordId: string } } }>(RECORD_CREDIT, { input: personPenalty }),
    ).recordCredit.record.recordId;
    written.companyPenalty = ok(
      await hub.graphql<{ recordCredit: { record: { recordId: string } } }>(RECORD_CREDIT, { input: companyPenalty }),
    ).recordCredit.record.recordId;

    // Once-only: her household booklet on file, the window's check of her identity card, two data
    // corrections reported by the tax system (one corrected by the source, one rejected).
    written.material = await hub.eventually(async () => {
      const filed = await hub.graphql<{ fileMaterial: { id: string } }>(
        `mutation($i: FileMaterialInput!) { fileMaterial(input: $i) { id } }`,
        {
          i: {
            subject: ouyang.idNumber,
            kind: 'ELICENCE',
            materialType: 'JMHKB',
            title: '居民户口簿',
            licenceId: formatELicenceId({
              typeCode: 'JMHKB',
              issuerUscc: DEPARTMENTS.publicSecurity,
              serial: '2026000777',
              version: '001',
            }),
            issuedOn: '2020-06-01',
          },
        },
        {},
        { key: keys.population.key },
      );
      return ok(filed).fileMaterial.id;
    }, 30_000);
    written.reviewResult = ok(
      await hub.graphql<{ recordReviewResult: { id: string } }>(
        `mutation($i: RecordReviewResultInput!) { recordReviewResult(input: $i) { id } }`,
        {
          i: {
            subject: ouyang.idNumber,
            resultType: 'IDENTITY_VERIFIED_ORIGINALS',
            serviceItemCode: SOLE_TRADER_REGISTRATION,
            caseNumber: 'CC-2026-000777',
            outcome: 'PASSED',
            reviewer: REVIEWER,
            validUntil: chinaDate(new Date(Date.now() + 90 * 86_400_000)),
          },
        },
        {},
        { key: keys.window.key },
      ),
    ).recordReviewResult.id;
    const report = async (subject: string, reportedValue: string, proposedValue: string, reason: string) =>
      ok(
        await hub.eventually(async () => {
          const result = await hub.graphql<{ reportDataCorrection: { id: string } }>(
            `mutation($i: ReportDataCorrectionInput!) { reportDataCorrection(input: $i) { id } }`,
            { i: { subject, field: 'Person.name', reportedValue, proposedValue, reason } },
            {},
            { key: keys.tax.key },
          );
          expect(result.errors?.[0]?.extensions?.code).not.toBe('SUBJECT_UNKNOWN');
          return result;
        }, 30_000),
      ).reportDataCorrection.id;
    written.corrected = await report(misnamed.idNumber, '欧阳秀', '欧阳修', '纳税人居民身份证上的姓名为欧阳修');
    written.rejected = await report(member.idNumber, '上官婉儿', '上官婉而', '纳税人称其姓名为上官婉而');
    ok(
      await hub.graphql(`mutation($i: ChangePersonInput!) { changePerson(input: $i) { outcome } }`, {
        i: {
          idNumber: misnamed.idNumber,
          sourceDepartment: DEPARTMENTS.publicSecurity,
          sourceSystem: 'fs-psb-hukou',
          sourceRecordId: misnamed.sourceRecordId,
          version: 2,
          name: '欧阳脩',
        },
      }),
    );
    ok(
      await hub.graphql(
        `mutation($i: RejectDataCorrectionInput!) { rejectDataCorrection(input: $i) { status } }`,
        { i: { id: written.rejected, reason: '经核查户籍档案，上官婉儿无误' } },
        {},
        { key: keys.population.key },
      ),
    );

    // Masked grants: the one-window system for what the demo gives it (legal representatives,
    // credit assessments, persons' locations); the tax system for every conditional resource.
    for (const resource of CATALOG.filter((r) => r.sharingType === SharingType.CONDITIONAL)) {
      await grant(keys.tax, resource, false);
      if (['102002001/000001', '104004001/000001', '103004002/000001'].includes(resource.code))
        await grant(keys.window, resource, false);
    }

    // Wait until the libraries have reacted to each other and the gateway has every grant.
    await hub.eventually(async () => {
      const { body } = await read(
        keys.window,
        `query($a: String!, $b: String!, $c: String!, $u: String!) {
          a: person(idNumber: $a) { location { status } } b: person(idNumber: $b) { location { status } }
          c: person(idNumber: $c) { status } l: legalEntity(uscc: $u) { legalRepresentativeStatus { deceased } location { status } } }`,
        { a: ouyang.idNumber, b: member.idNumber, c: dead.idNumber, u: COMPANY2.uscc },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data).toMatchObject({
        a: { location: { status: 'MATCHED' } },
        b: { location: { status: 'UNMATCHED' } },
        c: { status: 'DECEASED' },
        l: { legalRepresentativeStatus: { deceased: true } },
      });
      const company = await read(keys.tax, `query($u: String!) { legalEntity(uscc: $u) { location { status } } }`, {
        u: COMPANY.uscc,
      });
      expect(company.body.data).toMatchObject({ legalEntity: { location: { status: 'MATCHED' } } });
      const corrected = await read(keys.population, `query($id: ID!) { dataCorrection(id: $id) { status } }`, {
        id: written.corrected,
      });
      expect(corrected.body.data).toMatchObject({ dataCorrection: { status: 'CORRECTED' } });
      const reuse = await read(
        keys.tax,
        `query($s: String!) { reuseFor(serviceItem: "${FOOD_BUSINESS_LICENCE}", subject: $s) { subjectId } }`,
        { s: COMPANY.uscc },
      );
      expect(reuse.body.errors).toBeUndefined();
    }, 45_000);
  });
  afterAll(() => hub?.close());

  describe('the values the issue found', () => {
    it('Provenance.sourceRecordId: a population record id no longer carries the citizen ID, by any of its paths', async () => {
      const query = `query($id: String!, $u: String!) {
        person(idNumber: $id) { provenance { sourceRecordId sourceSystem } }
        legalEntity(uscc: $u) { legalRepresentative { provenance { sourceRecordId } } provenance { sourceRecordId } }
      }`;
      const vars = { id: ouyang.idNumber, u: COMPANY.uscc };
      const masked = await read(keys.window, query, vars);
      expect(masked.body.errors).toBeUndefined();
      const maskedId = `${ouyang.idNumber.slice(0, 6)}${'*'.repeat(8)}${ouyang.idNumber.slice(14)}`;
      expect(masked.body.data).toEqual({
        person: { provenance: { sourceRecordId: `p-${maskedId}`, sourceSystem: 'fs-psb-hukou' } },
        // A legal entity's record id holds no citizen ID: it stays as it is.
        legalEntity: {
          legalRepresentative: { provenance: { sourceRecordId: `p-${maskedId}` } },
          provenance: { sourceRecordId: COMPANY.sourceRecordId },
        },
      });
      expect(exposed(masked.text, ouyang.idNumber)).toBe(false);
      // The provider, and a full-value grant, read the record id as the source wrote it.
      for (const key of [keys.population, keys.harness]) {
        const full = await read(
          key,
          `query($id: String!) { person(idNumber: $id) { provenance { sourceRecordId } } }`,
          { id: ouyang.idNumber },
        );
        expect(full.body.data).toEqual({ person: { provenance: { sourceRecordId: `p-${ouyang.idNumber}` } } });
      }
    });

    it("CreditRecord.subjectName: a natural person's name is masked next to her masked ID; a company's name is not", async () => {
      const query = `query($p: ID!, $c: ID!) {
        p: creditRecord(recordId: $p) { subjectType subjectId subjectName content statusReason }
        c: creditRecord(recordId: $c) { subjectType subjectId subjectName content statusReason }
      }`;
      const vars = { p: written.personPenalty, c: written.companyPenalty };
      const masked = await read(keys.window, query, vars);
      expect(masked.body.errors).toBeUndefined();
      expect(masked.body.data).toEqual({
        p: {
          subjectType: 'PERSON',
          subjectId: maskValue(MaskingRule.CITIZEN_ID, ouyang.idNumber),
          subjectName: '欧阳**',
          content: '******',
          statusReason: '******',
        },
        // A USCC is not masked as if it were a citizen ID; a company's name and texts are public.
        c: {
          subjectType: 'LEGAL_ENTITY',
          subjectId: COMPANY.uscc,
          subjectName: COMPANY_NAME,
          content: COMPANY_PENALTY_CONTENT,
          statusReason: COMPANY_PENALTY_REASON,
        },
      });
      for (const secret of [ouyang.idNumber, '欧阳娜娜', PERSON_PENALTY_CONTENT, PERSON_PENALTY_REASON])
        expect(exposed(masked.text, secret), secret).toBe(false);

      const full = await read(keys.harness, query, vars);
      expect(full.body.data).toMatchObject({
        p: {
          subjectId: ouyang.idNumber,
          subjectName: '欧阳娜娜',
          content: PERSON_PENALTY_CONTENT,
          statusReason: PERSON_PENALTY_REASON,
        },
      });
    });

    it('CreditRecord.subjectName: without subjectType in the operation, every name is masked (fail safe), under any alias', async () => {
      const masked = await read(
        keys.window,
        `query($p: ID!, $c: ID!) { p: creditRecord(recordId: $p) { who: subjectName } c: creditRecord(recordId: $c) { who: subjectName subjectType: kind } }`,
        { p: written.personPenalty, c: written.companyPenalty },
      );
      expect(masked.body.errors).toBeUndefined();
      expect(masked.body.data).toEqual({
        p: { who: '欧阳**' },
        c: { who: `佛${'*'.repeat([...COMPANY_NAME].length - 1)}`, subjectType: 'PENALTY' },
      });
      // Inside lists, across subgraphs: her credit profile from her person record.
      const profile = await read(
        keys.window,
        `query($id: String!) { person(idNumber: $id) { credit { subjectId penalties { t: subjectType n: subjectName } } } }`,
        { id: ouyang.idNumber },
      );
      expect(profile.body.data).toEqual({
        person: {
          credit: {
            subjectId: maskValue(MaskingRule.CITIZEN_ID, ouyang.idNumber),
            penalties: [{ t: 'PERSON', n: '欧阳**' }],
          },
        },
      });
    });

    it('Person.location under a masked grant: the household address masked, the point on the 0.01° grid, the address id hidden', async () => {
      const query = `query($id: String!) { person(idNumber: $id) { location { status addressText divisionCode addressId point { longitude latitude } } } }`;
      const masked = await read(keys.window, query, { id: ouyang.idNumber });
      expect(masked.body.errors).toBeUndefined();
      expect(masked.body.data).toEqual({
        person: {
          location: {
            status: 'MATCHED',
            addressText: `${[...HOME.fullText].slice(0, 6).join('')}****`,
            divisionCode: '440604',
            addressId: '******',
            point: {
              longitude: Math.round(HOME.longitude * 100) / 100,
              latitude: Math.round(HOME.latitude * 100) / 100,
            },
          },
        },
      });
      for (const secret of [HOME.fullText, HOME.addressId, String(HOME.longitude), String(HOME.latitude)])
        expect(exposed(masked.text, secret), secret).toBe(false);

      const full = await read(keys.harness, query, { id: ouyang.idNumber });
      expect(full.body.data).toEqual({
        person: {
          location: {
            status: 'MATCHED',
            addressText: HOME.fullText,
            divisionCode: '440604',
            addressId: HOME.addressId,
            point: { longitude: HOME.longitude, latitude: HOME.latitude },
          },
        },
      });
    });

    it('Person.location: an address that was not found is not quoted back in the reason', async () => {
      const query = `query($id: String!) { person(idNumber: $id) { location { status reason addressText } } }`;
      const masked = await read(keys.window, query, { id: member.idNumber });
      expect(masked.body.data).toEqual({
        person: { location: { status: 'UNMATCHED', reason: '******', addressText: '广东省佛山市****' } },
      });
      expect(exposed(masked.text, '不存在路9号')).toBe(false);
      const full = await read(keys.harness, query, { id: member.idNumber });
      expect(full.body.data).toMatchObject({
        person: { location: { reason: expect.stringContaining('不存在路9号') } },
      });
    });

    it("a legal representative's location is a person's location; the company's own stays exact", async () => {
      const query = `query($u: String!) { legalEntity(uscc: $u) {
        location { addressText addressId point { longitude latitude } }
        legalRepresentative { name location { addressText addressId point { longitude latitude } } }
      } }`;
      const masked = await read(keys.window, query, { u: COMPANY.uscc });
      expect(masked.body.errors).toBeUndefined();
      expect(masked.body.data).toEqual({
        legalEntity: {
          location: {
            addressText: SITE.fullText,
            addressId: SITE.addressId,
            point: { longitude: SITE.longitude, latitude: SITE.latitude },
          },
          legalRepresentative: {
            name: '欧阳**',
            location: {
              addressText: `${[...HOME.fullText].slice(0, 6).join('')}****`,
              addressId: '******',
              point: {
                longitude: Math.round(HOME.longitude * 100) / 100,
                latitude: Math.round(HOME.latitude * 100) / 100,
              },
            },
          },
        },
      });
      for (const secret of [HOME.fullText, HOME.addressId, String(HOME.longitude), '欧阳娜娜'])
        expect(exposed(masked.text, secret), secret).toBe(false);
      const full = await read(keys.harness, query, { u: COMPANY.uscc });
      expect(full.body.data).toMatchObject({
        legalEntity: {
          legalRepresentative: {
            name: '欧阳娜娜',
            location: { addressText: HOME.fullText, point: { longitude: HOME.longitude } },
          },
        },
      });
    });

    it("SpatialHit: a person's point is generalised and her id masked, by kind; a company's and an address's stay exact", async () => {
      const query = `query($k: SpatialSearchKind!) { spatialSearch(kind: $k, within: { divisionCode: "440604" }) { nodes { kind id point { longitude latitude } } } }`;
      const persons = await read(keys.window, query, { k: 'PERSON' });
      expect(persons.body.errors).toBeUndefined();
      expect(persons.body.data).toEqual({
        spatialSearch: {
          nodes: [
            {
              kind: 'PERSON',
              id: maskValue(MaskingRule.CITIZEN_ID, ouyang.idNumber),
              point: {
                longitude: Math.round(HOME.longitude * 100) / 100,
                latitude: Math.round(HOME.latitude * 100) / 100,
              },
            },
          ],
        },
      });
      expect(exposed(persons.text, ouyang.idNumber)).toBe(false);
      expect(exposed(persons.text, String(HOME.longitude))).toBe(false);
      // Without kind the hit is treated as a person's.
      const blind = await read(
        keys.window,
        `{ spatialSearch(kind: PERSON, within: { divisionCode: "440604" }) { nodes { point { longitude } } } }`,
      );
      expect(blind.body.data).toEqual({
        spatialSearch: { nodes: [{ point: { longitude: Math.round(HOME.longitude * 100) / 100 } }] },
      });

      const companies = await read(keys.window, query, { k: 'LEGAL_ENTITY' });
      expect(companies.body.data).toMatchObject({
        spatialSearch: {
          nodes: expect.arrayContaining([
            { kind: 'LEGAL_ENTITY', id: COMPANY.uscc, point: { longitude: SITE.longitude, latitude: SITE.latitude } },
          ]),
        },
      });
      const addresses = await read(keys.window, query, { k: 'ADDRESS' });
      expect(addresses.body.data).toMatchObject({
        spatialSearch: {
          nodes: expect.arrayContaining([
            { kind: 'ADDRESS', id: HOME.addressId, point: { longitude: HOME.longitude, latitude: HOME.latitude } },
          ]),
        },
      });

      const full = await read(keys.harness, query, { k: 'PERSON' });
      expect(full.body.data).toEqual({
        spatialSearch: {
          nodes: [
            { kind: 'PERSON', id: ouyang.idNumber, point: { longitude: HOME.longitude, latitude: HOME.latitude } },
          ],
        },
      });
    });

    it("ReuseAnswer.subjectId: a company's USCC comes back whole, a person's citizen ID masked", async () => {
      const query = `query($i: String!, $s: String!) { reuseFor(serviceItem: $i, subject: $s) { subjectType subjectId } }`;
      const company = await read(keys.window, query, { i: FOOD_BUSINESS_LICENCE, s: COMPANY.uscc });
      expect(company.body.data).toEqual({ reuseFor: { subjectType: 'LEGAL_ENTITY', subjectId: COMPANY.uscc } });
      const citizen = await read(keys.window, query, { i: SOLE_TRADER_REGISTRATION, s: ouyang.idNumber });
      expect(citizen.body.data).toEqual({
        reuseFor: { subjectType: 'PERSON', subjectId: maskValue(MaskingRule.CITIZEN_ID, ouyang.idNumber) },
      });
      expect(exposed(citizen.text, ouyang.idNumber)).toBe(false);
      const full = await read(keys.harness, query, { i: SOLE_TRADER_REGISTRATION, s: ouyang.idNumber });
      expect(full.body.data).toEqual({ reuseFor: { subjectType: 'PERSON', subjectId: ouyang.idNumber } });
    });

    it('a compound surname is kept whole, never cut in half (欧阳娜娜 → 欧阳**, 皇甫谧 → 皇甫*)', async () => {
      const masked = await read(
        keys.window,
        `query($id: String!, $r: ID!) { person(idNumber: $id) { name } reviewResult(id: $r) { reviewer } }`,
        { id: ouyang.idNumber, r: written.reviewResult },
      );
      expect(masked.body.data).toEqual({ person: { name: '欧阳**' }, reviewResult: { reviewer: '皇甫*' } });
      const full = await read(keys.harness, `query($id: String!) { person(idNumber: $id) { name } }`, {
        id: ouyang.idNumber,
      });
      expect(full.body.data).toEqual({ person: { name: '欧阳娜娜' } });
    });

    it('reused and prefilled values reach a caller only as it may read them', async () => {
      const reuse = `query($s: String!) { reuseFor(serviceItem: "${SOLE_TRADER_REGISTRATION}", subject: $s) { materials { evidence { values { path value } } } } prefillForm(serviceItem: "${SOLE_TRADER_REGISTRATION}", subject: $s) { path value } }`;
      const masked = await read(keys.window, reuse, { s: ouyang.idNumber });
      expect(masked.body.errors).toBeUndefined();
      for (const secret of SECRETS()) expect(exposed(masked.text, secret), secret).toBe(false);
      const full = await read(keys.harness, reuse, { s: ouyang.idNumber });
      expect(full.text).toContain('欧阳娜娜');
    });

    it("a data correction's reasons quote the values it hides: hidden too from its reporter without full values", async () => {
      const query = `query($a: ID!, $b: ID!) {
        a: dataCorrection(id: $a) { subjectId reportedValue proposedValue correctedValue reason }
        b: dataCorrection(id: $b) { subjectId reportedValue proposedValue reason resolutionReason }
      }`;
      const vars = { a: written.corrected, b: written.rejected };
      const masked = await read(keys.tax, query, vars);
      expect(masked.body.errors).toBeUndefined();
      expect(masked.body.data).toEqual({
        a: {
          subjectId: maskValue(MaskingRule.CITIZEN_ID, misnamed.idNumber),
          reportedValue: '******',
          proposedValue: '******',
          correctedValue: '******',
          reason: '******',
        },
        b: {
          subjectId: maskValue(MaskingRule.CITIZEN_ID, member.idNumber),
          reportedValue: '******',
          proposedValue: '******',
          reason: '******',
          resolutionReason: '******',
        },
      });
      for (const secret of ['欧阳修', '欧阳脩', '上官婉而', '上官婉儿'])
        expect(exposed(masked.text, secret), secret).toBe(false);
      const full = await read(keys.population, query, vars);
      expect(full.body.data).toMatchObject({
        a: { reason: '纳税人居民身份证上的姓名为欧阳修', correctedValue: '欧阳脩' },
        b: { resolutionReason: '经核查户籍档案，上官婉儿无误' },
      });
    });

    it('an error does not echo what masking hides: a result refused for a person who died names the year of death only', async () => {
      const attempt = await hub.eventually(async () => {
        const refused = await read(
          keys.window,
          `mutation($i: RecordReviewResultInput!) { recordReviewResult(input: $i) { id } }`,
          {
            i: {
              subject: dead.idNumber,
              resultType: 'IDENTITY_VERIFIED_ORIGINALS',
              serviceItemCode: SOLE_TRADER_REGISTRATION,
              caseNumber: 'CC-2026-000778',
              outcome: 'PASSED',
              reviewer: REVIEWER,
              validUntil: chinaDate(new Date(Date.now() + 86_400_000)),
            },
          },
        );
        expect(refused.body.errors?.[0]?.extensions?.code).toBe('SUBJECT_DECEASED');
        return refused;
      }, 30_000);
      expect(exposed(attempt.text, DIED_ON)).toBe(false);
      expect(attempt.body.errors?.[0].message).toContain(`in ${DIED_ON.slice(0, 4)}`);
    });

    it('change entries: the provider under a masked grant on them sees which fields changed, not their values', async () => {
      const query = `query($id: String!) { person(idNumber: $id) { history { version changes } } }`;
      const before = await read(keys.population, query, { id: dead.idNumber });
      expect(before.body.errors).toBeUndefined();
      expect(before.text).toContain(DEATH_REASON);
      // Replace the hukou system's full-value grant on the change entries by a masked one.
      const grants = ok(
        await hub.graphql<{ sharingGrants: Array<{ id: string; fullValues: boolean; status: string }> }>(
          `{ sharingGrants(systemCode: "fs-psb-hukou", resourceCode: "190002001/000001") { id fullValues status } }`,
          {},
          {},
          { key: keys.hubSteward.key },
        ),
      );
      for (const g of grants.sharingGrants.filter((g) => g.status === 'ACTIVE')) {
        ok(
          await hub.graphql(
            `mutation($i: RevokeGrantInput!) { revokeSharingGrant(input: $i) { status } }`,
            { i: { grantId: g.id, reason: '改为脱敏授权' } },
            {},
            { key: keys.hubSteward.key },
          ),
        );
      }
      await grant(
        keys.population,
        CATALOG.find((r) => r.code === '190002001/000001')!,
        false,
      );
      const masked = await hub.eventually(async () => {
        const attempt = await read(keys.population, query, { id: dead.idNumber });
        expect(attempt.body.errors).toBeUndefined();
        expect(attempt.text).not.toContain(DEATH_REASON);
        return attempt;
      });
      const history = (
        masked.body.data as { person: { history: Array<{ version: number; changes: Record<string, unknown> }> } }
      ).person.history;
      const death = history.find((h) => h.version === 2)!;
      expect(death.changes).toMatchObject({ status: { from: '******', to: '******' }, statusReason: { to: '******' } });
      for (const secret of [DEATH_REASON, DIED_ON, dead.idNumber, '诸葛明远'])
        expect(exposed(masked.text, secret), secret).toBe(false);
    });
  });

  describe('every personal field of the supergraph, by every query path the schema offers', () => {
    const PATHS = queryPaths(SCHEMA);

    it('reads the personal fields from the catalog: every masked field of a personal class, and the few no rule can mask', () => {
      expect(PERSONAL.length).toBeGreaterThan(30);
      for (const coordinate of [
        'Provenance.sourceRecordId',
        'CreditRecord.subjectName',
        'PersonLocation.addressText',
        'PersonLocation.point',
        'SpatialHit.point',
        'SpatialHit.id',
        'ReuseAnswer.subjectId',
      ]) {
        expect(PERSONAL.map((p) => p.coordinate)).toContain(coordinate);
      }
      const unmaskable = CATALOG.flatMap((r) =>
        r.items
          .filter((i) => isPersonalDataClass(i.dataClass) && !i.masking && r.sharingType !== SharingType.NOT_SHARED)
          .map((i) => `${r.code}#${i.no} ${i.name}`),
      );
      expect(unmaskable.sort()).toEqual([...UNMASKABLE_PERSONAL_ITEMS].sort());
    });

    it('has arguments for every root field that reaches a personal field (a new query cannot escape)', () => {
      const roots = [...new Set(PATHS.map((p) => p.root))].sort();
      const fixtures = ROOT_ARGUMENTS();
      expect(roots.filter((root) => !(root in fixtures))).toEqual([]);
      expect(Object.keys(fixtures).filter((root) => !roots.includes(root))).toEqual([]);
      // Every personal type is reached by some path.
      expect([...PERSONAL_BY_TYPE.keys()].filter((type) => !PATHS.some((p) => p.target === type))).toEqual([]);
    });

    it('never answers a masked-grant caller with a personal value as a full-value caller reads it', async () => {
      const masked = keys.tax;
      /** Readers tried in turn for the full values, until one is answered: full-value grants, then the providers. */
      const fullReaders = [keys.harness, keys.population, keys.legalEntity];
      const fixtures = ROOT_ARGUMENTS();
      const operations = PATHS.flatMap((path) =>
        fixtures[path.root].map((args) => ({ path, ...operationOf(path, args) })),
      );

      const fullValues = new Map<string, Set<unknown>>();
      const maskedSeen = new Set<string>();
      const refusedMasked = new Map<string, number>();
      const leaks: string[] = [];
      const answeredMasked: Array<{ path: QueryPath; data: unknown; query: string }> = [];

      const run = async (operation: (typeof operations)[number]) => {
        const name = `${operation.path.root}.${operation.path.steps.join('.')}→${operation.path.target}`;
        // The masked-grant caller.
        const m = await read(masked, operation.query, operation.variables);
        for (const secret of SECRETS())
          if (exposed(m.text, secret)) leaks.push(`${name}: "${secret}" in ${m.text.slice(0, 300)}`);
        if (m.body.errors) {
          const code = String(m.body.errors[0].extensions?.code);
          if (!['ACCESS_DENIED', 'FORBIDDEN'].includes(code))
            leaks.push(`${name}: unexpected error ${code} ${m.body.errors[0].message}`);
          for (const p of PERSONAL_BY_TYPE.get(operation.path.target)!)
            refusedMasked.set(p.coordinate, (refusedMasked.get(p.coordinate) ?? 0) + 1);
        } else {
          answeredMasked.push({ path: operation.path, data: m.body.data, query: operation.query });
        }
        // A full-value caller, for what the values are in full.
        for (const reader of fullReaders) {
          const f = await read(reader, operation.query, operation.variables);
          if (f.body.errors) continue;
          for (const object of targetsOf(f.body.data, operation.path)) {
            for (const p of PERSONAL_BY_TYPE.get(operation.path.target)!) {
              if (exempt(p, object)) continue;
              const values =
                p.coordinate === 'RecordChange.changes'
                  ? leaves(object[p.field]).filter((v) => typeof v === 'string' && v.length > 3)
                  : leaves(object[p.field]);
              for (const value of values)
                if (hidden(p, value))
                  fullValues.set(p.coordinate, (fullValues.get(p.coordinate) ?? new Set()).add(value));
            }
          }
          break;
        }
      };
      // A few at a time: the gateway records every read.
      const queue = [...operations];
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let next = queue.shift(); next; next = queue.shift()) await run(next);
        }),
      );

      // Every personal value a masked-grant caller received differs from every full value of its field.
      for (const { path, data, query } of answeredMasked) {
        for (const object of targetsOf(data, path)) {
          for (const p of PERSONAL_BY_TYPE.get(path.target)!) {
            const values = leaves(object[p.field]);
            if (values.length > 0) maskedSeen.add(p.coordinate);
            if (exempt(p, object)) continue;
            for (const value of values)
              if (fullValues.get(p.coordinate)?.has(value))
                leaks.push(`${p.coordinate} = ${JSON.stringify(value)} in full, by ${query}`);
          }
        }
      }
      expect(leaks).toEqual([]);
      // The suite reached every personal field with real values: in full for the full-value
      // caller, and masked for the masked-grant caller — except where every path is refused to it.
      expect(PERSONAL.map((p) => p.coordinate).filter((c) => !fullValues.has(c))).toEqual([]);
      expect(
        PERSONAL.map((p) => p.coordinate).filter((c) => !maskedSeen.has(c) && !REFUSED_ON_EVERY_PATH.includes(c)),
      ).toEqual([]);
      for (const coordinate of REFUSED_ON_EVERY_PATH) expect(maskedSeen.has(coordinate), coordinate).toBe(false);
      expect(refusedMasked.get('RecordChange.changes')).toBeGreaterThan(0);
      expect(operations.length).toBeGreaterThan(300);
    }, 600_000);
  });
});
