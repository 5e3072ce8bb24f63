import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ResourceStatus,
  SharingType,
  baseLibraryFields,
  checkGovernance,
  parseResourceCode,
  type GovernanceCatalog,
} from '@hub/policy';
import { composeSupergraph, type SubgraphSdl } from '../apps/gateway/src/supergraph/compose.js';
import { readSeedCatalog } from '../scripts/catalog-check.js';
import { subgraphSdls } from '../scripts/schema-compose.js';

const run = promisify(execFile);
const COMMITTED = 'schemas/graphql/supergraph.graphql';

describe('the committed catalog governs the committed supergraph', () => {
  let supergraph: string;
  let catalog: GovernanceCatalog;

  beforeAll(async () => {
    supergraph = await readFile(COMMITTED, 'utf8');
    catalog = await readSeedCatalog('schemas/catalog');
  });

  it('has no problem at all', () => {
    expect(checkGovernance(supergraph, catalog)).toEqual([]);
  });

  it('covers the four base libraries, e-licences, the once-only thematic resources and the hub-wide types, every resource published', () => {
    const subjects = new Set(
      catalog.resources.map((r) =>
        (parseResourceCode(r.code) as { classification: string }).classification.slice(0, 3),
      ),
    );
    expect([...subjects].sort()).toEqual(['101', '102', '103', '104', '105', '190', '201']);
    expect(catalog.resources.every((r) => r.status === ResourceStatus.PUBLISHED)).toBe(true);
    const governed = new Set(catalog.resources.flatMap((r) => r.items.flatMap((i) => i.fields)));
    expect(baseLibraryFields(supergraph).filter((f) => !governed.has(f))).toEqual([]);
  });

  it('shares what the rules say: basic items unconditionally, contact data and history not freely', () => {
    const sharingOf = (coordinate: string): SharingType | undefined =>
      catalog.resources.find((r) => r.items.some((i) => i.fields.includes(coordinate)))?.sharingType;
    for (const basic of [
      'Person.idNumber',
      'Person.name',
      'LegalEntity.uscc',
      'LegalEntity.name',
      'AdminDivision.code',
      'StandardAddress.fullText',
      'Material.licenceId',
      'Material.status',
    ]) {
      expect(sharingOf(basic), basic).toBe(SharingType.UNCONDITIONAL);
    }
    for (const conditional of [
      'Person.phone',
      'Person.householdAddress',
      'Person.location',
      'SpatialHit.person',
      'LegalEntity.legalRepresentative',
      'Person.credit',
    ]) {
      expect(sharingOf(conditional), conditional).toBe(SharingType.CONDITIONAL);
    }
    expect(sharingOf('Person.history')).toBe(SharingType.NOT_SHARED);
    expect(sharingOf('LegalEntity.history')).toBe(SharingType.NOT_SHARED);
  });

  it('names the departments the hub starts with', () => {
    const names = catalog.departments.map((d) => d.name);
    for (const name of [
      '佛山市政务服务数据管理局',
      '佛山市公安局',
      '佛山市市场监督管理局',
      '佛山市发展和改革局',
      '佛山市自然资源局',
      '佛山市禅城区行政服务中心',
    ]) {
      expect(names).toContain(name);
    }
  });
});

describe('a base-library field the catalog does not know', () => {
  let sdls: SubgraphSdl[];
  let catalog: GovernanceCatalog;

  beforeAll(async () => {
    sdls = await subgraphSdls();
    catalog = await readSeedCatalog('schemas/catalog');
  });

  const withPhoneNumber = (): string =>
    composeSupergraph(
      sdls.map((s) =>
        s.name === 'legal-entity'
          ? { ...s, sdl: s.sdl.replace(/type LegalEntity @key\(fields: "uscc"\) \{/, '$&\n  phoneNumber: String') }
          : s,
      ),
    );

  it('fails the check with FIELD_UNGOVERNED naming exactly that field', () => {
    expect(checkGovernance(composeSupergraph(sdls), catalog)).toEqual([]);
    expect(checkGovernance(withPhoneNumber(), catalog)).toEqual([
      {
        code: 'FIELD_UNGOVERNED',
        coordinate: 'LegalEntity.phoneNumber',
        message: expect.stringContaining('LegalEntity.phoneNumber'),
      },
    ]);
  });

  it('makes `npm run catalog:check` exit 1 naming it, and 0 on the committed files', async () => {
    const ok = await run('npm', ['run', '-s', 'catalog:check'], { env: process.env });
    expect(ok.stdout).toMatch(
      /^Catalog OK: \d+ governed fields \(base libraries, once-only\) covered by \d+ items of \d+ published resources/,
    );

    const dir = await mkdtemp(join(tmpdir(), 'hub-catalog-'));
    const grown = join(dir, 'supergraph.graphql');
    await writeFile(grown, withPhoneNumber());
    const failed = await run('npm', ['run', '-s', 'catalog:check', '--', '--supergraph', grown], {
      env: process.env,
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('FIELD_UNGOVERNED LegalEntity.phoneNumber');
  }, 120_000);

  it('makes `npm run catalog:check` exit 1 when a seed file loses an item', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-catalog-'));
    await cp('schemas/catalog', dir, { recursive: true });
    const file = join(dir, 'resources', 'population.json');
    const resources = JSON.parse(await readFile(file, 'utf8')) as GovernanceCatalog['resources'];
    resources[0].items = resources[0].items.filter((item) => !item.fields.includes('Person.name'));
    await writeFile(file, JSON.stringify(resources, null, 2));
    const failed = await run('npm', ['run', '-s', 'catalog:check', '--', '--catalog', dir], { env: process.env }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('FIELD_UNGOVERNED Person.name');
  }, 120_000);

  it('makes `npm run catalog:check` exit 1 naming a personal field shared without a masking rule', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-catalog-'));
    await cp('schemas/catalog', dir, { recursive: true });
    const file = join(dir, 'resources', 'credit.json');
    const resources = JSON.parse(await readFile(file, 'utf8')) as GovernanceCatalog['resources'];
    const name = resources[0].items.find((item) => item.fields.includes('CreditRecord.subjectName'))!;
    expect(name).toMatchObject({ dataClass: 'SUBJECT_NAME', masking: 'NAME' });
    // The leak the issue found: a natural person's name shown in full next to her masked ID.
    Object.assign(name, { masking: null, maskUnless: null });
    await writeFile(file, JSON.stringify(resources, null, 2));
    expect(checkGovernance(await readFile(COMMITTED, 'utf8'), await readSeedCatalog(dir))).toEqual([
      {
        code: 'PERSONAL_ITEM_UNMASKED',
        resource: '104001001/000001',
        item: 6,
        message: expect.stringContaining('CreditRecord.subjectName would reach callers without full values in full'),
      },
    ]);
    const failed = await run('npm', ['run', '-s', 'catalog:check', '--', '--catalog', dir], { env: process.env }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('PERSONAL_ITEM_UNMASKED 104001001/000001#6');
    expect(failed?.stderr).toContain('CreditRecord.subjectName');
  }, 120_000);
});
