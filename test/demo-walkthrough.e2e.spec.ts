// The demo a newcomer meets (issue 12, points 4, 6 and 7), loaded into a test hub as `npm start`
// loads it: every demo record comes from a registered department's system that has a demo key, so
// a correction of a demo record is answered by that department; datagen prints the README's ingest
// walkthrough lines, which load a second city beside the demo without a rejected row (CI runs the
// README's block itself, at its size, on npm start: scripts/readme-examples.mjs);
// and who reads a record's change history with the demo keys is what the README says.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { chinaDate } from '@hub/identifiers';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../apps/catalog/src/catalog/catalog.service.js';
import { SharingService } from '../apps/catalog/src/sharing/sharing.service.js';
import { PolicyStore } from '../apps/gateway/src/access/policy-store.js';
import { loadDemoAccess } from '../apps/hub/src/demo-access.js';
import { demoRecords, loadDemoData } from '../apps/hub/src/demo-data.js';
import { DEMO_KEYS, demoKey, demoPrincipal } from '../apps/hub/src/demo-keys.js';
import { SUBGRAPHS } from '../apps/hub/src/subgraphs.js';
import { classify, expandDemoKeys, fencedBlocks, shellCommands } from '../scripts/readme-examples.mjs';
import { TestHub } from './support/test-hub.js';

const run = promisify(execFile);
const REGISTER_TABLES = {
  addresses: 'geospatial.standard_address',
  persons: 'population.person',
  'legal-entities': 'legal_entity.legal_entity',
  'credit-records': 'credit.credit_record',
};
const HISTORY_ENTRIES = '190002001/000001';

describe('the demo, as a newcomer meets it', () => {
  let hub: TestHub;
  let db: pg.Client;
  let demoPerson: string;
  let demoCompany: string;

  const refreshPolicy = () => hub.app('gateway').get(PolicyStore).refresh();

  beforeAll(async () => {
    hub = await TestHub.start();
    const log = pino({ level: 'silent' });
    await loadDemoData(Object.fromEntries(SUBGRAPHS.map((s) => [s.name, hub.app(s.name)])), log);
    await loadDemoAccess(hub.app('catalog'), log);
    await refreshPolicy();
    db = new pg.Client({ connectionString: hub.database.url });
    await db.connect();
    const records = Object.fromEntries(await demoRecords());
    demoPerson = records.persons[0].idNumber as string;
    demoCompany = records['legal-entities'][0].uscc as string;
  }, 300_000);
  afterAll(async () => {
    await db?.end();
    await hub?.close();
  });

  it('stores every demo record as sent by a registered system of a registered department, one with a demo key', async () => {
    const keyed = new Set(Object.values(DEMO_KEYS).map((k) => `${k.departmentUscc}/${k.systemCode}`));
    for (const [register, table] of Object.entries(REGISTER_TABLES)) {
      const { rows } = await db.query<{
        source_department: string;
        source_system: string;
        registered: boolean;
        records: string;
      }>(
        `SELECT r.source_department, r.source_system, count(*) AS records,
                bool_and(EXISTS (SELECT 1 FROM catalog.department_system s JOIN catalog.department d ON d.uscc = s.department_uscc
                                 WHERE s.code = r.source_system AND d.uscc = r.source_department)) AS registered
           FROM ${table} r GROUP BY 1, 2`,
      );
      expect(rows.length, register).toBeGreaterThan(0);
      for (const row of rows) {
        expect({ register, ...row, registered: row.registered }).toMatchObject({ registered: true });
        expect(
          keyed.has(`${row.source_department}/${row.source_system}`),
          `${register}: ${row.source_department}/${row.source_system} has a demo key`,
        ).toBe(true);
      }
    }
  });

  it('lets the public security steward answer a correction reported on a demo person', async () => {
    const fields = 'id status';
    const reported = await hub.graphql<{ reportDataCorrection: { id: string; status: string } }>(
      `mutation($input: ReportDataCorrectionInput!) { reportDataCorrection(input: $input) { ${fields} } }`,
      { input: { subject: demoPerson, field: 'Person.name', reason: '与户口簿记载不一致' } },
      {},
      { key: hub.keys.tax.key, purpose: '税务登记信息核验' },
    );
    expect(reported.errors).toBeUndefined();
    const accepted = await hub.graphql<{ acceptDataCorrection: { status: string } }>(
      `mutation($input: AcceptDataCorrectionInput!) { acceptDataCorrection(input: $input) { ${fields} } }`,
      { input: { id: reported.data!.reportDataCorrection.id } },
      {},
      { key: demoKey('psbSteward'), purpose: null },
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.acceptDataCorrection.status).toBe('ACCEPTED');
  });

  it("prints the README's ingest walkthrough lines from datagen, and they load every register with no rejected row", async () => {
    const out = await mkdtemp(join(tmpdir(), 'hub-datagen-'));
    try {
      // Small sizes; the default seed (a city beside the demo's, not the demo's own ids again).
      const datagen = await run(
        'npm',
        [
          'run',
          '-s',
          'datagen',
          '--',
          '--persons',
          '40',
          '--legal-entities',
          '10',
          '--addresses',
          '15',
          '--credit-records',
          '12',
          '--out',
          out,
        ],
        { timeout: 120_000 },
      );
      const lines = datagen.stdout.split('\n').filter((l) => l.startsWith('HUB_API_KEY='));
      expect(lines.map((l) => /^HUB_API_KEY=\S+ npm run ingest -- (\S+) (\S+)$/.exec(l)?.[1])).toEqual([
        'addresses',
        'persons',
        'legal-entities',
        'credit-records',
      ]);
      // They are the README's lines (which CI runs as written on npm start): its elided keys in full,
      // its default folder for this test's.
      const walkthrough = classify(fencedBlocks(await readFile('README.md', 'utf8'))).plan.find(
        (p) => p.kind === 'shell' && p.block.body.startsWith('npm run datagen'),
      );
      const readmeLines = shellCommands(expandDemoKeys(walkthrough!.block.body)).filter(
        (l) => / npm run ingest -- /.test(l) && l.startsWith('HUB_API_KEY='),
      );
      expect(lines.map((l) => l.replaceAll(`${out}/`, '.data/extracts/'))).toEqual(readmeLines);
      const sizes: Record<string, number> = { addresses: 15, persons: 40, 'legal-entities': 10, 'credit-records': 12 };
      for (const line of lines) {
        const register = / -- (\S+) /.exec(line)![1];
        // The line exactly as printed, through a shell, against this hub (HUB_URL instead of :4000).
        const ingest = await run('sh', ['-c', line], {
          env: { ...process.env, HUB_URL: hub.gatewayUrl, HUB_API_KEY: '' },
          timeout: 120_000,
        }).catch((error: { code: number; stdout: string; stderr: string }) => error);
        expect([register, ingest.stdout]).toEqual([register, expect.stringContaining(`${sizes[register]} registered`)]);
        expect(ingest.stdout, register).toContain(' 0 rejected.');
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 300_000);

  describe("reading a record's change history with the demo keys (README: the provider, with the data bureau's grant on the entries)", () => {
    const PERSON_HISTORY = `query($id: String!) { person(idNumber: $id) { history { changeType } } }`;
    const COMPANY_HISTORY = `query($u: String!) { legalEntity(uscc: $u) { history { changeType } } }`;
    type Refusal = {
      code: string;
      refused: Array<{ item: string; reason: string }>;
      applyFor: Array<{ resourceCode: string }>;
    };
    const refusalOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
      result.errors?.[0]?.extensions as Refusal | undefined;

    beforeAll(async () => {
      // The test hub grants the provider systems the history entries (the library suites read
      // histories with them); the demo does not. Those grants go, so the demo keys have only the
      // demo's own — as on `npm start`.
      const sharing = hub.app('catalog').get(SharingService);
      for (const system of [DEMO_KEYS.hukou.systemCode, DEMO_KEYS.registration.systemCode]) {
        for (const grant of await sharing.grants(demoPrincipal('admin'), {
          systemCode: system,
          resourceCode: HISTORY_ENTRIES,
        })) {
          if (grant.status === 'ACTIVE')
            await sharing.revokeGrant(
              { grantId: grant.id, reason: 'the demo has no such grant' },
              demoPrincipal('admin'),
            );
        }
      }
      await refreshPolicy();
    });

    it('refuses the provider systems until the data bureau grants the history entries', async () => {
      const person = refusalOf(
        await hub.graphql(PERSON_HISTORY, { id: demoPerson }, {}, { key: demoKey('hukou'), purpose: '户籍变更核查' }),
      );
      expect(person).toMatchObject({
        code: 'ACCESS_DENIED',
        refused: [{ reason: 'GRANT_REQUIRED' }],
        applyFor: [{ resourceCode: HISTORY_ENTRIES }],
      });
      const company = refusalOf(
        await hub.graphql(
          COMPANY_HISTORY,
          { u: demoCompany },
          {},
          { key: demoKey('registration'), purpose: '登记变更核查' },
        ),
      );
      expect(company).toMatchObject({
        code: 'ACCESS_DENIED',
        refused: [{ reason: 'GRANT_REQUIRED' }],
        applyFor: [{ resourceCode: HISTORY_ENTRIES }],
      });
    });

    it('refuses a system of another department whatever it is granted: the history is not shared', async () => {
      const refusal = refusalOf(
        await hub.graphql(PERSON_HISTORY, { id: demoPerson }, {}, { key: demoKey('window'), purpose: '一窗受理核验' }),
      );
      expect(refusal?.code).toBe('ACCESS_DENIED');
      expect(refusal?.refused).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'PROVIDER_ONLY' })]));
    });

    it('lets the population provider read the history once the data bureau has approved its application', async () => {
      const sharing = hub.app('catalog').get(SharingService);
      const today = chinaDate(new Date());
      const resource = await hub.app('catalog').get(CatalogService).resource(HISTORY_ENTRIES);
      const application = await sharing.apply(
        {
          resourceCode: HISTORY_ENTRIES,
          items: resource!.items.map((i) => i.no),
          purpose: '户籍变更核查',
          legalBasis: '《户口登记条例》',
          requestedFrom: today,
          requestedTo: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
          fullValues: false,
        },
        demoPrincipal('hukou'),
      );
      await sharing.approve({ applicationId: application.id }, demoPrincipal('supervisor'));
      await refreshPolicy();
      const result = await hub.graphql<{ person: { history: Array<{ changeType: string }> } }>(
        PERSON_HISTORY,
        { id: demoPerson },
        {},
        { key: demoKey('hukou'), purpose: '户籍变更核查' },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.person.history).toEqual(expect.arrayContaining([{ changeType: 'registered' }]));
    });
  });
});
