// The grants and the keys a page at a time (sharingGrantPage, apiKeyPage), through the gateway: what
// the console's 授权与密钥 page reads instead of sharingGrants and apiKeys, which stop at the newest
// 1,000. Every grant (key) comes once across the pages, newest first; the filters narrow on the
// server; each caller sees what it saw in the capped lists (a department steward its department's
// resources' grants and its department's keys, a system its own grants and no key); a cursor not of
// the list, or a page size out of 1–100, is refused as the caller's mistake.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@hub/identifiers';
import { DEPARTMENTS } from './support/test-access.js';
import { TestHub } from './support/test-hub.js';
import { addDays } from './support/days.js';

interface Grant {
  id: string;
  resourceCode: string;
  providerUscc: string;
  consumerSystemCode: string;
  status: string;
  grantedAt: string;
}

const FIELDS = 'id resourceCode providerUscc consumerSystemCode status grantedAt';
const PAGE = `query Page($filter: SharingGrantFilter, $first: Int!, $after: String) {
  sharingGrantPage(filter: $filter, first: $first, after: $after) { nodes { ${FIELDS} } pageInfo { hasNextPage endCursor } }
}`;
const ALL = `query All { sharingGrants { ${FIELDS} } }`;
const REVOKE = `mutation Revoke($input: RevokeGrantInput!) { revokeSharingGrant(input: $input) { id status } }`;
const APPLICATIONS = `query Apps { sharingApplications(first: 1) { pageInfo { endCursor } } }`;

describe('grants and keys a page at a time, filtered on the server', () => {
  let hub: TestHub;
  let db: pg.Client;
  const today = chinaDate(new Date());

  const as = (key: string) => ({ key, purpose: null });
  const page = (key: string, variables: Record<string, unknown>) =>
    hub.graphql<{ sharingGrantPage: { nodes: Grant[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
      PAGE,
      variables,
      {},
      as(key),
    );
  /** Every page, following the cursors; the ids in the order served. */
  const everyPage = async (key: string, filter: Record<string, unknown> = {}, first = 7) => {
    const seen: Grant[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 1000; pages++) {
      const answer = await page(key, { filter, first, after });
      expect(answer.errors).toBeUndefined();
      const { nodes, pageInfo } = answer.data!.sharingGrantPage;
      expect(nodes.length).toBeLessThanOrEqual(first);
      seen.push(...nodes);
      if (!pageInfo.hasNextPage) return seen;
      expect(nodes).toHaveLength(first);
      after = pageInfo.endCursor;
    }
    throw new Error('more pages than grants');
  };
  const all = async (key: string) => {
    const answer = await hub.graphql<{ sharingGrants: Grant[] }>(ALL, {}, {}, as(key));
    expect(answer.errors).toBeUndefined();
    return answer.data!.sharingGrants;
  };
  const ids = (grants: Grant[]) => grants.map((g) => g.id);
  const sorted = (grants: Grant[]) => ids(grants).sort();

  beforeAll(async () => {
    hub = await TestHub.start();
    db = new pg.Client({ connectionString: hub.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await hub?.close();
  });

  it('pages through every grant once, newest first, as the admin and as a hub-wide steward', async () => {
    const everything = await all(hub.keys.admin.key);
    // The test hub grants its library-reading systems many resources: several pages of 7.
    expect(everything.length).toBeGreaterThan(40);
    expect(everything.length).toBeLessThan(1000);
    for (const key of [hub.keys.admin.key, hub.keys.hubSteward.key]) {
      const paged = await everyPage(key);
      expect(new Set(ids(paged)).size).toBe(paged.length);
      expect(sorted(paged)).toEqual(sorted(everything));
      const times = paged.map((g) => Date.parse(g.grantedAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
    // The default page size is 20.
    const first = await hub.graphql<{ sharingGrantPage: { nodes: Grant[] } }>(
      `{ sharingGrantPage { nodes { id } } }`,
      {},
      {},
      as(hub.keys.admin.key),
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.sharingGrantPage.nodes).toEqual(
      ids(await everyPage(hub.keys.admin.key, {}, 100))
        .slice(0, 20)
        .map((id) => ({ id })),
    );
  });

  it('narrows by consumer system, resource and status (as of today)', async () => {
    const everything = await all(hub.keys.admin.key);
    const system = hub.keys.credit.principal.systemCode!;
    const bySystem = await everyPage(hub.keys.admin.key, { systemCode: system });
    expect(bySystem.length).toBeGreaterThan(0);
    expect(sorted(bySystem)).toEqual(sorted(everything.filter((g) => g.consumerSystemCode === system)));

    const resource = everything.find((g) => g.providerUscc === DEPARTMENTS.publicSecurity)!.resourceCode;
    const byResource = await everyPage(hub.keys.admin.key, { resourceCode: resource });
    expect(sorted(byResource)).toEqual(sorted(everything.filter((g) => g.resourceCode === resource)));
    expect(byResource.length).toBeLessThan(everything.length);
    const both = await everyPage(hub.keys.admin.key, { resourceCode: resource, systemCode: system });
    expect(sorted(both)).toEqual(
      sorted(everything.filter((g) => g.resourceCode === resource && g.consumerSystemCode === system)),
    );

    // One grant of each status: revoked by its provider's steward, ended yesterday, starting tomorrow.
    expect(everything.every((g) => g.status === 'ACTIVE')).toBe(true);
    const psb = everything.filter((g) => g.providerUscc === DEPARTMENTS.publicSecurity);
    const [revoked, expired, future] = psb;
    const revoking = await hub.graphql(
      REVOKE,
      { input: { grantId: revoked.id, reason: '分页测试：撤销一项授权' } },
      {},
      as(hub.keys.psbSteward.key),
    );
    expect(revoking.errors).toBeUndefined();
    await db.query(`UPDATE catalog.sharing_grant SET valid_from = $2, valid_to = $2 WHERE id = $1`, [
      expired.id,
      addDays(today, -1),
    ]);
    await db.query(`UPDATE catalog.sharing_grant SET valid_from = $2 WHERE id = $1`, [future.id, addDays(today, 1)]);
    expect(ids(await everyPage(hub.keys.admin.key, { status: 'REVOKED' }))).toEqual([revoked.id]);
    expect(ids(await everyPage(hub.keys.admin.key, { status: 'EXPIRED' }))).toEqual([expired.id]);
    expect(ids(await everyPage(hub.keys.admin.key, { status: 'NOT_YET_VALID' }))).toEqual([future.id]);
    const active = await everyPage(hub.keys.admin.key, { status: 'ACTIVE' });
    expect(sorted(active)).toEqual(
      sorted(everything.filter((g) => ![revoked.id, expired.id, future.id].includes(g.id))),
    );
    expect(active.every((g) => g.status === 'ACTIVE')).toBe(true);
    // The status filter with the others, and the statuses the list shows.
    const psbResource = await everyPage(hub.keys.admin.key, {
      status: 'REVOKED',
      resourceCode: revoked.resourceCode,
      systemCode: revoked.consumerSystemCode,
    });
    expect(psbResource.map((g) => [g.id, g.status])).toEqual([[revoked.id, 'REVOKED']]);
    expect(await everyPage(hub.keys.admin.key, { status: 'REVOKED', systemCode: 'no-such-system' })).toEqual([]);
  });

  it('shows a department steward its department’s resources’ grants only, and a system its own', async () => {
    const everything = await all(hub.keys.admin.key);
    const psb = everything.filter((g) => g.providerUscc === DEPARTMENTS.publicSecurity);
    expect(psb.length).toBeGreaterThan(7);
    expect(psb.length).toBeLessThan(everything.length);
    const steward = await everyPage(hub.keys.psbSteward.key);
    expect(sorted(steward)).toEqual(sorted(psb));
    // Another department's resource: nothing, though the admin sees grants on it.
    const foreign = everything.find((g) => g.providerUscc !== DEPARTMENTS.publicSecurity)!;
    expect(await everyPage(hub.keys.psbSteward.key, { resourceCode: foreign.resourceCode })).toEqual([]);
    // The supervising department's steward reads every department's overdue applications, not their grants.
    expect(sorted(await everyPage(hub.keys.supervisor.key))).toEqual(
      sorted(everything.filter((g) => g.providerUscc === DEPARTMENTS.dataBureau)),
    );

    const system = hub.keys.legalEntity.principal.systemCode!;
    const own = await everyPage(hub.keys.legalEntity.key);
    expect(own.length).toBeGreaterThan(0);
    expect(sorted(own)).toEqual(sorted(everything.filter((g) => g.consumerSystemCode === system)));
    // Naming another system's code shows a system nothing more.
    expect(await everyPage(hub.keys.legalEntity.key, { systemCode: hub.keys.credit.principal.systemCode })).toEqual([]);
    // A system without grants: an empty list, not an error.
    expect(await everyPage(hub.keys.tax.key)).toEqual([]);
  });

  it('refuses a page size out of 1–100, a cursor not of this list and a malformed resource code as BAD_USER_INPUT', async () => {
    const refused = async (variables: Record<string, unknown>, reason: string) => {
      const answer = await page(hub.keys.admin.key, variables);
      expect(answer.data?.sharingGrantPage ?? null).toBeNull();
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(JSON.stringify(answer.errors?.[0]?.extensions)).toContain(reason);
    };
    await refused({ first: 0 }, 'OUT_OF_RANGE');
    await refused({ first: 101 }, 'OUT_OF_RANGE');
    await refused({ first: 20, after: 'not-a-cursor' }, 'INVALID_CURSOR');
    // A cursor of another list (the applications'), though the hub sealed it.
    const other = await hub.graphql<{ sharingApplications: { pageInfo: { endCursor: string | null } } }>(
      APPLICATIONS,
      {},
      {},
      as(hub.keys.admin.key),
    );
    expect(other.data!.sharingApplications.pageInfo.endCursor).toBeTruthy();
    await refused({ first: 20, after: other.data!.sharingApplications.pageInfo.endCursor }, 'INVALID_CURSOR');
    await refused({ first: 20, filter: { resourceCode: '101003001-000001' } }, 'resourceCode');
  });
  interface Key {
    id: string;
    departmentUscc: string | null;
    systemCode: string | null;
    status: string;
    issuedAt: string;
  }
  const KEY_FIELDS = 'id departmentUscc systemCode status issuedAt';
  const KEY_PAGE = `query KeyPage($filter: ApiKeyFilter, $first: Int!, $after: String) {
    apiKeyPage(filter: $filter, first: $first, after: $after) { nodes { ${KEY_FIELDS} } pageInfo { hasNextPage endCursor } }
  }`;
  const keyPage = (key: string, variables: Record<string, unknown>) =>
    hub.graphql<{ apiKeyPage: { nodes: Key[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
      KEY_PAGE,
      variables,
      {},
      as(key),
    );
  const everyKeyPage = async (key: string, filter: Record<string, unknown> = {}, first = 3) => {
    const seen: Key[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 1000; pages++) {
      const answer = await keyPage(key, { filter, first, after });
      expect(answer.errors).toBeUndefined();
      const { nodes, pageInfo } = answer.data!.apiKeyPage;
      seen.push(...nodes);
      if (!pageInfo.hasNextPage) return seen;
      expect(nodes).toHaveLength(first);
      after = pageInfo.endCursor;
    }
    throw new Error('more pages than keys');
  };
  const allKeys = async (key: string) => {
    const answer = await hub.graphql<{ apiKeys: Key[] }>(`{ apiKeys { ${KEY_FIELDS} } }`, {}, {}, as(key));
    expect(answer.errors).toBeUndefined();
    return answer.data!.apiKeys;
  };
  const keyIds = (keys: Key[]) => keys.map((k) => k.id).sort();

  it('pages through every key once, newest first; filters by department, system and status; a steward sees its department’s', async () => {
    // Two more keys of the social insurance system: one revoked, one expired.
    const issue = async (holderName: string) => {
      const answer = await hub.graphql<{ issueApiKey: { apiKey: { id: string } } }>(
        `mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { apiKey { id } } }`,
        { input: { roles: ['SYSTEM'], systemCode: hub.keys.humanResources.principal.systemCode, holderName } },
        {},
        as(hub.keys.admin.key),
      );
      expect(answer.errors).toBeUndefined();
      return answer.data!.issueApiKey.apiKey.id;
    };
    const revoked = await issue('分页测试：将吊销的密钥');
    const expired = await issue('分页测试：已过期的密钥');
    const revoking = await hub.graphql(
      `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { id } }`,
      { input: { id: revoked, reason: '分页测试' } },
      {},
      as(hub.keys.admin.key),
    );
    expect(revoking.errors).toBeUndefined();
    await db.query(`UPDATE catalog.api_key SET expires_at = now() - interval '1 day' WHERE id = $1`, [expired]);

    const everything = await allKeys(hub.keys.admin.key);
    expect(everything.length).toBeGreaterThan(10);
    const paged = await everyKeyPage(hub.keys.admin.key);
    expect(new Set(paged.map((k) => k.id)).size).toBe(paged.length);
    expect(keyIds(paged)).toEqual(keyIds(everything));
    const times = paged.map((k) => Date.parse(k.issuedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(keyIds(await everyKeyPage(hub.keys.hubSteward.key))).toEqual(keyIds(everything));

    expect((await everyKeyPage(hub.keys.admin.key, { status: 'REVOKED' })).map((k) => k.id)).toEqual([revoked]);
    expect((await everyKeyPage(hub.keys.admin.key, { status: 'EXPIRED' })).map((k) => k.id)).toEqual([expired]);
    const active = await everyKeyPage(hub.keys.admin.key, { status: 'ACTIVE' });
    expect(keyIds(active)).toEqual(keyIds(everything.filter((k) => k.id !== revoked && k.id !== expired)));
    const system = hub.keys.humanResources.principal.systemCode!;
    expect(keyIds(await everyKeyPage(hub.keys.admin.key, { systemCode: system }))).toEqual(
      keyIds(everything.filter((k) => k.systemCode === system)),
    );
    expect(
      (await everyKeyPage(hub.keys.admin.key, { systemCode: system, status: 'REVOKED' })).map((k) => k.id),
    ).toEqual([revoked]);
    const psb = everything.filter((k) => k.departmentUscc === DEPARTMENTS.publicSecurity);
    expect(psb.length).toBeGreaterThan(1);
    expect(keyIds(await everyKeyPage(hub.keys.admin.key, { departmentUscc: DEPARTMENTS.publicSecurity }))).toEqual(
      keyIds(psb),
    );

    // A department steward: its department's keys only, whatever department it names.
    expect(keyIds(await everyKeyPage(hub.keys.psbSteward.key))).toEqual(keyIds(psb));
    expect(await everyKeyPage(hub.keys.psbSteward.key, { departmentUscc: DEPARTMENTS.humanResources })).toEqual([]);
    // A system lists no keys.
    const system_ = await keyPage(hub.keys.credit.key, { first: 20 });
    expect(system_.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(system_.data?.apiKeyPage ?? null).toBeNull();
  });

  it('refuses a key page size out of 1–100 and a cursor of another list as BAD_USER_INPUT', async () => {
    const refused = async (variables: Record<string, unknown>, reason: string) => {
      const answer = await keyPage(hub.keys.admin.key, variables);
      expect(answer.data?.apiKeyPage ?? null).toBeNull();
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(JSON.stringify(answer.errors?.[0]?.extensions)).toContain(reason);
    };
    await refused({ first: 0 }, 'OUT_OF_RANGE');
    await refused({ first: 101 }, 'OUT_OF_RANGE');
    await refused({ first: 20, after: 'not-a-cursor' }, 'INVALID_CURSOR');
    const grants = await page(hub.keys.admin.key, { first: 1 });
    await refused({ first: 20, after: grants.data!.sharingGrantPage.pageInfo.endCursor }, 'INVALID_CURSOR');
    // And the other way round: a key cursor is no grant cursor.
    const keys = await keyPage(hub.keys.admin.key, { first: 1 });
    const crossed = await page(hub.keys.admin.key, { first: 20, after: keys.data!.apiKeyPage.pageInfo.endCursor });
    expect(crossed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    await refused({ first: 20, filter: { departmentUscc: 'not-a-uscc' } }, 'departmentUscc');
  });
});
