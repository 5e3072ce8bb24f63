// Attacks on the fields and routes added in the last rounds (supervision counts 督办, paged lists,
// the access log's seal, change impact, accepting corrections, working days left, catalog ordering,
// credit profiles, console sessions), one table per class of attack: a new field is attacked by
// adding a row. Each row says who must be refused, what must come back masked, which argument must
// not answer differently for a right and a wrong guess, and which page sizes are refused.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders, type Principal } from '@hub/auth';
import { chinaDate, generateCitizenId, seededRandom } from '@hub/identifiers';
import { RECORD_CREDIT, REGISTER, REGISTER_PERSON, aCreditRecord, aLegalEntity, aPerson } from '../support/fixtures.js';
import { addDays } from '../support/days.js';
import { DEPARTMENTS } from '../support/test-access.js';
import { TestHub, type GraphQLResponse } from '../support/test-hub.js';

const BUDGET = 5;
/** The catalog's masks: CITIZEN_ID / SUBJECT_ID keep the first 6 and the last 4; REDACT hides all. */
const maskedId = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;
const REDACTED = '******';

const PSB_RESOURCE = '101003001/000001'; // 人口联系方式与婚姻状况: conditional, public security
const AMR_RESOURCE = '102002001/000001'; // 法定代表人信息: conditional, market regulation

const CORRECTION_FIELDS =
  'id subjectId evidence reportedValue proposedValue reason resolutionReason correctedValue sourceDepartment workingDaysLeft status';
const Q = {
  impact: `query Impact($code: String!) { catalogChangeImpact(code: $code, change: RETIRE) { code grants { grantId consumerSystemCode consumerSystemName consumerDepartmentName lostItems } } }`,
  seal: `query Seal { accessLogSeal { no headSeq headHash time instance reason } }`,
  grantPage: `query GrantPage($filter: SharingGrantFilter, $first: Int!) { sharingGrantPage(filter: $filter, first: $first) { nodes { id resourceCode consumerSystemCode providerUscc purpose } pageInfo { hasNextPage } } }`,
  keyPage: `query KeyPage($filter: ApiKeyFilter, $first: Int!) { apiKeyPage(filter: $filter, first: $first) { nodes { id departmentUscc systemCode holderName } pageInfo { hasNextPage } } }`,
  applicationCounts: `query AppCounts { overdueSharingApplicationCounts { departmentUscc count earliestDeadline } }`,
  overdueApplications: `query OverdueApps($first: Int!) { overdueSharingApplications(first: $first) { nodes { id providerUscc purpose workingDaysLeft } } }`,
  correctionCounts: `query CorrectionCounts { overdueDataCorrectionCounts { departmentUscc count earliestDeadline } }`,
  overdueCorrections: `query OverdueCorrections($first: Int!) { overdueDataCorrections(first: $first) { nodes { ${CORRECTION_FIELDS} } } }`,
  corrections: `query Corrections($role: DataCorrectionRole!, $status: DataCorrectionStatus, $first: Int!) { dataCorrections(role: $role, status: $status, first: $first) { nodes { ${CORRECTION_FIELDS} } } }`,
  correction: `query Correction($id: ID!) { dataCorrection(id: $id) { ${CORRECTION_FIELDS} } }`,
  application: `query Application($id: ID!) { sharingApplication(id: $id) { id workingDaysLeft overdue purpose } }`,
  accept: `mutation Accept($input: AcceptDataCorrectionInput!) { acceptDataCorrection(input: $input) { ${CORRECTION_FIELDS} } }`,
  search: `query Search($orderBy: CatalogOrderBy, $first: Int!, $after: String) { searchCatalog(orderBy: $orderBy, first: $first, after: $after) { nodes { code name } pageInfo { endCursor hasNextPage } } }`,
  credit: `query Credit($t: CreditSubjectType!, $id: String!) { creditProfile(subjectType: $t, subjectId: $id) { penalties { recordId subjectId subjectName content statusReason } } }`,
  assessment: `query Assessment($id: String!) { creditProfile(subjectType: PERSON, subjectId: $id) { assessment { level reasons { code } } } }`,
  accessLog: `query Log($id: String!, $first: Int!) { accessLog(subjectType: PERSON, subjectId: $id, first: $first) { nodes { seq } } }`,
};

type Keys =
  | 'tax'
  | 'window'
  | 'humanResources'
  | 'psbSteward'
  | 'supervisor'
  | 'hubSteward'
  | 'admin'
  | 'population'
  | 'amrSteward'
  | 'hrSteward';

describe('attacks on the recent surfaces', () => {
  let hub: TestHub;
  let db: pg.Client;
  const keys = {} as Record<Keys, { key: string; principal: Principal }>;
  const today = chinaDate(new Date());
  /** A citizen whose ID ends in X, so that a lower-case spelling of it is another string. */
  const person = (() => {
    for (;;) {
      const candidate = aPerson().build() as Record<string, unknown> & { idNumber: string; name: string };
      if (candidate.idNumber.endsWith('X')) return candidate;
    }
  })();
  const company = aLegalEntity().build() as unknown as Record<string, unknown> & { uscc: string; name: string };
  /** A valid citizen ID nobody registered. */
  const stranger = generateCitizenId(seededRandom(4242), { areaCode: '440604', birthDate: '1991-02-03' });
  const ids = {
    hrApplication: '',
    taxApplication: '',
    grant: '',
    personCorrection: '',
    companyCorrection: '',
    material: '',
  };
  /** What the tax system wrote into its report: a full name and the full citizen ID. */
  const secretReason = () => `户籍姓名应为${person.name}，身份号码${person.idNumber}`;

  const as = (who: Keys, purpose: string | null = null) => ({ key: keys[who].key, purpose });
  const gql = <T = Record<string, unknown>>(
    who: Keys,
    query: string,
    variables: Record<string, unknown> = {},
    purpose: string | null = null,
  ) => hub.graphql<T>(query, variables, {}, as(who, purpose));
  const codeOf = (answer: GraphQLResponse) => answer.errors?.[0]?.extensions?.code;
  /** No data at all, or only nulls where the refused (nullable) root fields would be. */
  const noData = (answer: GraphQLResponse) =>
    answer.data == null || Object.values(answer.data).every((v) => v === null);

  beforeAll(async () => {
    hub = await TestHub.start({ env: { LOOKUP_MISS_BUDGET: String(BUDGET) } });
    db = new pg.Client({ connectionString: hub.database.url });
    await db.connect();
    for (const k of [
      'tax',
      'window',
      'humanResources',
      'psbSteward',
      'supervisor',
      'hubSteward',
      'admin',
      'population',
    ] as const)
      keys[k] = hub.keys[k];
    for (const [name, departmentUscc] of [
      ['amrSteward', DEPARTMENTS.marketRegulation],
      ['hrSteward', DEPARTMENTS.humanResources],
    ] as const) {
      const issued = await hub.graphql<{ issueApiKey: { key: string; apiKey: { id: string } } }>(
        `mutation Issue($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key apiKey { id } } }`,
        { input: { roles: ['STEWARD'], departmentUscc, holderName: `attack ${name}` } },
        {},
        { key: hub.keys.admin.key },
      );
      expect(issued.errors).toBeUndefined();
      keys[name] = {
        key: issued.data!.issueApiKey.key,
        principal: {
          keyId: issued.data!.issueApiKey.apiKey.id,
          roles: ['STEWARD'] as Principal['roles'],
          departmentUscc,
          systemCode: null,
          name,
        },
      };
    }
    await hub.eventually(async () => {
      for (const k of ['amrSteward', 'hrSteward'] as const)
        expect((await gql(k, `{ departments { uscc } }`)).errors).toBeUndefined();
    });

    expect((await hub.graphql(REGISTER_PERSON, { input: person })).errors).toBeUndefined();
    expect((await hub.graphql(REGISTER, { input: company })).errors).toBeUndefined();
    const penalty = aCreditRecord('PENALTY', { idNumber: person.idNumber })
      .with({ subjectName: person.name, content: `${person.name}无证经营`, statusReason: `${person.name}已缴清罚款` })
      .build();
    expect((await hub.graphql(RECORD_CREDIT, { input: penalty })).errors).toBeUndefined();

    // Applications: social insurance to public security, tax to market regulation — both overdue;
    // the one-window system's application to public security approved (a grant on PSB's resource).
    const period = {
      requestedFrom: today,
      requestedTo: addDays(today, 365),
      legalBasis: '测试依据',
      fullValues: false,
    };
    const apply = async (who: Keys, resourceCode: string, items: number[], purpose: string) => {
      const applied = await gql<{ applyForSharing: { id: string } }>(
        who,
        `mutation Apply($input: ApplyForSharingInput!) { applyForSharing(input: $input) { id } }`,
        { input: { resourceCode, items, purpose, ...period } },
      );
      expect(applied.errors).toBeUndefined();
      return applied.data!.applyForSharing.id;
    };
    ids.hrApplication = await apply('humanResources', PSB_RESOURCE, [1], '社保待遇资格核验（人社内部用途说明）');
    ids.taxApplication = await apply('tax', AMR_RESOURCE, [1], '税务稽查（税务内部用途说明）');
    const windowApplication = await apply('window', PSB_RESOURCE, [2], '一窗受理婚姻状况核验');
    const approved = await gql<{ approveSharingApplication: { grantId: string } }>(
      'psbSteward',
      `mutation Approve($input: ApproveSharingInput!) { approveSharingApplication(input: $input) { grantId } }`,
      { input: { applicationId: windowApplication } },
    );
    expect(approved.errors).toBeUndefined();
    ids.grant = approved.data!.approveSharingApplication.grantId;
    await db.query(`UPDATE catalog.sharing_application SET deadline = $2 WHERE id = ANY($1)`, [
      [ids.hrApplication, ids.taxApplication],
      addDays(today, -9),
    ]);

    // Corrections: the tax system about the person (routed to public security), the one-window
    // system about the company (routed to market regulation) — both overdue.
    const report = async (who: Keys, input: Record<string, unknown>) => {
      const reported = await gql<{ reportDataCorrection: { id: string } }>(
        who,
        `mutation Report($input: ReportDataCorrectionInput!) { reportDataCorrection(input: $input) { id } }`,
        { input },
        '核验纠错',
      );
      expect(reported.errors).toBeUndefined();
      return reported.data!.reportDataCorrection.id;
    };
    // The tax system's evidence: a material in the person's archive (once the once-only app knows the person).
    ids.material = await hub.eventually(async () => {
      const filed = await gql<{ fileMaterial: { id: string } }>(
        'tax',
        `mutation File($input: FileMaterialInput!) { fileMaterial(input: $input) { id } }`,
        {
          input: {
            subject: person.idNumber,
            kind: 'MATERIAL',
            materialType: 'RELATIONSHIP_PROOF',
            title: '亲属关系证明',
            issuedOn: '2020-01-01',
          },
        },
      );
      expect(filed.errors).toBeUndefined();
      return filed.data!.fileMaterial.id;
    }, 30_000);
    ids.personCorrection = await report('tax', {
      subject: person.idNumber,
      field: 'Person.name',
      reportedValue: person.name,
      proposedValue: `${person.name}甲`,
      reason: secretReason(),
      evidence: [ids.material],
    });
    ids.companyCorrection = await report('window', {
      subject: company.uscc,
      field: 'LegalEntity.name',
      reportedValue: company.name,
      proposedValue: `${company.name}（新）`,
      reason: '名称与营业执照不一致',
    });
    await db.query(`UPDATE once_only.data_correction SET deadline = $2 WHERE id = ANY($1)`, [
      [ids.personCorrection, ids.companyCorrection],
      addDays(today, -6),
    ]);
  }, 240_000);
  afterAll(async () => {
    await db?.end();
    await hub?.close();
  });

  /** Values of other departments the rows below must never show to the wrong caller. */
  const foreign = () => [
    ids.hrApplication,
    ids.taxApplication,
    ids.personCorrection,
    ids.companyCorrection,
    ids.grant,
    '社保待遇资格核验',
    '税务稽查',
    person.idNumber,
    person.name,
  ];

  // ---------------------------------------------------------------------------------------------
  // (1) Below the gateway: every new field, straight to the app that owns it.
  // ---------------------------------------------------------------------------------------------
  /** app, operation, variables, and a caller whose role the app itself refuses even when the gateway signed it. */
  const BELOW: Array<{
    field: string;
    app: string;
    query: () => string;
    variables: () => Record<string, unknown>;
    refusedEvenSigned?: Keys;
  }> = [
    {
      field: 'catalogChangeImpact',
      app: 'catalog',
      query: () => Q.impact,
      variables: () => ({ code: PSB_RESOURCE }),
      refusedEvenSigned: 'tax',
    },
    { field: 'accessLogSeal', app: 'catalog', query: () => Q.seal, variables: () => ({}), refusedEvenSigned: 'tax' },
    { field: 'sharingGrantPage', app: 'catalog', query: () => Q.grantPage, variables: () => ({ first: 100 }) },
    {
      field: 'apiKeyPage',
      app: 'catalog',
      query: () => Q.keyPage,
      variables: () => ({ first: 100 }),
      refusedEvenSigned: 'tax',
    },
    {
      field: 'overdueSharingApplicationCounts',
      app: 'catalog',
      query: () => Q.applicationCounts,
      variables: () => ({}),
      refusedEvenSigned: 'tax',
    },
    {
      field: 'overdueSharingApplications',
      app: 'catalog',
      query: () => Q.overdueApplications,
      variables: () => ({ first: 100 }),
      refusedEvenSigned: 'tax',
    },
    {
      field: 'sharingApplication.workingDaysLeft',
      app: 'catalog',
      query: () => Q.application,
      variables: () => ({ id: ids.hrApplication }),
    },
    {
      field: 'searchCatalog(orderBy)',
      app: 'catalog',
      query: () => Q.search,
      variables: () => ({ orderBy: { field: 'NAME', direction: 'DESC' }, first: 5 }),
    },
    {
      field: 'overdueDataCorrectionCounts',
      app: 'once-only',
      query: () => Q.correctionCounts,
      variables: () => ({}),
      refusedEvenSigned: 'tax',
    },
    {
      field: 'overdueDataCorrections',
      app: 'once-only',
      query: () => Q.overdueCorrections,
      variables: () => ({ first: 100 }),
      refusedEvenSigned: 'tax',
    },
    {
      field: 'dataCorrection.workingDaysLeft',
      app: 'once-only',
      query: () => Q.correction,
      variables: () => ({ id: ids.personCorrection }),
    },
    {
      field: 'acceptDataCorrection',
      app: 'once-only',
      query: () => Q.accept,
      variables: () => ({ input: { id: ids.personCorrection, note: '受理' } }),
    },
    {
      field: 'creditProfile(subjectType, subjectId)',
      app: 'credit',
      query: () => Q.credit,
      variables: () => ({ t: 'PERSON', id: person.idNumber }),
    },
  ];

  describe('(1) below the gateway', () => {
    const post = (app: string, body: string, headers: Record<string, string>) =>
      fetch(`${hub.subgraphUrls[app]}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });

    it.each(BELOW.map((row) => [row.field, row] as const))(
      '%s: refused without the gateway’s signature, and with one made with another secret',
      async (_field, row) => {
        const body = JSON.stringify({ query: row.query(), variables: row.variables() });
        const unsigned = await post(row.app, body, {});
        const unsignedText = await unsigned.text();
        expect(unsigned.status, unsignedText).toBe(401);
        expect(JSON.parse(unsignedText)).toMatchObject({
          errors: [{ extensions: { code: 'ACCESS_SIGNATURE_MISSING' } }],
        });
        const forged = signedHeaders(
          { principal: hub.keys.admin.principal, issuer: 'gateway', purpose: null, caseNumber: null },
          row.app,
          { method: 'POST', url: '/graphql', body },
          'an-attacker-guessed-secret-of-64-chars-000000000000000000000000',
        );
        const refused = await post(row.app, body, forged);
        const refusedText = await refused.text();
        expect(refused.status, refusedText).toBe(401);
        expect(JSON.parse(refusedText)).toMatchObject({
          errors: [{ extensions: { code: 'ACCESS_SIGNATURE_INVALID' } }],
        });
        for (const text of [unsignedText, refusedText])
          for (const value of foreign()) expect(text).not.toContain(value);
      },
    );

    it.each(BELOW.filter((row) => row.refusedEvenSigned).map((row) => [row.field, row] as const))(
      '%s: the app refuses a caller without the role even when the gateway signed it (its decision checked again)',
      async (_field, row) => {
        const answer = await hub.subgraphGraphql(
          row.app,
          row.query(),
          row.variables(),
          keys[row.refusedEvenSigned!].principal,
        );
        const text = await answer.text();
        const body = JSON.parse(text) as GraphQLResponse;
        expect(noData(body), text).toBe(true);
        expect(codeOf(body), text).toBe('FORBIDDEN');
        for (const value of foreign()) expect(text).not.toContain(value);
      },
    );

    it('acceptDataCorrection: nothing was accepted by the refused attempts', async () => {
      const { rows } = await db.query(`SELECT status FROM once_only.data_correction WHERE id = $1`, [
        ids.personCorrection,
      ]);
      expect(rows).toEqual([{ status: 'ROUTED' }]);
    });
  });

  // ---------------------------------------------------------------------------------------------
  // (2) The wrong caller through the gateway: refused, or an answer with nothing of others.
  // ---------------------------------------------------------------------------------------------
  type Check = (data: Record<string, unknown>) => void;
  const WRONG_CALLER: Array<[string, Keys, () => string, () => Record<string, unknown>, 'FORBIDDEN' | Check]> = [
    [
      'catalogChangeImpact: another department’s steward',
      'amrSteward',
      () => Q.impact,
      () => ({ code: PSB_RESOURCE }),
      'FORBIDDEN',
    ],
    ['catalogChangeImpact: a department system', 'window', () => Q.impact, () => ({ code: PSB_RESOURCE }), 'FORBIDDEN'],
    [
      'catalogChangeImpact: the supervising department’s steward (supervises, does not steward PSB’s resources)',
      'supervisor',
      () => Q.impact,
      () => ({ code: PSB_RESOURCE }),
      'FORBIDDEN',
    ],
    ['accessLogSeal: a department system', 'tax', () => Q.seal, () => ({}), 'FORBIDDEN'],
    ['apiKeyPage: a department system', 'tax', () => Q.keyPage, () => ({ first: 100 }), 'FORBIDDEN'],
    [
      'apiKeyPage: another department’s steward sees its own department’s keys only',
      'amrSteward',
      () => Q.keyPage,
      () => ({ first: 100 }),
      (data) =>
        expect(
          new Set((data.apiKeyPage as { nodes: Array<{ departmentUscc: string }> }).nodes.map((k) => k.departmentUscc)),
        ).toEqual(new Set([DEPARTMENTS.marketRegulation])),
    ],
    [
      'apiKeyPage: a steward filtering by another department gets nothing',
      'amrSteward',
      () => Q.keyPage,
      () => ({ first: 100, filter: { departmentUscc: DEPARTMENTS.publicSecurity } }),
      (data) => expect(data.apiKeyPage).toMatchObject({ nodes: [] }),
    ],
    [
      'sharingGrantPage: another department’s steward sees none of PSB’s grants',
      'amrSteward',
      () => Q.grantPage,
      () => ({ first: 100 }),
      (data) =>
        expect(
          (data.sharingGrantPage as { nodes: Array<{ providerUscc: string }> }).nodes.every(
            (g) => g.providerUscc === DEPARTMENTS.marketRegulation,
          ),
        ).toBe(true),
    ],
    [
      'sharingGrantPage: a system sees its own grants only, whatever it filters by',
      'tax',
      () => Q.grantPage,
      () => ({ first: 100, filter: { systemCode: 'fs-cc-one-window' } }),
      (data) => expect(data.sharingGrantPage).toMatchObject({ nodes: [] }),
    ],
    [
      'overdueSharingApplicationCounts: a department system',
      'window',
      () => Q.applicationCounts,
      () => ({}),
      'FORBIDDEN',
    ],
    [
      'overdueSharingApplicationCounts: a department steward counts its own department only (no count of others’)',
      'hrSteward',
      () => Q.applicationCounts,
      () => ({}),
      (data) => expect(data.overdueSharingApplicationCounts).toEqual([]),
    ],
    [
      'overdueSharingApplicationCounts: market regulation’s steward sees its own overdue count, not public security’s',
      'amrSteward',
      () => Q.applicationCounts,
      () => ({}),
      (data) =>
        expect(data.overdueSharingApplicationCounts).toEqual([
          { departmentUscc: DEPARTMENTS.marketRegulation, count: 1, earliestDeadline: addDays(today, -9) },
        ]),
    ],
    [
      'overdueSharingApplications: a department system',
      'humanResources',
      () => Q.overdueApplications,
      () => ({ first: 100 }),
      'FORBIDDEN',
    ],
    [
      'overdueSharingApplications: a consumer department’s steward sees none of the applications it made to others (decides none)',
      'hrSteward',
      () => Q.overdueApplications,
      () => ({ first: 100 }),
      (data) => expect(data.overdueSharingApplications).toMatchObject({ nodes: [] }),
    ],
    [
      'sharingApplication.workingDaysLeft: another department’s steward',
      'amrSteward',
      () => Q.application,
      () => ({ id: ids.hrApplication }),
      (data) => expect(data.sharingApplication).toBeNull(),
    ],
    [
      'sharingApplication.workingDaysLeft: another system',
      'tax',
      () => Q.application,
      () => ({ id: ids.hrApplication }),
      (data) => expect(data.sharingApplication).toBeNull(),
    ],
    ['overdueDataCorrectionCounts: a department system', 'tax', () => Q.correctionCounts, () => ({}), 'FORBIDDEN'],
    [
      'overdueDataCorrectionCounts: a department steward with none overdue counts nothing, of nobody',
      'hrSteward',
      () => Q.correctionCounts,
      () => ({}),
      (data) => expect(data.overdueDataCorrectionCounts).toEqual([]),
    ],
    [
      'overdueDataCorrectionCounts: market regulation’s steward counts its own, not public security’s',
      'amrSteward',
      () => Q.correctionCounts,
      () => ({}),
      (data) =>
        expect(data.overdueDataCorrectionCounts).toEqual([
          { departmentUscc: DEPARTMENTS.marketRegulation, count: 1, earliestDeadline: addDays(today, -6) },
        ]),
    ],
    [
      'overdueDataCorrections: a department system',
      'window',
      () => Q.overdueCorrections,
      () => ({ first: 100 }),
      'FORBIDDEN',
    ],
    [
      'overdueDataCorrections: a department steward sees none of another source department’s',
      'amrSteward',
      () => Q.overdueCorrections,
      () => ({ first: 100 }),
      (data) =>
        expect((data.overdueDataCorrections as { nodes: Array<{ id: string }> }).nodes.map((n) => n.id)).toEqual([
          ids.companyCorrection,
        ]),
    ],
    [
      'dataCorrection.workingDaysLeft: a department neither reporting nor answering it (system)',
      'humanResources',
      () => Q.correction,
      () => ({ id: ids.personCorrection }),
      'FORBIDDEN',
    ],
    [
      'dataCorrection.workingDaysLeft: a department neither reporting nor answering it (steward)',
      'amrSteward',
      () => Q.correction,
      () => ({ id: ids.personCorrection }),
      'FORBIDDEN',
    ],
    [
      'dataCorrection.workingDaysLeft: the supervising department’s steward (the list, not the report)',
      'supervisor',
      () => Q.correction,
      () => ({ id: ids.personCorrection }),
      'FORBIDDEN',
    ],
    [
      'dataCorrections(status): a department filtering by status sees its own only',
      'hrSteward',
      () => Q.corrections,
      () => ({ role: 'TO_ANSWER', status: 'ROUTED', first: 100 }),
      (data) => expect(data.dataCorrections).toMatchObject({ nodes: [] }),
    ],
    [
      'acceptDataCorrection: another department’s system',
      'window',
      () => Q.accept,
      () => ({ input: { id: ids.personCorrection, note: '越权受理' } }),
      'FORBIDDEN',
    ],
    [
      'acceptDataCorrection: another department’s steward',
      'amrSteward',
      () => Q.accept,
      () => ({ input: { id: ids.personCorrection, note: '越权受理' } }),
      'FORBIDDEN',
    ],
    [
      'acceptDataCorrection: the reporter (it does not answer its own report)',
      'tax',
      () => Q.accept,
      () => ({ input: { id: ids.personCorrection, note: '自己受理' } }),
      'FORBIDDEN',
    ],
    [
      'acceptDataCorrection: the supervising department’s steward (supervises, answers none)',
      'supervisor',
      () => Q.accept,
      () => ({ input: { id: ids.personCorrection, note: '督办代为受理' } }),
      'FORBIDDEN',
    ],
    [
      'creditProfile: the assessment of a person to a system without a grant for it',
      'tax',
      () => Q.assessment,
      () => ({ id: person.idNumber }),
      'FORBIDDEN',
    ],
  ];

  describe('(2) the wrong caller', () => {
    it.each(WRONG_CALLER)('%s', async (_what, who, query, variables, expected) => {
      const answer = await gql(who, query(), variables(), '核验');
      const text = JSON.stringify(answer);
      if (expected === 'FORBIDDEN') {
        expect(noData(answer), text).toBe(true);
        expect(['FORBIDDEN', 'ACCESS_DENIED'], text).toContain(codeOf(answer));
      } else {
        expect(answer.errors, text).toBeUndefined();
        expected(answer.data!);
      }
      // Nothing of the other departments' applications, reports, people or reasons, refused or not.
      const own =
        who === 'amrSteward' ? [ids.taxApplication, ids.companyCorrection] : who === 'tax' ? [ids.taxApplication] : [];
      for (const value of foreign().filter((v) => !own.includes(v)))
        expect(text, `${value} in ${text}`).not.toContain(value);
    });

    it('leaves the report open after every refused acceptance', async () => {
      const { rows } = await db.query(`SELECT status, resolution_reason FROM once_only.data_correction WHERE id = $1`, [
        ids.personCorrection,
      ]);
      expect(rows).toEqual([{ status: 'ROUTED', resolution_reason: null }]);
    });
  });

  // ---------------------------------------------------------------------------------------------
  // (3) Masked readers: every personal value reachable through a new field, masked by its rule.
  // ---------------------------------------------------------------------------------------------
  interface CorrectionView {
    id: string;
    subjectId: string;
    evidence: string[];
    reportedValue: string | null;
    proposedValue: string | null;
    reason: string;
    resolutionReason: string | null;
  }
  const expectCorrectionMasked = (view: CorrectionView | undefined, what: string) => {
    expect(view, what).toBeDefined();
    expect(view, what).toMatchObject({
      subjectId: maskedId(person.idNumber),
      reportedValue: REDACTED,
      proposedValue: REDACTED,
      reason: REDACTED,
    });
  };
  const MASKED: Array<
    [string, Keys, () => string, () => Record<string, unknown>, (data: Record<string, unknown>) => void]
  > = [
    [
      'overdueDataCorrections: the supervising department’s steward reads other departments’ reports as an overseer, masked',
      'supervisor',
      () => Q.overdueCorrections,
      () => ({ first: 100 }),
      (data) => {
        const nodes = (data.overdueDataCorrections as { nodes: CorrectionView[] }).nodes;
        expect(nodes.map((n) => n.id).sort()).toEqual([ids.personCorrection, ids.companyCorrection].sort());
        const overseen = nodes.find((n) => n.id === ids.personCorrection);
        expectCorrectionMasked(overseen, 'supervisor');
        // Nor a reference to follow: material(id) would name the subject in full to the archive's provider.
        expect(overseen!.evidence).toEqual([]);
        const company = nodes.find((n) => n.id === ids.companyCorrection)!;
        // A USCC is public (SUBJECT_ID keeps it whole); what the reporter wrote is not.
        expect(company).toMatchObject({
          subjectId: expect.stringMatching(/^[0-9A-Z]{18}$/),
          proposedValue: REDACTED,
          reason: REDACTED,
        });
      },
    ],
    [
      'overdueDataCorrections: a hub-wide steward',
      'hubSteward',
      () => Q.overdueCorrections,
      () => ({ first: 100 }),
      (data) =>
        expectCorrectionMasked(
          (data.overdueDataCorrections as { nodes: CorrectionView[] }).nodes.find((n) => n.id === ids.personCorrection),
          'hub-wide steward',
        ),
    ],
    [
      'overdueDataCorrections: the source department’s steward',
      'psbSteward',
      () => Q.overdueCorrections,
      () => ({ first: 100 }),
      (data) => {
        const view = (data.overdueDataCorrections as { nodes: CorrectionView[] }).nodes.find(
          (n) => n.id === ids.personCorrection,
        );
        expectCorrectionMasked(view, 'psb steward');
        // The party answering it keeps its evidence (what the supervisor's view leaves out exists).
        expect(view!.evidence).toEqual([ids.material]);
      },
    ],
    [
      'dataCorrections: the source department’s steward, to answer',
      'psbSteward',
      () => Q.corrections,
      () => ({ role: 'TO_ANSWER', first: 100 }),
      (data) =>
        expectCorrectionMasked(
          (data.dataCorrections as { nodes: CorrectionView[] }).nodes.find((n) => n.id === ids.personCorrection),
          'psb steward',
        ),
    ],
    [
      'dataCorrection.workingDaysLeft: an admin',
      'admin',
      () => Q.correction,
      () => ({ id: ids.personCorrection }),
      (data) => expectCorrectionMasked(data.dataCorrection as CorrectionView, 'admin'),
    ],
    [
      'creditProfile(PERSON, id): a system without full values',
      'tax',
      () => Q.credit,
      () => ({ t: 'PERSON', id: person.idNumber }),
      (data) => {
        const profile = data.creditProfile as { subjectId: string; penalties: Array<Record<string, string>> };
        expect(profile.penalties).toHaveLength(1);
        expect(profile.penalties[0]).toMatchObject({
          subjectId: maskedId(person.idNumber),
          content: REDACTED,
          statusReason: REDACTED,
        });
        expect(profile.penalties[0].subjectName).not.toBe(person.name);
        expect(profile.penalties[0].subjectName.startsWith(person.name.slice(0, 1))).toBe(true);
      },
    ],
    [
      'creditProfile(PERSON, id) with the ID in lower case: no other spelling unmasks it',
      'window',
      () => Q.credit,
      () => ({ t: 'PERSON', id: person.idNumber.toLowerCase() }),
      (data) => {
        expect(person.idNumber.toLowerCase()).not.toBe(person.idNumber);
        const profile = data.creditProfile as { penalties: Array<Record<string, string>> };
        for (const p of profile.penalties)
          expect(p).toMatchObject({ subjectId: maskedId(person.idNumber), content: REDACTED });
      },
    ],
    [
      'creditProfile(LEGAL_ENTITY, a citizen ID): the selector cannot switch to the unmasked legal-entity item and read a person’s records',
      'tax',
      () => Q.credit,
      () => ({ t: 'LEGAL_ENTITY', id: person.idNumber }),
      (data) => expect((data.creditProfile as { penalties: unknown[] }).penalties).toEqual([]),
    ],
  ];

  describe('(3) masked readers', () => {
    it('(the supervisor reads the person’s name and ID masked from the population register itself: a report must not unmask them)', async () => {
      const read = await gql<{ person: { idNumber: string; name: string } }>(
        'supervisor',
        `query($id: String!) { person(idNumber: $id) { idNumber name } }`,
        { id: person.idNumber },
      );
      expect(read.errors).toBeUndefined();
      expect(read.data!.person.idNumber).toBe(maskedId(person.idNumber));
      expect(read.data!.person.name).not.toBe(person.name);
    });

    it.each(MASKED)('%s', async (_what, who, query, variables, check) => {
      const answer = await gql(who, query(), variables(), '核验');
      const text = JSON.stringify(answer);
      expect(answer.errors, text).toBeUndefined();
      check(answer.data!);
      for (const value of [person.idNumber, person.idNumber.toLowerCase(), person.name, secretReason()])
        expect(text, `${value} in ${text}`).not.toContain(value);
    });

    it('acceptDataCorrection: the source department’s steward accepts, and its answer is masked as any read of it', async () => {
      const accepted = await gql<{ acceptDataCorrection: CorrectionView & { status: string } }>(
        'psbSteward',
        Q.accept,
        { input: { id: ids.personCorrection, note: `已核实${person.name}` } },
      );
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data!.acceptDataCorrection).toMatchObject({ status: 'ACCEPTED', resolutionReason: REDACTED });
      expectCorrectionMasked(accepted.data!.acceptDataCorrection, 'accepting steward');
      expect(JSON.stringify(accepted)).not.toContain(person.name);
      // The supervisor's list no longer names it (answered), and still says nothing in full of the other.
      const overdue = await gql<{ overdueDataCorrections: { nodes: CorrectionView[] } }>(
        'supervisor',
        Q.overdueCorrections,
        { first: 100 },
      );
      expect(overdue.data!.overdueDataCorrections.nodes.map((n) => n.id)).toEqual([ids.companyCorrection]);
    });
  });

  // ---------------------------------------------------------------------------------------------
  // (4) Oracles: an argument must not answer differently for a right and a wrong guess.
  // ---------------------------------------------------------------------------------------------
  describe('(4) oracles', () => {
    it('creditProfile with the subject type passed as a variable is budgeted like the literal: candidate IDs run out the budget', async () => {
      const random = seededRandom(777);
      const candidates = Array.from({ length: BUDGET + 3 }, () => generateCitizenId(random, { areaCode: '440604' }));
      let refused: GraphQLResponse | undefined;
      let asked = 0;
      for (const id of candidates) {
        const answer = await gql('humanResources', Q.credit, { t: 'PERSON', id });
        if (codeOf(answer) === 'LOOKUP_BUDGET_EXCEEDED') {
          refused = answer;
          break;
        }
        expect(answer.errors).toBeUndefined();
        asked++;
      }
      expect(refused, 'the budget ran out').toBeDefined();
      expect(asked).toBe(BUDGET);
      // The real ID is refused too once the budget is spent: no answer tells it apart.
      expect(codeOf(await gql('humanResources', Q.credit, { t: 'PERSON', id: person.idNumber }))).toBe(
        'LOOKUP_BUDGET_EXCEEDED',
      );
    });

    it('sharingGrantPage and apiKeyPage filters answer another department’s steward the same for a right and a wrong guess', async () => {
      const grants = async (filter: Record<string, unknown>) =>
        JSON.stringify((await gql('amrSteward', Q.grantPage, { first: 100, filter })).data);
      expect(await grants({ systemCode: 'fs-cc-one-window', resourceCode: PSB_RESOURCE })).toBe(
        await grants({ systemCode: 'fs-cc-none-such', resourceCode: PSB_RESOURCE }),
      );
      expect(await grants({ systemCode: 'fs-cc-one-window', status: 'ACTIVE' })).toBe(
        await grants({ systemCode: 'fs-cc-one-window', status: 'REVOKED' }),
      );
      const keyList = async (filter: Record<string, unknown>) =>
        JSON.stringify((await gql('amrSteward', Q.keyPage, { first: 100, filter })).data);
      expect(await keyList({ systemCode: 'fs-psb-hukou' })).toBe(await keyList({ systemCode: 'fs-psb-none-such' }));
      expect(await keyList({ departmentUscc: DEPARTMENTS.publicSecurity, status: 'ACTIVE' })).toBe(
        await keyList({ departmentUscc: DEPARTMENTS.publicSecurity, status: 'REVOKED' }),
      );
    });

    it('searchCatalog orders only by the catalog’s public properties, and a cursor of one order is refused by another', async () => {
      const bySubject = await hub.graphqlResponse(
        Q.search,
        { orderBy: { field: 'SUBJECT_ID' }, first: 5 },
        {},
        as('tax'),
      );
      expect(bySubject.status).toBe(400);
      const byName = await gql<{ searchCatalog: { pageInfo: { endCursor: string } } }>('tax', Q.search, {
        orderBy: { field: 'NAME', direction: 'ASC' },
        first: 2,
      });
      expect(byName.errors).toBeUndefined();
      const mixed = await gql('tax', Q.search, {
        orderBy: { field: 'UPDATED_AT', direction: 'ASC' },
        first: 2,
        after: byName.data!.searchCatalog.pageInfo.endCursor,
      });
      expect(mixed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(JSON.stringify(mixed.errors)).toContain('INVALID_CURSOR');
    });

    it('accessLog answers a steward the same refusal for a citizen read and one never read (existing control, reached by the console)', async () => {
      const read = await gql('amrSteward', Q.accessLog, { id: person.idNumber, first: 10 });
      const never = await gql('amrSteward', Q.accessLog, { id: stranger, first: 10 });
      expect(codeOf(read)).toBe('FORBIDDEN');
      expect(read.errors![0].message).toBe(never.errors![0].message);
    });
  });

  // ---------------------------------------------------------------------------------------------
  // (5) Page sizes: a stable code for every size outside 1–100, never a 500 or a huge answer.
  // ---------------------------------------------------------------------------------------------
  const PAGED: Array<[string, Keys, string, (first: number) => Record<string, unknown>]> = [
    ['sharingGrantPage', 'admin', Q.grantPage, (first) => ({ first })],
    ['apiKeyPage', 'admin', Q.keyPage, (first) => ({ first })],
    ['searchCatalog(orderBy)', 'tax', Q.search, (first) => ({ first, orderBy: { field: 'NAME' } })],
    ['overdueSharingApplications', 'supervisor', Q.overdueApplications, (first) => ({ first })],
    ['overdueDataCorrections', 'supervisor', Q.overdueCorrections, (first) => ({ first })],
    ['dataCorrections', 'psbSteward', Q.corrections, (first) => ({ role: 'TO_ANSWER', first })],
    ['accessLog', 'psbSteward', Q.accessLog, (first) => ({ id: person.idNumber, first })],
  ];

  describe('(5) page sizes', () => {
    it.each(PAGED)('%s refuses first ∉ 1–100 with a stable code', async (_field, who, query, variables) => {
      for (const first of [0, -1, 101, 2_147_483_647]) {
        const response = await hub.graphqlResponse(query, variables(first), {}, as(who));
        const text = await response.text();
        expect(response.status, `${first}: ${text}`).toBeLessThan(500);
        expect(text.length, `${first}`).toBeLessThan(4_000);
        const body = JSON.parse(text) as GraphQLResponse;
        expect(body.data ?? null, `${first}: ${text}`).toBeNull();
        expect(['BAD_USER_INPUT', 'QUERY_TOO_COMPLEX'], `${first}: ${text}`).toContain(codeOf(body));
        if (first === 101 || first === 0) expect(codeOf(body), `${first}: ${text}`).toBe('BAD_USER_INPUT');
      }
      const fine = await hub.graphqlResponse(query, variables(100), {}, as(who));
      expect(((await fine.json()) as GraphQLResponse).errors).toBeUndefined();
    });
  });

  // ---------------------------------------------------------------------------------------------
  // (6) Console sessions: the cookie is a key's stand-in at the gateway, and nothing more.
  // ---------------------------------------------------------------------------------------------
  describe('(6) console sessions', () => {
    const signIn = async (key: string) => {
      const response = await fetch(`${hub.gatewayUrl}/console/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key }),
      });
      const body = (await response.json()) as { csrfToken?: string; code?: string };
      return { status: response.status, body, cookie: response.headers.getSetCookie()[0]?.split(';')[0] ?? '' };
    };
    const withCookie = async (
      cookie: string,
      query: string,
      variables: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ) => {
      const response = await fetch(`${hub.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, text: await response.text() };
    };

    it('a cookie opens nothing below the gateway: no app honours it', async () => {
      const { cookie } = await signIn(keys.supervisor.key);
      expect(cookie).toMatch(/^hub_session=/);
      for (const [app, query] of [
        ['once-only', Q.overdueCorrections],
        ['catalog', Q.seal],
        ['credit', Q.credit],
      ] as const) {
        const response = await fetch(`${hub.subgraphUrls[app]}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ query, variables: { first: 10, t: 'PERSON', id: person.idNumber } }),
        });
        expect(response.status, app).toBe(401);
        expect(await response.text(), app).not.toContain(person.idNumber);
      }
    });

    it('a guessed or forged cookie is refused on /graphql and /console/session; a system key opens no session', async () => {
      for (const cookie of [
        'hub_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        'hub_session=../../etc/passwd',
        `hub_session=${'x'.repeat(5000)}`,
      ]) {
        const answer = await withCookie(cookie, Q.seal);
        expect(answer.status, cookie.slice(0, 40)).toBe(401);
        const session = await fetch(`${hub.gatewayUrl}/console/session`, { headers: { cookie } });
        expect(session.status, cookie.slice(0, 40)).toBe(401);
      }
      const system = await signIn(keys.tax.key);
      expect(system.status).toBe(403);
      expect(system.cookie).toBe('');
      // A real cookie opens /graphql only: not an extract upload, not the archive's files.
      const { cookie } = await signIn(keys.psbSteward.key);
      const extract = await fetch(`${hub.gatewayUrl}/ingest/persons`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', cookie },
        body: `${JSON.stringify(aPerson().build())}\n`,
      });
      expect(extract.status).toBe(401);
      const file = await fetch(`${hub.gatewayUrl}/archive/materials/${ids.material}/content`, { headers: { cookie } });
      expect(file.status).toBe(401);
    });

    it('a cookie with a forged x-hub-access header beside it does not become the forged caller', async () => {
      const { cookie, body } = await signIn(keys.amrSteward.key);
      const forged = signedHeaders(
        { principal: hub.keys.admin.principal, issuer: 'gateway', purpose: null, caseNumber: null },
        'gateway',
        { method: 'POST', url: '/graphql', body: '{}' },
        'an-attacker-guessed-secret-of-64-chars-000000000000000000000000',
      );
      const answer = await withCookie(cookie, Q.correctionCounts, {}, { ...forged, 'x-hub-csrf': body.csrfToken! });
      expect(answer.status).toBe(401);
      expect(answer.text).not.toContain(DEPARTMENTS.publicSecurity);
    });

    it('the supervisor’s console sees the overdue reports masked as its key does', async () => {
      const { cookie, body } = await signIn(keys.supervisor.key);
      const answer = await withCookie(cookie, Q.overdueCorrections, { first: 100 }, { 'x-hub-csrf': body.csrfToken! });
      expect(answer.status).toBe(200);
      expect(answer.text).toContain(ids.companyCorrection);
      expect(answer.text).not.toContain(company.name as string);
      expect(answer.text).not.toContain(person.idNumber);
    });

    // Last: it spends this address's sign-ins for the minute.
    it('bounds sign-in guesses per connecting address: a forged X-Forwarded-For does not make a new one', async () => {
      let limited: Response | undefined;
      for (let i = 0; i < 40 && !limited; i++) {
        const response = await fetch(`${hub.gatewayUrl}/console/session`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': `203.0.113.${i}`,
            'x-real-ip': `198.51.100.${i}`,
          },
          body: JSON.stringify({ key: `hubk_guess${i}_${'0'.repeat(40)}` }),
        });
        if (response.status === 429) limited = response;
        else expect(response.status).toBe(401);
      }
      expect(limited, 'refused within the per-address bound (CONSOLE_SIGN_INS_PER_MINUTE, 20)').toBeDefined();
      expect(((await limited!.json()) as { code: string }).code).toBe('SIGN_IN_RATE_LIMITED');
    });
  });
});
