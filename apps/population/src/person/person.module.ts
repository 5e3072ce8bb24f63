import { Module } from '@nestjs/common';
import { RegisterModule } from '@hub/register';
import { PersonRecordInput } from './dto/person-record.input.js';
import { PersonReader } from './person.reader.js';
import { toPersonRecord } from './person.record.js';
import { PERSON_REGISTER } from './person.register.js';
import { PersonResolver } from './person.resolver.js';
import { PersonService } from './person.service.js';

/** Queries and single writes of persons and households (the GraphQL side of the library), and bulk ingest at POST /ingest/persons. */
@Module({
  imports: [
    RegisterModule.forFeature({
      spec: PERSON_REGISTER,
      input: PersonRecordInput,
      toRecord: toPersonRecord,
      ingestPath: 'persons',
    }),
  ],
  providers: [PersonResolver, PersonReader, PersonService],
  exports: [PersonReader],
})
export class PersonModule {}
