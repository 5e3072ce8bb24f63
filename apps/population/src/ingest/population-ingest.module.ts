import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventPublisher } from '@hub/events';
import { Metrics } from '@hub/observability';
import { BulkIngest, INGEST_REGISTERS, IngestController, type IngestRegisters } from '@hub/register';
import { PERSON_EXTRACT_FIELDS, PersonRecordInput } from '../person/dto/person-record.input.js';
import { toPersonRecord } from '../person/person.record.js';
import { PERSON_REGISTER } from '../person/person.register.js';

/** Bulk ingest of person extracts at POST /ingest/persons. */
@Module({
  providers: [
    {
      provide: INGEST_REGISTERS,
      inject: [getDataSourceToken(), EventPublisher, Metrics],
      useFactory: (dataSource: DataSource, events: EventPublisher, metrics: Metrics): IngestRegisters => ({
        persons: new BulkIngest(PERSON_REGISTER, dataSource, events, metrics, PersonRecordInput, toPersonRecord, PERSON_EXTRACT_FIELDS),
      }),
    },
  ],
  controllers: [IngestController],
  exports: [INGEST_REGISTERS],
})
export class PopulationIngestModule {}
