import { Module } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Role, ensureInternalSecret, signedHeaders, type Principal } from '@hub/auth';
import { printSubgraphSchema } from '@apollo/subgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubgraphModule } from '@hub/subgraph';
import { CatalogGraphQLScope } from '../catalog.graphql-scope.js';
import { AccessLogReaders } from './access-log-readers.js';
import { AccessLogResolver } from './audit.resolver.js';
import { AccessLog } from './audit.service.js';

// Code-first types fail only when the schema is built (a nullable union without an explicit type,
// a name clash): build the access log's part of the catalog subgraph on its own, without a database.
@Module({
  providers: [AccessLogResolver, { provide: AccessLog, useValue: {} }, { provide: AccessLogReaders, useValue: {} }],
})
class AccessLogSchemaOnly {}

describe('the access log in the catalog subgraph schema', () => {
  let app: NestFastifyApplication;
  let sdl: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        SubgraphModule.forRoot({ name: 'catalog', include: [AccessLogSchemaOnly, CatalogGraphQLScope] }),
        AccessLogSchemaOnly,
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
      logger: false,
      rawBody: true,
    });
    await app.init();
    sdl = printSubgraphSchema(app.get(GraphQLSchemaHost).schema);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('has the queries and types', () => {
    expect(sdl).toMatch(
      /accessLog\(\s[\s\S]*subjectType: AccessSubjectType![\s\S]*first: Int! = 20[\s\S]*\): AccessRecordConnection!/,
    );
    expect(sdl).toMatch(/verifyAccessLog\([\s\S]*\): AccessLogVerification!/);
    for (const type of [
      'type AccessRecord ',
      'type AccessRecordConnection',
      'type AccessLogVerification',
      'enum AccessSubjectType',
      'enum AccessOutcome',
      'type PageInfo @shareable',
    ]) {
      expect(sdl).toContain(type);
    }
  });

  it('refuses a caller the gateway did not vouch for, and a system the gateway vouched for', async () => {
    const fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();
    const payload = JSON.stringify({ query: '{ verifyAccessLog { ok } }' });
    const unsigned = await fastify.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json()).toMatchObject({ errors: [{ extensions: { code: 'ACCESS_SIGNATURE_MISSING' } }] });
    const system: Principal = {
      keyId: 'abcdefghijkl',
      roles: [Role.SYSTEM],
      departmentUscc: '11440604MB2D07312X',
      systemCode: 'fs-cc-one-window',
      name: 'one window',
    };
    const signed = signedHeaders(
      { principal: system, issuer: 'gateway', purpose: null, caseNumber: null },
      'catalog',
      { method: 'POST', url: '/graphql', body: payload },
      ensureInternalSecret(),
    );
    const refused = await fastify.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...signed },
      payload,
    });
    expect(refused.json()).toMatchObject({
      errors: [{ extensions: { code: 'FORBIDDEN', requiredRoles: ['STEWARD', 'ADMIN'] } }],
    });
  });
});
