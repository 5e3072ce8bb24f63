import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph, supergraphDiff, type SubgraphSdl } from '../apps/gateway/src/supergraph/compose.js';
import { subgraphSdls } from '../scripts/schema-compose.js';

const run = promisify(execFile);
const COMMITTED = 'schemas/graphql/supergraph.graphql';

describe('the committed supergraph is checked against the subgraphs', () => {
  let sdls: SubgraphSdl[];
  let committed: string;

  beforeAll(async () => {
    sdls = await subgraphSdls();
    committed = await readFile(COMMITTED, 'utf8');
  });

  it('is exactly what composing the current subgraphs gives', () => {
    expect(supergraphDiff(committed, composeSupergraph(sdls))).toEqual([]);
    expect(composeSupergraph(sdls)).toBe(committed);
  });

  it('joins the four base libraries, the catalog and the once-only app, the gateway composing them', () => {
    const graphs = [...committed.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]).sort();
    expect(graphs).toEqual(['catalog', 'credit', 'geospatial', 'legal-entity', 'once-only', 'population']);
  });

  it('is found stale when a subgraph schema gains a field that was not recomposed', () => {
    const changed = sdls.map((s) =>
      s.name === 'legal-entity'
        ? { ...s, sdl: s.sdl.replace(/type LegalEntity @key\(fields: "uscc"\) \{/, '$&\n  phoneNumber: String') }
        : s,
    );
    expect(changed).not.toEqual(sdls);
    const diff = supergraphDiff(committed, composeSupergraph(changed));
    expect(diff).toContainEqual(expect.stringMatching(/^\+ +phoneNumber: String/));
    expect(diff.filter((l) => l.startsWith('-'))).toEqual([]);
  });

  it('fails composition with the reason when subgraphs disagree', () => {
    const broken = [
      ...sdls,
      {
        name: 'rogue',
        url: 'http://127.0.0.1:1/graphql',
        sdl: 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.14", import: ["@key"])\ntype LegalEntity @key(fields: "uscc") { uscc: Int! }',
      },
    ];
    expect(() => composeSupergraph(broken)).toThrow(/Composition failed/);
  });

  it('makes `npm run schema:check` exit 1 on a stale supergraph and 0 on a fresh one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-schema-'));
    const fresh = join(dir, 'fresh.graphql');
    const stale = join(dir, 'stale.graphql');
    await writeFile(fresh, committed);
    await writeFile(stale, committed.replace(/\n {2}businessScope: String[^\n]*/, ''));
    expect(await readFile(stale, 'utf8')).not.toBe(committed);

    const ok = await run('npm', ['run', '-s', 'schema:check', '--', '--supergraph', fresh], { env: process.env });
    expect(ok.stdout).toContain('is up to date');
    const failed = await run('npm', ['run', '-s', 'schema:check', '--', '--supergraph', stale], {
      env: process.env,
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('is stale');
    expect(failed?.stderr).toContain('businessScope');
  }, 120_000);
});
