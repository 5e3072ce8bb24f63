import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventPublisher } from '@hub/events';
import { RegisterWrites } from '@hub/register';
import { PersonReader } from './person.reader.js';
import { toPersonRecord } from './person.record.js';
import { PERSON_REGISTER } from './person.register.js';
import { PersonResolver } from './person.resolver.js';
import { PERSON_WRITES, PersonService } from './person.service.js';

/** Queries and single writes of persons and households (the GraphQL side of the library). */
@Module({
  providers: [
    PersonResolver,
    PersonReader,
    PersonService,
    {
      provide: PERSON_WRITES,
      inject: [getDataSourceToken(), EventPublisher],
      useFactory: (dataSource: DataSource, events: EventPublisher) => new RegisterWrites(PERSON_REGISTER, dataSource, events, toPersonRecord),
    },
  ],
  exports: [PersonReader],
})
export class PersonModule {}
