import { SENDERS } from './departments.js';
import { randomPointIn } from '@hub/geo';
import {
  divisionFullName,
  generateCitizenId,
  generateUscc,
  parseCitizenId,
  seededRandom,
  type RandomSource,
} from '@hub/identifiers';

/**
 * Builds valid legal-entity records for tests: real check digits, real division codes, full
 * defaults, any field overridable. `aLegalEntity().withVersion(2).build()`.
 */
export class LegalEntityBuilder {
  private record: Record<string, unknown>;

  constructor(random: RandomSource, index: number) {
    const district = ['440604', '440605', '330105', '330106', '330802'][index % 5];
    this.record = {
      uscc: generateUscc(random, { authority: '9', category: '1', areaCode: district }),
      name: `测试企业${index}号有限公司`,
      registeredAddress: `测试路${index}号`,
      registeredAddressDivisionCode: district,
      establishedOn: '2018-06-01',
      registeredCapitalAmount: '1000000',
      legalRepresentativeIdNumber: generateCitizenId(random, { areaCode: district, birthDate: '1980-05-17' }),
      sourceDepartment: SOURCE_DEPARTMENT,
      sourceSystem: SENDERS.legalEntity.sourceSystem,
      sourceRecordId: `rec-${index}-${Math.floor(random() * 1e9)}`,
      version: 1,
    };
  }

  with(fields: Record<string, unknown>): this {
    Object.assign(this.record, fields);
    return this;
  }

  withVersion(version: number): this {
    return this.with({ version });
  }

  build(): Record<string, unknown> & { uscc: string; version: number; sourceRecordId: string } {
    return { ...this.record } as Record<string, unknown> & { uscc: string; version: number; sourceRecordId: string };
  }
}

/** The market-regulation bureau as source department of legal entities: the department of the suites' registration system. */
export const SOURCE_DEPARTMENT = SENDERS.legalEntity.sourceDepartment;

let counter = 0;
const random = seededRandom(20170601);

export function aLegalEntity(): LegalEntityBuilder {
  return new LegalEntityBuilder(random, ++counter);
}

export const REGISTER = `mutation Register($input: LegalEntityRecordInput!) {
  registerLegalEntity(input: $input) { outcome legalEntity { uscc name kind status provenance { version sourceSystem sourceRecordId } } }
}`;

/**
 * Builds valid person records: gender and birth date taken from the generated citizen ID, real
 * codes and divisions. `aPerson().inHousehold('H330106000001', '02').build()`.
 */
export class PersonBuilder {
  private record: Record<string, unknown>;

  constructor(random: RandomSource, index: number, birthDate = '1985-04-12') {
    const district = ['330106', '330105', '440604', '330802'][index % 4];
    const idNumber = generateCitizenId(random, { areaCode: district, birthDate });
    const parsed = parseCitizenId(idNumber);
    if (!parsed.ok) throw new Error('generated an invalid citizen ID');
    this.record = {
      idNumber,
      name: `测试人${index}`,
      gender: parsed.value.gender === 'male' ? 'MALE' : 'FEMALE',
      birthDate: parsed.value.birthDate,
      ethnicityCode: '01',
      householdAddress: `测试街道${index}号`,
      householdDivisionCode: district,
      phone: `138${String(10_000_000 + index).slice(-8)}`,
      maritalStatusCode: '20',
      sourceDepartment: PUBLIC_SECURITY,
      sourceSystem: SENDERS.population.sourceSystem,
      sourceRecordId: `person-${index}-${Math.floor(random() * 1e9)}`,
      version: 1,
    };
  }

  with(fields: Record<string, unknown>): this {
    Object.assign(this.record, fields);
    return this;
  }

  inHousehold(number: string, relationToHeadCode: string): this {
    return this.with({ householdNumber: number, relationToHeadCode });
  }

  build(): Record<string, unknown> & { idNumber: string; name: string; version: number; sourceRecordId: string } {
    return { ...this.record } as Record<string, unknown> & {
      idNumber: string;
      name: string;
      version: number;
      sourceRecordId: string;
    };
  }
}

/** The public-security bureau as the population's source department: the department of the suites' hukou system. */
export const PUBLIC_SECURITY = SENDERS.population.sourceDepartment;

export function aPerson(birthDate?: string): PersonBuilder {
  return new PersonBuilder(random, ++counter, birthDate);
}

export const REGISTER_PERSON = `mutation RegisterPerson($input: PersonRecordInput!) {
  registerPerson(input: $input) { outcome person { idNumber name status } }
}`;

/** A market-regulation bureau deciding licences and penalties. */
export const AUTHORITY = generateUscc(seededRandom(3), { authority: '1', category: '1', areaCode: '330100' });

/** Builds valid credit records; `aCreditRecord('PENALTY', subject).build()`. */
export function aCreditRecord(
  kind: 'LICENCE' | 'PENALTY' | 'RED_LIST' | 'BLACK_LIST' | 'COMMITMENT',
  subject: { uscc?: string; idNumber?: string },
) {
  const index = ++counter;
  const record: Record<string, unknown> = {
    kind,
    subjectType: subject.uscc ? 'LEGAL_ENTITY' : 'PERSON',
    subjectId: subject.uscc ?? subject.idNumber,
    decisionNumber: `杭市监罚〔2025〕${index}号`,
    title: {
      LICENCE: '食品经营许可',
      PENALTY: '行政处罚决定',
      RED_LIST: '纳税信用A级纳税人名单',
      BLACK_LIST: '严重违法失信名单',
      COMMITMENT: '信用承诺书',
    }[kind],
    authorityName: '杭州市市场监督管理局',
    authorityUscc: AUTHORITY,
    decidedOn: '2025-09-01',
    content: '测试内容',
    legalBasis: kind === 'LICENCE' || kind === 'PENALTY' ? '《中华人民共和国食品安全法》' : undefined,
    penaltyType: kind === 'PENALTY' ? 'FINE' : undefined,
    fineAmount: kind === 'PENALTY' ? '5000' : undefined,
    // The deciding authority is not the sender: the credit bureau's system records it.
    ...SENDERS.credit,
    sourceRecordId: `credit-${index}`,
    version: 1,
  };
  return {
    with(fields: Record<string, unknown>) {
      Object.assign(record, fields);
      return this;
    },
    build: () => ({ ...record }) as Record<string, unknown> & { decisionNumber: string; sourceRecordId: string },
  };
}

export const RECORD_CREDIT = `mutation RecordCredit($input: CreditRecordInput!) {
  recordCredit(input: $input) { outcome record { recordId kind status } }
}`;

/** The natural-resources bureau as the source of standard addresses: the department of the suites' address system. */
export const NATURAL_RESOURCES = SENDERS.geospatial.sourceDepartment;

/** A standard address in a county, with a point inside the county's boundary. */
export function aStandardAddress(divisionCode = '330106', road = '文三路', number = ++counter) {
  const point = randomPointIn(divisionCode, random);
  return {
    addressId: `${divisionCode}-${String(number).padStart(6, '0')}`,
    fullText: `${divisionFullName(divisionCode)}${road}${number}号`,
    divisionCode,
    longitude: Number(point.longitude.toFixed(6)),
    latitude: Number(point.latitude.toFixed(6)),
    sourceDepartment: NATURAL_RESOURCES,
    sourceSystem: SENDERS.geospatial.sourceSystem,
    sourceRecordId: `address-${number}`,
    version: 1,
  };
}

export const REGISTER_ADDRESS = `mutation RegisterAddress($input: StandardAddressInput!) {
  registerStandardAddress(input: $input) { outcome standardAddress { addressId fullText divisionCode point { longitude latitude } } }
}`;

/** The company profile: one query across the four base libraries (company-profile.e2e, tracing.e2e). */
export const COMPANY_PROFILE = `query Profile($u: [String!]!) {
  legalEntities(usccs: $u) {
    uscc name status
    registeredAddress { text divisionCode }
    legalRepresentativeStatus { deceased }
    legalRepresentative { idNumber name birthDate householdAddress { divisionCode } credit { assessment { level } } location { status point { longitude latitude } } }
    credit { assessment { level reasons { code } } penalties { decisionNumber } licences { decisionNumber } }
    location { status method divisionCode point { longitude latitude } }
  }
}`;
