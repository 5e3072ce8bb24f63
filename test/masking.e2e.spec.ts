import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, formatELicenceId } from '@hub/identifiers';
import { MaskingRule, ResourceStatus, SharingType, maskValue, type CatalogResourceSpec } from '@hub/policy';
import {
  PUBLIC_SECURITY,
  RECORD_CREDIT,
  REGISTER,
  REGISTER_ADDRESS,
  REGISTER_PERSON,
  aCreditRecord,
  aLegalEntity,
  aPerson,
  aStandardAddress,
} from './support/fixtures.js';
import { DEPARTMENTS, type TestKey, type TestKeys } from './support/test-access.js';
import { TestHub, type GraphQLResponse } from './support/test-hub.js';

/*
 * Acceptance: "masking rules verified for each sensitive item; a full-value grant returns full
 * values". Every data item of the shipped catalog with a masking rule has a row below: a real record
 * read through the gateway (a) by a consumer without full values — the exact masked string, worked
 * out by hand from the rule, and the original nowhere in the raw answer; (b) by systems holding
 * full-value grants; (c) by the provider department's system — the original. A masked item added
 * to the catalog without a row fails the coverage test. (d) Where the operation itself admits fewer
 * callers than the catalog (a data correction is seen by the departments concerned only), the row
 * names its readers instead, checked against what the catalog says of each.
 */

// ---------------------------------------------------------------------------------------------
// The shipped catalog
// ---------------------------------------------------------------------------------------------

const RESOURCES_DIR = new URL('../schemas/catalog/resources/', import.meta.url);
const CATALOG: CatalogResourceSpec[] = readdirSync(RESOURCES_DIR)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(new URL(f, RESOURCES_DIR), 'utf8')) as CatalogResourceSpec[])
  .filter((r) => r.status === ResourceStatus.PUBLISHED);

interface MaskedField {
  coordinate: string;
  rule: MaskingRule;
  resource: CatalogResourceSpec;
}

/** Every field of the shipped catalog that carries a masking rule, with its rule and resource. */
const MASKED_FIELDS: MaskedField[] = CATALOG.flatMap((resource) =>
  resource.items.flatMap((item) =>
    item.masking ? item.fields.map((coordinate) => ({ coordinate, rule: item.masking!, resource })) : [],
  ),
);

function maskedField(coordinate: string): MaskedField {
  const found = MASKED_FIELDS.find((f) => f.coordinate === coordinate);
  if (!found) throw new Error(`${coordinate} has no masking rule in the shipped catalog`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// The records read (fixed values, so that the masked forms below can be worked out by hand)
// ---------------------------------------------------------------------------------------------

/** A household head with every sensitive field filled in; located (its household address is a standard address). */
const HEAD = {
  idNumber: '330108198504122351',
  name: '司马相如',
  birthDate: '1985-04-12',
  phone: '13812345678',
  householdNumber: 'H330108000521',
  residenceAddress: '浙江省杭州市滨江区长河街道春波路99号',
  /** The residence address as the hukou extract sent it: the hub stores it without the line break and keeps this in the provenance. */
  residenceAddressReceived: '浙江省杭州市滨江区\n长河街道春波路99号',
};
/** A standard address in 滨江区 (330108): the head's household address, so that geospatial locates the head. */
const HOME = aStandardAddress('330108', '江南大道', 1888);
/** The head's spouse, in the same household (not located: an address no standard address matches). */
const SPOUSE = { idNumber: '330108198709236432', name: '卓文君', birthDate: '1987-09-23', phone: '13900001111' };
/** A person who died: the legal representative of COMPANY. A check digit X. */
const DECEASED = {
  idNumber: '33010619500202603X',
  name: '王五',
  birthDate: '1950-02-02',
  diedOn: '2025-11-03',
  reason: '死亡注销（居民死亡医学证明书）',
};
const COMPANY = aLegalEntity().with({ legalRepresentativeIdNumber: DECEASED.idNumber }).build();
/**
 * A citizen registered under a wrong name, which a data correction is about (not HEAD: correcting a
 * name changes it, and the rows above read HEAD's). The tax system reports the registered name and
 * proposes the one on the taxpayer's documents; the source corrects it to what its hukou file says,
 * a variant character — so that the three values differ and a value served under the wrong field
 * shows. Registered as held by the PSB's hukou system (the population key's department), so that
 * the report is routed to the department of a key of the hub, which corrects the record.
 */
const MISNAMED = {
  idNumber: '440604199003151244',
  name: '欧阳秀',
  proposedName: '欧阳修',
  correctedName: '欧阳脩',
  reason: '纳税人提供的居民身份证姓名与人口库不一致',
};
/** The e-licence filed for HEAD: the household register booklet, issued by the PSB (GB/T 36904). */
const HOUSEHOLD_BOOKLET = formatELicenceId({
  typeCode: 'JMHKB',
  issuerUscc: DEPARTMENTS.publicSecurity,
  serial: '2026000521',
  version: '001',
});
/** The one-window clerk who checked HEAD's identity card against the original. */
const REVIEWER = '李时珍';
/** 个体工商户设立登记: a service item for a citizen, which recognises identity checks. */
const SOLE_TRADER_REGISTRATION = 'FS-AMR-GTDJ-001';

/** What the set-up wrote that the server names (credit record, material, review result and correction ids). */
const written = {
  creditRecordId: '',
  materialId: '',
  reviewResultId: '',
  dataCorrectionId: '',
  rejectedCorrectionId: '',
};
/** What the penalty on HEAD says about him, and why its status changed: free text about a natural person. */
const PENALTY = {
  content: '司马相如于2025年8月在滨江区长河街道无证经营',
  statusReason: '当事人已履行处罚决定，完成信用修复',
};
/** A second report, on SPOUSE's name, which the source rejects with its reason. */
const REJECTED = { proposedName: '卓文琴', reason: '纳税人称其姓名为卓文琴', resolution: '经核查户籍档案，卓文君无误' };
/** The beginning of the reason geospatial gives for SPOUSE's household address, which no standard address matches: it quotes the address. */
const SPOUSE_ADDRESS = '浙江省杭州市滨江区不存在路1号';
const UNMATCHED_REASON = `no standard address matches "${SPOUSE_ADDRESS}"`;

// ---------------------------------------------------------------------------------------------
// The table: one row (at least) per masked field
// ---------------------------------------------------------------------------------------------

/** A key of the test hub a row is read with. */
type Reader = keyof TestKeys;

/**
 * The provider systems: the four libraries', and the data bureau's exchange system for the once-only
 * resources (the bureau provides them; its system also holds full-value grants for everything else).
 */
type ProviderKey = Extract<Reader, 'population' | 'legalEntity' | 'credit' | 'geospatial' | 'harness'>;

const PROVIDER_DEPARTMENT: Record<ProviderKey, string> = {
  population: DEPARTMENTS.publicSecurity,
  legalEntity: DEPARTMENTS.marketRegulation,
  credit: DEPARTMENTS.credit,
  geospatial: DEPARTMENTS.naturalResources,
  harness: DEPARTMENTS.dataBureau,
};

/** A consumer with grants for every conditional resource with a masked item — without full values. */
const MASKED_GRANTEE = 'tax' satisfies Reader;
/** A consumer with grants, through the approval process, for full values of every masked item. */
const FULL_GRANTEE = 'humanResources' satisfies Reader;

/** Who reads a row whose operation admits fewer callers than the catalog does (see Row.readers). */
interface Readers {
  /** Read the exact masked value: the catalog gives them no full values for the item. */
  masked: Reader[];
  /** Read the original: a full-value grant, or the provider department. */
  full: Reader[];
  /** Refused by the operation's own rule (FORBIDDEN), although the catalog lets them read the item. */
  forbidden: Reader[];
  /**
   * Refused by the catalog on the way to the field (ACCESS_DENIED): a not-shared item on every path
   * to it, such as a register's history on the way to its change entries.
   */
  denied?: Reader[];
}

interface Row {
  /** `Type.field`, as in the catalog. */
  coordinate: string;
  rule: MaskingRule;
  /** How the row reaches the field, for the test name. */
  via: string;
  /** The provider department's system. */
  provider: ProviderKey;
  query: string;
  variables: () => Record<string, unknown>;
  /** The field's value in the answer's data. */
  pick: (data: unknown) => unknown;
  /** The original value (a coordinate is a number). */
  original: string | number;
  /** The masked value, worked out by hand from the rule. */
  masked: string | number;
  /**
   * Only where the operation admits fewer callers than the catalog (a rule of its own, on top of
   * the catalog's): the keys that read the row, in place of the roles of (a)–(c) — see (d). It may
   * narrow who gets an answer, never what an answer holds: (d) checks every reader against what the
   * catalog says of it (myAccess), and the row says what becomes of its provider (full or forbidden).
   */
  readers?: Readers;
}

/**
 * `dataCorrection(id)` answers the reporter's department, the source department, hub-wide stewards
 * and admins; anyone else gets FORBIDDEN (correction.service.ts) — the one-window system, the
 * full-value grantee, and the data bureau's system too, although the bureau provides the resource
 * in the catalog. (`dataCorrections` lists by the same departments, so it has no other readers.)
 * Those who do get an answer read the values as the catalog says: the reporter's system and every
 * steward or admin (who hold no grants) masked, the source's system (a full-value grant) in full.
 */
const CORRECTION_READERS: Readers = {
  masked: ['tax', 'psbSteward', 'hubSteward', 'admin'],
  full: ['population'],
  forbidden: ['window', 'humanResources', 'harness'],
};

const ROWS: Row[] = [
  {
    coordinate: 'Person.idNumber',
    rule: MaskingRule.CITIZEN_ID,
    via: 'person',
    provider: 'population',
    query: `query($id: String!) { person(idNumber: $id) { idNumber } }`,
    variables: () => ({ id: HEAD.idNumber }),
    pick: (d) => at(d, 'person', 'idNumber'),
    original: HEAD.idNumber,
    // first 6, then 8 '*', then last 4
    masked: '330108********2351',
  },
  {
    coordinate: 'Person.idNumber',
    rule: MaskingRule.CITIZEN_ID,
    via: 'person (check digit X)',
    provider: 'population',
    query: `query($id: String!) { person(idNumber: $id) { idNumber } }`,
    variables: () => ({ id: DECEASED.idNumber }),
    pick: (d) => at(d, 'person', 'idNumber'),
    original: DECEASED.idNumber,
    masked: '330106********603X',
  },
  {
    coordinate: 'Person.name',
    rule: MaskingRule.NAME,
    via: 'person',
    provider: 'population',
    query: `query($id: String!) { person(idNumber: $id) { name } }`,
    variables: () => ({ id: HEAD.idNumber }),
    pick: (d) => at(d, 'person', 'name'),
    original: HEAD.name,
    // the first character, one '*' for each of the others
    // The compound surname 司马 whole, one '*' for each of 相如
    masked: '司马**',
  },
  {
    coordinate: 'Person.birthDate',
    rule: MaskingRule.DATE_YEAR,
    via: 'person',
    provider: 'population',
    query: `query($id: String!) { person(idNumber: $id) { birthDate } }`,
    variables: () => ({ id: HEAD.idNumber }),
    pick: (d) => at(d, 'person', 'birthDate'),
    original: HEAD.birthDate,
    masked: '1985-**-**',
  },
  {
    coordinate: 'Person.statusEffectiveOn',
    rule: MaskingRule.DATE_YEAR,
    via: 'person (deceased)',
    provider: 'population',
    query: `query($id: String!) { person(idNumber: $id) { statusEffectiveOn } }`,
    variables: () => ({ id: DECEASED.idNumber }),
    pick: (d) => at(d, 'person', 'statusEffectiveOn'),
    original: DECEASED.diedOn,
    masked: '2025-**-**',
  },
  {
    coordinate: 'Person.statusReason',
    rule: MaskingRule.REDACT,
    via: 'person (deceased)',
    provider: 'population',
    query: `query($id: String!) { person(idNumber: $id) { statusReason } }`,
    variables: () => ({ id: DECEASED.idNumber }),
    pick: (d) => at(d, 'person', 'statusReason'),
    original: DECEASED.reason,
    masked: '******',
  },
  {
    coordinate: 'Person.householdNumber',
    rule: MaskingRule.REDACT,
    via: 'person',
    provider: 'population',
    query: `query($id: String!) { person(idNumber: $id) { householdNumber } }`,
    variables: () => ({ id: HEAD.idNumber }),
    pick: (d) => at(d, 'person', 'householdNumber'),
    original: HEAD.householdNumber,
    masked: '******',
  },
  // Not through household(number): an exact match on the household number reads it, so it needs
  // full values (docs/catalog.md, "Arguments are reads"; test/security/lookup-oracles.e2e.spec.ts).
  {
    coordinate: 'Household.number',
    rule: MaskingRule.REDACT,
    via: 'person.household',
    provider: 'population',
    query: `query($id: String!) { person(idNumber: $id) { household { number } } }`,
    variables: () => ({ id: SPOUSE.idNumber }),
    pick: (d) => at(d, 'person', 'household', 'number'),
    original: HEAD.householdNumber,
    masked: '******',
  },
  {
    coordinate: 'PersonAddress.text',
    rule: MaskingRule.ADDRESS,
    via: 'person.householdAddress',
    provider: 'population',
    query: `query($id: String!) { person(idNumber: $id) { householdAddress { text } } }`,
    variables: () => ({ id: HEAD.idNumber }),
    pick: (d) => at(d, 'person', 'householdAddress', 'text'),
    original: HOME.fullText,
    // the first 6 characters, then '****'
    masked: '浙江省杭州市****',
  },
  {
    coordinate: 'PersonAddress.text',
    rule: MaskingRule.ADDRESS,
    via: 'person.residenceAddress',
    provider: 'population',
    query: `query($id: String!) { person(idNumber: $id) { residenceAddress { text } } }`,
    variables: () => ({ id: HEAD.idNumber }),
    pick: (d) => at(d, 'person', 'residenceAddress', 'text'),
    original: HEAD.residenceAddress,
    masked: '浙江省杭州市****',
  },
  {
    coordinate: 'Person.phone',
    rule: MaskingRule.PHONE,
    via: 'person',
    provider: 'population',
    query: `query($id: String!) { person(idNumber: $id) { phone } }`,
    variables: () => ({ id: HEAD.idNumber }),
    pick: (d) => at(d, 'person', 'phone'),
    original: HEAD.phone,
    // the first 3 and the last 4 digits
    masked: '138****5678',
  },
  {
    coordinate: 'CreditRecord.subjectId',
    rule: MaskingRule.SUBJECT_ID,
    via: "creditRecord (a person's penalty)",
    provider: 'credit',
    query: `query($r: ID!) { creditRecord(recordId: $r) { subjectId } }`,
    variables: () => ({ r: written.creditRecordId }),
    pick: (d) => at(d, 'creditRecord', 'subjectId'),
    original: HEAD.idNumber,
    masked: '330108********2351',
  },
  {
    coordinate: 'CreditProfile.subjectId',
    rule: MaskingRule.SUBJECT_ID,
    via: 'person.credit (across subgraphs)',
    provider: 'credit',
    query: `query($id: String!) { person(idNumber: $id) { credit { subjectId } } }`,
    variables: () => ({ id: HEAD.idNumber }),
    pick: (d) => at(d, 'person', 'credit', 'subjectId'),
    original: HEAD.idNumber,
    masked: '330108********2351',
  },
  {
    coordinate: 'SpatialHit.id',
    rule: MaskingRule.SUBJECT_ID,
    via: 'spatialSearch(kind: PERSON)',
    provider: 'geospatial',
    query: `{ spatialSearch(kind: PERSON, within: { divisionCode: "330108" }) { nodes { id } } }`,
    variables: () => ({}),
    pick: (d) => only(at(d, 'spatialSearch', 'nodes')).id,
    original: HEAD.idNumber,
    masked: '330108********2351',
  },
  {
    coordinate: 'LegalRepresentativeStatus.deceasedOn',
    rule: MaskingRule.DATE_YEAR,
    via: 'legalEntity.legalRepresentativeStatus',
    provider: 'legalEntity',
    query: `query($u: String!) { legalEntity(uscc: $u) { legalRepresentativeStatus { deceasedOn } } }`,
    variables: () => ({ u: COMPANY.uscc }),
    pick: (d) => at(d, 'legalEntity', 'legalRepresentativeStatus', 'deceasedOn'),
    original: DECEASED.diedOn,
    masked: '2025-**-**',
  },
  {
    coordinate: 'Material.subjectId',
    rule: MaskingRule.SUBJECT_ID,
    via: 'material (an e-licence by its id)',
    provider: 'harness',
    query: `query($id: ID!) { material(id: $id) { subjectId } }`,
    variables: () => ({ id: written.materialId }),
    pick: (d) => at(d, 'material', 'subjectId'),
    original: HEAD.idNumber,
    masked: '330108********2351',
  },
  {
    coordinate: 'Material.subjectId',
    rule: MaskingRule.SUBJECT_ID,
    via: "materials (a subject's archive)",
    provider: 'harness',
    query: `query($s: String!) { materials(subject: $s) { subjectId } }`,
    variables: () => ({ s: HEAD.idNumber }),
    pick: (d) => only(at(d, 'materials')).subjectId,
    original: HEAD.idNumber,
    masked: '330108********2351',
  },
  {
    coordinate: 'ReviewResult.subjectId',
    rule: MaskingRule.SUBJECT_ID,
    via: 'reviewResult',
    provider: 'harness',
    query: `query($id: ID!) { reviewResult(id: $id) { subjectId } }`,
    variables: () => ({ id: written.reviewResultId }),
    pick: (d) => at(d, 'reviewResult', 'subjectId'),
    original: HEAD.idNumber,
    masked: '330108********2351',
  },
  {
    coordinate: 'ReviewResult.reviewer',
    rule: MaskingRule.NAME,
    via: 'reviewResult',
    provider: 'harness',
    query: `query($id: ID!) { reviewResult(id: $id) { reviewer } }`,
    variables: () => ({ id: written.reviewResultId }),
    pick: (d) => at(d, 'reviewResult', 'reviewer'),
    original: REVIEWER,
    // 李, then one '*' for each of 时珍
    masked: '李**',
  },
  {
    coordinate: 'ReuseAnswer.subjectId',
    rule: MaskingRule.SUBJECT_ID,
    via: 'reuseFor',
    provider: 'harness',
    query: `query($s: String!) { reuseFor(serviceItem: "${SOLE_TRADER_REGISTRATION}", subject: $s) { subjectId } }`,
    variables: () => ({ s: HEAD.idNumber }),
    pick: (d) => at(d, 'reuseFor', 'subjectId'),
    original: HEAD.idNumber,
    masked: '330108********2351',
  },
  {
    coordinate: 'DataCorrection.subjectId',
    rule: MaskingRule.SUBJECT_ID,
    via: 'dataCorrection',
    provider: 'harness',
    query: `query($id: ID!) { dataCorrection(id: $id) { subjectId } }`,
    variables: () => ({ id: written.dataCorrectionId }),
    pick: (d) => at(d, 'dataCorrection', 'subjectId'),
    original: MISNAMED.idNumber,
    // 440604 | 19900315124 → 8 '*' | 1244
    masked: '440604********1244',
    readers: CORRECTION_READERS,
  },
  {
    coordinate: 'DataCorrection.reportedValue',
    rule: MaskingRule.REDACT,
    via: 'dataCorrection',
    provider: 'harness',
    query: `query($id: ID!) { dataCorrection(id: $id) { reportedValue } }`,
    variables: () => ({ id: written.dataCorrectionId }),
    pick: (d) => at(d, 'dataCorrection', 'reportedValue'),
    original: MISNAMED.name,
    masked: '******',
    readers: CORRECTION_READERS,
  },
  {
    coordinate: 'DataCorrection.proposedValue',
    rule: MaskingRule.REDACT,
    via: 'dataCorrection',
    provider: 'harness',
    query: `query($id: ID!) { dataCorrection(id: $id) { proposedValue } }`,
    variables: () => ({ id: written.dataCorrectionId }),
    pick: (d) => at(d, 'dataCorrection', 'proposedValue'),
    original: MISNAMED.proposedName,
    masked: '******',
    readers: CORRECTION_READERS,
  },
  {
    coordinate: 'DataCorrection.correctedValue',
    rule: MaskingRule.REDACT,
    via: 'dataCorrection (corrected by the source)',
    provider: 'harness',
    query: `query($id: ID!) { dataCorrection(id: $id) { correctedValue } }`,
    variables: () => ({ id: written.dataCorrectionId }),
    pick: (d) => at(d, 'dataCorrection', 'correctedValue'),
    original: MISNAMED.correctedName,
    masked: '******',
    readers: CORRECTION_READERS,
  },
  {
    coordinate: 'CodedValue.code',
    rule: MaskingRule.REDACT,
    via: 'person.ethnicity',
    provider: 'population',
    query: `query($id: String!) { person(idNumber: $id) { ethnicity { code } } }`,
    variables: () => ({ id: HEAD.idNumber }),
    pick: (d) => at(d, 'person', 'ethnicity', 'code'),
    original: '01',
    masked: '******',
  },
  {
    coordinate: 'CodedValue.name',
    rule: MaskingRule.REDACT,
    via: 'person.ethnicity',
    provider: 'population',
    query: `query($id: String!) { person(idNumber: $id) { ethnicity { name } } }`,
    variables: () => ({ id: HEAD.idNumber }),
    pick: (d) => at(d, 'person', 'ethnicity', 'name'),
    original: '汉族',
    masked: '******',
  },
  {
    coordinate: 'Provenance.sourceRecordId',
    rule: MaskingRule.RECORD_ID,
    via: 'person.provenance (a record id with the citizen ID in it)',
    provider: 'harness',
    query: `query($id: String!) { person(idNumber: $id) { provenance { sourceRecordId } } }`,
    variables: () => ({ id: HEAD.idNumber }),
    pick: (d) => at(d, 'person', 'provenance', 'sourceRecordId'),
    original: `p-${HEAD.idNumber}`,
    masked: 'p-330108********2351',
  },
  {
    coordinate: 'Provenance.originals',
    rule: MaskingRule.REDACT,
    via: 'person.provenance (an address received with a line break)',
    provider: 'harness',
    query: `query($id: String!) { person(idNumber: $id) { provenance { originals } } }`,
    variables: () => ({ id: HEAD.idNumber }),
    pick: (d) => at(d, 'person', 'provenance', 'originals', 'residenceAddress'),
    original: HEAD.residenceAddressReceived,
    masked: '******',
  },
  {
    coordinate: 'CreditRecord.subjectName',
    rule: MaskingRule.NAME,
    via: "creditRecord (a person's penalty)",
    provider: 'credit',
    query: `query($r: ID!) { creditRecord(recordId: $r) { subjectType subjectName } }`,
    variables: () => ({ r: written.creditRecordId }),
    pick: (d) => at(d, 'creditRecord', 'subjectName'),
    original: HEAD.name,
    masked: '司马**',
  },
  {
    coordinate: 'CreditRecord.content',
    rule: MaskingRule.REDACT,
    via: "creditRecord (a person's penalty)",
    provider: 'credit',
    query: `query($r: ID!) { creditRecord(recordId: $r) { subjectType content } }`,
    variables: () => ({ r: written.creditRecordId }),
    pick: (d) => at(d, 'creditRecord', 'content'),
    original: PENALTY.content,
    masked: '******',
  },
  {
    coordinate: 'CreditRecord.statusReason',
    rule: MaskingRule.REDACT,
    via: "creditRecord (a person's penalty)",
    provider: 'credit',
    query: `query($r: ID!) { creditRecord(recordId: $r) { statusReason } }`,
    variables: () => ({ r: written.creditRecordId }),
    pick: (d) => at(d, 'creditRecord', 'statusReason'),
    original: PENALTY.statusReason,
    masked: '******',
  },
  {
    coordinate: 'SpatialHit.point',
    rule: MaskingRule.COORDINATE,
    via: 'spatialSearch(kind: PERSON)',
    provider: 'geospatial',
    query: `{ spatialSearch(kind: PERSON, within: { divisionCode: "330108" }) { nodes { kind point { longitude } } } }`,
    variables: () => ({}),
    pick: (d) => (only(at(d, 'spatialSearch', 'nodes')).point as Record<string, unknown>).longitude,
    original: HOME.longitude,
    masked: Math.round(HOME.longitude * 100) / 100,
  },
  {
    coordinate: 'PersonLocation.addressText',
    rule: MaskingRule.ADDRESS,
    via: 'person.location',
    provider: 'geospatial',
    query: `query($id: String!) { person(idNumber: $id) { location { addressText } } }`,
    variables: () => ({ id: HEAD.idNumber }),
    pick: (d) => at(d, 'person', 'location', 'addressText'),
    original: HOME.fullText,
    masked: '浙江省杭州市****',
  },
  {
    coordinate: 'PersonLocation.point',
    rule: MaskingRule.COORDINATE,
    via: 'person.location',
    provider: 'geospatial',
    query: `query($id: String!) { person(idNumber: $id) { location { point { latitude } } } }`,
    variables: () => ({ id: HEAD.idNumber }),
    pick: (d) => at(d, 'person', 'location', 'point', 'latitude'),
    original: HOME.latitude,
    masked: Math.round(HOME.latitude * 100) / 100,
  },
  {
    coordinate: 'PersonLocation.addressId',
    rule: MaskingRule.REDACT,
    via: 'person.location',
    provider: 'geospatial',
    query: `query($id: String!) { person(idNumber: $id) { location { addressId } } }`,
    variables: () => ({ id: HEAD.idNumber }),
    pick: (d) => at(d, 'person', 'location', 'addressId'),
    original: HOME.addressId,
    masked: '******',
  },
  {
    coordinate: 'PersonLocation.reason',
    rule: MaskingRule.REDACT,
    via: 'person.location (not found)',
    provider: 'geospatial',
    query: `query($id: String!) { person(idNumber: $id) { location { reason } } }`,
    variables: () => ({ id: SPOUSE.idNumber }),
    // The reason goes on with the normalised form of the address; the row compares its beginning.
    pick: (d) => {
      const reason = at(d, 'person', 'location', 'reason');
      return typeof reason === 'string' && reason.includes(' (') ? reason.slice(0, reason.indexOf(' (')) : reason;
    },
    original: UNMATCHED_REASON,
    masked: '******',
  },
  {
    coordinate: 'RecordChange.changes',
    rule: MaskingRule.REDACT,
    via: "person.history (the death's reason)",
    provider: 'harness',
    query: `query($id: String!) { person(idNumber: $id) { history { version changes } } }`,
    variables: () => ({ id: DECEASED.idNumber }),
    pick: (d) => {
      const history = at(d, 'person', 'history');
      const death = Array.isArray(history)
        ? (history as Array<{ version: number; changes: unknown }>).find((h) => h.version === 2)
        : undefined;
      return at(death?.changes, 'statusReason', 'to');
    },
    original: DECEASED.reason,
    masked: '******',
    // Person.history is the population's own (not shared): only its hukou system reaches the
    // entries, under the data bureau's full-value grant on them (a masked grant: see test/security).
    readers: {
      masked: [],
      full: ['population'],
      forbidden: [],
      denied: ['harness', 'tax', 'humanResources', 'window'],
    },
  },
  {
    coordinate: 'DataCorrection.reason',
    rule: MaskingRule.REDACT,
    via: 'dataCorrection',
    provider: 'harness',
    query: `query($id: ID!) { dataCorrection(id: $id) { reason } }`,
    variables: () => ({ id: written.dataCorrectionId }),
    pick: (d) => at(d, 'dataCorrection', 'reason'),
    original: MISNAMED.reason,
    masked: '******',
    readers: CORRECTION_READERS,
  },
  {
    coordinate: 'DataCorrection.resolutionReason',
    rule: MaskingRule.REDACT,
    via: 'dataCorrection (rejected by the source)',
    provider: 'harness',
    query: `query($id: ID!) { dataCorrection(id: $id) { resolutionReason } }`,
    variables: () => ({ id: written.rejectedCorrectionId }),
    pick: (d) => at(d, 'dataCorrection', 'resolutionReason'),
    original: REJECTED.resolution,
    masked: '******',
    readers: CORRECTION_READERS,
  },
];

const isConditional = (row: Row) => maskedField(row.coordinate).resource.sharingType === SharingType.CONDITIONAL;
/** The rows read by the roles of (a)–(c): those without readers of their own. */
const BY_ROLE = ROWS.filter((row) => !row.readers);
const titleOf = (row: Row) => `${row.coordinate} (${row.rule}) via ${row.via}`;
/** Rows as `it.each` cases: [title, row] (a title in full, where `$name` would be cut short). */
const cases = (rows: Row[]) => rows.map((row) => [titleOf(row), row] as const);
/** The rows with readers of their own, one case per reader of a kind: [title, row, reader]. */
const readerCases = (kind: keyof Readers) =>
  ROWS.flatMap((row) =>
    (row.readers?.[kind] ?? []).map((reader) => [`${titleOf(row)}, read by ${reader}`, row, reader] as const),
  );
/** Every read of a row that answers its value, with the value expected: by its readers, or by the roles of (a)–(c). */
const valueReads = (row: Row): Array<readonly [Reader, string | number]> =>
  row.readers
    ? [
        ...row.readers.masked.map((reader) => [reader, row.masked] as const),
        ...row.readers.full.map((reader) => [reader, row.original] as const),
      ]
    : [
        ['harness', row.original],
        [FULL_GRANTEE, row.original],
        [MASKED_GRANTEE, row.masked],
      ];

describe('the masking table covers the shipped catalog', () => {
  it('has a row for every field with a masking rule, and no row for one without', () => {
    const inCatalog = [...new Set(MASKED_FIELDS.map((f) => `${f.coordinate} ${f.rule}`))].sort();
    const inTable = [...new Set(ROWS.map((r) => `${r.coordinate} ${r.rule}`))].sort();
    expect(inTable).toEqual(inCatalog);
  });

  it.each(cases(ROWS))('%s: the provider and the masked form fit the catalog and the rule', (_title, row) => {
    expect(PROVIDER_DEPARTMENT[row.provider]).toBe(maskedField(row.coordinate).resource.provider);
    expect(row.masked).not.toBe(row.original);
    // Cross-check of the hand-worked form with the implementation.
    expect(maskValue(row.rule, row.original)).toBe(row.masked);
    // Readers of its own: the row says whether its provider reads it (in full) or is refused.
    if (row.readers)
      expect([...row.readers.full, ...row.readers.forbidden, ...(row.readers.denied ?? [])]).toContain(row.provider);
  });

  it('says which rules no shipped item uses (they cannot be verified through the API): none', () => {
    const used = new Set(MASKED_FIELDS.map((f) => f.rule));
    expect(Object.values(MaskingRule).filter((r) => !used.has(r))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Through the gateway
// ---------------------------------------------------------------------------------------------

const APPLY = `mutation($i: ApplyForSharingInput!) { applyForSharing(input: $i) { id status } }`;
const APPROVE = `mutation($i: ApproveSharingInput!) { approveSharingApplication(input: $i) { status fullValues items approvedItems grantId } }`;

interface Read {
  text: string;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

type Access = {
  myAccess: { items: Array<{ fields: string[]; masking: string | null; access: string; grantId: string | null }> };
};

describe('masking through the gateway', () => {
  let hub: TestHub;
  let maskedGrantee: TestKey;
  let fullGrantee: TestKey;

  const read = async (query: string, variables: Record<string, unknown>, key: TestKey): Promise<Read> => {
    const response = await hub.graphqlResponse(query, variables, {}, { key: key.key });
    const text = await response.text();
    return { text, body: JSON.parse(text) as Read['body'] };
  };
  const readRow = (row: Row, key: TestKey) => read(row.query, row.variables(), key);
  /** What the catalog says a key may read, item by item (myAccess). */
  const accessOf = async (key: TestKey) => {
    const result = await hub.graphql<Access>(
      `{ myAccess { items { fields masking access grantId } } }`,
      {},
      {},
      { key: key.key },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.myAccess.items;
  };
  const itemOf = (items: Access['myAccess']['items'], coordinate: string) =>
    items.find((i) => i.fields.includes(coordinate));

  beforeAll(async () => {
    hub = await TestHub.start();
    maskedGrantee = hub.keys[MASKED_GRANTEE];
    fullGrantee = hub.keys[FULL_GRANTEE];
    const ok = (result: { errors?: unknown }) => expect(result.errors).toBeUndefined();
    const codeOf = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;

    // The records.
    ok(await hub.graphql(REGISTER_ADDRESS, { input: HOME }));
    const head = aPerson(HEAD.birthDate)
      .inHousehold(HEAD.householdNumber, '02')
      .with({
        idNumber: HEAD.idNumber,
        name: HEAD.name,
        gender: 'MALE',
        phone: HEAD.phone,
        householdAddress: HOME.fullText,
        householdDivisionCode: HOME.divisionCode,
        residenceAddress: HEAD.residenceAddressReceived,
        residenceDivisionCode: '330108',
        // A population record id with the citizen ID in it, as the demo's extracts write them.
        sourceRecordId: `p-${HEAD.idNumber}`,
      })
      .build();
    const spouse = aPerson(SPOUSE.birthDate)
      .inHousehold(HEAD.householdNumber, '10')
      .with({
        idNumber: SPOUSE.idNumber,
        name: SPOUSE.name,
        gender: 'MALE',
        phone: SPOUSE.phone,
        householdAddress: SPOUSE_ADDRESS,
        householdDivisionCode: '330108',
        // Held by the hukou system of the population key's department, which answers reports on it.
        sourceDepartment: DEPARTMENTS.publicSecurity,
        sourceSystem: 'fs-psb-hukou',
      })
      .build();
    const deceased = aPerson(DECEASED.birthDate)
      .with({ idNumber: DECEASED.idNumber, name: DECEASED.name, gender: 'MALE', householdDivisionCode: '330106' })
      .build();
    const misnamed = aPerson('1990-03-15')
      .with({
        idNumber: MISNAMED.idNumber,
        name: MISNAMED.name,
        gender: 'FEMALE',
        householdDivisionCode: '440604',
        sourceDepartment: DEPARTMENTS.publicSecurity,
        sourceSystem: 'fs-psb-hukou',
      })
      .build();
    for (const input of [head, spouse, deceased, misnamed]) ok(await hub.graphql(REGISTER_PERSON, { input }));
    ok(await hub.graphql(REGISTER, { input: COMPANY }));
    ok(
      await hub.graphql(`mutation($i: ChangePersonStatusInput!) { changePersonStatus(input: $i) { outcome } }`, {
        i: {
          idNumber: DECEASED.idNumber,
          sourceDepartment: PUBLIC_SECURITY,
          sourceSystem: 'fs-psb-hukou',
          sourceRecordId: deceased.sourceRecordId,
          version: 2,
          status: 'DECEASED',
          statusEffectiveOn: DECEASED.diedOn,
          statusReason: DECEASED.reason,
        },
      }),
    );
    const penalty = await hub.graphql<{ recordCredit: { record: { recordId: string } } }>(RECORD_CREDIT, {
      input: aCreditRecord('PENALTY', { idNumber: HEAD.idNumber })
        .with({
          subjectName: HEAD.name,
          content: PENALTY.content,
          status: 'REPAIRED',
          statusEffectiveOn: '2026-03-01',
          statusReason: PENALTY.statusReason,
        })
        .build(),
    });
    ok(penalty);
    written.creditRecordId = penalty.data!.recordCredit.record.recordId;

    // The once-only records. The app learns of citizens from the population's events: until then
    // it answers SUBJECT_UNKNOWN.
    const booklet = await hub.eventually(async () => {
      const attempt = await hub.graphql<{ fileMaterial: { id: string } }>(
        `mutation($i: FileMaterialInput!) { fileMaterial(input: $i) { id } }`,
        {
          i: {
            subject: HEAD.idNumber,
            kind: 'ELICENCE',
            materialType: 'JMHKB',
            title: '居民户口簿',
            licenceId: HOUSEHOLD_BOOKLET,
            issuedOn: '2020-06-01',
          },
        },
        {},
        { key: hub.keys.population.key },
      );
      expect(codeOf(attempt)).not.toBe('SUBJECT_UNKNOWN');
      return attempt;
    }, 30_000);
    ok(booklet);
    written.materialId = booklet.data!.fileMaterial.id;
    const review = await hub.graphql<{ recordReviewResult: { id: string } }>(
      `mutation($i: RecordReviewResultInput!) { recordReviewResult(input: $i) { id } }`,
      {
        i: {
          subject: HEAD.idNumber,
          resultType: 'IDENTITY_VERIFIED_ORIGINALS',
          serviceItemCode: SOLE_TRADER_REGISTRATION,
          caseNumber: 'CC-2026-000521',
          outcome: 'PASSED',
          reviewer: REVIEWER,
          validUntil: chinaDate(new Date(Date.now() + 90 * 86_400_000)),
        },
      },
      {},
      { key: hub.keys.window.key },
    );
    ok(review);
    written.reviewResultId = review.data!.recordReviewResult.id;
    const reported = await hub.graphql<{ reportDataCorrection: { id: string; sourceDepartment: string } }>(
      `mutation($i: ReportDataCorrectionInput!) { reportDataCorrection(input: $i) { id sourceDepartment } }`,
      {
        i: {
          subject: MISNAMED.idNumber,
          field: 'Person.name',
          reportedValue: MISNAMED.name,
          proposedValue: MISNAMED.proposedName,
          reason: MISNAMED.reason,
        },
      },
      {},
      { key: hub.keys.tax.key },
    );
    ok(reported);
    expect(reported.data!.reportDataCorrection.sourceDepartment).toBe(DEPARTMENTS.publicSecurity);
    written.dataCorrectionId = reported.data!.reportDataCorrection.id;
    const second = await hub.graphql<{ reportDataCorrection: { id: string } }>(
      `mutation($i: ReportDataCorrectionInput!) { reportDataCorrection(input: $i) { id } }`,
      {
        i: {
          subject: SPOUSE.idNumber,
          field: 'Person.name',
          reportedValue: SPOUSE.name,
          proposedValue: REJECTED.proposedName,
          reason: REJECTED.reason,
        },
      },
      {},
      { key: hub.keys.tax.key },
    );
    ok(second);
    written.rejectedCorrectionId = second.data!.reportDataCorrection.id;
    ok(
      await hub.graphql(
        `mutation($i: RejectDataCorrectionInput!) { rejectDataCorrection(input: $i) { status } }`,
        { i: { id: written.rejectedCorrectionId, reason: REJECTED.resolution } },
        {},
        { key: hub.keys.population.key },
      ),
    );
    // The source corrects its record the normal way; its change event closes the report.
    ok(
      await hub.graphql(`mutation($i: ChangePersonInput!) { changePerson(input: $i) { outcome } }`, {
        i: {
          idNumber: MISNAMED.idNumber,
          sourceDepartment: DEPARTMENTS.publicSecurity,
          sourceSystem: 'fs-psb-hukou',
          sourceRecordId: misnamed.sourceRecordId,
          version: 2,
          name: MISNAMED.correctedName,
        },
      }),
    );
    await hub.eventually(async () => {
      const { body } = await read(
        `query($id: ID!) { dataCorrection(id: $id) { status } }`,
        { id: written.dataCorrectionId },
        hub.keys.population,
      );
      expect(at(body.data, 'dataCorrection', 'status')).toBe('CORRECTED');
    }, 30_000);

    // The grants, applied for and approved through the API.
    const today = new Date().toISOString().slice(0, 10);
    const until = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    const grant = async (to: TestKey, resource: CatalogResourceSpec, items: number[], fullValues: boolean) => {
      const applied = await hub.graphql<{ applyForSharing: { id: string } }>(
        APPLY,
        {
          i: {
            resourceCode: resource.code,
            items,
            purpose: '社保待遇资格核验',
            legalBasis: '《社会保险法》',
            requestedFrom: today,
            requestedTo: until,
            fullValues,
          },
        },
        {},
        { key: to.key },
      );
      ok(applied);
      const steward = resource.provider === DEPARTMENTS.publicSecurity ? hub.keys.psbSteward : hub.keys.hubSteward;
      const approved = await hub.graphql<{ approveSharingApplication: { status: string; fullValues: boolean } }>(
        APPROVE,
        { i: { applicationId: applied.data!.applyForSharing.id } },
        {},
        { key: steward.key },
      );
      ok(approved);
      expect(approved.data?.approveSharingApplication).toMatchObject({ status: 'APPROVED', fullValues });
    };
    for (const resource of CATALOG) {
      if (!resource.items.some((i) => i.masking)) continue;
      if (resource.sharingType === SharingType.CONDITIONAL) {
        const all = resource.items.map((i) => i.no);
        await grant(maskedGrantee, resource, all, false);
        await grant(fullGrantee, resource, all, true);
      } else if (resource.sharingType === SharingType.UNCONDITIONAL) {
        // Unconditional items are readable (masked) already: one applies only for full values.
        await grant(
          fullGrantee,
          resource,
          resource.items.filter((i) => i.masking).map((i) => i.no),
          true,
        );
      }
    }

    // Wait until the libraries have reacted to each other (location, death of the representative)
    // and the gateway's policy has every grant: each row reads, masked or in full as it should.
    await hub.eventually(async () => {
      for (const row of ROWS) {
        for (const [reader, expected] of valueReads(row)) {
          const { body } = await readRow(row, hub.keys[reader]);
          expect(body.errors).toBeUndefined();
          expect(row.pick(body.data)).toBe(expected);
        }
      }
    }, 30_000);
  });
  afterAll(() => hub?.close());

  describe('(a) a consumer without full values gets the exact masked value, and the original nowhere in the answer', () => {
    it.each(cases(BY_ROLE.filter((r) => !isConditional(r))))(
      '%s: a consumer without any grant',
      async (_title, row) => {
        const { text, body } = await readRow(row, hub.keys.window);
        expect(body.errors).toBeUndefined();
        expect(row.pick(body.data)).toBe(row.masked);
        expect(exposures(text, String(row.original))).toEqual([]);
      },
    );

    it.each(cases(BY_ROLE))('%s: a consumer with a grant without full values', async (_title, row) => {
      const { text, body } = await readRow(row, maskedGrantee);
      expect(body.errors).toBeUndefined();
      expect(row.pick(body.data)).toBe(row.masked);
      expect(exposures(text, String(row.original))).toEqual([]);
    });

    it.each(cases(BY_ROLE.filter(isConditional)))(
      '%s: a consumer without a grant is refused, and the refusal carries no value',
      async (_title, row) => {
        const { text, body } = await readRow(row, hub.keys.window);
        expect(body.errors?.[0].extensions?.code).toBe('ACCESS_DENIED');
        expect(body.data ?? null).toBeNull();
        expect(exposures(text, String(row.original))).toEqual([]);
      },
    );
  });

  describe('(b) a full-value grant returns full values', () => {
    it.each(cases(BY_ROLE))(
      "%s: the data bureau's exchange system (full-value grants, or the provider)",
      async (_title, row) => {
        const { body } = await readRow(row, hub.keys.harness);
        expect(body.errors).toBeUndefined();
        expect(row.pick(body.data)).toBe(row.original);
      },
    );

    it.each(cases(BY_ROLE))('%s: a consumer whose full-value application was approved', async (_title, row) => {
      const { body } = await readRow(row, fullGrantee);
      expect(body.errors).toBeUndefined();
      expect(row.pick(body.data)).toBe(row.original);
    });
  });

  describe('(c) the provider department reads its own data in full', () => {
    it.each(cases(BY_ROLE))('%s', async (_title, row) => {
      const { body } = await readRow(row, hub.keys[row.provider]);
      expect(body.errors).toBeUndefined();
      expect(row.pick(body.data)).toBe(row.original);
    });

    // The data bureau's system is also the full-value grantee of (b): what makes it read its own
    // resources in full is being their provider, under no grant — as for every provider.
    it.each([...new Set(ROWS.map((r) => r.provider))])(
      '%s reads its items in full as their provider, under no grant',
      async (provider) => {
        const items = await accessOf(hub.keys[provider]);
        for (const row of ROWS.filter((r) => r.provider === provider)) {
          expect(itemOf(items, row.coordinate), row.coordinate).toMatchObject({ access: 'FULL', grantId: null });
        }
      },
    );
  });

  describe("(d) an operation that admits fewer callers than the catalog: the row's own readers", () => {
    it.each(readerCases('masked'))(
      '%s: the exact masked value, and the original nowhere in the answer',
      async (_title, row, reader) => {
        const { text, body } = await readRow(row, hub.keys[reader]);
        expect(body.errors).toBeUndefined();
        expect(row.pick(body.data)).toBe(row.masked);
        expect(exposures(text, String(row.original))).toEqual([]);
      },
    );

    it.each(readerCases('full'))('%s: the original', async (_title, row, reader) => {
      const { body } = await readRow(row, hub.keys[reader]);
      expect(body.errors).toBeUndefined();
      expect(row.pick(body.data)).toBe(row.original);
    });

    it.each(readerCases('forbidden'))(
      '%s: refused by the operation, and the refusal carries no value',
      async (_title, row, reader) => {
        const { text, body } = await readRow(row, hub.keys[reader]);
        expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(row.pick(body.data) ?? null).toBeNull();
        expect(exposures(text, String(row.original))).toEqual([]);
      },
    );

    it.each(readerCases('denied'))(
      '%s: refused by the catalog on the way, and the refusal carries no value',
      async (_title, row, reader) => {
        const { text, body } = await readRow(row, hub.keys[reader]);
        expect(body.errors?.[0].extensions?.code).toBe('ACCESS_DENIED');
        expect(row.pick(body.data) ?? null).toBeNull();
        expect(exposures(text, String(row.original))).toEqual([]);
      },
    );

    it('the readers are what the catalog says: MASKED for the masked ones, FULL for the others, readable by the refused ones', async () => {
      const rows = ROWS.filter((r) => r.readers);
      const readers = [
        ...new Set(rows.flatMap((r) => [...r.readers!.masked, ...r.readers!.full, ...r.readers!.forbidden])),
      ];
      const access = new Map(
        await Promise.all(readers.map(async (reader) => [reader, await accessOf(hub.keys[reader])] as const)),
      );
      for (const row of rows) {
        const { masked, full, forbidden } = row.readers!;
        for (const reader of masked)
          expect(itemOf(access.get(reader)!, row.coordinate)?.access, `${row.coordinate} for ${reader}`).toBe('MASKED');
        for (const reader of full)
          expect(itemOf(access.get(reader)!, row.coordinate)?.access, `${row.coordinate} for ${reader}`).toBe('FULL');
        // The refusal is the operation's, not the catalog's.
        for (const reader of forbidden)
          expect(['MASKED', 'FULL'], `${row.coordinate} for ${reader}`).toContain(
            itemOf(access.get(reader)!, row.coordinate)?.access,
          );
      }
    });
  });

  it("the hub's catalog says the same: every masked item is MASKED for the consumer, FULL with full values", async () => {
    const masked = async (key: TestKey) =>
      (await accessOf(key))
        .filter((i) => i.masking)
        .flatMap((i) => i.fields.map((f) => `${f} ${i.masking} ${i.access}`))
        .sort();
    const coordinates = [...new Set(ROWS.map((r) => `${r.coordinate} ${r.rule}`))].sort();
    expect(await masked(maskedGrantee)).toEqual(coordinates.map((c) => `${c} MASKED`));
    const conditional = new Set(ROWS.filter(isConditional).map((r) => `${r.coordinate} ${r.rule}`));
    expect(await masked(hub.keys.window)).toEqual(
      coordinates.map((c) => `${c} ${conditional.has(c) ? 'NEEDS_GRANT' : 'MASKED'}`),
    );
    expect(await masked(fullGrantee)).toEqual(coordinates.map((c) => `${c} FULL`));
    expect(await masked(hub.keys.harness)).toEqual(coordinates.map((c) => `${c} FULL`));
  });

  describe('masking follows the value wherever the operation puts it', () => {
    const PERSON_SHAPES = `query($id: String!, $yes: Boolean!) {
      who: person(idNumber: $id) {
        citizen: idNumber
        idNumber
        fullName: name
        ...Contact
        ... on Person { born: birthDate householdNumber @include(if: $yes) }
        household { ...Household }
      }
    }
    fragment Contact on Person { phone tel: phone home: householdAddress { where: text } }
    fragment Household on Household { no: number head { ... on Person { id: idNumber } } }`;

    it('through aliases, named and inline fragments, @include, and an alias of the same field twice', async () => {
      const { text, body } = await read(PERSON_SHAPES, { id: HEAD.idNumber, yes: true }, maskedGrantee);
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        who: {
          citizen: '330108********2351',
          idNumber: '330108********2351',
          fullName: '司马**',
          phone: '138****5678',
          tel: '138****5678',
          home: { where: '浙江省杭州市****' },
          born: '1985-**-**',
          householdNumber: '******',
          household: { no: '******', head: { id: '330108********2351' } },
        },
      });
      for (const original of [
        HEAD.idNumber,
        HEAD.name,
        HEAD.phone,
        HOME.fullText,
        HEAD.birthDate,
        HEAD.householdNumber,
      ])
        expect(exposures(text, original)).toEqual([]);

      const full = await read(PERSON_SHAPES, { id: HEAD.idNumber, yes: true }, fullGrantee);
      expect(full.body.data).toEqual({
        who: {
          citizen: HEAD.idNumber,
          idNumber: HEAD.idNumber,
          fullName: HEAD.name,
          phone: HEAD.phone,
          tel: HEAD.phone,
          home: { where: HOME.fullText },
          born: HEAD.birthDate,
          householdNumber: HEAD.householdNumber,
          household: { no: HEAD.householdNumber, head: { id: HEAD.idNumber } },
        },
      });
    });

    it("inside lists: a household's members", async () => {
      const query = `query($id: String!) { person(idNumber: $id) { household { number members { person { idNumber name birthDate phone householdNumber } relationToHead { code } } } } }`;
      const { text, body } = await read(query, { id: SPOUSE.idNumber }, maskedGrantee);
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        person: {
          household: {
            number: '******',
            members: [
              {
                person: {
                  idNumber: '330108********2351',
                  name: '司马**',
                  birthDate: '1985-**-**',
                  phone: '138****5678',
                  householdNumber: '******',
                },
                relationToHead: { code: '******' },
              },
              {
                person: {
                  idNumber: '330108********6432',
                  name: '卓**',
                  birthDate: '1987-**-**',
                  phone: '139****1111',
                  householdNumber: '******',
                },
                relationToHead: { code: '******' },
              },
            ],
          },
        },
      });
      for (const original of [
        HEAD.idNumber,
        SPOUSE.idNumber,
        HEAD.name,
        SPOUSE.name,
        HEAD.birthDate,
        SPOUSE.birthDate,
        HEAD.phone,
        SPOUSE.phone,
        HEAD.householdNumber,
      ])
        expect(exposures(text, original)).toEqual([]);
    });

    // A division filter reads the household register's division (conditional): a consumer with a
    // (masked) grant for it may search by it.
    it('inside lists: search results and persons by ID — for a consumer with masked grants', async () => {
      const query = `query($ids: [String!]!) {
        searchPersons(filter: { divisionCode: "330108" }) { nodes { idNumber name birthDate } edges { node { idNumber } } }
        persons(idNumbers: $ids) { idNumber name statusEffectiveOn statusReason }
      }`;
      const { text, body } = await read(
        query,
        { ids: [HEAD.idNumber, DECEASED.idNumber, SPOUSE.idNumber] },
        maskedGrantee,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data).toMatchObject({
        searchPersons: {
          nodes: [
            { idNumber: '330108********2351', name: '司马**', birthDate: '1985-**-**' },
            { idNumber: '330108********6432', name: '卓**', birthDate: '1987-**-**' },
          ],
          edges: [{ node: { idNumber: '330108********2351' } }, { node: { idNumber: '330108********6432' } }],
        },
        persons: [
          { idNumber: '330108********2351', name: '司马**', statusEffectiveOn: null, statusReason: null },
          { idNumber: '330106********603X', name: '王*', statusEffectiveOn: '2025-**-**', statusReason: '******' },
          { idNumber: '330108********6432', name: '卓**', statusEffectiveOn: null, statusReason: null },
        ],
      });
      for (const original of [
        HEAD.idNumber,
        SPOUSE.idNumber,
        DECEASED.idNumber,
        HEAD.name,
        SPOUSE.name,
        DECEASED.name,
        DECEASED.diedOn,
        DECEASED.reason,
      ])
        expect(exposures(text, original)).toEqual([]);
    });

    it("inside lists across subgraphs: a person's credit profile and its records", async () => {
      const query = `query($id: String!) { person(idNumber: $id) { credit { subjectId penalties { recordId subjectId } licences { subjectId } } } }`;
      const { text, body } = await read(query, { id: HEAD.idNumber }, maskedGrantee);
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        person: {
          credit: {
            subjectId: '330108********2351',
            penalties: [{ recordId: written.creditRecordId, subjectId: '330108********2351' }],
            licences: [],
          },
        },
      });
      expect(exposures(text, HEAD.idNumber)).toEqual([]);
    });

    it("across subgraphs: a legal entity's deceased representative, through a fragment", async () => {
      const query = `query($u: String!) { legalEntity(uscc: $u) {
        legalRepresentative { ...Rep }
        legalRepresentativeStatus { status deceased ... on LegalRepresentativeStatus { died: deceasedOn } }
      } }
      fragment Rep on Person { idNumber name status statusEffectiveOn }`;
      const { text, body } = await read(query, { u: COMPANY.uscc }, maskedGrantee);
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        legalEntity: {
          legalRepresentative: {
            idNumber: '330106********603X',
            name: '王*',
            status: 'DECEASED',
            statusEffectiveOn: '2025-**-**',
          },
          legalRepresentativeStatus: { status: 'DECEASED', deceased: true, died: '2025-**-**' },
        },
      });
      for (const original of [DECEASED.idNumber, DECEASED.name, DECEASED.diedOn])
        expect(exposures(text, original)).toEqual([]);
    });
  });

  describe('cursors are sealed: a page cursor is no way around masking', () => {
    it('searchPersons cursors do not carry the citizen ID, for a consumer with a masked grant', async () => {
      const query = `{ searchPersons(filter: { divisionCode: "330108" }) { edges { cursor node { idNumber } } pageInfo { endCursor } } }`;
      const { text, body } = await read(query, {}, maskedGrantee);
      expect(body.errors).toBeUndefined();
      expect(text).toContain('330108********2351');
      expect(exposures(text, HEAD.idNumber)).toEqual([]);
    });

    it('spatialSearch(kind: PERSON) cursors do not carry the citizen ID that SpatialHit.id masks', async () => {
      const query = `{ spatialSearch(kind: PERSON, within: { divisionCode: "330108" }) { nodes { id } pageInfo { endCursor } } }`;
      const { text, body } = await read(query, {}, maskedGrantee);
      expect(body.errors).toBeUndefined();
      expect(text).toContain('330108********2351');
      expect(exposures(text, HEAD.idNumber)).toEqual([]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** The value at a path in parsed JSON (undefined where the path ends early). */
function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const step of path)
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[step] : undefined;
  return current;
}

/** The single element of a list of objects; throws otherwise. */
function only(list: unknown): Record<string, unknown> {
  if (!Array.isArray(list) || list.length !== 1)
    throw new Error(`expected exactly one element, got ${JSON.stringify(list)}`);
  return list[0] as Record<string, unknown>;
}

/**
 * Where `original` can be read in a raw answer: as is, JSON-escaped, or inside a base64/base64url
 * token (a cursor, an opaque id). Empty when nowhere.
 */
function exposures(text: string, original: string): string[] {
  const found: string[] = [];
  if (text.includes(original)) found.push('verbatim');
  const escaped = JSON.stringify(original)
    .slice(1, -1)
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped !== original && text.toLowerCase().includes(escaped.toLowerCase())) found.push('JSON-escaped');
  for (const token of new Set(text.match(/[A-Za-z0-9+/_-]{8,}={0,2}/g) ?? [])) {
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    if (decoded.includes(original)) found.push(`base64 ${token} = ${decoded}`);
  }
  return found;
}
