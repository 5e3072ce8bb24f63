import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventPublisher } from '@hub/events';
import { RegisterWrites } from '@hub/register';
import { CreditRecordReader } from './credit-record.reader.js';
import { toCreditRecord } from './credit-record.record.js';
import { CREDIT_RECORD_REGISTER } from './credit-record.register.js';
import { CREDIT_RECORD_WRITES, CreditRecordResolver, LegalEntityCreditResolver, PersonCreditResolver } from './credit-record.resolver.js';

/** Credit records, profiles and assessments (the GraphQL side of the library). */
@Module({
  providers: [
    CreditRecordReader,
    CreditRecordResolver,
    LegalEntityCreditResolver,
    PersonCreditResolver,
    {
      provide: CREDIT_RECORD_WRITES,
      inject: [getDataSourceToken(), EventPublisher],
      useFactory: (dataSource: DataSource, events: EventPublisher) => new RegisterWrites(CREDIT_RECORD_REGISTER, dataSource, events, toCreditRecord),
    },
  ],
})
export class CreditRecordModule {}
