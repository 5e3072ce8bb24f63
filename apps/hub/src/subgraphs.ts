import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions.js';
import { eventsSettled } from '@hub/events';
import { CatalogAppModule } from '../../catalog/src/catalog-app.module.js';
import { startCatalog } from '../../catalog/src/main.js';
import { LegalEntityAppModule } from '../../legal-entity/src/legal-entity-app.module.js';
import { startLegalEntity } from '../../legal-entity/src/main.js';
import { CreditAppModule } from '../../credit/src/credit-app.module.js';
import { startCredit } from '../../credit/src/main.js';
import { GeospatialAppModule } from '../../geospatial/src/geospatial-app.module.js';
import { startGeospatial } from '../../geospatial/src/main.js';
import { OnceOnlyAppModule } from '../../once-only/src/once-only-app.module.js';
import { startOnceOnly } from '../../once-only/src/main.js';
import { GatewayClient } from '../../once-only/src/gateway-client/gateway-client.js';
import { PopulationAppModule } from '../../population/src/population-app.module.js';
import { startPopulation } from '../../population/src/main.js';
import { SUBGRAPH_APPS, type SubgraphName } from '@hub/config';

export { subgraphUrlVariable } from '@hub/config';

export interface SubgraphEntry {
  /** The subgraph's name in the supergraph (and in SUBGRAPH_<NAME>_URL). */
  name: SubgraphName;
  module: unknown;
  /** The environment variable with its port, and the port a local all-in-one run uses. */
  portVariable: string;
  defaultPort: number;
  start(options: { shutdownHooks?: boolean }): Promise<NestFastifyApplication>;
  /** Tells a started app where the gateway is, when it calls the gateway itself (started after it). */
  useGateway?(app: INestApplication, gatewayUrl: string): void;
}

/**
 * How each subgraph of the registry (libs/config/src/app-registry.ts) is started: its Nest module and start
 * function. A subgraph added to the registry without a line here fails the typecheck.
 */
const WIRING: Record<SubgraphName, Pick<SubgraphEntry, 'module' | 'start' | 'useGateway'>> = {
  'legal-entity': { module: LegalEntityAppModule, start: startLegalEntity },
  population: { module: PopulationAppModule, start: startPopulation },
  credit: { module: CreditAppModule, start: startCredit },
  geospatial: { module: GeospatialAppModule, start: startGeospatial },
  catalog: { module: CatalogAppModule, start: startCatalog },
  'once-only': {
    module: OnceOnlyAppModule,
    start: startOnceOnly,
    useGateway: (app, url) => app.get(GatewayClient).useGateway(url),
  },
};

/**
 * Every subgraph — the four base libraries, the catalog and the once-only app — in the registry's
 * start order. The all-in-one launcher, the supergraph composition, the test hub and the benchmarks
 * all take the list from here.
 */
export const SUBGRAPHS: SubgraphEntry[] = SUBGRAPH_APPS.map((app) => ({
  name: app.name,
  portVariable: app.port.variable,
  defaultPort: app.port.default,
  ...WIRING[app.name],
}));

/** Waits until the started subgraphs' events are relayed and consumed (see eventsSettled). */
export function subgraphEventsSettled(apps: readonly INestApplication[], timeoutMs?: number): Promise<boolean> {
  const ledgers = apps.map((app) => {
    const dataSource = app.get<DataSource>(getDataSourceToken(), { strict: false });
    return { db: dataSource, schema: (dataSource.options as PostgresConnectionOptions).schema! };
  });
  return eventsSettled(ledgers, { timeoutMs });
}

/** Tells the apps that call the gateway where it is (unless HUB_GATEWAY_URL says so already). */
export function connectToGateway(apps: Record<string, INestApplication>, gatewayUrl: string): void {
  if (process.env.HUB_GATEWAY_URL) return;
  for (const subgraph of SUBGRAPHS)
    if (subgraph.useGateway && apps[subgraph.name]) subgraph.useGateway(apps[subgraph.name], gatewayUrl);
}
