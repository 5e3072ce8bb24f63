import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_HEADER, internalSecret, signedHeaders, type Principal } from '@hub/auth';
import { startHttpApp } from '@hub/observability';
import { AnyCaller, SubgraphModule } from '@hub/subgraph';
import { REGISTER, REGISTER_PERSON, aLegalEntity, aPerson } from '../support/fixtures.js';
import { TestHub } from '../support/test-hub.js';

const PERSON = `query($id: String!) { person(idNumber: $id) { idNumber name phone householdAddress { text } } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { idNumber name phone householdAddress { text } } } }`;

/** Everything but /health answers only what the gateway signed: tried from outside, as a process on the same host would. */
describe('below the gateway', () => {
  let hub: TestHub;
  let person: Record<string, unknown> & { idNumber: string };

  /** POSTs JSON to an app directly, with exactly these headers. */
  const post = (app: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${hub.subgraphUrls[app]}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  /** The person as its provider reads it through the gateway (null when it does not exist). */
  const stored = async (idNumber: string) =>
    (
      await hub.graphql<{ person: { name: string; status: string } | null }>(
        `query($id: String!) { person(idNumber: $id) { name status } }`,
        { id: idNumber },
        {},
        { key: hub.keys.population.key },
      )
    ).data?.person;

  beforeAll(async () => {
    hub = await TestHub.start();
    person = aPerson().build() as typeof person;
    const registered = await hub.graphql(REGISTER_PERSON, { input: person });
    expect(registered.errors).toBeUndefined();
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('answers no query, entity reference or schema request without the gateway’s signature, on any app', async () => {
    const attempts: Array<[string, unknown]> = [
      ['population', { query: PERSON, variables: { id: person.idNumber } }],
      ['population', { query: ENTITIES, variables: { r: [{ __typename: 'Person', idNumber: person.idNumber }] } }],
      ['population', { query: '{ _service { sdl } }' }],
      ['population', [{ query: PERSON, variables: { id: person.idNumber } }]],
      ['legal-entity', { query: '{ __schema { types { name } } }' }],
      ['credit', { query: '{ __typename }' }],
      ['geospatial', { query: '{ __typename }' }],
      ['catalog', { query: '{ apiKeys { id holderName } }' }],
      ['once-only', { query: '{ serviceItems { code } }' }],
    ];
    for (const [app, body] of attempts) {
      const response = await post(app, '/graphql', body);
      const text = await response.text();
      expect(response.status, `${app} ${text}`).toBe(401);
      expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: 'ACCESS_SIGNATURE_MISSING' } }] });
      expect(text).not.toContain(person.idNumber);
      expect(text).not.toContain(String(person.phone));
    }
    const get = await fetch(
      `${hub.subgraphUrls.population}/graphql?query=${encodeURIComponent(`{ person(idNumber: "${person.idNumber}") { phone } }`)}`,
    );
    expect(get.status).toBe(401);
    expect(await get.text()).not.toContain(String(person.phone));
  });

  it('takes no write without the gateway’s signature: no registration, no death, no extract', async () => {
    const newcomer = aPerson().build();
    expect(
      (await post('population', '/graphql', { query: REGISTER_PERSON, variables: { input: newcomer } })).status,
    ).toBe(401);
    const death = `mutation($i: ChangePersonStatusInput!) { changePersonStatus(input: $i) { outcome } }`;
    const declared = await post('population', '/graphql', {
      query: death,
      variables: {
        i: {
          idNumber: person.idNumber,
          sourceDepartment: person.sourceDepartment,
          sourceSystem: person.sourceSystem,
          sourceRecordId: person.sourceRecordId,
          version: 2,
          status: 'DECEASED',
          statusEffectiveOn: '2026-01-01',
        },
      },
    });
    expect(declared.status).toBe(401);
    const extract = await fetch(`${hub.subgraphUrls.population}/ingest/persons`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: `${JSON.stringify(aPerson().build())}\n`,
    });
    expect(extract.status).toBe(401);
    expect(await stored(newcomer.idNumber as string)).toBeNull();
    expect(await stored(person.idNumber)).toMatchObject({ status: 'LIVING' });
  });

  it('does not let a captured signature serve another query, another app, or the same request twice', async () => {
    const principal = hub.keys.harness.principal;
    const body = JSON.stringify({ query: '{ __typename }' });
    const signed = signedHeaders(
      { principal, issuer: 'gateway', purpose: 'captured', caseNumber: null },
      'population',
      { method: 'POST', url: '/graphql', body },
      internalSecret()!,
    );
    const send = (app: string, payload: string) =>
      fetch(`${hub.subgraphUrls[app]}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signed },
        body: payload,
      });
    // The captured header with another operation, for the same app: refused, the phone number never read.
    const other = await send('population', JSON.stringify({ query: PERSON, variables: { id: person.idNumber } }));
    expect(other.status).toBe(401);
    expect(await other.json()).toMatchObject({ errors: [{ extensions: { code: 'ACCESS_SIGNATURE_WRONG_REQUEST' } }] });
    // For another app: refused.
    expect(await (await send('credit', body)).json()).toMatchObject({
      errors: [{ extensions: { code: 'ACCESS_SIGNATURE_WRONG_AUDIENCE' } }],
    });
    // The captured request itself, once more: the nonce was spent by the first attempt.
    expect(await (await send('population', body)).json()).toMatchObject({
      errors: [{ extensions: { code: 'ACCESS_SIGNATURE_REPLAYED' } }],
    });
    // A fresh signature for the request it was made for works: the refusals above are the binding, not a broken app.
    const fresh = signedHeaders(
      { principal, issuer: 'gateway', purpose: 'captured', caseNumber: null },
      'population',
      { method: 'POST', url: '/graphql', body },
      internalSecret()!,
    );
    const ok = await fetch(`${hub.subgraphUrls.population}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...fresh },
      body,
    });
    expect(await ok.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a signature made with another secret, or one that names no caller', async () => {
    const body = JSON.stringify({ query: PERSON, variables: { id: person.idNumber } });
    const forged = signedHeaders(
      { principal: hub.keys.population.principal, issuer: 'gateway', purpose: null, caseNumber: null },
      'population',
      { method: 'POST', url: '/graphql', body },
      'an-attacker-guessed-secret-of-64-chars-000000000000000000000000',
    );
    const refused = await fetch(`${hub.subgraphUrls.population}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...forged },
      body,
    });
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain(String(person.phone));
    const asItself = signedHeaders(
      { principal: null, issuer: 'gateway', purpose: null, caseNumber: null },
      'population',
      { method: 'POST', url: '/graphql', body },
      internalSecret()!,
    );
    const noCaller = await fetch(`${hub.subgraphUrls.population}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asItself },
      body,
    });
    expect(await noCaller.json()).toMatchObject({ errors: [{ extensions: { code: 'ACCESS_SIGNATURE_INVALID' } }] });
  });

  it('lets only the register’s provider write it, even with a valid signature (the gateway’s decision checked again below it)', async () => {
    const tax: Principal = hub.keys.tax.principal;
    const newcomer = aPerson().build();
    // As if the gateway had let the tax system's registration through (it does not): the library still refuses.
    const byTax = await hub.subgraphGraphql('population', REGISTER_PERSON, { input: newcomer }, tax, []);
    expect(await byTax.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN', register: 'persons' } }] });
    // A signature claiming the register without the catalog saying so is the same as a forged one: the
    // claims are the gateway's (signed), so the test signs what the gateway would sign for the tax system.
    expect(await stored(newcomer.idNumber as string)).toBeNull();
    // The provider's system, signed as the gateway signs it, writes.
    const byProvider = await hub.subgraphGraphql(
      'population',
      REGISTER_PERSON,
      { input: newcomer },
      hub.keys.population.principal,
      ['persons'],
    );
    expect(await byProvider.json()).toMatchObject({ data: { registerPerson: { outcome: 'REGISTERED' } } });
  });

  it('gives metrics to the operators’ token only, and health to anyone', async () => {
    for (const [app, url] of [...Object.entries(hub.subgraphUrls), ['gateway', hub.gatewayUrl]]) {
      const open = await fetch(`${url}/metrics`);
      expect(open.status, app).toBe(401);
      expect(await open.json(), app).toMatchObject({ code: 'OPERATOR_TOKEN_REQUIRED' });
      const withKey = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${hub.keys.admin.key}` } });
      expect(withKey.status, `${app} with an admin's API key`).toBe(401);
      const operator = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${hub.operatorToken}` } });
      expect(operator.status, app).toBe(200);
      expect(await operator.text(), app).toContain('# HELP');
      expect((await fetch(`${url}/health/live`)).status, app).toBe(200);
    }
  });

  it('answers an unknown path of an app as unauthenticated, not as a route map', async () => {
    for (const path of ['/nothing-here', '/graphql/', '/internal/policy', '/internal/access-records']) {
      const response = await fetch(`${hub.subgraphUrls.catalog}${path}`, { headers: { [ACCESS_HEADER]: 'v1.a.b.c' } });
      expect(response.status, path).toBe(401);
    }
    // The policy (with every key hash) is for the gateway signing as itself; a caller's signature is not enough.
    const body = '';
    const asCaller = signedHeaders(
      { principal: hub.keys.admin.principal, issuer: 'gateway', purpose: null, caseNumber: null },
      'catalog',
      { method: 'GET', url: '/internal/policy', body },
      internalSecret()!,
    );
    const policy = await fetch(`${hub.subgraphUrls.catalog}/internal/policy`, { headers: asCaller });
    expect(policy.status).toBe(401);
    expect(await policy.text()).not.toContain('secretHash');
  });

  it('still serves the gateway’s own traffic: a federated read and an extract through it', async () => {
    const entity = aLegalEntity().build();
    expect((await hub.graphql(REGISTER, { input: entity })).errors).toBeUndefined();
    const read = await hub.graphql<{ person: { phone: string } }>(PERSON, { id: person.idNumber });
    expect(read.errors).toBeUndefined();
    expect(read.data?.person.phone).toBe(person.phone);
    const extract = await hub.ingest('persons', `${JSON.stringify(aPerson().build())}\n`, 'application/x-ndjson');
    expect(await extract.json()).toMatchObject({ registered: 1, rejected: 0 });
  });
});

describe('below the gateway: an app whose operations do not all say who may call them does not start', () => {
  it('refuses to start, naming the undeclared query', async () => {
    @Resolver()
    class CarelessResolver {
      @Query(() => String, { description: 'forgot its access rule' })
      everything(): string {
        return 'all of it';
      }

      @AnyCaller()
      @Query(() => String)
      fine(): string {
        return 'fine';
      }
    }
    @Module({ providers: [CarelessResolver] })
    class CarelessFeature {}
    @Module({ imports: [SubgraphModule.forRoot({ name: 'careless', include: [CarelessFeature] }), CarelessFeature] })
    class CarelessApp {}
    await expect(
      startHttpApp(CarelessApp, { name: 'careless', port: 0, host: '127.0.0.1', shutdownHooks: false }),
    ).rejects.toThrow(/CarelessResolver\.everything/);
  });
});
