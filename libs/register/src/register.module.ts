import { Inject, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventPublisher } from '@hub/events';
import { Metrics } from '@hub/observability';
import { BulkIngest } from './ingest/bulk-ingest.js';
import { INGEST_REGISTERS, IngestController, type IngestRegisters } from './ingest/ingest.controller.js';
import { extractFieldsOf } from './register-record.input.js';
import type { RegisterSpec } from './register-spec.js';
import { RegisterWrites, type RecordMapper } from './register-writes.js';

/** What a library hands the register module: the register, its input and how input becomes a record. */
export interface RegisterFeature<I extends object> {
  spec: RegisterSpec;
  /** The input class of one record: the GraphQL mutations' input and the shape of every extract row. */
  input: new () => I;
  toRecord: RecordMapper<I>;
  /** Bulk ingest takes extracts of this register at POST /ingest/<ingestPath>. */
  ingestPath: string;
}

/** The injection token of a register's RegisterWrites. */
export function registerWritesToken(spec: RegisterSpec): string {
  return `RegisterWrites:${spec.schema}.${spec.table}`;
}

/** Injects the RegisterWrites that RegisterModule.forFeature(spec) provides. */
export const InjectRegisterWrites = (spec: RegisterSpec): PropertyDecorator & ParameterDecorator =>
  Inject(registerWritesToken(spec));

/**
 * One register of a library, wired once: its single writes (inject with InjectRegisterWrites)
 * and its bulk ingest (POST /ingest/<path>, rows validated against the input class and mapped
 * by the same `toRecord`), both applying records with the same SQL.
 */
@Module({})
export class RegisterModule {
  static forFeature<I extends object>(feature: RegisterFeature<I>): DynamicModule {
    const writes: Provider = {
      provide: registerWritesToken(feature.spec),
      inject: [getDataSourceToken(), EventPublisher],
      useFactory: (dataSource: DataSource, events: EventPublisher) =>
        new RegisterWrites(feature.spec, dataSource, events, feature.toRecord),
    };
    const ingest: Provider = {
      provide: INGEST_REGISTERS,
      inject: [getDataSourceToken(), EventPublisher, Metrics],
      useFactory: (dataSource: DataSource, events: EventPublisher, metrics: Metrics): IngestRegisters => ({
        [feature.ingestPath]: new BulkIngest(
          feature.spec,
          dataSource,
          events,
          metrics,
          feature.input,
          feature.toRecord,
          extractFieldsOf(feature.input),
        ),
      }),
    };
    return {
      module: RegisterModule,
      providers: [writes, ingest],
      controllers: [IngestController],
      exports: [registerWritesToken(feature.spec), INGEST_REGISTERS],
    };
  }
}
