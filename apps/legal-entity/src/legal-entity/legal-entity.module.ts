import { Module } from '@nestjs/common';
import { RegisterModule } from '@hub/register';
import { LegalEntityRecordInput } from './dto/legal-entity-record.input.js';
import { LegalEntityReader } from './legal-entity.reader.js';
import { toRecord } from './legal-entity.record.js';
import { LEGAL_ENTITY_REGISTER } from './legal-entity.register.js';
import { LegalEntityResolver } from './legal-entity.resolver.js';
import { LegalEntityService } from './legal-entity.service.js';

/** Queries and single writes of legal entities (the GraphQL side of the library), and bulk ingest at POST /ingest/legal-entities. */
@Module({
  imports: [
    RegisterModule.forFeature({
      spec: LEGAL_ENTITY_REGISTER,
      input: LegalEntityRecordInput,
      toRecord,
      ingestPath: 'legal-entities',
    }),
  ],
  providers: [LegalEntityResolver, LegalEntityReader, LegalEntityService],
  exports: [LegalEntityReader],
})
export class LegalEntityModule {}
