import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventPublisher } from '@hub/events';
import { Metrics } from '@hub/observability';
import { BulkIngest, INGEST_REGISTERS, IngestController, type IngestRegisters } from '@hub/register';
import { STANDARD_ADDRESS_EXTRACT_FIELDS, StandardAddressInput } from '../address/dto/standard-address.input.js';
import { toAddressRecord } from '../address/standard-address.record.js';
import { STANDARD_ADDRESS_REGISTER } from '../address/standard-address.register.js';

/** Bulk ingest of standard-address extracts at POST /ingest/addresses. */
@Module({
  providers: [
    {
      provide: INGEST_REGISTERS,
      inject: [getDataSourceToken(), EventPublisher, Metrics],
      useFactory: (dataSource: DataSource, events: EventPublisher, metrics: Metrics): IngestRegisters => ({
        addresses: new BulkIngest(STANDARD_ADDRESS_REGISTER, dataSource, events, metrics, StandardAddressInput, toAddressRecord, STANDARD_ADDRESS_EXTRACT_FIELDS),
      }),
    },
  ],
  controllers: [IngestController],
  exports: [INGEST_REGISTERS],
})
export class GeospatialIngestModule {}
