import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventPublisher } from '@hub/events';
import { Metrics } from '@hub/observability';
import { BulkIngest, INGEST_REGISTERS, IngestController, type IngestRegisters } from '@hub/register';
import { CREDIT_RECORD_EXTRACT_FIELDS, CreditRecordInput } from '../credit-record/dto/credit-record.input.js';
import { toCreditRecord } from '../credit-record/credit-record.record.js';
import { CREDIT_RECORD_REGISTER } from '../credit-record/credit-record.register.js';

/** Bulk ingest of credit-record extracts (licences, penalties, list entries, commitments) at POST /ingest/credit-records. */
@Module({
  providers: [
    {
      provide: INGEST_REGISTERS,
      inject: [getDataSourceToken(), EventPublisher, Metrics],
      useFactory: (dataSource: DataSource, events: EventPublisher, metrics: Metrics): IngestRegisters => ({
        'credit-records': new BulkIngest(CREDIT_RECORD_REGISTER, dataSource, events, metrics, CreditRecordInput, toCreditRecord, CREDIT_RECORD_EXTRACT_FIELDS),
      }),
    },
  ],
  controllers: [IngestController],
  exports: [INGEST_REGISTERS],
})
export class CreditIngestModule {}
