import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../scripts/build-graphiql.mjs';
import { GRAPHIQL_CSP } from '../apps/gateway/src/graphiql/graphiql.controller.js';
import { REGISTER, aLegalEntity } from './support/fixtures.js';
import { TestHub } from './support/test-hub.js';

describe('the gateway', () => {
  let hub: TestHub;

  beforeAll(async () => {
    // Telemetry switched on in the environment: the gateway must switch it off regardless.
    hub = await TestHub.start({
      env: { APOLLO_TELEMETRY_DISABLED: 'false', MAX_QUERY_DEPTH: '4', MAX_QUERY_COST: '500' },
    });
  });
  afterAll(() => hub?.close());

  it('disables Apollo telemetry in code, whatever the environment says', () => {
    expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe('true');
  });

  it('refuses an operation nested too deep, before it reaches a subgraph', async () => {
    const result = await hub.graphql(`{ searchLegalEntities { nodes { history { provenance { version } } } } }`);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', depth: 5, maxDepth: 4 });
  });

  it('refuses an operation whose estimated cost is too high', async () => {
    const result = await hub.graphql(
      `{ searchLegalEntities(first: 100) { nodes { uscc history(last: 50) { version } } } }`,
    );
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 500 });
    expect(result.errors?.[0].message).toMatch(/estimated cost is \d+/);
  });

  it('passes the caller request id to the subgraphs and back in errors and headers', async () => {
    const response = await fetch(`${hub.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'dept-sys-42.req-0001', ...hub.auth() },
      body: JSON.stringify({ query: '{ legalEntity(uscc: "not-a-uscc") { uscc } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('dept-sys-42.req-0001');
    const body = (await response.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      requestId: 'dept-sys-42.req-0001',
      serviceName: 'legal-entity',
    });
  });

  it('answers unknown fields and malformed requests with GraphQL validation errors, not 500s', async () => {
    const unknown = await hub.graphql(`{ legalEntity(uscc: "x") { colour } }`);
    expect(unknown.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const malformed = await fetch(`${hub.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...hub.auth() },
      body: '{"query": ',
    });
    expect(malformed.status).toBe(400);
    const tooLarge = await fetch(`${hub.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...hub.auth() },
      body: JSON.stringify({ query: `{ legalEntities(usccs: [${'"x",'.repeat(800_000)}]) { uscc } }` }),
    });
    expect(tooLarge.status).toBe(413);
  });

  it('reports health and Prometheus metrics', async () => {
    await hub.graphql(REGISTER, { input: aLegalEntity().build() });
    const health = await (await fetch(`${hub.gatewayUrl}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', checks: { 'subgraph:legal-entity': { status: 'ok' } } });
    const subgraphHealth = await (await fetch(`${hub.legalEntityUrl}/health`)).json();
    expect(subgraphHealth).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'ok' }, events: { status: 'ok' } },
    });
    const metrics = await (
      await fetch(`${hub.gatewayUrl}/metrics`, { headers: { authorization: `Bearer ${hub.operatorToken}` } })
    ).text();
    expect(metrics).toMatch(
      /hub_graphql_operation_seconds_count\{[^}]*operation="Register"[^}]*outcome="ok"[^}]*\} [1-9]/,
    );
  });

  it('serves GraphiQL from its own files, under a CSP that forbids every other origin, with no external URL', async () => {
    const page = await fetch(`${hub.gatewayUrl}/graphiql`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(GRAPHIQL_CSP);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(graphiql\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    // Scan what the gateway actually serves: the page and every asset it links, and the workers they load.
    const dir = await mkdtemp(join(tmpdir(), 'hub-graphiql-'));
    const files = [join(dir, 'index.html')];
    await writeFile(files[0], html);
    const served = new Set(assets.map((a) => a.slice('graphiql/assets/'.length)));
    // The Monaco workers are loaded by script, not linked from the page: add every built asset.
    for (const name of await readdir('dist/graphiql/assets')) served.add(name);
    for (const name of served) {
      const response = await fetch(`${hub.gatewayUrl}/graphiql/assets/${name}`);
      expect(response.status, name).toBe(200);
      files.push(join(dir, name));
      await writeFile(files.at(-1)!, Buffer.from(await response.arrayBuffer()));
    }
    const { external } = await scan(files);
    expect(external).toEqual([]);
    expect((await fetch(`${hub.gatewayUrl}/graphiql/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
  });
});
