import { randomPointIn } from '@hub/geo';
import {
  divisionFullName,
  generateCitizenId,
  generateUscc,
  listDivisions,
  seededRandom,
  type DivisionEntry,
  type RandomSource,
} from '@hub/identifiers';
import { BRANDS, GIVEN_FEMALE, GIVEN_MALE, INDUSTRIES, ROADS, SCOPES, SURNAMES } from './names.js';

export interface SyntheticSizes {
  addresses: number;
  persons: number;
  legalEntities: number;
  creditRecords: number;
}

/** Receives records as they are made; may return a promise to slow the generator down (backpressure). */
export interface SyntheticSinks {
  address?(record: Record<string, unknown>): void | Promise<void>;
  person?(record: Record<string, unknown>): void | Promise<void>;
  legalEntity?(record: Record<string, unknown>): void | Promise<void>;
  creditRecord?(record: Record<string, unknown>): void | Promise<void>;
  progress?(kind: string, done: number, total: number): void;
}

const CITIES = [
  { code: '440600', name: '佛山市', prefix: 'fs' },
  { code: '330100', name: '杭州市', prefix: 'hz' },
  { code: '330800', name: '衢州市', prefix: 'qz' },
];

/** Kept household heads from which legal representatives are drawn; bounded so memory stays flat. */
const REPRESENTATIVE_POOL = 100_000;
/** Kept legal entities on which credit records are made; bounded likewise. */
const SUBJECT_POOL = 100_000;

/**
 * A synthetic city region — Foshan, Hangzhou and Quzhou, the cities of the hub's source document —
 * whose extracts are consistent across the four base libraries: valid check digits, gender and
 * birth date in every citizen ID, real division codes, households of related people sharing a
 * standard address, legal representatives who are people of the population, registered addresses
 * that are standard addresses (inside their county's boundary), credit records on real legal
 * entities. Deterministic for a seed; generated in one pass in (nearly) constant memory.
 */
export class SyntheticCity {
  private readonly random: RandomSource;
  private readonly counties: Array<DivisionEntry & { city: (typeof CITIES)[number] }>;
  readonly departments: {
    amr: Record<string, string>;
    police: Record<string, string>;
    land: Record<string, string>;
    civil: Record<string, string>;
  };
  private readonly usedIds: Set<string>;

  /**
   * `reservedIdNumbers`: citizen IDs this city must not give out — another city's that will be
   * loaded beside it. Ids made from a running number carry the seed, but a citizen ID is drawn
   * (area, birth date, order code), and a large city draws a few of another's (datagen's 100,000
   * persons drew 2 of the demo's 1,200, rejected as VERSION_REUSED when loaded beside it).
   */
  constructor(
    readonly seed = 2017,
    options: { reservedIdNumbers?: Iterable<string> } = {},
  ) {
    this.usedIds = new Set(options.reservedIdNumbers);
    this.random = seededRandom(seed);
    this.counties = CITIES.flatMap((city) =>
      listDivisions({ under: city.code, level: 'county', inForceAt: '2026-01-01' }).map((d) => ({ ...d, city })),
    );
    const per = () =>
      Object.fromEntries(
        CITIES.map((c) => [c.code, generateUscc(this.random, { authority: '1', category: '1', areaCode: c.code })]),
      );
    this.departments = { amr: per(), police: per(), land: per(), civil: per() };
  }

  async generate(sizes: SyntheticSizes, sinks: SyntheticSinks): Promise<void> {
    const addresses: Array<{ text: string; division: string; city: string }> = [];
    // Addresses first: households live at them and legal entities are registered at them.
    for (let i = 0; i < sizes.addresses; i++) {
      const a = this.address(i);
      if (addresses.length < SUBJECT_POOL)
        addresses.push({ text: a.fullText as string, division: a.divisionCode as string, city: a.city });
      await sinks.address?.(a.record);
      if (i % 10_000 === 9_999) sinks.progress?.('addresses', i + 1, sizes.addresses);
    }
    const heads: Array<{ idNumber: string; city: string }> = [];
    let persons = 0;
    for (let h = 0; persons < sizes.persons; h++) {
      const home = addresses.length > 0 ? addresses[h % addresses.length] : undefined;
      for (const member of this.household(h, home)) {
        if (persons >= sizes.persons) break;
        persons++;
        if (member.relationToHeadCode === '02' && heads.length < REPRESENTATIVE_POOL)
          heads.push({ idNumber: member.idNumber as string, city: member.city as string });
        delete member.city;
        await sinks.person?.(member);
        if (persons % 10_000 === 0) sinks.progress?.('persons', persons, sizes.persons);
      }
    }
    const subjects: string[] = [];
    for (let i = 0; i < sizes.legalEntities; i++) {
      const site = addresses.length > 0 ? addresses[(i * 7 + 3) % addresses.length] : undefined;
      const rep = heads.length > 0 ? heads[(i * 13 + 5) % heads.length] : undefined;
      const entity = this.legalEntity(i, site, rep?.idNumber);
      if (subjects.length < SUBJECT_POOL) subjects.push(entity.uscc as string);
      await sinks.legalEntity?.(entity);
      if (i % 10_000 === 9_999) sinks.progress?.('legal entities', i + 1, sizes.legalEntities);
    }
    for (let i = 0; i < sizes.creditRecords && subjects.length > 0; i++) {
      await sinks.creditRecord?.(this.creditRecord(i, subjects[(i * 11 + 1) % subjects.length]));
    }
  }

  private address(i: number): {
    record: Record<string, unknown>;
    fullText: string;
    divisionCode: string;
    city: string;
  } {
    const county = this.counties[i % this.counties.length];
    const road = ROADS[Math.floor(i / this.counties.length) % ROADS.length];
    const number = Math.floor(i / (this.counties.length * ROADS.length)) + 1;
    const point = randomPointIn(county.code, this.random);
    const fullText = `${divisionFullName(county.code)}${road}${number}号`;
    const land = this.departments.land[county.city.code];
    return {
      fullText,
      divisionCode: county.code,
      city: county.city.code,
      record: {
        // Ids made from a running number carry the seed: two cities of different seeds (the demo's and
        // datagen's) load into one hub side by side instead of colliding on the same ids.
        addressId: `${county.code}-${this.seed}-${String(i + 1).padStart(7, '0')}`,
        fullText,
        divisionCode: county.code,
        road,
        houseNumber: `${number}号`,
        longitude: Number(point.longitude.toFixed(6)),
        latitude: Number(point.latitude.toFixed(6)),
        sourceDepartment: land,
        sourceSystem: `${county.city.prefix}-land-address`,
        sourceRecordId: `addr-${this.seed}-${i + 1}`,
        version: 1,
      },
    };
  }

  /** A household: a head, usually a spouse, 0–3 children, at one address. */
  private household(
    h: number,
    home?: { text: string; division: string; city: string },
  ): Array<Record<string, unknown>> {
    const county = home
      ? this.counties.find((c) => c.code === home.division)!
      : this.counties[h % this.counties.length];
    // A running number, so it carries the seed like the other such ids: a million household numbers
    // per seed, the demo's (2017) from 1 as before — two cities loaded side by side (the demo and
    // datagen's default 2026) must not put their people in each other's households.
    const number = `${county.code}${String(((((this.seed - 2017) % 100) + 100) % 100) * 1_000_000 + h + 1).padStart(8, '0')}`;
    const surname = this.pick(SURNAMES);
    const headMale = this.random() < 0.7;
    const headBirth = this.date(1950, 1995);
    const members: Array<Record<string, unknown>> = [];
    const add = (male: boolean, birthDate: string, relation: string, givenSurname = surname, marital = '20') => {
      const idNumber = this.uniqueId(county, birthDate, male);
      members.push({
        idNumber,
        name: `${givenSurname}${this.pick(male ? GIVEN_MALE : GIVEN_FEMALE)}${this.random() < 0.6 ? this.pick(male ? GIVEN_MALE : GIVEN_FEMALE) : ''}`,
        gender: male ? 'MALE' : 'FEMALE',
        birthDate,
        ethnicityCode: this.random() < 0.95 ? '01' : this.pick(['03', '06', '08', '22', '15']),
        householdAddress: home?.text ?? `${divisionFullName(county.code)}${this.pick(ROADS)}${(h % 300) + 1}号`,
        householdDivisionCode: county.code,
        phone: `1${this.pick(['38', '39', '58', '77', '86'])}${String(Math.floor(this.random() * 1e8)).padStart(8, '0')}`,
        maritalStatusCode: marital,
        householdNumber: number,
        relationToHeadCode: relation,
        sourceDepartment: this.departments.police[county.city.code],
        sourceSystem: `${county.city.prefix}-police-hukou`,
        sourceRecordId: `p-${idNumber}`,
        version: 1,
        city: county.city.code,
      });
    };
    const married = this.random() < 0.8;
    add(headMale, headBirth, '02', surname, married ? '20' : '10');
    if (married)
      add(!headMale, this.shift(headBirth, -3 + Math.floor(this.random() * 7)), '10', this.pick(SURNAMES), '20');
    const children = married ? Math.floor(this.random() * 4) : 0;
    for (let c = 0; c < children; c++) {
      const male = this.random() < 0.5;
      const birth = this.shift(headBirth, 22 + c * 2 + Math.floor(this.random() * 6));
      if (birth > '2025-12-31') continue;
      add(male, birth, male ? '20' : '30', surname, '10');
    }
    return members;
  }

  private legalEntity(
    i: number,
    site: { text: string; division: string; city: string } | undefined,
    representative: string | undefined,
  ): Record<string, unknown> {
    const county = site
      ? this.counties.find((c) => c.code === site.division)!
      : this.counties[i % this.counties.length];
    const kind = this.weighted([
      ['enterprise', 82],
      ['individual', 12],
      ['cooperative', 3],
      ['social', 3],
    ] as const);
    const [authority, category] = {
      enterprise: ['9', '1'],
      individual: ['9', '2'],
      cooperative: ['9', '3'],
      social: ['5', '1'],
    }[kind];
    const uscc = generateUscc(this.random, { authority, category, areaCode: county.code });
    const brand = this.pick(BRANDS);
    const place = `${county.city.name}${county.name}`;
    const name = {
      enterprise: `${place}${brand}${this.pick(INDUSTRIES)}${this.pick(['有限公司', '有限公司', '有限责任公司', '股份有限公司'])}`,
      individual: `${county.name}${brand}${this.pick(['餐饮店', '便利店', '五金店', '理发店', '茶叶店'])}`,
      cooperative: `${place}${brand}${this.pick(['柑橘', '茶叶', '蔬菜', '花卉'])}专业合作社`,
      social: `${county.city.name}${this.pick(['软件行业协会', '陶瓷行业协会', '餐饮行业协会', '物流协会'])}`,
    }[kind];
    const status = this.weighted([
      ['ACTIVE', 90],
      ['REVOKED', 5],
      ['DEREGISTERED', 5],
    ] as const);
    const established = this.date(1995, 2024);
    const civil = kind === 'social';
    const department = civil ? this.departments.civil[county.city.code] : this.departments.amr[county.city.code];
    return {
      uscc,
      name: `${name}${i % 97 === 0 ? `（${i}）` : ''}`,
      status,
      statusEffectiveOn:
        status === 'ACTIVE' ? undefined : this.date(Math.max(Number(established.slice(0, 4)) + 1, 2000), 2025),
      statusReason: status === 'REVOKED' ? '未按规定报送年度报告' : status === 'DEREGISTERED' ? '决议解散' : undefined,
      establishedOn: established,
      registeredCapitalAmount:
        kind === 'enterprise' ? String(Math.round(10 + this.random() * 4990) * 10_000) : undefined,
      registrationAuthorityName: civil ? `${county.city.name}民政局` : `${county.city.name}市场监督管理局`,
      registrationAuthorityUscc: department,
      registeredAddress: site?.text ?? `${divisionFullName(county.code)}${this.pick(ROADS)}${(i % 300) + 1}号`,
      registeredAddressDivisionCode: county.code,
      businessScope: kind === 'enterprise' ? this.pick(SCOPES) : undefined,
      legalRepresentativeIdNumber: representative,
      sourceDepartment: department,
      sourceSystem: `${county.city.prefix}-${civil ? 'civil-org' : 'amr-reg'}`,
      sourceRecordId: `le-${uscc}`,
      version: 1,
    };
  }

  private creditRecord(i: number, uscc: string): Record<string, unknown> {
    const kind = this.weighted([
      ['LICENCE', 60],
      ['PENALTY', 25],
      ['RED_LIST', 8],
      ['BLACK_LIST', 3],
      ['COMMITMENT', 4],
    ] as const);
    const city = CITIES[i % CITIES.length];
    const authority = this.departments.amr[city.code];
    return {
      kind,
      subjectType: 'LEGAL_ENTITY',
      subjectId: uscc,
      decisionNumber: `${city.prefix.toUpperCase()}-${kind}-${2020 + (i % 6)}-${String(i + 1).padStart(7, '0')}`,
      title: {
        LICENCE: '食品经营许可',
        PENALTY: '行政处罚决定',
        RED_LIST: '纳税信用A级纳税人名单',
        BLACK_LIST: '严重违法失信名单',
        COMMITMENT: '信用承诺书',
      }[kind],
      authorityName: `${city.name}市场监督管理局`,
      authorityUscc: authority,
      decidedOn: this.date(2020, 2025),
      content: kind === 'PENALTY' ? '未按规定公示即时信息' : '依法办理',
      legalBasis:
        kind === 'LICENCE' || kind === 'PENALTY' ? '《中华人民共和国行政许可法》《企业信息公示暂行条例》' : undefined,
      penaltyType: kind === 'PENALTY' ? this.pick(['WARNING', 'FINE', 'FINE', 'CONFISCATION']) : undefined,
      fineAmount: kind === 'PENALTY' ? String(Math.round(this.random() * 100) * 1000) : undefined,
      sourceDepartment: authority,
      sourceSystem: `${city.prefix}-credit`,
      sourceRecordId: `cr-${this.seed}-${i + 1}`,
      version: 1,
    };
  }

  /** A citizen ID not given out before: the area code in force at birth, gender and birth date encoded. */
  private uniqueId(county: DivisionEntry, birthDate: string, male: boolean): string {
    const area = county.validFrom <= birthDate ? county.code : (county.parent ?? county.code);
    for (;;) {
      const id = generateCitizenId(this.random, { areaCode: area, birthDate, gender: male ? 'male' : 'female' });
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private weighted<T extends string>(options: ReadonlyArray<readonly [T, number]>): T {
    const total = options.reduce((n, [, w]) => n + w, 0);
    let r = this.random() * total;
    for (const [value, weight] of options) if ((r -= weight) < 0) return value;
    return options[0][0];
  }

  /** A day between two years (fixed ends, so the output does not depend on today). */
  private date(fromYear: number, toYear: number): string {
    const start = Date.UTC(fromYear, 0, 1);
    const end = Date.UTC(toYear, 11, 31);
    return new Date(start + Math.floor(this.random() * (end - start))).toISOString().slice(0, 10);
  }

  private shift(date: string, years: number): string {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCFullYear(d.getUTCFullYear() + years);
    return d.toISOString().slice(0, 10);
  }
}

/** The whole city in memory, for small sizes (demo data, tests). */
export async function syntheticCity(sizes: SyntheticSizes, seed = 2017) {
  const out = {
    addresses: [] as Array<Record<string, unknown>>,
    persons: [] as Array<Record<string, unknown>>,
    legalEntities: [] as Array<Record<string, unknown>>,
    creditRecords: [] as Array<Record<string, unknown>>,
  };
  await new SyntheticCity(seed).generate(sizes, {
    address: (r) => void out.addresses.push(r),
    person: (r) => void out.persons.push(r),
    legalEntity: (r) => void out.legalEntities.push(r),
    creditRecord: (r) => void out.creditRecords.push(r),
  });
  return out;
}
