import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenIdCheckDigit, generateCitizenId, seededRandom } from '@hub/identifiers';
import { RECORD_CREDIT, REGISTER_PERSON, aCreditRecord, aPerson } from '../support/fixtures.js';
import type { TestKey } from '../support/test-access.js';
import { TestHub, type GraphQLResponse } from '../support/test-hub.js';

/*
 * Lookup oracles (issue 9, "Arguments are part of the decision"). A caller with masked access must
 * not recover the full value behind a masked answer by asking which of a few dozen candidates
 * exists (batch lookups answer null per unknown key), nor by filtering a search on the masked item.
 * Every attack goes through the real gateway; docs/catalog.md, "Arguments are reads", has the rule.
 */

/** The gateway's lookup budget in this hub: misses per key and window (the default window, 1 hour). */
const BUDGET = 20;

/** The citizen whose masked ID the attacker tries to complete. Household in 禅城区 (440604). */
const VICTIM = aPerson('1985-04-12')
  .with({ name: '欧阳娜娜', householdDivisionCode: '440604', householdAddress: '广东省佛山市禅城区祖庙街道人民路1号' })
  .build();

/**
 * What an attacker can derive from the masked ID `440604********1234` and a birth year: every
 * citizen ID with the same first 6 and last 4 characters whose birth date falls in that year and
 * whose check digit agrees — a few dozen, the real one among them (placed last here, so that an
 * attacker who is stopped in time never reaches it).
 */
function candidatesFor(masked: string, year: number): string[] {
  const area = masked.slice(0, 6);
  const sequence = masked.slice(14, 17);
  const check = masked.slice(17);
  const found: string[] = [];
  for (
    let day = new Date(Date.UTC(year, 0, 1));
    day.getUTCFullYear() === year;
    day = new Date(day.getTime() + 86_400_000)
  ) {
    const first17 = `${area}${day.toISOString().slice(0, 10).replace(/-/g, '')}${sequence}`;
    if (citizenIdCheckDigit(first17) === check) found.push(`${first17}${check}`);
  }
  return found;
}

function withCheckDigit(first17: string): string {
  return `${first17}${citizenIdCheckDigit(first17)}`;
}

const PERSONS = `query($ids: [String!]!) { persons(idNumbers: $ids) { idNumber name } }`;
const literalPersons = (ids: string[]) =>
  `{ persons(idNumbers: [${ids.map((id) => JSON.stringify(id)).join(', ')}]) { idNumber name } }`;

interface Answer {
  status: number;
  text: string;
  body: GraphQLResponse<{ persons?: Array<{ idNumber: string; name: string } | null> }>;
  retryAfter: string | null;
}

describe('lookup oracles', () => {
  let hub: TestHub;
  let maskedGrantee: TestKey;
  let creditRecordId: string;

  const ask = async (query: string, variables: Record<string, unknown> | undefined, key: TestKey): Promise<Answer> => {
    const response = await hub.graphqlResponse(query, variables, {}, { key: key.key, purpose: '核验申请人身份' });
    const text = await response.text();
    return {
      status: response.status,
      text,
      body: JSON.parse(text) as Answer['body'],
      retryAfter: response.headers.get('retry-after'),
    };
  };
  const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;
  const accessLog = async (idNumber: string) => {
    const result = await hub.graphql<{
      accessLog: {
        nodes: Array<{
          systemCode: string | null;
          fields: string[];
          subjects: string[];
          outcome: string;
          errorCode: string | null;
        }>;
      };
    }>(
      `query($id: String!) { accessLog(subjectType: PERSON, subjectId: $id, first: 100) { nodes { systemCode fields subjects outcome errorCode } } }`,
      { id: idNumber },
      {},
      { key: hub.keys.supervisor.key },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.accessLog.nodes;
  };

  beforeAll(async () => {
    hub = await TestHub.start({ env: { LOOKUP_MISS_BUDGET: String(BUDGET) } });
    maskedGrantee = hub.keys.tax;
    expect((await hub.graphql(REGISTER_PERSON, { input: VICTIM })).errors).toBeUndefined();
    const penalty = await hub.graphql<{ recordCredit: { record: { recordId: string } } }>(RECORD_CREDIT, {
      input: aCreditRecord('PENALTY', { idNumber: VICTIM.idNumber }).build(),
    });
    expect(penalty.errors).toBeUndefined();
    creditRecordId = penalty.data!.recordCredit.record.recordId;

    // The tax system's masked grant on the household register (人口户籍信息), applied for and
    // approved through the API like any other.
    const today = new Date().toISOString().slice(0, 10);
    const applied = await hub.graphql<{ applyForSharing: { id: string } }>(
      `mutation($i: ApplyForSharingInput!) { applyForSharing(input: $i) { id } }`,
      {
        i: {
          resourceCode: '101002001/000001',
          items: [1, 2, 3, 4, 5, 6, 7, 8, 9],
          purpose: '个税专项附加扣除核验',
          legalBasis: '《个人所得税法》',
          requestedFrom: today,
          requestedTo: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
          fullValues: false,
        },
      },
      {},
      { key: maskedGrantee.key },
    );
    expect(applied.errors).toBeUndefined();
    const approved = await hub.graphql(
      `mutation($i: ApproveSharingInput!) { approveSharingApplication(input: $i) { status } }`,
      { i: { applicationId: applied.data!.applyForSharing.id } },
      {},
      { key: hub.keys.psbSteward.key },
    );
    expect(approved.errors).toBeUndefined();
    await hub.eventually(async () => {
      const access = await hub.graphql<{ myAccess: { items: Array<{ itemId: string; access: string }> } }>(
        `{ myAccess { items { itemId access } } }`,
        {},
        {},
        { key: maskedGrantee.key },
      );
      expect(access.data?.myAccess.items.find((i) => i.itemId === '101002001/000001#7')?.access).toBe('MASKED');
    });
  }, 180_000);
  afterAll(() => hub?.close());

  describe('(a) a masked caller cannot learn which of a few dozen candidate citizen IDs exists beyond its budget', () => {
    let candidates: string[];

    beforeAll(async () => {
      // The masked answer: the penalty's subject, as an unconditional credit record shows it.
      const record = await ask(
        `query($r: ID!) { creditRecord(recordId: $r) { subjectId } }`,
        { r: creditRecordId },
        hub.keys.window,
      );
      const masked = (record.body.data as unknown as { creditRecord: { subjectId: string } }).creditRecord.subjectId;
      expect(masked).toBe(`${VICTIM.idNumber.slice(0, 6)}********${VICTIM.idNumber.slice(-4)}`);
      const derived = candidatesFor(masked, 1985);
      expect(derived).toContain(VICTIM.idNumber);
      candidates = [...derived.filter((id) => id !== VICTIM.idNumber), VICTIM.idNumber];
    });

    it('derives a few dozen candidates, more than the budget', () => {
      expect(candidates.length).toBeGreaterThan(BUDGET);
      expect(candidates.length).toBeLessThan(60);
    });

    it.each([
      ['as a literal', (ids: string[]) => [literalPersons(ids), undefined] as const],
      ['as a variable', (ids: string[]) => [PERSONS, { ids }] as const],
    ])(
      'refuses the whole batch %s before it runs: 429 LOOKUP_BUDGET_EXCEEDED, nothing of any person in the answer',
      async (_how, shape) => {
        const [query, variables] = shape(candidates);
        const answer = await ask(query, variables, hub.keys.window);
        expect(answer.status).toBe(429);
        expect(codeOf(answer)).toBe('LOOKUP_BUDGET_EXCEEDED');
        expect(answer.body.errors).toHaveLength(1);
        expect(answer.body.errors![0].extensions).toMatchObject({
          asked: candidates.length,
          budget: BUDGET,
          remaining: BUDGET,
          retryAfter: null,
        });
        expect(answer.body.data ?? null).toBeNull();
        expect(answer.text).not.toContain(VICTIM.name.slice(1));
        expect(answer.text).not.toContain('欧*');
      },
    );

    it('refuses repeated small batches once their misses pass the budget, before the real ID is reached; the refusal is logged in the access log and counted', async () => {
      const refusalsBefore = await hub.metric('gateway', 'hub_lookup_budget_refusals_total');
      const missesBefore = await hub.metric('gateway', 'hub_lookup_misses_total');
      const answered: string[] = [];
      let refused: Answer | undefined;
      for (let at = 0; at < candidates.length && !refused; at += 4) {
        const batch = candidates.slice(at, at + 4);
        // Alternately a literal and a variable: both spend the same budget.
        const answer =
          at % 8 === 0
            ? await ask(literalPersons(batch), undefined, hub.keys.window)
            : await ask(PERSONS, { ids: batch }, hub.keys.window);
        if (codeOf(answer) === 'LOOKUP_BUDGET_EXCEEDED') refused = answer;
        else {
          expect(answer.body.errors).toBeUndefined();
          expect(answer.body.data?.persons).toEqual(batch.map(() => null));
          answered.push(...batch);
        }
      }
      expect(refused, 'a batch is refused').toBeDefined();
      expect(answered).toHaveLength(BUDGET);
      expect(answered).not.toContain(VICTIM.idNumber);
      expect(refused!.status).toBe(429);
      const retryAfter = refused!.body.errors![0].extensions!.retryAfter as number;
      expect(retryAfter).toBeGreaterThan(0);
      expect(refused!.retryAfter).toBe(String(retryAfter));
      // Smaller batches are refused too, also the single real ID: the budget is spent.
      expect(codeOf(await ask(PERSONS, { ids: [VICTIM.idNumber] }, hub.keys.window))).toBe('LOOKUP_BUDGET_EXCEEDED');

      expect(await hub.metric('gateway', 'hub_lookup_budget_refusals_total')).toBe(refusalsBefore + 2);
      expect(await hub.metric('gateway', 'hub_lookup_misses_total')).toBe(missesBefore + BUDGET);
      // In the access log of the citizen it was about: a REFUSED record with its code, the lookup
      // argument among the fields, the ID asked for among the subjects.
      const records = await accessLog(VICTIM.idNumber);
      const refusal = records.find((r) => r.errorCode === 'LOOKUP_BUDGET_EXCEEDED');
      expect(refusal).toMatchObject({
        systemCode: 'fs-cc-one-window',
        outcome: 'REFUSED',
        subjects: [`PERSON:${VICTIM.idNumber}`],
      });
      expect(refusal!.fields).toContain('Query.persons(idNumbers)');
      // And the misses are on record under each ID tried.
      const tried = await accessLog(answered[0]);
      expect(tried).toContainEqual(
        expect.objectContaining({
          systemCode: 'fs-cc-one-window',
          outcome: 'ALLOWED',
          fields: expect.arrayContaining(['Query.persons(idNumbers)']),
        }),
      );
    });

    it.each([
      [
        'the archive (materials by subject)',
        'tax' as const,
        (ids: string[]) => ids.map((id, i) => `m${i}: materials(subject: ${JSON.stringify(id)}) { id }`).join(' '),
      ],
      [
        "the credit library (a person's credit profile)",
        'admin' as const,
        (ids: string[]) =>
          ids
            .map(
              (id, i) =>
                `c${i}: creditProfile(subjectType: PERSON, subjectId: ${JSON.stringify(id)}) { penalties { recordId } }`,
            )
            .join(' '),
      ],
    ])(
      'stops the same guess made through %s, whose answers exist for any ID',
      async (_through, keyName, selections) => {
        const key = hub.keys[keyName];
        const answered: string[] = [];
        let refused: Answer | undefined;
        for (let at = 0; at < candidates.length && !refused; at += 5) {
          const batch = candidates.slice(at, at + 5);
          const answer = await ask(`{ ${selections(batch)} }`, undefined, key);
          if (codeOf(answer) === 'LOOKUP_BUDGET_EXCEEDED') refused = answer;
          else {
            expect(answer.body.errors).toBeUndefined();
            answered.push(...batch);
          }
        }
        expect(refused, 'a batch is refused').toBeDefined();
        expect(answered).toHaveLength(BUDGET);
        expect(answered).not.toContain(VICTIM.idNumber);
      },
    );

    it("budgets each key on its own: another system's lookups still pass", async () => {
      const answer = await ask(PERSONS, { ids: [VICTIM.idNumber] }, hub.keys.humanResources);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data?.persons?.[0]?.idNumber).toBe(
        `${VICTIM.idNumber.slice(0, 6)}********${VICTIM.idNumber.slice(-4)}`,
      );
    });
  });

  describe('(b) searching by a masked item is reading it: exact and partial name searches need full values', () => {
    it.each([
      [
        'the exact name',
        `{ searchPersons(filter: { name: "欧阳娜娜" }) { nodes { idNumber } } }`,
        'Query.searchPersons(filter.name)',
      ],
      [
        'part of the name',
        `{ searchPersons(filter: { nameContains: "娜娜" }) { nodes { idNumber } } }`,
        'Query.searchPersons(filter.nameContains)',
      ],
    ])(
      'refuses a search by %s to a masked caller, saying why and what to apply for',
      async (_what, query, argument) => {
        const answer = await ask(query, undefined, hub.keys.window);
        expect(answer.status).toBe(403);
        expect(answer.body.data ?? null).toBeNull();
        expect(answer.body.errors![0].extensions).toMatchObject({
          code: 'ACCESS_DENIED',
          refused: [
            {
              reason: 'FILTER_NEEDS_FULL_ACCESS',
              item: '101001001/000001#2',
              itemName: '姓名',
              resourceCode: '101001001/000001',
              fields: [argument],
            },
          ],
          applyFor: [{ resourceCode: '101001001/000001', items: [2], fullValues: true }],
        });
        expect(answer.body.errors![0].message).toContain('full values');
        expect(answer.text).not.toContain(VICTIM.idNumber.slice(6, 14));
      },
    );

    it('lets a full-value caller and the provider search by name', async () => {
      for (const key of [hub.keys.harness, hub.keys.population]) {
        const answer = await ask(
          `{ searchPersons(filter: { name: "欧阳娜娜" }) { nodes { idNumber } } }`,
          undefined,
          key,
        );
        expect(answer.body.errors).toBeUndefined();
        expect((answer.body.data as unknown as { searchPersons: { nodes: unknown[] } }).searchPersons.nodes).toEqual([
          { idNumber: VICTIM.idNumber },
        ]);
      }
    });
  });

  describe('(c) filtering on a conditional item needs it in full', () => {
    const BY_DIVISION = `{ searchPersons(filter: { divisionCode: "440604" }) { nodes { idNumber } } }`;

    it('refuses a household-division filter to a caller without a grant for the household register', async () => {
      const answer = await ask(BY_DIVISION, undefined, hub.keys.window);
      expect(answer.status).toBe(403);
      expect(answer.body.errors![0].extensions).toMatchObject({
        code: 'ACCESS_DENIED',
        refused: [
          {
            reason: 'FILTER_NEEDS_FULL_ACCESS',
            item: '101002001/000001#3',
            fields: ['Query.searchPersons(filter.divisionCode)'],
          },
        ],
        applyFor: [{ resourceCode: '101002001/000001', items: [3], fullValues: true }],
      });
    });

    it('refuses an exact match on a masked conditional item (the household number) to a masked-grant caller; a full-value caller matches', async () => {
      const query = `query($n: String!) { household(number: $n) { members { person { idNumber } } } }`;
      const refused = await ask(query, { n: 'H440604000001' }, maskedGrantee);
      expect(refused.body.errors![0].extensions).toMatchObject({
        code: 'ACCESS_DENIED',
        refused: [
          { reason: 'FILTER_NEEDS_FULL_ACCESS', item: '101002001/000001#7', fields: ['Query.household(number)'] },
        ],
      });
      const full = await ask(query, { n: 'H440604000001' }, hub.keys.harness);
      expect(full.body.errors).toBeUndefined();
    });

    it('lets a masked-grant caller filter by the division, which the catalog shares unmasked (it reads the same value in full)', async () => {
      const answer = await ask(BY_DIVISION, undefined, maskedGrantee);
      expect(answer.body.errors).toBeUndefined();
    });
  });

  describe('(d) the same through fragments, aliases, variables and @include', () => {
    it.each([
      [
        'a variable filter object',
        `query($f: PersonSearchFilter!) { searchPersons(filter: $f) { nodes { idNumber } } }`,
        { f: { name: '欧阳娜娜' } },
      ],
      [
        'a variable inside a literal filter',
        `query($n: String) { searchPersons(filter: { nameContains: $n }) { nodes { idNumber } } }`,
        { n: '娜' },
      ],
      [
        "a variable's default",
        `query($n: String = "欧阳娜娜") { searchPersons(filter: { name: $n }) { nodes { idNumber } } }`,
        {},
      ],
      [
        'an aliased field in a named fragment, kept by @include',
        `query($yes: Boolean!) { ...Find } fragment Find on Query { who: searchPersons(filter: { name: "欧阳娜娜" }) @include(if: $yes) { nodes { idNumber } } }`,
        { yes: true },
      ],
      [
        'an inline fragment',
        `{ ... on Query { searchPersons(filter: { divisionCode: "4406", name: "欧阳娜娜" }) { nodes { idNumber } } } }`,
        {},
      ],
    ])('refuses a name filter passed through %s', async (_how, query, variables) => {
      const answer = await ask(query, variables, hub.keys.window);
      expect(codeOf(answer)).toBe('ACCESS_DENIED');
      const refused = answer.body.errors![0].extensions!.refused as Array<{ reason: string; item: string }>;
      expect(refused).toContainEqual(
        expect.objectContaining({ reason: 'FILTER_NEEDS_FULL_ACCESS', item: '101001001/000001#2' }),
      );
    });

    it('does not refuse a filter in a field @include leaves out, nor a null filter value', async () => {
      const skipped = await ask(
        `query($yes: Boolean!, $n: String) { ...Find searchPersons(filter: { name: $n, divisionCode: "440604" }) @include(if: $yes) { nodes { idNumber } } } fragment Find on Query { x: searchPersons(filter: { name: "欧阳娜娜" }) @include(if: $yes) { nodes { idNumber } } }`,
        { yes: false, n: null },
        maskedGrantee,
      );
      expect(skipped.body.errors).toBeUndefined();
      const nullName = await ask(
        `query($n: String) { searchPersons(filter: { name: $n, divisionCode: "440604" }) { nodes { idNumber } } }`,
        { n: null },
        maskedGrantee,
      );
      expect(nullName.body.errors).toBeUndefined();
    });

    it('counts every key of a lookup however it is passed: aliases, fragments, a variable list, a literal inside a fragment', async () => {
      const ids = Array.from({ length: BUDGET + 1 }, (_, i) =>
        withCheckDigit(`440604197001${String(i + 10).padStart(2, '0')}123`),
      );
      const answer = await ask(
        `query($ids: [String!]!, $yes: Boolean = true) { a: persons(idNumbers: $ids) { ...P } ... @include(if: $yes) { b: person(idNumber: "${ids[0]}") { ...P } } } fragment P on Person { name }`,
        { ids: ids.slice(1) },
        maskedGrantee,
      );
      expect(answer.status).toBe(429);
      expect(answer.body.errors![0].extensions).toMatchObject({ code: 'LOOKUP_BUDGET_EXCEEDED', asked: BUDGET + 1 });
    });
  });

  describe('(e) a provider or a full-value caller is not budgeted', () => {
    it.each([
      ['the provider (public security)', 'population'],
      ['a full-value grantee (the exchange system)', 'harness'],
    ] as const)('%s looks up a batch of 1,000 unknown IDs, twice', async (_who, key) => {
      const random = seededRandom(5000);
      const ids = Array.from({ length: 1000 }, () => generateCitizenId(random, { areaCode: '440604' }));
      expect(new Set(ids).size).toBe(1000);
      const missesBefore = await hub.metric('gateway', 'hub_lookup_misses_total');
      for (let round = 0; round < 2; round++) {
        const answer = await ask(PERSONS, { ids }, hub.keys[key]);
        expect(answer.body.errors).toBeUndefined();
        expect(answer.body.data?.persons).toHaveLength(1000);
      }
      expect(await hub.metric('gateway', 'hub_lookup_misses_total')).toBe(missesBefore);
    });
  });

  describe('(f) a lookup is a read on record', () => {
    it('costs a department nothing for a real applicant, also where the answer is empty (archive, results, credit)', async () => {
      // A key that sees the archive's, results' and credit's subject IDs masked (a steward of public
      // security: its own register's IDs it reads in full). The once-only app knows the citizen
      // from the population's events, asynchronously.
      const key = hub.keys.psbSteward;
      await hub.eventually(async () => {
        const before = await hub.metric('gateway', 'hub_lookup_misses_total');
        const answer = await ask(`query($s: String!) { materials(subject: $s) { id } }`, { s: VICTIM.idNumber }, key);
        expect(answer.body.errors).toBeUndefined();
        expect(await hub.metric('gateway', 'hub_lookup_misses_total')).toBe(before);
      }, 30_000);
      const before = await hub.metric('gateway', 'hub_lookup_misses_total');
      for (let i = 0; i < BUDGET + 5; i++) {
        const answer = await ask(
          `query($s: String!) { materials(subject: $s) { id } reviewResults(subject: $s) { id } creditProfile(subjectType: PERSON, subjectId: $s) { penalties { recordId } } person(idNumber: $s) { name } }`,
          { s: VICTIM.idNumber },
          key,
        );
        expect(answer.body.errors).toBeUndefined();
      }
      expect(await hub.metric('gateway', 'hub_lookup_misses_total')).toBe(before);
    });

    it('names the argument among the fields and the ID among the subjects, and a hit costs no budget', async () => {
      const key = hub.keys.humanResources;
      for (let i = 0; i < BUDGET + 5; i++) {
        const answer = await ask(
          `query($id: String!) { person(idNumber: $id) { name } }`,
          { id: VICTIM.idNumber },
          key,
        );
        expect(answer.body.errors).toBeUndefined();
      }
      const records = (await accessLog(VICTIM.idNumber)).filter((r) => r.systemCode === 'fs-hrss-insurance');
      expect(records.length).toBeGreaterThanOrEqual(BUDGET + 5);
      expect(records[0]).toMatchObject({ outcome: 'ALLOWED', subjects: [`PERSON:${VICTIM.idNumber}`] });
      expect(records[0].fields).toEqual(['Person.name', 'Query.person', 'Query.person(idNumber)']);
    });
  });

  // Last: it changes the catalog of this hub.
  describe('(c, continued) a filter follows the catalog', () => {
    const BY_DIVISION = `{ searchPersons(filter: { divisionCode: "440604" }) { nodes { idNumber } } }`;

    it('once the catalog masks the division, refuses the division filter to the masked-grant caller and allows it to a full-value caller', async () => {
      const CODE = '101002001/000001';
      const read = await hub.graphql<{ catalogResource: { version: number; items: Array<Record<string, unknown>> } }>(
        `query($c: String!) { catalogResource(code: $c) { version items { no name dataType fields arguments sensitivity masking dataClass maskUnless { field values } description } } }`,
        { c: CODE },
        {},
        { key: hub.keys.hubSteward.key },
      );
      expect(read.errors).toBeUndefined();
      const items = read.data!.catalogResource.items.map((i) => (i.no === 3 ? { ...i, masking: 'REDACT' } : i));
      expect(items.find((i) => i.no === 3)?.arguments).toEqual(['Query.searchPersons(filter.divisionCode)']);
      const updated = await hub.graphql(
        `mutation($i: UpdateCatalogResourceInput!) { updateCatalogResource(input: $i) { version } }`,
        { i: { code: CODE, expectedVersion: read.data!.catalogResource.version, items } },
        {},
        { key: hub.keys.hubSteward.key },
      );
      expect(updated.errors).toBeUndefined();
      const refused = await hub.eventually(async () => {
        const answer = await ask(BY_DIVISION, undefined, maskedGrantee);
        expect(codeOf(answer)).toBe('ACCESS_DENIED');
        return answer;
      });
      expect(refused.body.errors![0].extensions).toMatchObject({
        refused: [{ reason: 'FILTER_NEEDS_FULL_ACCESS', item: '101002001/000001#3' }],
      });
      const full = await ask(BY_DIVISION, undefined, hub.keys.harness);
      expect(full.body.errors).toBeUndefined();
      expect(
        (full.body.data as unknown as { searchPersons: { nodes: Array<{ idNumber: string }> } }).searchPersons.nodes,
      ).toContainEqual({ idNumber: VICTIM.idNumber });
    });
  });
});
