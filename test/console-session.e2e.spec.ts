import { request as httpRequest } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestHub, type GraphQLResponse } from './support/test-hub.js';
import { DEPARTMENTS } from './support/test-access.js';

/** The console's idle timeout in this suite: short enough to wait out, long enough for a slow machine between two requests. */
const IDLE_MS = 6000;
const SIGN_INS_PER_MINUTE = 40;
const WHO = `query ConsoleWho { myAccess { keyId roles departmentUscc holderName } }`;
const ISSUE = `mutation ConsoleIssue($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key apiKey { id } } }`;
const REVOKE = `mutation Revoke($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { id status } }`;
const KEYS = `query Keys($departmentUscc: String) { apiKeys(departmentUscc: $departmentUscc) { id holderName } }`;

interface SignedIn {
  status: number;
  text: string;
  setCookie: string[];
  cacheControl: string | null;
  body: {
    principal?: { keyId: string; name: string; roles: string[]; departmentUscc: string | null };
    csrfToken?: string;
    expiresAt?: string;
    idleExpiresAt?: string;
    code?: string;
    message?: string;
    requestId?: string;
    retryAfter?: number;
  };
  /** `name=value` of the session cookie, as a browser sends it back. */
  cookie: string;
}

describe('console sign-in: a key exchanged for a session cookie that goes through the same policy, masking and access records', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await TestHub.start({
      env: { CONSOLE_SESSION_IDLE_MS: String(IDLE_MS), CONSOLE_SIGN_INS_PER_MINUTE: String(SIGN_INS_PER_MINUTE) },
    });
  }, 180_000);
  afterAll(async () => {
    await hub?.close();
  });

  async function signIn(body: unknown, contentType = 'application/json'): Promise<SignedIn> {
    const response = await fetch(`${hub.gatewayUrl}/console/session`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const setCookie = response.headers.getSetCookie();
    return {
      status: response.status,
      text,
      setCookie,
      cacheControl: response.headers.get('cache-control'),
      body: JSON.parse(text),
      cookie: setCookie[0]?.split(';')[0] ?? '',
    };
  }

  /** A /graphql POST with a cookie (no Authorization) and optionally a CSRF token. */
  async function withCookie<T = Record<string, unknown>>(
    cookie: string,
    query: string,
    variables: Record<string, unknown> = {},
    csrf?: string,
    purpose?: string,
  ) {
    const response = await fetch(`${hub.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, ...(csrf === undefined ? {} : { 'x-hub-csrf': csrf }) },
      body: JSON.stringify({ query, variables, ...(purpose ? { extensions: { purpose } } : {}) }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
  }

  async function sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: hub.database.url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }

  const codeOf = (body: GraphQLResponse) => body.errors?.[0]?.extensions?.code;

  it('signs a department steward in: an httpOnly, SameSite=Strict cookie of an opaque id, the CSRF token and the session end — never the key', async () => {
    const key = hub.keys.psbSteward.key;
    const signed = await signIn({ key });
    expect(signed.status).toBe(200);
    expect(signed.body.principal).toEqual({
      keyId: hub.keys.psbSteward.principal.keyId,
      name: 'test PSB steward',
      roles: ['STEWARD'],
      departmentUscc: DEPARTMENTS.publicSecurity,
    });
    expect(signed.body.csrfToken).toMatch(/^[\w-]{43}$/);
    // Eight hours by default, to within a minute.
    expect(Math.abs(Date.parse(signed.body.expiresAt!) - Date.now() - 8 * 3_600_000)).toBeLessThan(60_000);
    expect(signed.cacheControl).toBe('no-store');
    expect(signed.setCookie).toHaveLength(1);
    // Served on loopback http: no Secure (a browser would not send it back), so not the __Host- name either.
    expect(signed.setCookie[0]).toMatch(/^hub_session=[\w-]{43}; Path=\/; Max-Age=28800; HttpOnly; SameSite=Strict$/);
    // The key (or its secret part) is nowhere in what the page is given.
    const secret = key.slice(key.lastIndexOf('_') + 1);
    expect(signed.text).not.toContain(key);
    expect(signed.text).not.toContain(secret);
    expect(signed.setCookie[0]).not.toContain(secret);
  });

  it('sets a Secure __Host- cookie when the browser addressed the hub by a public name, and that cookie works', async () => {
    const body = JSON.stringify({ key: hub.keys.supervisor.key });
    const { status, setCookie } = await new Promise<{ status: number; setCookie: string[] }>((resolve, reject) => {
      const url = new URL(`${hub.gatewayUrl}/console/session`);
      const request = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            host: 'hub.example.gov.cn',
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume();
          response.on('end', () =>
            resolve({ status: response.statusCode!, setCookie: response.headers['set-cookie'] ?? [] }),
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });
    expect(status).toBe(200);
    expect(setCookie[0]).toMatch(
      /^__Host-hub_session=[\w-]{43}; Path=\/; Max-Age=28800; HttpOnly; SameSite=Strict; Secure$/,
    );
    const session = (await (
      await fetch(`${hub.gatewayUrl}/console/session`, { headers: { cookie: setCookie[0].split(';')[0] } })
    ).json()) as SignedIn['body'];
    expect(session.principal?.keyId).toBe(hub.keys.supervisor.principal.keyId);
  });

  it('answers /graphql with the cookie as that steward, and the access record names its key', async () => {
    const signed = await signIn({ key: hub.keys.psbSteward.key });
    const who = await withCookie<{
      myAccess: { keyId: string; roles: string[]; departmentUscc: string; holderName: string };
    }>(signed.cookie, WHO, {}, signed.body.csrfToken);
    expect(who.status).toBe(200);
    expect(who.body.errors).toBeUndefined();
    expect(who.body.data!.myAccess).toEqual({
      keyId: hub.keys.psbSteward.principal.keyId,
      roles: ['STEWARD'],
      departmentUscc: DEPARTMENTS.publicSecurity,
      holderName: 'test PSB steward',
    });
    const records = await hub.eventually(async () => {
      const rows = await sql<{ key_id: string; holder_name: string; roles: string[]; outcome: string }>(
        `SELECT key_id, holder_name, roles, outcome FROM catalog.access_record WHERE operation_name = 'ConsoleWho'`,
      );
      expect(rows.length).toBeGreaterThan(0);
      return rows;
    });
    expect(
      records.every(
        (r) =>
          r.key_id === hub.keys.psbSteward.principal.keyId &&
          r.holder_name === 'test PSB steward' &&
          r.outcome === 'ALLOWED',
      ),
    ).toBe(true);
    // A GET needs no CSRF token (it cannot change anything: Apollo runs no mutation sent by GET).
    const byGet = await fetch(`${hub.gatewayUrl}/graphql?query=${encodeURIComponent(WHO)}`, {
      headers: { cookie: signed.cookie, 'apollo-require-preflight': 'true' },
    });
    expect(byGet.status).toBe(200);
    expect(((await byGet.json()) as GraphQLResponse<{ myAccess: { keyId: string } }>).data?.myAccess.keyId).toBe(
      hub.keys.psbSteward.principal.keyId,
    );
    const mutationByGet = await fetch(
      `${hub.gatewayUrl}/graphql?query=${encodeURIComponent('mutation { withdrawSharingApplication(id: "1") { id } }')}`,
      {
        headers: { cookie: signed.cookie, 'apollo-require-preflight': 'true' },
      },
    );
    expect(mutationByGet.status).not.toBe(200);
    // GET /console/session tells a reloaded page who is signed in, and gives the same CSRF token again.
    const current = await fetch(`${hub.gatewayUrl}/console/session`, { headers: { cookie: signed.cookie } });
    expect(current.status).toBe(200);
    const summary = await current.json();
    expect(summary).toMatchObject({
      principal: { keyId: hub.keys.psbSteward.principal.keyId },
      csrfToken: signed.body.csrfToken,
    });
  });

  it('goes through the same policy: a department steward is refused what its key is refused', async () => {
    const signed = await signIn({ key: hub.keys.psbSteward.key });
    // Issuing keys is an admin's: the steward's cookie is refused exactly as the steward's key is.
    const input = { input: { roles: ['SYSTEM'], systemCode: 'fs-psb-hukou', holderName: 'not issued by a steward' } };
    const byCookie = await withCookie(signed.cookie, ISSUE, input, signed.body.csrfToken);
    const byKey = await hub.graphql(ISSUE, input, {}, { key: hub.keys.psbSteward.key, purpose: null });
    expect(codeOf(byCookie.body)).toBe(codeOf(byKey));
    expect(byCookie.body.data?.issueApiKey ?? null).toBeNull();
  });

  it('refuses a mutation with the cookie but without the CSRF token, or with a wrong one (403 CSRF_TOKEN_INVALID), and takes it with the token', async () => {
    const admin = await signIn({ key: hub.keys.admin.key });
    expect(admin.status).toBe(200);
    const holderName = `console steward ${Date.now()}`;
    const input = { input: { roles: ['STEWARD'], departmentUscc: DEPARTMENTS.publicSecurity, holderName } };
    for (const csrf of [undefined, '', 'x'.repeat(43), (await signIn({ key: hub.keys.admin.key })).body.csrfToken]) {
      const refused = await withCookie(admin.cookie, ISSUE, input, csrf);
      expect(refused.status, String(csrf)).toBe(403);
      expect(refused.body.data).toBeUndefined();
      expect(refused.body.errors![0].extensions).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
      expect(refused.body.errors![0].extensions!.requestId).toEqual(expect.any(String));
    }
    // A query sent by POST needs it too (only GET and HEAD do not).
    expect((await withCookie(admin.cookie, WHO)).status).toBe(403);
    const keys = await hub.graphql<{ apiKeys: Array<{ holderName: string }> }>(
      KEYS,
      { departmentUscc: DEPARTMENTS.publicSecurity },
      {},
      { key: hub.keys.admin.key, purpose: null },
    );
    expect(keys.data!.apiKeys.some((k) => k.holderName === holderName)).toBe(false);

    const issued = await withCookie<{ issueApiKey: { key: string; apiKey: { id: string } } }>(
      admin.cookie,
      ISSUE,
      input,
      admin.body.csrfToken,
    );
    expect(issued.body.errors).toBeUndefined();
    expect(issued.body.data!.issueApiKey.key).toMatch(/^hubk_/);
    const [record] = await hub.eventually(async () => {
      const rows = await sql<{ key_id: string; operation_type: string }>(
        `SELECT key_id, operation_type FROM catalog.access_record WHERE operation_name = 'ConsoleIssue' AND outcome = 'ALLOWED'`,
      );
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(record).toEqual({ key_id: hub.keys.admin.principal.keyId, operation_type: 'mutation' });
  });

  it('ends the sessions of a revoked key: the cookie stops working as soon as the gateway knows', async () => {
    const issued = await hub.graphql<{ issueApiKey: { key: string; apiKey: { id: string } } }>(
      ISSUE,
      {
        input: { roles: ['STEWARD'], departmentUscc: DEPARTMENTS.publicSecurity, holderName: 'steward to be revoked' },
      },
      {},
      { key: hub.keys.admin.key, purpose: null },
    );
    const { key, apiKey } = issued.data!.issueApiKey;
    const signed = await hub.eventually(async () => {
      const s = await signIn({ key });
      expect(s.status).toBe(200);
      return s;
    });
    expect((await withCookie(signed.cookie, WHO, {}, signed.body.csrfToken)).status).toBe(200);
    const revoked = await hub.graphql(
      REVOKE,
      { input: { id: apiKey.id, reason: '员工离职调岗' } },
      {},
      { key: hub.keys.admin.key, purpose: null },
    );
    expect(revoked.errors).toBeUndefined();
    const refused = await hub.eventually(async () => {
      const r = await withCookie(signed.cookie, WHO, {}, signed.body.csrfToken);
      expect(r.status).toBe(401);
      return r;
    });
    expect(codeOf(refused.body)).toBe('API_KEY_REVOKED');
    // The session is gone, not just refused this once.
    expect(codeOf((await withCookie(signed.cookie, WHO, {}, signed.body.csrfToken)).body)).toBe('SESSION_INVALID');
    // And the revoked key cannot sign in again.
    expect((await signIn({ key })).body.code).toBe('API_KEY_REVOKED');
  });

  it("refuses a system's key (403 CONSOLE_ROLE_REQUIRED), a wrong key and a malformed body, without a cookie and without echoing the key", async () => {
    const system = await signIn({ key: hub.keys.harness.key });
    expect(system.status).toBe(403);
    expect(system.body).toMatchObject({ code: 'CONSOLE_ROLE_REQUIRED', requestId: expect.any(String) });
    const wrong = hub.keys.psbSteward.key.slice(0, -4) + 'AAAA';
    const cases: Array<[string, SignedIn, number, string]> = [
      ['system key', system, 403, 'CONSOLE_ROLE_REQUIRED'],
      ['wrong secret', await signIn({ key: wrong }), 401, 'API_KEY_INVALID'],
      ['not a key', await signIn({ key: 'hello' }), 401, 'API_KEY_INVALID'],
      ['no key', await signIn({}), 400, 'BAD_REQUEST'],
      ['key not a string', await signIn({ key: 42 }), 400, 'BAD_REQUEST'],
      ['not JSON', await signIn('{"key":', 'application/json'), 400, 'BAD_REQUEST'],
      // A cross-site form cannot sign a browser in: the hub takes JSON only.
      [
        'form post',
        await signIn(`key=${encodeURIComponent(hub.keys.psbSteward.key)}`, 'application/x-www-form-urlencoded'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
    ];
    for (const [what, result, status, code] of cases) {
      expect(result.status, what).toBe(status);
      expect(result.body.code, what).toBe(code);
      expect(result.body.requestId, what).toEqual(expect.any(String));
      expect(result.setCookie, what).toEqual([]);
      expect(result.text, what).not.toContain(hub.keys.psbSteward.key.slice(-12));
      expect(result.text, what).not.toContain(hub.keys.harness.key.slice(-12));
    }
  });

  it('honours the cookie on /graphql only, and not at all next to an Authorization header', async () => {
    const signed = await signIn({ key: hub.keys.psbSteward.key });
    const ingest = await fetch(`${hub.gatewayUrl}/ingest/persons`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', cookie: signed.cookie, 'x-hub-csrf': signed.body.csrfToken! },
      body: '',
    });
    expect(ingest.status).toBe(401);
    expect(((await ingest.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
    const both = await fetch(`${hub.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: signed.cookie,
        'x-hub-csrf': signed.body.csrfToken!,
        authorization: 'Bearer hubk_nonsense',
      },
      body: JSON.stringify({ query: WHO }),
    });
    expect(both.status).toBe(401);
    expect(codeOf((await both.json()) as GraphQLResponse)).toBe('API_KEY_INVALID');
  });

  it('signs out: the session is gone, the cookie cleared, and the old cookie answers 401', async () => {
    const signed = await signIn({ key: hub.keys.psbSteward.key });
    expect((await withCookie(signed.cookie, WHO, {}, signed.body.csrfToken)).status).toBe(200);
    const out = await fetch(`${hub.gatewayUrl}/console/session`, {
      method: 'DELETE',
      headers: { cookie: signed.cookie },
    });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ signedOut: true });
    const cleared = out.headers.getSetCookie();
    expect(cleared.some((c) => /^hub_session=; Path=\/; Max-Age=0/.test(c))).toBe(true);
    expect(cleared.some((c) => /^__Host-hub_session=; Path=\/; Max-Age=0/.test(c))).toBe(true);
    const after = await withCookie(signed.cookie, WHO, {}, signed.body.csrfToken);
    expect(after.status).toBe(401);
    expect(after.body.errors![0].extensions).toMatchObject({ code: 'SESSION_INVALID', requestId: expect.any(String) });
    const current = await fetch(`${hub.gatewayUrl}/console/session`, { headers: { cookie: signed.cookie } });
    expect(current.status).toBe(401);
    expect(((await current.json()) as { code: string }).code).toBe('SESSION_INVALID');
  });

  it(`ends a session idle for longer than CONSOLE_SESSION_IDLE_MS (${IDLE_MS} ms here)`, async () => {
    const signed = await signIn({ key: hub.keys.psbSteward.key });
    expect((await withCookie(signed.cookie, WHO, {}, signed.body.csrfToken)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS + 3000));
    const idle = await withCookie(signed.cookie, WHO, {}, signed.body.csrfToken);
    expect(idle.status).toBe(401);
    expect(codeOf(idle.body)).toBe('SESSION_EXPIRED');
  }, 30_000);

  // Last: it uses up this address's sign-ins for the minute.
  it('bounds sign-in attempts per address (429 SIGN_IN_RATE_LIMITED with Retry-After), right keys included once over', async () => {
    let limited: SignedIn | undefined;
    for (let i = 0; i <= SIGN_INS_PER_MINUTE && !limited; i++) {
      const attempt = await signIn({ key: `hubk_guess${i}` });
      if (attempt.status === 429) limited = attempt;
    }
    expect(limited?.body).toMatchObject({
      code: 'SIGN_IN_RATE_LIMITED',
      retryAfter: expect.any(Number),
      requestId: expect.any(String),
    });
    const right = await signIn({ key: hub.keys.psbSteward.key });
    expect(right.status).toBe(429);
    expect(right.setCookie).toEqual([]);
  });
});
