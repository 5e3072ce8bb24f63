import { Module } from '@nestjs/common';
import { RegisterModule } from '@hub/register';
import { CreditRecordInput } from './dto/credit-record.input.js';
import { CreditRecordReader } from './credit-record.reader.js';
import { toCreditRecord } from './credit-record.record.js';
import { CREDIT_RECORD_REGISTER } from './credit-record.register.js';
import { CreditRecordResolver, LegalEntityCreditResolver, PersonCreditResolver } from './credit-record.resolver.js';

/** Credit records, profiles and assessments (the GraphQL side of the library), and bulk ingest at POST /ingest/credit-records. */
@Module({
  imports: [
    RegisterModule.forFeature({
      spec: CREDIT_RECORD_REGISTER,
      input: CreditRecordInput,
      toRecord: toCreditRecord,
      ingestPath: 'credit-records',
    }),
  ],
  providers: [CreditRecordReader, CreditRecordResolver, LegalEntityCreditResolver, PersonCreditResolver],
})
export class CreditRecordModule {}
