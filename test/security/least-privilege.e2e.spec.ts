import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCitizenId, seededRandom } from '@hub/identifiers';
import { REGISTER, REGISTER_PERSON, aLegalEntity, aPerson } from '../support/fixtures.js';
import { DEPARTMENTS } from '../support/test-access.js';
import { TestHub, type GraphQLResponse } from '../support/test-hub.js';

interface LogEntry {
  seq: string;
  systemCode: string | null;
  departmentUscc: string | null;
  purpose: string | null;
  caseNumber: string | null;
  operationName: string | null;
  fields: string[];
  subjects: string[];
  outcome: string;
  errorCode: string | null;
}

const ACCESS_LOG = `query AccessLog($t: AccessSubjectType!, $id: String!) {
  accessLog(subjectType: $t, subjectId: $id, first: 100) {
    nodes { seq systemCode departmentUscc purpose caseNumber operationName fields subjects outcome errorCode }
  }
}`;
const ISSUE = `mutation Issue($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key apiKey { id roles departmentUscc systemCode } } }`;
const REVOKE = `mutation Revoke($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { id status } }`;
const KEYS = `{ apiKeys { id departmentUscc } }`;
const PHONE = `query Phone($id: String!) { person(idNumber: $id) { phone } }`;

/** The citizen-ID mask of the catalog (CITIZEN_ID: first 6 and last 4 kept). */
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

describe('least privilege', () => {
  let hub: TestHub;
  let db: pg.Client;
  /** The citizen whose log is read; a relative named beside them; a company whose legal representative is the relative. */
  const citizen = aPerson().build();
  const relative = aPerson().build();
  const company = aLegalEntity().with({ legalRepresentativeIdNumber: relative.idNumber }).build();
  /** A valid citizen ID nobody registered or read. */
  const stranger = generateCitizenId(seededRandom(909), { areaCode: '440604', birthDate: '1990-01-01' });
  /** Department stewards, issued by the admin: social insurance, tax, market regulation. */
  let hrssSteward: string;
  let taxSteward: string;
  let amrSteward: string;

  const as = (key: string, purpose: string | null = null) => ({ key, purpose });
  const logOf = (key: string, id: string, type: 'PERSON' | 'LEGAL_ENTITY' = 'PERSON') =>
    hub.graphql<{ accessLog: { nodes: LogEntry[] } }>(ACCESS_LOG, { t: type, id }, {}, as(key));
  const readableLog = async (
    key: string,
    id: string,
    type: 'PERSON' | 'LEGAL_ENTITY' = 'PERSON',
  ): Promise<LogEntry[]> => {
    const answer = await logOf(key, id, type);
    expect(answer.errors).toBeUndefined();
    return answer.data!.accessLog.nodes;
  };
  const expectForbidden = (answer: GraphQLResponse, what: string) => {
    expect(answer.data ?? null, what).toBeNull();
    expect(answer.errors?.[0].extensions?.code, what).toBe('FORBIDDEN');
  };
  const issue = async (input: Record<string, unknown>, key: string) =>
    hub.graphql<{ issueApiKey: { key: string; apiKey: { id: string } } }>(
      ISSUE,
      { input: { holderName: 'least-privilege test key', ...input } },
      {},
      as(key),
    );
  /** A key the admin issues, once the gateway honours it. */
  const issuedByAdmin = async (input: Record<string, unknown>): Promise<string> => {
    const result = await issue(input, hub.keys.admin.key);
    expect(result.errors).toBeUndefined();
    const key = result.data!.issueApiKey.key;
    await hub.eventually(async () =>
      expect((await hub.graphql(`{ departments { uscc } }`, {}, {}, as(key))).errors).toBeUndefined(),
    );
    return key;
  };

  beforeAll(async () => {
    hub = await TestHub.start();
    db = new pg.Client({ connectionString: hub.database.url });
    await db.connect();
    for (const person of [citizen, relative])
      expect((await hub.graphql(REGISTER_PERSON, { input: person })).errors).toBeUndefined();
    expect((await hub.graphql(REGISTER, { input: company })).errors).toBeUndefined();
    hrssSteward = await issuedByAdmin({ roles: ['STEWARD'], departmentUscc: DEPARTMENTS.humanResources });
    taxSteward = await issuedByAdmin({ roles: ['STEWARD'], departmentUscc: DEPARTMENTS.tax });
    amrSteward = await issuedByAdmin({ roles: ['STEWARD'], departmentUscc: DEPARTMENTS.marketRegulation });
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    await hub?.close();
  });

  describe('who reads whose access log', () => {
    it('refuses a department steward the log of a citizen its department neither provides nor has read, saying nothing of whether anyone was read', async () => {
      const refused = await logOf(hrssSteward, citizen.idNumber);
      expectForbidden(refused, 'a read-before citizen');
      const unknown = await logOf(hrssSteward, stranger);
      expectForbidden(unknown, 'a citizen nobody read');
      expect(unknown.errors![0].message).toBe(refused.errors![0].message);
      // The attempt is itself a look at the citizen's data: it is in their log, refused.
      const log = await readableLog(hub.keys.supervisor.key, citizen.idNumber);
      expect(log).toContainEqual(
        expect.objectContaining({
          departmentUscc: DEPARTMENTS.humanResources,
          systemCode: null,
          outcome: 'REFUSED',
          errorCode: 'FORBIDDEN',
          fields: expect.arrayContaining(['Query.accessLog']),
        }),
      );
    });

    it("opens the log to a department's steward once one of its systems has read that citizen, and to no one else of it", async () => {
      const read = await hub.graphql(
        `query Insured($id: String!) { person(idNumber: $id) { name } }`,
        { id: citizen.idNumber },
        {},
        as(hub.keys.humanResources.key, '社保待遇资格认证'),
      );
      expect(read.errors).toBeUndefined();
      const log = await readableLog(hrssSteward, citizen.idNumber);
      expect(log).toContainEqual(
        expect.objectContaining({
          operationName: 'Insured',
          systemCode: 'fs-hrss-insurance',
          outcome: 'ALLOWED',
          purpose: '社保待遇资格认证',
        }),
      );
      // Only that citizen: the stranger's log stays closed.
      expectForbidden(await logOf(hrssSteward, stranger), 'another citizen');
    });

    it("does not count a steward's own read, nor a refused read of its systems, as having read the citizen", async () => {
      // A steward reads unconditional data as its department: allowed, recorded — and no key to the log.
      const own = await hub.graphql(
        `query StewardLooks($id: String!) { person(idNumber: $id) { name } }`,
        { id: citizen.idNumber },
        {},
        as(taxSteward, '核对'),
      );
      expect(own.errors).toBeUndefined();
      const refusedRead = await hub.graphql(PHONE, { id: citizen.idNumber }, {}, as(hub.keys.tax.key, '核对纳税人'));
      expect(refusedRead.errors?.[0].extensions?.code).toBe('ACCESS_DENIED');
      expectForbidden(await logOf(taxSteward, citizen.idNumber), 'after its own read and its system refused');
    });

    it("lets a provider department's steward read the logs of the subjects its data is about: public security every citizen's, market regulation every company's", async () => {
      expect((await readableLog(hub.keys.psbSteward.key, citizen.idNumber)).length).toBeGreaterThan(0);
      expect(await readableLog(hub.keys.psbSteward.key, stranger)).toEqual(expect.any(Array));
      expect(
        (await readableLog(amrSteward, company.uscc, 'LEGAL_ENTITY')).some((r) => r.operationName === 'Register'),
      ).toBe(true);
      // Providing one kind of subject opens nothing of the other.
      expectForbidden(await logOf(hub.keys.psbSteward.key, company.uscc, 'LEGAL_ENTITY'), 'public security, a company');
      expectForbidden(await logOf(amrSteward, citizen.idNumber), 'market regulation, a citizen');
    });

    it("lets the supervising department's steward read every log — and neither a hub-wide steward nor an admin", async () => {
      for (const [type, id] of [
        ['PERSON', citizen.idNumber],
        ['PERSON', stranger],
        ['LEGAL_ENTITY', company.uscc],
      ] as const) {
        expect((await logOf(hub.keys.supervisor.key, id, type)).errors, id).toBeUndefined();
        expectForbidden(await logOf(hub.keys.hubSteward.key, id, type), `hub-wide steward, ${id}`);
        expectForbidden(await logOf(hub.keys.admin.key, id, type), `admin, ${id}`);
      }
    });
  });

  describe('the other subjects of a record', () => {
    beforeAll(async () => {
      // One operation about two citizens, with the relative's ID in the purpose and as the case number.
      const read = await hub.graphql(
        `query Family($ids: [String!]!) { persons(idNumbers: $ids) { name } }`,
        { ids: [citizen.idNumber, relative.idNumber] },
        {},
        {
          key: hub.keys.humanResources.key,
          purpose: `核对${relative.idNumber}的参保关系`,
          caseNumber: relative.idNumber,
        },
      );
      expect(read.errors).toBeUndefined();
    });

    const familyRecord = async (key: string) => {
      const answer = await logOf(key, citizen.idNumber);
      expect(answer.errors).toBeUndefined();
      const record = answer.data!.accessLog.nodes.find((r) => r.operationName === 'Family');
      expect(record).toBeDefined();
      return { record: record!, text: JSON.stringify(answer) };
    };

    it("masks the other citizens' IDs — subjects, purpose, case number — for a reader whose department does not provide them in full", async () => {
      for (const [what, key] of [
        ['social insurance steward', hrssSteward],
        ['supervisor', hub.keys.supervisor.key],
      ] as const) {
        const { record, text } = await familyRecord(key);
        expect(record.subjects, what).toEqual(
          expect.arrayContaining([`PERSON:${citizen.idNumber}`, `PERSON:${masked(relative.idNumber)}`]),
        );
        expect(record.purpose, what).toBe(`核对${masked(relative.idNumber)}的参保关系`);
        expect(record.caseNumber, what).toBe(masked(relative.idNumber));
        expect(text, what).not.toContain(relative.idNumber);
      }
    });

    it('shows them in full to the steward of the department that provides citizen IDs in full', async () => {
      const { record } = await familyRecord(hub.keys.psbSteward.key);
      expect(record.subjects).toEqual(
        expect.arrayContaining([`PERSON:${citizen.idNumber}`, `PERSON:${relative.idNumber}`]),
      );
      expect(record.purpose).toBe(`核对${relative.idNumber}的参保关系`);
      expect(record.caseNumber).toBe(relative.idNumber);
    });

    it("masks the legal representative in a company's log, and leaves USCCs whole", async () => {
      const answer = await logOf(amrSteward, company.uscc, 'LEGAL_ENTITY');
      expect(answer.errors).toBeUndefined();
      const registered = answer.data!.accessLog.nodes.find((r) => r.operationName === 'Register')!;
      expect(registered.subjects).toEqual(
        expect.arrayContaining([`LEGAL_ENTITY:${company.uscc}`, `PERSON:${masked(relative.idNumber)}`]),
      );
      expect(JSON.stringify(answer)).not.toContain(relative.idNumber);
    });
  });

  describe('keys are issued and revoked by admins only', () => {
    it('refuses every steward the issuing of any key: the hub-wide steward cannot make itself a police system, nor read or write the population register', async () => {
      const attempts: Array<[string, string, Record<string, unknown>]> = [
        [
          'hub-wide steward, a police system key',
          hub.keys.hubSteward.key,
          { roles: ['SYSTEM'], systemCode: 'fs-psb-hukou', holderName: 'hub steward as hukou' },
        ],
        [
          'hub-wide steward, a police steward key',
          hub.keys.hubSteward.key,
          { roles: ['STEWARD'], departmentUscc: DEPARTMENTS.publicSecurity, holderName: 'hub steward as psb steward' },
        ],
        [
          "police steward, its own department's system",
          hub.keys.psbSteward.key,
          { roles: ['SYSTEM'], systemCode: 'fs-psb-idcard', holderName: 'psb steward as idcard' },
        ],
        [
          "police steward, its own department's steward",
          hub.keys.psbSteward.key,
          { roles: ['STEWARD'], departmentUscc: DEPARTMENTS.publicSecurity, holderName: 'psb steward again' },
        ],
      ];
      for (const [what, key, input] of attempts) {
        const result = await issue(input, key);
        expectForbidden(result, what);
      }
      const { rows } = await db.query(
        `SELECT id FROM catalog.api_key WHERE holder_name IN ('hub steward as hukou', 'hub steward as psb steward', 'psb steward as idcard', 'psb steward again')`,
      );
      expect(rows).toEqual([]);
      // With its own key the hub-wide steward reads no conditional population data and writes nothing.
      const phone = await hub.graphql(PHONE, { id: citizen.idNumber }, {}, as(hub.keys.hubSteward.key, '越权'));
      expect(phone.errors?.[0].extensions?.code).toBe('ACCESS_DENIED');
      expect(JSON.stringify(phone)).not.toContain(String(citizen.phone));
      const write = await hub.graphql(
        REGISTER_PERSON,
        { input: aPerson().build() },
        {},
        as(hub.keys.hubSteward.key, '越权'),
      );
      expect(write.errors?.[0].extensions?.code).toBe('WRITE_FORBIDDEN');
    });

    it('refuses every steward the revoking of a key, even of its own department', async () => {
      for (const [what, key, id] of [
        ["police steward, its department's system key", hub.keys.psbSteward.key, hub.keys.population.principal.keyId],
        ['hub-wide steward, a system key', hub.keys.hubSteward.key, hub.keys.tax.principal.keyId],
        ['police steward, its own key', hub.keys.psbSteward.key, hub.keys.psbSteward.principal.keyId],
      ] as const) {
        expectForbidden(await hub.graphql(REVOKE, { input: { id, reason: '越权撤销测试' } }, {}, as(key)), what);
      }
      const { rows } = await db.query(`SELECT id FROM catalog.api_key WHERE revoked_at IS NOT NULL`);
      expect(rows).toEqual([]);
      expect(
        (await hub.graphql(`{ departments { uscc } }`, {}, {}, as(hub.keys.population.key))).errors,
      ).toBeUndefined();
    });

    it("lets an admin issue and revoke, with no key both managing keys and stewarding data; a steward still lists its own department's keys", async () => {
      const issued = await issue(
        { roles: ['SYSTEM'], systemCode: 'fs-psb-idcard', holderName: '居民身份证管理系统' },
        hub.keys.admin.key,
      );
      expect(issued.errors).toBeUndefined();
      const revoked = await hub.graphql<{ revokeApiKey: { status: string } }>(
        REVOKE,
        { input: { id: issued.data!.issueApiKey.apiKey.id, reason: '测试结束' } },
        {},
        as(hub.keys.admin.key),
      );
      expect(revoked.data?.revokeApiKey.status).toBe('REVOKED');
      const mixed = await issue(
        { roles: ['ADMIN', 'STEWARD'], departmentUscc: DEPARTMENTS.dataBureau },
        hub.keys.admin.key,
      );
      expect(mixed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ROLES_INCOMPATIBLE' });
      const listed = await hub.graphql<{ apiKeys: Array<{ departmentUscc: string | null }> }>(
        KEYS,
        {},
        {},
        as(hub.keys.psbSteward.key),
      );
      expect(listed.errors).toBeUndefined();
      expect(new Set(listed.data!.apiKeys.map((k) => k.departmentUscc))).toEqual(new Set([DEPARTMENTS.publicSecurity]));
      // An admin key names no department: it would read as that department's provider otherwise.
      const departmental = await issue(
        { roles: ['ADMIN'], departmentUscc: DEPARTMENTS.publicSecurity },
        hub.keys.admin.key,
      );
      expect(departmental.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_ALLOWED' });
    });

    it('lets an admin, who manages keys, read no more than unconditional data, masked', async () => {
      const read = await hub.graphql<{ person: { idNumber: string; name: string } }>(
        `query($id: String!) { person(idNumber: $id) { idNumber name } }`,
        { id: citizen.idNumber },
        {},
        as(hub.keys.admin.key, '管理员查看'),
      );
      expect(read.data?.person).toEqual({
        idNumber: masked(citizen.idNumber),
        name: expect.not.stringContaining(citizen.name.slice(1)),
      });
      const phone = await hub.graphql(PHONE, { id: citizen.idNumber }, {}, as(hub.keys.admin.key, '管理员查看'));
      expect(phone.errors?.[0].extensions?.code).toBe('ACCESS_DENIED');
    });
  });

  describe('a purpose needs visible text', () => {
    const refusedPurposes: Array<[string, string, string]> = [
      ['only zero-width spaces', '\u200B\u200B\u200B', 'INVISIBLE_CHARACTERS'],
      ['only soft hyphen, word joiner, BOM', '\u00AD\u2060\uFEFF', 'INVISIBLE_CHARACTERS'],
      ['only bidi controls', '\u2066\u202E\u2069', 'BIDI_CONTROL'],
      ['text with a right-to-left override', '核验\u202E份身', 'BIDI_CONTROL'],
      ['an embedded NUL', '核验\u0000身份', 'CONTROL_CHARACTERS'],
      ['an embedded line break', '核验\n伪造的第二行', 'CONTROL_CHARACTERS'],
      ['only combining marks', '\u0301\u0301', 'NO_VISIBLE_TEXT'],
      ['a private-use character', '\uE000核验', 'PRIVATE_USE'],
      ['too long once normalised', '㈱'.repeat(70), 'TOO_LONG'],
    ];

    it('refuses a purpose of invisible, control or direction characters with PURPOSE_INVALID and its reason, and serves nothing', async () => {
      for (const [what, purpose, reason] of refusedPurposes) {
        const response = await hub.graphqlResponse(PHONE, { id: citizen.idNumber }, {}, { purpose });
        expect(response.status, what).toBe(400);
        const text = await response.text();
        expect(text, what).not.toContain(String(citizen.phone));
        const body = JSON.parse(text) as GraphQLResponse;
        expect(body.data ?? null, what).toBeNull();
        expect(body.errors?.[0].extensions, what).toMatchObject({ code: 'PURPOSE_INVALID', reason, field: 'purpose' });
      }
      // The same through the header.
      const header = await hub.graphqlResponse(
        PHONE,
        { id: citizen.idNumber },
        { 'x-hub-purpose': '%E2%80%8B%E2%80%8B' },
        { purpose: null },
      );
      expect(header.status).toBe(400);
      expect(((await header.json()) as GraphQLResponse).errors?.[0].extensions).toMatchObject({
        code: 'PURPOSE_INVALID',
        reason: 'INVISIBLE_CHARACTERS',
      });
      // A case number of a Hangul filler (a letter that shows nothing) is no case number.
      const filler = await hub.graphql(PHONE, { id: citizen.idNumber }, {}, { caseNumber: '\u3164\u3164' });
      expect(filler.errors?.[0].extensions).toMatchObject({ code: 'PURPOSE_INVALID', field: 'caseNumber' });
    });

    it('records fullwidth and compatibility text NFKC-normalised', async () => {
      const read = await hub.graphql(
        `query Normalised($id: String!) { person(idNumber: $id) { phone } }`,
        { id: citizen.idNumber },
        {},
        { purpose: '　ＨＲ　核验（测试）①', caseNumber: 'ＦＳ－２０２６－０１' },
      );
      expect(read.errors).toBeUndefined();
      const log = await readableLog(hub.keys.supervisor.key, citizen.idNumber);
      expect(log.find((r) => r.operationName === 'Normalised')).toMatchObject({
        purpose: 'HR 核验(测试)1',
        caseNumber: 'FS-2026-01',
        outcome: 'ALLOWED',
      });
    });

    it("holds the once-only app's reads to the same rule: its caller's purpose arrives normalised, and an invisible one never gets there", async () => {
      const REUSE = `query OnceOnlyAsks($item: String!, $subject: String!) { reuseFor(serviceItem: $item, subject: $subject) { toBring { no } } }`;
      const variables = { item: 'FS-AMR-GTDJ-001', subject: citizen.idNumber };
      const invisible = await hub.graphqlResponse(
        REUSE,
        variables,
        {},
        { key: hub.keys.window.key, purpose: '\u200B\u2060' },
      );
      expect(invisible.status).toBe(400);
      expect(((await invisible.json()) as GraphQLResponse).errors?.[0].extensions).toMatchObject({
        code: 'PURPOSE_INVALID',
        reason: 'INVISIBLE_CHARACTERS',
      });
      const answer = await hub.graphql(
        REUSE,
        variables,
        {},
        { key: hub.keys.window.key, purpose: '个体工商户登记（全角）', caseNumber: 'ＦＳ－ＧＴ－１' },
      );
      expect(answer.errors).toBeUndefined();
      const log = await hub.eventually(async () => {
        const records = (await readableLog(hub.keys.supervisor.key, citizen.idNumber)).filter(
          (r) => r.caseNumber === 'FS-GT-1',
        );
        // The app's own operation, and its read of the population library back through the gateway.
        expect(records.length).toBeGreaterThanOrEqual(2);
        return records;
      });
      for (const record of log)
        expect(record).toMatchObject({
          systemCode: 'fs-cc-one-window',
          purpose: '个体工商户登记(全角)',
          outcome: 'ALLOWED',
        });
      expect(log.some((r) => r.operationName === 'OnceOnlyAsks')).toBe(true);
      expect(log.some((r) => r.operationName !== 'OnceOnlyAsks')).toBe(true);
    });
  });
});
