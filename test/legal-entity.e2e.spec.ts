import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGAL_ENTITY_TOPIC } from '@hub/contracts';
import { schemaErrors } from './support/event-schemas.js';
import { REGISTER, SOURCE_DEPARTMENT, aLegalEntity } from './support/fixtures.js';
import { TestHub, type EventCollector } from './support/test-hub.js';

type WriteResult = { outcome: string; legalEntity: { uscc: string; status: string; provenance: { version: number } } };

describe('legal-entity library through the gateway', () => {
  let hub: TestHub;
  let events: EventCollector;

  beforeAll(async () => {
    hub = await TestHub.start();
    events = await hub.collect(LEGAL_ENTITY_TOPIC);
  });
  afterAll(async () => {
    await events?.close();
    await hub?.close();
  });

  it('registers a legal entity, serves it back, and publishes its event with ce_* headers keyed by USCC', async () => {
    const input = aLegalEntity().build();
    const write = await hub.graphql<{ registerLegalEntity: WriteResult }>(REGISTER, { input });
    expect(write.errors).toBeUndefined();
    expect(write.data?.registerLegalEntity.outcome).toBe('REGISTERED');

    const read = await hub.graphql<{ legalEntity: Record<string, unknown> }>(
      `query($u: String!) { legalEntity(uscc: $u) { uscc name kind status establishedOn registeredCapital { amount currency }
        registeredAddress { divisionCode divisionName } legalRepresentative { idNumber }
        provenance { sourceDepartment sourceSystem sourceRecordId version receivedAt } history { changeType version } } }`,
      { u: input.uscc },
      {},
      // The change history is not shared: the provider department's own system reads it.
      { key: hub.keys.legalEntity.key },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.legalEntity).toMatchObject({
      uscc: input.uscc,
      name: input.name,
      kind: 'ENTERPRISE',
      status: 'ACTIVE',
      establishedOn: '2018-06-01',
      registeredCapital: { amount: '1000000.00', currency: 'CNY' },
      registeredAddress: { divisionCode: input.registeredAddressDivisionCode },
      legalRepresentative: { idNumber: input.legalRepresentativeIdNumber },
      provenance: {
        sourceDepartment: SOURCE_DEPARTMENT,
        sourceSystem: 'fs-amr-registration',
        sourceRecordId: input.sourceRecordId,
        version: 1,
      },
      history: [{ changeType: 'registered', version: 1 }],
    });

    const [message] = (await events.waitFor((ms) => ms.some((m) => m.key === input.uscc))).filter(
      (m) => m.key === input.uscc,
    );
    expect(message.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_type: 'hub.legal-entity.registered.v1',
      ce_source: '/hub/legal-entity',
      ce_subject: input.uscc,
      'content-type': 'application/json',
    });
    expect(message.headers.ce_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(message.headers.ce_time)).not.toBeNaN();
    const data = JSON.parse(message.value);
    expect(schemaErrors('hub.legal-entity.registered.v1', data)).toEqual([]);
    expect(data).toMatchObject({ uscc: input.uscc, version: 1, record: { name: input.name } });
  });

  it('changes fields and status with new versions, keeping the history and emitting one event per kind of change', async () => {
    const input = aLegalEntity().build();
    await hub.graphql(REGISTER, { input });
    const source = {
      uscc: input.uscc,
      sourceDepartment: SOURCE_DEPARTMENT,
      sourceSystem: 'fs-amr-registration',
      sourceRecordId: input.sourceRecordId,
    };
    const changed = await hub.graphql<{ changeLegalEntity: WriteResult }>(
      `mutation($i: ChangeLegalEntityInput!) { changeLegalEntity(input: $i) { outcome legalEntity { provenance { version } } } }`,
      { i: { ...source, version: 2, name: '新名称有限公司', businessScope: '软件开发' } },
    );
    expect(changed.data?.changeLegalEntity).toMatchObject({
      outcome: 'CHANGED',
      legalEntity: { provenance: { version: 2 } },
    });
    const revoked = await hub.graphql<{ changeLegalEntityStatus: WriteResult }>(
      `mutation($i: ChangeLegalEntityStatusInput!) { changeLegalEntityStatus(input: $i) { outcome legalEntity { status } } }`,
      {
        i: {
          ...source,
          version: 3,
          status: 'REVOKED',
          statusEffectiveOn: '2025-03-01',
          statusReason: '未按规定报送年度报告',
        },
      },
    );
    expect(revoked.data?.changeLegalEntityStatus).toMatchObject({
      outcome: 'CHANGED',
      legalEntity: { status: 'REVOKED' },
    });

    const history = await hub.graphql<{
      legalEntity: { history: Array<{ changeType: string; version: number; changes: Record<string, unknown> }> };
    }>(
      `query($u: String!) { legalEntity(uscc: $u) { history { changeType version changes } } }`,
      { u: input.uscc },
      {},
      { key: hub.keys.legalEntity.key },
    );
    expect(history.data?.legalEntity.history.map((h) => [h.changeType, h.version])).toEqual([
      ['status-changed', 3],
      ['changed', 2],
      ['registered', 1],
    ]);
    expect(history.data?.legalEntity.history[1].changes).toEqual({
      name: { from: input.name, to: '新名称有限公司' },
      businessScope: { from: null, to: '软件开发' },
    });

    const mine = (await events.waitFor((ms) => ms.filter((m) => m.key === input.uscc).length >= 3)).filter(
      (m) => m.key === input.uscc,
    );
    expect(mine.map((m) => m.headers.ce_type)).toEqual([
      'hub.legal-entity.registered.v1',
      'hub.legal-entity.changed.v1',
      'hub.legal-entity.status-changed.v1',
    ]);
    for (const m of mine) expect(schemaErrors(m.headers.ce_type, JSON.parse(m.value))).toEqual([]);
    expect(JSON.parse(mine[2].value)).toMatchObject({ from: 'ACTIVE', to: 'REVOKED', effectiveOn: '2025-03-01' });
  });

  it('treats a replayed version as a no-op and refuses an older version with STALE_VERSION', async () => {
    const input = aLegalEntity().build();
    await hub.graphql(REGISTER, { input });
    const replay = await hub.graphql<{ registerLegalEntity: WriteResult }>(REGISTER, { input });
    expect(replay.data?.registerLegalEntity.outcome).toBe('REPLAYED');

    const source = {
      uscc: input.uscc,
      sourceDepartment: SOURCE_DEPARTMENT,
      sourceSystem: 'fs-amr-registration',
      sourceRecordId: input.sourceRecordId,
    };
    const change = `mutation($i: ChangeLegalEntityInput!) { changeLegalEntity(input: $i) { outcome } }`;
    expect(
      (await hub.graphql(change, { i: { ...source, version: 5, name: '五号版本有限公司' } })).errors,
    ).toBeUndefined();
    const stale = await hub.graphql(change, { i: { ...source, version: 4, name: '旧版本有限公司' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'STALE_VERSION', field: 'version', storedVersion: 5 });
    const reused = await hub.graphql(change, { i: { ...source, version: 5, name: '同版本不同内容有限公司' } });
    expect(reused.errors?.[0].extensions).toMatchObject({ code: 'VERSION_REUSED', field: 'version' });

    // Exactly two events for this entity: the registration and the version-5 change.
    await new Promise((r) => setTimeout(r, 500));
    const mine = (await events.waitFor((ms) => ms.filter((m) => m.key === input.uscc).length >= 2)).filter(
      (m) => m.key === input.uscc,
    );
    expect(mine.map((m) => m.headers.ce_type)).toEqual([
      'hub.legal-entity.registered.v1',
      'hub.legal-entity.changed.v1',
    ]);
  });

  it('refuses a change from another source record (one source per entity) and a forbidden status change', async () => {
    const input = aLegalEntity().with({ status: 'DEREGISTERED', statusEffectiveOn: '2024-01-01' }).build();
    await hub.graphql(REGISTER, { input });
    const other = await hub.graphql(
      `mutation($i: ChangeLegalEntityInput!) { changeLegalEntity(input: $i) { outcome } }`,
      {
        i: {
          uscc: input.uscc,
          sourceDepartment: SOURCE_DEPARTMENT,
          sourceSystem: 'fs-amr-registration',
          sourceRecordId: 'x-1',
          version: 9,
          name: '抢注有限公司',
        },
      },
    );
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'SOURCE_MISMATCH' });
    const revive = await hub.graphql(
      `mutation($i: ChangeLegalEntityStatusInput!) { changeLegalEntityStatus(input: $i) { outcome } }`,
      {
        i: {
          uscc: input.uscc,
          sourceDepartment: SOURCE_DEPARTMENT,
          sourceSystem: 'fs-amr-registration',
          sourceRecordId: input.sourceRecordId,
          version: 2,
          status: 'ACTIVE',
        },
      },
    );
    expect(revive.errors?.[0].extensions).toMatchObject({ code: 'INVALID_STATUS_TRANSITION', field: 'status' });
  });

  describe('bad input gets a stable code and names the offending field', () => {
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['a USCC with a wrong check character', { uscc: 'WRONG' }, 'input.uscc', 'USCC_FORMAT'],
      [
        'an unknown division code',
        { registeredAddressDivisionCode: '999999' },
        'input.registeredAddressDivisionCode',
        'DIVISION_CODE_UNKNOWN',
      ],
      ['an impossible date', { establishedOn: '2019-02-30' }, 'input.establishedOn', 'INVALID_DATE'],
      ['an oversized name', { name: '名'.repeat(201) }, 'input.name', 'TOO_LONG'],
      ['an oversized business scope', { businessScope: 'x'.repeat(4001) }, 'input.businessScope', 'TOO_LONG'],
      [
        'a citizen ID with a wrong check digit',
        { legalRepresentativeIdNumber: '110105194912310021' },
        'input.legalRepresentativeIdNumber',
        'CITIZEN_ID_CHECK_DIGIT',
      ],
    ];
    it.each(cases)('%s', async (_name, override, field, reason) => {
      const input = aLegalEntity().with(override).build();
      if (override.uscc === 'WRONG') {
        // Flip the check character of a valid USCC: the check must catch it.
        const valid = aLegalEntity().build().uscc;
        input.uscc = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
      }
      const result = await hub.graphql(REGISTER, { input });
      expect(result.data ?? null).toBeNull();
      expect(result.errors).toHaveLength(1);
      const extensions = result.errors![0].extensions!;
      expect(extensions.code).toBe('BAD_USER_INPUT');
      expect(extensions.field).toBe(field);
      expect([reason, ...(override.uscc === 'WRONG' ? ['USCC_CHECK_DIGIT'] : [])]).toContain(extensions.reason);
      expect(typeof extensions.requestId).toBe('string');
      // Nothing was stored.
      const read = await hub.graphql<{ legalEntities: unknown[] }>(
        `query($u: [String!]!) { legalEntities(usccs: $u) { uscc } }`,
        { u: [aLegalEntity().build().uscc] },
      );
      expect(read.errors).toBeUndefined();
    });

    it('lists every invalid USCC of a batch query by position', async () => {
      const good = aLegalEntity().build().uscc;
      const bad = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
      const result = await hub.graphql(`query($u: [String!]!) { legalEntities(usccs: $u) { uscc } }`, {
        u: [good, bad],
      });
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'usccs[1]',
        reason: 'USCC_CHECK_DIGIT',
      });
    });
  });

  it('answers legalEntities in the order asked, with null for unknown USCCs', async () => {
    const a = aLegalEntity().build();
    const b = aLegalEntity().build();
    await hub.graphql(REGISTER, { input: a });
    await hub.graphql(REGISTER, { input: b });
    const unknown = aLegalEntity().build().uscc;
    const result = await hub.graphql<{ legalEntities: Array<{ uscc: string } | null> }>(
      `query($u: [String!]!) { legalEntities(usccs: $u) { uscc } }`,
      { u: [b.uscc, unknown, a.uscc.toLowerCase()] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.legalEntities).toEqual([{ uscc: b.uscc }, null, { uscc: a.uscc }]);
  });

  it('searches by name, status and division with cursor pagination', async () => {
    for (let i = 0; i < 5; i++) {
      await hub.graphql(REGISTER, {
        input: aLegalEntity()
          .with({ name: `佛山搜索测试${i}有限公司`, registeredAddressDivisionCode: '440605' })
          .build(),
      });
    }
    const page = `query($after: String) { searchLegalEntities(filter: { nameContains: "搜索测试", divisionCode: "440600", status: ACTIVE }, first: 2, after: $after) {
      nodes { uscc name } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 5; guard++) {
      const result = await hub.graphql<{
        searchLegalEntities: { nodes: Array<{ uscc: string }>; pageInfo: { hasNextPage: boolean; endCursor?: string } };
      }>(page, { after });
      expect(result.errors).toBeUndefined();
      seen.push(...result.data!.searchLegalEntities.nodes.map((n) => n.uscc));
      if (!result.data!.searchLegalEntities.pageInfo.hasNextPage) break;
      after = result.data!.searchLegalEntities.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(5);
    expect([...seen].sort()).toEqual(seen);
    const badCursor = await hub.graphql(`{ searchLegalEntities(after: "nonsense") { nodes { uscc } } }`);
    expect(badCursor.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
      reason: 'INVALID_CURSOR',
    });
  });
});
