import { Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type DataSourceOptions, type MixedList } from 'typeorm';
import { HealthRegistry, Metrics, createLogger } from '@hub/observability';
import { resolveDatabase, type DatabaseLocation } from './database-location.js';
import { assertSchemaName, migrateSchema } from './schema.js';
import { StatementCountingLogger } from './statement-counter.js';

export const DATABASE_LOCATION = Symbol('DATABASE_LOCATION');

export interface PersistenceOptions {
  /** The library's own Postgres schema: it owns everything in it and nothing outside it. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

/** TypeORM options of one library: its schema, its migrations, no synchronize, statements counted. */
export function dataSourceOptions(
  options: PersistenceOptions,
  location: DatabaseLocation,
  metrics?: Metrics,
): DataSourceOptions {
  const log = createLogger(`${options.schema}.db`);
  const logger = metrics
    ? new StatementCountingLogger(
        metrics.counter('hub_db_statements_total', 'SQL statements sent to the database'),
        metrics.histogram('hub_db_slow_query_seconds', 'Queries slower than the slow-query threshold'),
        (level, message, extra) => log[level](extra, message),
      )
    : undefined;
  return {
    type: 'postgres',
    url: location.url,
    schema: assertSchemaName(options.schema),
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    logger,
    logging: logger ? true : false,
    maxQueryExecutionTime: 1000,
    applicationName: `hub-${options.schema}`,
    extra: { max: location.poolSize, idleTimeoutMillis: 30_000 },
  };
}

class PersistenceHealth implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.health.register({ name: 'database', check: async () => void (await this.dataSource.query('SELECT 1')) });
  }
}

/**
 * The database of one library: resolves where it is (DATABASE_URL or the embedded database),
 * applies the library's migrations at boot, and exposes TypeORM's DataSource and repositories.
 */
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    const locationProvider = { provide: DATABASE_LOCATION, useFactory: () => resolveDatabase() };
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        // Named after the schema: in the all-in-one hub each library has its own data source, and
        // @nestjs/typeorm warns (on stdout) about several unnamed ones.
        TypeOrmModule.forRootAsync({
          name: options.schema,
          inject: [Metrics],
          useFactory: async (metrics: Metrics) => ({
            ...dataSourceOptions(options, await resolveDatabase(), metrics),
            // Wait for a database that is still starting; a failing migration will not fix itself.
            retryAttempts: 10,
            retryDelay: 2000,
            toRetry: (error: unknown) => !(error instanceof QueryFailedError),
          }),
          dataSourceFactory: async (dsOptions) => {
            const dataSource = await new DataSource(dsOptions!).initialize();
            await migrateSchema(dataSource, options.schema);
            return dataSource;
          },
        }),
      ],
      providers: [
        locationProvider,
        // Within one library the data source is simply "the" DataSource (@InjectDataSource()).
        { provide: getDataSourceToken(), useExisting: getDataSourceToken(options.schema) },
        {
          provide: PersistenceHealth,
          useFactory: (ds: DataSource, health: HealthRegistry) => new PersistenceHealth(ds, health),
          inject: [getDataSourceToken(), HealthRegistry],
        },
      ],
      exports: [getDataSourceToken(), DATABASE_LOCATION],
    };
  }
}
