import { Module } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { printSubgraphSchema } from '@apollo/subgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubgraphModule } from '@hub/subgraph';
import { CatalogGraphQLScope } from '../catalog.graphql-scope.js';
import { AccessLogReaders } from './access-log-readers.js';
import { AccessLogResolver } from './audit.resolver.js';
import { AccessLog } from './audit.service.js';

// Code-first types fail only when the schema is built (a nullable union without an explicit type,
// a name clash): build the access log's part of the catalog subgraph on its own, without a database.
@Module({ providers: [AccessLogResolver, { provide: AccessLog, useValue: {} }, { provide: AccessLogReaders, useValue: {} }] })
class AccessLogSchemaOnly {}

describe('the access log in the catalog subgraph schema', () => {
  let app: NestFastifyApplication;
  let sdl: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [SubgraphModule.forRoot({ name: 'catalog', include: [AccessLogSchemaOnly, CatalogGraphQLScope] }), AccessLogSchemaOnly],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    sdl = printSubgraphSchema(app.get(GraphQLSchemaHost).schema);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('has the queries and types', () => {
    expect(sdl).toMatch(/accessLog\(\s[\s\S]*subjectType: AccessSubjectType![\s\S]*first: Int! = 20[\s\S]*\): AccessRecordConnection!/);
    expect(sdl).toMatch(/verifyAccessLog\([\s\S]*\): AccessLogVerification!/);
    for (const type of ['type AccessRecord ', 'type AccessRecordConnection', 'type AccessLogVerification', 'enum AccessSubjectType', 'enum AccessOutcome', 'type PageInfo @shareable']) {
      expect(sdl).toContain(type);
    }
  });

  it('refuses a caller the gateway did not vouch for', async () => {
    const fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();
    const response = await fastify.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ query: '{ verifyAccessLog { ok } }' }) });
    expect(response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });
});
