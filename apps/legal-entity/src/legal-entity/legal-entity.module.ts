import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventPublisher } from '@hub/events';
import { RegisterWrites } from '@hub/register';
import { LegalEntityReader } from './legal-entity.reader.js';
import { toRecord } from './legal-entity.record.js';
import { LEGAL_ENTITY_REGISTER } from './legal-entity.register.js';
import { LegalEntityResolver } from './legal-entity.resolver.js';
import { LEGAL_ENTITY_WRITES, LegalEntityService } from './legal-entity.service.js';

/** Queries and single writes of legal entities (the GraphQL side of the library). */
@Module({
  providers: [
    LegalEntityResolver,
    LegalEntityReader,
    LegalEntityService,
    {
      provide: LEGAL_ENTITY_WRITES,
      inject: [getDataSourceToken(), EventPublisher],
      useFactory: (dataSource: DataSource, events: EventPublisher) => new RegisterWrites(LEGAL_ENTITY_REGISTER, dataSource, events, toRecord),
    },
  ],
  exports: [LegalEntityReader],
})
export class LegalEntityModule {}
