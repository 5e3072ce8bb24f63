// The hub's apps and libraries, one entry each. Everything that lists them reads this file:
//   - generated from it by `npm run registry:sync` (checked by `npm run registry:check`, CI):
//     nest-cli.json's projects, the `@hub/<lib>` paths of tsconfig.json and .swcrc;
//   - read at run time: the all-in-one launcher and the test hub (apps/hub/src/subgraphs.ts: which
//     subgraphs start, in which order, on which port), each subgraph's main.ts (its port), the
//     gateway (the SUBGRAPH_<NAME>_URL naming rule), the supergraph composition, the database
//     tools (scripts/library-schemas.ts: migration:generate, test/migrations.spec.ts) and CI (the
//     migration check of every app that owns a schema, the smoke test's ports);
//   - checked against it by test/registry.spec.ts: the folders under apps/ and libs/,
//     docker-compose.yml's services, the governed graphs of libs/policy, docs/architecture.md's
//     layout and the README's list of libraries.
// Adding an app or a library: docs/recipes.md.
//
// Plain data and small helpers, with no import, so that anything can read it (an app, a script, a
// spec, CI through the build).

export type AppKind =
  /** `npm start`: every other app in one process (apps/hub). */
  | 'hub'
  /** The one way in: API keys, the catalog's policy, the supergraph (apps/gateway). */
  | 'gateway'
  /** A Federation 2 subgraph behind the gateway, with a Postgres schema of its own. */
  | 'subgraph'
  /** The stewards' browser app, bundled by Vite (not a Nest app). */
  | 'console';

export interface AppEntry {
  /** Its folder under apps/, and its name everywhere (supergraph, logs, signed access, compose service). */
  readonly name: string;
  readonly kind: AppKind;
  /** The environment variable with its port, and the port it listens on when that is unset. */
  readonly port?: { readonly variable: string; readonly default: number };
  /**
   * The Postgres schema the app owns, created and changed only by its migrations
   * (apps/<name>/src/migrations, checked against its entities by CI).
   */
  readonly databaseSchema?: string;
  /** One of the four base libraries (基础库) of the hub, as opposed to the catalog or the once-only app. */
  readonly baseLibrary?: boolean;
  /**
   * The catalog governs every field of its schema (catalog:check; libs/policy GOVERNED_GRAPHS): the
   * base libraries and the once-only app, which serve data about citizens and companies.
   */
  readonly catalogGoverned?: boolean;
}

export interface LibEntry {
  /** Its folder under libs/; imported as `@hub/<name>` (its src/index.ts) and nothing deeper. */
  readonly name: string;
}

/** The apps. Subgraphs are listed in start order: a subgraph starts after those it needs. */
export const APPS = [
  { name: 'hub', kind: 'hub' },
  { name: 'gateway', kind: 'gateway', port: { variable: 'GATEWAY_PORT', default: 4000 } },
  {
    name: 'legal-entity',
    kind: 'subgraph',
    port: { variable: 'LEGAL_ENTITY_PORT', default: 4101 },
    databaseSchema: 'legal_entity',
    baseLibrary: true,
    catalogGoverned: true,
  },
  {
    name: 'population',
    kind: 'subgraph',
    port: { variable: 'POPULATION_PORT', default: 4102 },
    databaseSchema: 'population',
    baseLibrary: true,
    catalogGoverned: true,
  },
  {
    name: 'credit',
    kind: 'subgraph',
    port: { variable: 'CREDIT_PORT', default: 4103 },
    databaseSchema: 'credit',
    baseLibrary: true,
    catalogGoverned: true,
  },
  {
    name: 'geospatial',
    kind: 'subgraph',
    port: { variable: 'GEOSPATIAL_PORT', default: 4104 },
    databaseSchema: 'geospatial',
    baseLibrary: true,
    catalogGoverned: true,
  },
  { name: 'catalog', kind: 'subgraph', port: { variable: 'CATALOG_PORT', default: 4105 }, databaseSchema: 'catalog' },
  {
    name: 'once-only',
    kind: 'subgraph',
    port: { variable: 'ONCE_ONLY_PORT', default: 4106 },
    databaseSchema: 'once_only',
    catalogGoverned: true,
  },
  { name: 'console', kind: 'console' },
] as const satisfies readonly AppEntry[];

/** The libraries, in the order of the path aliases (tsconfig.json, .swcrc). */
export const LIBS = [
  { name: 'identifiers' },
  { name: 'persistence' },
  { name: 'events' },
  { name: 'subgraph' },
  { name: 'config' },
  { name: 'observability' },
  { name: 'register' },
  { name: 'synthetic-data' },
  { name: 'geo' },
  { name: 'policy' },
  { name: 'working-days' },
  { name: 'auth' },
  { name: 'contracts' },
] as const satisfies readonly LibEntry[];

export type App = (typeof APPS)[number];
export type AppName = App['name'];
export type SubgraphApp = Extract<App, { kind: 'subgraph' }>;
export type SubgraphName = SubgraphApp['name'];
/** The apps that own a Postgres schema (and so have migrations). */
export type SchemaOwnerName = Extract<App, { databaseSchema: string }>['name'];

/** The subgraphs, in start order. */
export const SUBGRAPH_APPS: readonly SubgraphApp[] = APPS.filter((app): app is SubgraphApp => app.kind === 'subgraph');

/** The apps that own a Postgres schema, in start order. */
export const SCHEMA_OWNERS: ReadonlyArray<Extract<App, { databaseSchema: string }>> = APPS.filter(
  (app): app is Extract<App, { databaseSchema: string }> => 'databaseSchema' in app,
);

export function subgraphApp(name: SubgraphName): SubgraphApp {
  return SUBGRAPH_APPS.find((app) => app.name === name)!;
}

/** The env var the gateway reads a subgraph's URL from (legal-entity → SUBGRAPH_LEGAL_ENTITY_URL). */
export function subgraphUrlVariable(name: string): string {
  return `SUBGRAPH_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`;
}

/** What `bootstrapSubgraph` needs of a subgraph's entry: its name, port variable and default port. */
export function subgraphListen(name: SubgraphName): { name: SubgraphName; portVariable: string; defaultPort: number } {
  const app = subgraphApp(name);
  return { name, portVariable: app.port.variable, defaultPort: app.port.default };
}
