import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventPublisher } from '@hub/events';
import { Metrics } from '@hub/observability';
import { BulkIngest, INGEST_REGISTERS, IngestController, type IngestRegisters } from '@hub/register';
import { LegalEntityRecordInput } from '../legal-entity/dto/legal-entity-record.input.js';
import { toRecord } from '../legal-entity/legal-entity.record.js';
import { LEGAL_ENTITY_REGISTER } from '../legal-entity/legal-entity.register.js';

/** The fields a row of a legal-entity extract may carry: those of LegalEntityRecordInput. */
export const LEGAL_ENTITY_EXTRACT_FIELDS: ReadonlySet<string> = new Set([
  'uscc', 'name', 'kind', 'status', 'statusEffectiveOn', 'statusReason', 'establishedOn', 'registeredCapitalAmount',
  'registeredCapitalCurrency', 'registrationAuthorityName', 'registrationAuthorityUscc', 'registeredAddress',
  'registeredAddressDivisionCode', 'businessScope', 'legalRepresentativeIdNumber', 'sourceDepartment', 'sourceSystem',
  'sourceRecordId', 'version',
]);

/** Bulk ingest of legal-entity extracts at POST /ingest/legal-entities. */
@Module({
  providers: [
    {
      provide: INGEST_REGISTERS,
      inject: [getDataSourceToken(), EventPublisher, Metrics],
      useFactory: (dataSource: DataSource, events: EventPublisher, metrics: Metrics): IngestRegisters => ({
        'legal-entities': new BulkIngest(LEGAL_ENTITY_REGISTER, dataSource, events, metrics, LegalEntityRecordInput, toRecord, LEGAL_ENTITY_EXTRACT_FIELDS),
      }),
    },
  ],
  controllers: [IngestController],
  exports: [INGEST_REGISTERS],
})
export class LegalEntityIngestModule {}
