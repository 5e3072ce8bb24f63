import { Module } from '@nestjs/common';
import { LegalEntityReader } from './legal-entity.reader.js';
import { LegalEntityResolver } from './legal-entity.resolver.js';
import { LegalEntityService } from './legal-entity.service.js';

/** Queries and single writes of legal entities (the GraphQL side of the library). */
@Module({
  providers: [LegalEntityResolver, LegalEntityReader, LegalEntityService],
  exports: [LegalEntityReader],
})
export class LegalEntityModule {}
