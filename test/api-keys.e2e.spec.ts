import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey, internalSecret, signedHeaders, type Principal } from '@hub/auth';
import { chinaDate } from '@hub/identifiers';
import { CATALOG_POLICY_TOPIC } from '@hub/contracts';
import { schemaErrors } from './support/event-schemas.js';
import { DEPARTMENTS } from './support/test-access.js';
import { TestHub, type EventCollector, type GraphQLResponse } from './support/test-hub.js';
import { addDays } from './support/days.js';

const KEY_FIELDS =
  'id roles departmentUscc systemCode holderName issuedAt issuedBy expiresAt status revokedAt revokedBy revokeReason';
const ISSUE = `mutation Issue($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key apiKey { ${KEY_FIELDS} } } }`;
const REVOKE = `mutation Revoke($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { ${KEY_FIELDS} } }`;
const KEYS = `query Keys($departmentUscc: String, $systemCode: String) { apiKeys(departmentUscc: $departmentUscc, systemCode: $systemCode) { ${KEY_FIELDS} } }`;
/** Something every valid key may ask. */
const PROBE = `{ departments { uscc } }`;
const AUTH_CODES = new Set([
  'UNAUTHENTICATED',
  'API_KEY_INVALID',
  'API_KEY_EXPIRED',
  'API_KEY_REVOKED',
  'OPERATOR_TOKEN_REQUIRED',
]);

interface ApiKey {
  id: string;
  roles: string[];
  departmentUscc: string | null;
  systemCode: string | null;
  holderName: string;
  issuedAt: string;
  issuedBy: string | null;
  expiresAt: string;
  status: string;
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** Every key of a JSON value, however deep. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

describe('API keys at the gateway', () => {
  let hub: TestHub;
  let db: pg.Client;
  let policyEvents: EventCollector;
  let adminKeyFile: string;
  const today = chinaDate(new Date());
  /** Every refusal this suite saw, checked for shape at the end. */
  const refusals: Array<{ what: string; status: number; contentType: string | null; text: string }> = [];

  const admin = () => ({ key: hub.keys.admin.key, purpose: null });
  const issue = (input: Record<string, unknown>, key = hub.keys.admin.key) =>
    hub.graphql<{ issueApiKey: { key: string; apiKey: ApiKey } }>(
      ISSUE,
      { input: { holderName: 'test key', ...input } },
      {},
      { key, purpose: null },
    );

  /** POSTs the probe to /graphql with exactly these headers (no default key); the refusal, if any. */
  const probe = async (what: string, headers: Record<string, string>, path = '/graphql'): Promise<Refusal | null> => {
    const response = await fetch(`${hub.gatewayUrl}${path}`, {
      method: path === '/metrics' ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: path === '/metrics' ? undefined : JSON.stringify({ query: PROBE }),
    });
    const text = await response.text();
    if (response.status === 200) return null;
    refusals.push({ what, status: response.status, contentType: response.headers.get('content-type'), text });
    expect(response.headers.get('www-authenticate'), what).toBe('Bearer realm="hub"');
    const body = JSON.parse(text) as GraphQLResponse & { code?: string; message?: string };
    if (path === '/graphql') {
      expect(body.data, what).toBeUndefined();
      expect(body.errors, what).toHaveLength(1);
      return {
        status: response.status,
        code: String(body.errors![0].extensions?.code),
        message: body.errors![0].message,
      };
    }
    return { status: response.status, code: String(body.code), message: String(body.message) };
  };
  const withKey = (what: string, key: string, path?: string) => probe(what, { authorization: `Bearer ${key}` }, path);
  /** As the hub's own apps call the gateway on a caller's behalf: no key, the caller's access signed. */
  const onBehalfOf = (what: string, principal: Principal, secret = internalSecret()!) =>
    probe(
      what,
      signedHeaders(
        { principal, issuer: 'once-only', purpose: null, caseNumber: null },
        'gateway',
        { method: 'POST', url: '/graphql', body: JSON.stringify({ query: PROBE }) },
        secret,
      ),
    );

  /** Polls until `check` holds; the milliseconds it took. Fails after `limitMs`. */
  const within = async (limitMs: number, check: () => Promise<boolean>): Promise<number> => {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > limitMs) throw new Error(`not within ${limitMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return Date.now() - started;
  };

  beforeAll(async () => {
    // The policy poll slowed to an hour: what the gateway learns within seconds, it learns through the catalog's events
    // (the poll's own bound, for a gateway the events do not reach, is test/faults.e2e.spec.ts's).
    adminKeyFile = join(await mkdtemp(join(tmpdir(), 'hub-admin-key-')), 'admin.key');
    hub = await TestHub.start({ env: { HUB_ADMIN_KEY_FILE: adminKeyFile, POLICY_REFRESH_MS: '3600000' } });
    db = new pg.Client({ connectionString: hub.database.url });
    await db.connect();
    policyEvents = await hub.collect(CATALOG_POLICY_TOPIC);
  });
  afterAll(async () => {
    await policyEvents?.close();
    await db?.end();
    await hub?.close();
  });

  it('gives a new hub its first admin key, in a file only its owner can read', async () => {
    const file = await stat(adminKeyFile);
    expect(file.mode & 0o777).toBe(0o600);
    const key = (await readFile(adminKeyFile, 'utf8')).trim();
    expect(key).toMatch(/^hubk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$/);
    const me = await hub.graphql<{ myAccess: { roles: string[]; holderName: string } }>(
      `{ myAccess { roles holderName } }`,
      {},
      {},
      { key },
    );
    expect(me.data?.myAccess).toEqual({ roles: ['ADMIN'], holderName: 'bootstrap admin (HUB_ADMIN_KEY_FILE)' });
    const [row] = (await db.query('SELECT expires_at FROM catalog.api_key WHERE id = $1', [key.slice(5, 17)]))
      .rows as Array<{ expires_at: Date }>;
    expect(row.expires_at.getTime() - Date.now()).toBeLessThanOrEqual(30 * 86_400_000);
  });

  it('refuses a request without a key: 401 UNAUTHENTICATED, on /graphql and elsewhere', async () => {
    expect(await probe('no header', {})).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('Authorization: Bearer'),
    });
    expect(await probe('empty header', { authorization: '' })).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await probe('no header, /metrics', {}, '/metrics')).toMatchObject({
      status: 401,
      code: 'OPERATOR_TOKEN_REQUIRED',
    });
    const ingest = await fetch(`${hub.gatewayUrl}/ingest/persons`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: '{}\n',
    });
    const text = await ingest.text();
    refusals.push({
      what: 'no header, /ingest',
      status: ingest.status,
      contentType: ingest.headers.get('content-type'),
      text,
    });
    expect(ingest.status).toBe(401);
    expect(JSON.parse(text)).toMatchObject({ code: 'UNAUTHENTICATED' });
    // The refusal comes before GraphQL: not even a syntax error is reported to an unauthenticated caller.
    const garbage = await fetch(`${hub.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ nope',
    });
    expect(garbage.status).toBe(401);
  });

  it('refuses malformed, unknown and wrong-secret keys alike: 401 API_KEY_INVALID', async () => {
    const harness = hub.keys.harness.key;
    const [, harnessId] = /^hubk_([a-z2-7]{12})_/.exec(harness)!;
    const stranger = generateApiKey();
    const cases: Array<[string, Record<string, string>]> = [
      ['bare scheme', { authorization: 'Bearer' }],
      ['scheme and blank', { authorization: 'Bearer    ' }],
      ['basic auth', { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` }],
      ['key without scheme', { authorization: harness }],
      [
        'not a hub key',
        { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo' },
      ],
      ['truncated key', { authorization: `Bearer ${harness.slice(0, -1)}` }],
      ['key with trailing junk', { authorization: `Bearer ${harness} extra` }],
      ['upper-cased key', { authorization: `Bearer ${harness.toUpperCase()}` }],
      ['unknown key', { authorization: `Bearer ${stranger.key}` }],
      ['known id, wrong secret', { authorization: `Bearer hubk_${harnessId}_${stranger.key.slice(-43)}` }],
    ];
    for (const [what, headers] of cases) {
      const refusal = await probe(what, headers);
      expect(refusal, what).toMatchObject({ status: 401, code: 'API_KEY_INVALID' });
      // Nothing about the key it named: not whether the id exists, not its holder.
      expect(refusal!.message, what).not.toContain(harnessId);
      expect(refusal!.message, what).not.toContain(hub.keys.harness.principal.name);
    }
    // The scheme is case-insensitive, and the valid key itself works.
    expect(await probe('lower-case scheme', { authorization: `bearer ${harness}` })).toBeNull();
    expect(await withKey('valid key', harness)).toBeNull();
  });

  let issued: { key: string; apiKey: ApiKey };

  it("refuses on-behalf calls not signed with the hub's internal secret, or for keys it does not know: 401 API_KEY_INVALID", async () => {
    const forged = await onBehalfOf(
      'signed with another secret',
      hub.keys.harness.principal,
      'not-the-hub-secret-but-long-enough-0123456789',
    );
    expect(forged).toMatchObject({ status: 401, code: 'API_KEY_INVALID' });
    const unknownKey = await onBehalfOf('an unknown key, well signed', {
      ...hub.keys.harness.principal,
      keyId: 'zzzzzzzzzzzz',
    });
    expect(unknownKey).toMatchObject({ status: 401, code: 'API_KEY_INVALID' });
    expect(await onBehalfOf('a known key, well signed', hub.keys.harness.principal)).toBeNull();
  });

  it('issues a key shown once, stores only its hash, and lets it in within seconds', async () => {
    const started = Date.now();
    const result = await issue({ roles: ['SYSTEM'], systemCode: 'fs-tax-etax', holderName: '电子税务局（测试）' });
    expect(result.errors).toBeUndefined();
    issued = result.data!.issueApiKey;
    const match = /^hubk_([a-z2-7]{12})_([A-Za-z0-9_-]{43})$/.exec(issued.key);
    expect(match).not.toBeNull();
    const [, id, secret] = match!;
    expect(issued.apiKey).toMatchObject({
      id,
      roles: ['SYSTEM'],
      departmentUscc: DEPARTMENTS.tax,
      systemCode: 'fs-tax-etax',
      holderName: '电子税务局（测试）',
      issuedBy: hub.keys.admin.principal.keyId,
      status: 'ACTIVE',
      revokedAt: null,
    });
    // Valid by default for a year, to the end of that day in China.
    expect(Date.parse(issued.apiKey.expiresAt)).toBe(Date.parse(`${addDays(today, 365)}T24:00:00+08:00`));

    const took = await within(10_000, async () => (await withKey('new key', issued.key)) === null);
    console.info(
      `issued key accepted ${took} ms after issueApiKey returned (${Date.now() - started} ms from the request)`,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    const asNew = await hub.graphql<{ departments: unknown[] }>(PROBE, {}, {}, { key: issued.key, purpose: null });
    expect(asNew.errors).toBeUndefined();

    // The listing never shows a secret, nor offers a field for one.
    const listed = await hub.graphql<{ apiKeys: ApiKey[] }>(KEYS, { systemCode: 'fs-tax-etax' }, {}, admin());
    expect(listed.data?.apiKeys.map((k) => k.id)).toEqual([id]);
    const listing = JSON.stringify(listed);
    expect(listing).not.toContain(secret);
    expect(listing).not.toContain(issued.key);
    for (const field of ['key', 'secret', 'secretHash']) {
      const asked = await hub.graphql(`{ apiKeys { id ${field} } }`, {}, {}, admin());
      expect(asked.errors?.[0].extensions?.code, field).toBe('GRAPHQL_VALIDATION_FAILED');
    }

    // The database keeps the SHA-256 of the secret, and the secret nowhere in the catalog — nor in the access records.
    const row = await db.query<{ secret_hash: string }>(`SELECT secret_hash FROM catalog.api_key WHERE id = $1`, [id]);
    expect(row.rows[0].secret_hash).not.toBe(secret);
    expect(row.rows[0].secret_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    const tables = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'catalog' AND table_type = 'BASE TABLE'`,
    );
    expect(tables.rows.map((t) => t.table_name)).toEqual(expect.arrayContaining(['api_key', 'access_record']));
    for (const { table_name: table } of tables.rows) {
      const leaks = await db.query(`SELECT 1 FROM catalog."${table}" t WHERE row_to_json(t)::text LIKE $1 LIMIT 1`, [
        `%${secret}%`,
      ]);
      expect(leaks.rowCount, `catalog.${table}`).toBe(0);
    }

    // The event says a key was issued, without its secret or hash.
    const [event] = await policyEvents
      .waitFor((ms) => ms.some((m) => m.key === id))
      .then((ms) => ms.filter((m) => m.key === id));
    expect(event.headers).toMatchObject({ ce_type: 'hub.catalog.api-key-changed.v1', ce_subject: id });
    expect(JSON.parse(event.value)).toMatchObject({ keyId: id, change: 'issued', systemCode: 'fs-tax-etax' });
    expect(event.value).not.toContain(secret);
    expect(event.value).not.toContain(row.rows[0].secret_hash);
    expect(schemaErrors(event.headers.ce_type, JSON.parse(event.value))).toEqual([]);
  });

  it('refuses a revoked key within seconds: 401 API_KEY_REVOKED', async () => {
    const { id } = issued.apiKey;
    const noReason = await hub.graphql(REVOKE, { input: { id, reason: '' } }, {}, admin());
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const blankReason = await hub.graphql(REVOKE, { input: { id, reason: '   ' } }, {}, admin());
    expect(blankReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REASON_REQUIRED' });
    expect(await withKey('before revocation', issued.key)).toBeNull();
    const issuedPrincipal: Principal = {
      keyId: id,
      roles: issued.apiKey.roles as Principal['roles'],
      departmentUscc: issued.apiKey.departmentUscc,
      systemCode: issued.apiKey.systemCode,
      name: 'test key',
    };
    expect(await onBehalfOf('on behalf of the key, before revocation', issuedPrincipal)).toBeNull();

    const started = Date.now();
    const revoked = await hub.graphql<{ revokeApiKey: ApiKey }>(
      REVOKE,
      { input: { id, reason: '密钥疑似泄露' } },
      {},
      admin(),
    );
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data?.revokeApiKey).toMatchObject({
      id,
      status: 'REVOKED',
      revokedBy: hub.keys.admin.principal.keyId,
      revokeReason: '密钥疑似泄露',
    });
    let refusal: Refusal | null = null;
    const took = await within(10_000, async () => {
      refusal = await withKey('revoked key', issued.key);
      return refusal !== null;
    });
    const elapsed = Date.now() - started;
    console.info(`revoked key refused ${took} ms after revokeApiKey returned (${elapsed} ms from the request)`);
    expect(elapsed).toBeLessThan(10_000);
    expect(refusal).toMatchObject({ status: 401, code: 'API_KEY_REVOKED', message: expect.stringContaining(id) });
    // Metrics are the operators': no API key opens them, valid or not.
    expect(await withKey('revoked key, /metrics', issued.key, '/metrics')).toMatchObject({
      status: 401,
      code: 'OPERATOR_TOKEN_REQUIRED',
    });
    // An app of the hub acting for the holder is refused as soon as the holder would be.
    expect(await onBehalfOf('on behalf of a revoked key', issuedPrincipal)).toMatchObject({
      status: 401,
      code: 'API_KEY_REVOKED',
    });
    // Only the holder of the secret learns the key was revoked.
    const wrongSecret = `hubk_${id}_${generateApiKey().key.slice(-43)}`;
    expect(await withKey('revoked id, wrong secret', wrongSecret)).toMatchObject({
      status: 401,
      code: 'API_KEY_INVALID',
    });

    const again = await hub.graphql(REVOKE, { input: { id, reason: '再次撤销' } }, {}, admin());
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'KEY_ALREADY_REVOKED' });
    const unknown = await hub.graphql(REVOKE, { input: { id: 'aaaaaaaaaaaa', reason: '无此密钥记录' } }, {}, admin());
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'KEY_UNKNOWN' });
    const listed = await hub.graphql<{ apiKeys: ApiKey[] }>(KEYS, { systemCode: 'fs-tax-etax' }, {}, admin());
    expect(listed.data?.apiKeys).toEqual([
      expect.objectContaining({ id, status: 'REVOKED', revokeReason: '密钥疑似泄露' }),
    ]);
    await policyEvents.waitFor((ms) => ms.some((m) => m.key === id && JSON.parse(m.value).change === 'revoked'));
  });

  it('refuses an expired key: 401 API_KEY_EXPIRED', async () => {
    // A key is never issued already expired, nor for more than 3 years.
    for (const expiresOn of [addDays(today, -1), today, addDays(today, 3 * 365 + 1)]) {
      const refused = await issue({ roles: ['SYSTEM'], systemCode: 'fs-tax-collection', expiresOn });
      expect(refused.errors?.[0].extensions, expiresOn).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.expiresOn',
        reason: 'OUT_OF_RANGE',
      });
    }
    const result = await issue({ roles: ['SYSTEM'], systemCode: 'fs-tax-collection', expiresOn: addDays(today, 1) });
    expect(result.errors).toBeUndefined();
    const { key, apiKey } = result.data!.issueApiKey;
    expect(Date.parse(apiKey.expiresAt)).toBe(Date.parse(`${addDays(today, 1)}T24:00:00+08:00`));
    await within(10_000, async () => (await withKey('short-lived key', key)) === null);

    // Its end moved into the past; a change on the policy topic makes the gateway reload at once (else within POLICY_REFRESH_MS).
    await db.query(`UPDATE catalog.api_key SET expires_at = now() - interval '1 second' WHERE id = $1`, [apiKey.id]);
    const reloads = await hub.metric('gateway', 'hub_policy_reloads_total');
    expect(
      (await issue({ roles: ['SYSTEM'], systemCode: 'fs-ca-assistance', holderName: 'policy reload nudge' })).errors,
    ).toBeUndefined();
    await hub.eventually(
      async () => expect(await hub.metric('gateway', 'hub_policy_reloads_total')).toBeGreaterThan(reloads),
      10_000,
    );
    let refusal: Refusal | null = null;
    await within(10_000, async () => {
      refusal = await withKey('expired key', key);
      return refusal !== null;
    });
    expect(refusal).toMatchObject({
      status: 401,
      code: 'API_KEY_EXPIRED',
      message: expect.stringContaining(apiKey.id),
    });
    const wrongSecret = `hubk_${apiKey.id}_${generateApiKey().key.slice(-43)}`;
    expect(await withKey('expired id, wrong secret', wrongSecret)).toMatchObject({
      status: 401,
      code: 'API_KEY_INVALID',
    });
    const listed = await hub.graphql<{ apiKeys: ApiKey[] }>(KEYS, { systemCode: 'fs-tax-collection' }, {}, admin());
    expect(listed.data?.apiKeys.find((k) => k.id === apiKey.id)).toMatchObject({ status: 'EXPIRED' });
  });

  it("lets only admins issue and revoke keys, and a department's stewards list theirs", async () => {
    const system = hub.keys.tax.key;
    for (const [what, result, requiredRoles] of [
      ['system issues', await issue({ roles: ['SYSTEM'], systemCode: 'fs-tax-collection' }, system), ['ADMIN']],
      ['system lists', await hub.graphql(KEYS, {}, {}, { key: system, purpose: null }), ['ADMIN', 'STEWARD']],
      [
        'system revokes',
        await hub.graphql(
          REVOKE,
          { input: { id: hub.keys.tax.principal.keyId, reason: '自行撤销' } },
          {},
          { key: system, purpose: null },
        ),
        ['ADMIN'],
      ],
    ] as const) {
      expect(result.data ?? null, what).toBeNull();
      expect(result.errors?.[0].extensions, what).toMatchObject({ code: 'FORBIDDEN', requiredRoles });
    }
    const psb = hub.keys.psbSteward.key;
    // Least privilege: a steward issues no key, not even for its own department (whoever mints keys can become any system).
    for (const [what, input] of [
      ["its own department's system", { roles: ['SYSTEM'], systemCode: 'fs-psb-idcard' }],
      ["its own department's steward", { roles: ['STEWARD'], departmentUscc: DEPARTMENTS.publicSecurity }],
      ["another department's system", { roles: ['SYSTEM'], systemCode: 'fs-hrss-insurance' }],
      ["another department's steward", { roles: ['STEWARD'], departmentUscc: DEPARTMENTS.humanResources }],
      ['a hub-wide steward', { roles: ['STEWARD'] }],
      ['an admin', { roles: ['ADMIN'] }],
    ] as const) {
      const refused = await issue(input, psb);
      expect(refused.errors?.[0].extensions, what).toMatchObject({ code: 'FORBIDDEN' });
    }
    const revokeOther = await hub.graphql(
      REVOKE,
      { input: { id: hub.keys.tax.principal.keyId, reason: '越权撤销' } },
      {},
      { key: psb, purpose: null },
    );
    expect(revokeOther.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const revokeOwn = await hub.graphql(
      REVOKE,
      { input: { id: hub.keys.population.principal.keyId, reason: '本部门撤销' } },
      {},
      { key: psb, purpose: null },
    );
    expect(revokeOwn.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const own = await issue({ roles: ['SYSTEM'], systemCode: 'fs-psb-idcard' });
    expect(own.data?.issueApiKey.apiKey).toMatchObject({
      departmentUscc: DEPARTMENTS.publicSecurity,
      issuedBy: hub.keys.admin.principal.keyId,
    });
    const listed = await hub.graphql<{ apiKeys: ApiKey[] }>(KEYS, {}, {}, { key: psb, purpose: null });
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.apiKeys.length).toBeGreaterThan(0);
    expect(new Set(listed.data!.apiKeys.map((k) => k.departmentUscc))).toEqual(new Set([DEPARTMENTS.publicSecurity]));
    // A SYSTEM key carries no other role.
    const mixed = await issue({ roles: ['SYSTEM', 'ADMIN'], systemCode: 'fs-tax-collection' });
    expect(mixed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ROLES_INCOMPATIBLE' });
  });

  it('serves health and GraphiQL without a key, whatever the Authorization header says', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-a-key' }]) {
      const health = await fetch(`${hub.gatewayUrl}/health`, { headers });
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      expect((await fetch(`${hub.gatewayUrl}/health/live`, { headers })).status).toBe(200);
      const page = await fetch(`${hub.gatewayUrl}/graphiql`, { headers });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await page.text();
      const assets = [...html.matchAll(/(?:src|href)="graphiql\/assets\/([^"]+)"/g)].map((m) => m[1]);
      expect(assets.length).toBeGreaterThan(0);
      for (const name of assets)
        expect((await fetch(`${hub.gatewayUrl}/graphiql/assets/${name}`, { headers })).status, name).toBe(200);
      const root = await fetch(`${hub.gatewayUrl}/`, { headers, redirect: 'manual' });
      expect(root.status).toBe(302);
      expect(root.headers.get('location')).toBe('/graphiql');
    }
    // Every built asset, not only those the page links (the editor's workers).
    for (const name of await readdir('dist/graphiql/assets'))
      expect((await fetch(`${hub.gatewayUrl}/graphiql/assets/${name}`)).status, name).toBe(200);
    // Open paths are exactly these: their neighbours still want a key.
    expect(await probe('metrics', {}, '/metrics')).toMatchObject({ code: 'OPERATOR_TOKEN_REQUIRED' });
    const near = await fetch(`${hub.gatewayUrl}/healthz`);
    expect(near.status).toBe(401);
    refusals.push({
      what: '/healthz',
      status: near.status,
      contentType: near.headers.get('content-type'),
      text: await near.text(),
    });
  });

  it('counts the refusals it does not record (whoever has no key must not be able to fill the access log)', async () => {
    const before = await hub.metric('gateway', 'hub_authentication_refusals_total');
    await probe('counted', { authorization: 'Bearer hubk_nothing' });
    await probe('counted, no header', {});
    expect((await hub.metric('gateway', 'hub_authentication_refusals_total')) - before).toBe(2);
    const { rows } = await db.query(
      "SELECT count(*)::int AS n FROM catalog.access_record WHERE error_code IN ('UNAUTHENTICATED', 'API_KEY_INVALID', 'API_KEY_EXPIRED', 'API_KEY_REVOKED')",
    );
    expect(rows[0].n).toBe(0);
  });

  it('answers every refusal as JSON with a stable code, and no stack trace or internals', () => {
    expect(refusals.length).toBeGreaterThanOrEqual(15);
    for (const { what, status, contentType, text } of refusals) {
      expect(status, what).toBe(401);
      expect(contentType, what).toMatch(/^application\/json/);
      const body = JSON.parse(text) as { code?: string; errors?: Array<{ extensions?: { code?: string } }> };
      const code = body.code ?? body.errors?.[0]?.extensions?.code;
      expect(AUTH_CODES.has(String(code)), `${what}: ${code}`).toBe(true);
      expect(
        keysOf(body).filter((k) => /stack|exception|trace/i.test(k)),
        what,
      ).toEqual([]);
      expect(text, what).not.toMatch(/\bat .+:\d+:\d+|node_modules|\/work\/|Error:/);
      expect(text, what).not.toContain('secretHash');
    }
  });
});
