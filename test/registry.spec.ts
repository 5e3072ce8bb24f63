// The registry of apps and libraries (libs/config/src/app-registry.ts) against everything that lists them: the
// folders, the generated files, the launcher, the database tools, docker-compose.yml and the docs.
// Each check names what to do when it fails; the steps are in docs/recipes.md "Add an app".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BASE_LIBRARY_GRAPHS, GOVERNED_GRAPHS } from '@hub/policy';
import { GatewayConfig } from '../apps/gateway/src/gateway.config.js';
import { SUBGRAPHS, subgraphUrlVariable } from '../apps/hub/src/subgraphs.js';
import { LIBRARY_SCHEMAS } from '../scripts/library-schemas.js';
import { APPS, LIBS, SCHEMA_OWNERS, SUBGRAPH_APPS, type AppEntry } from '@hub/config';
import { generatedFiles, libPaths, withPaths } from '../scripts/registry-sync.js';

const folders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe('the registry of apps and libraries (libs/config/src/app-registry.ts)', () => {
  it('has every folder under apps/ and libs/, and nothing else', () => {
    expect(
      APPS.map((app) => app.name).sort(),
      'an app folder is missing from libs/config/src/app-registry.ts APPS (or an entry has no folder)',
    ).toEqual(folders('apps'));
    expect(
      LIBS.map((lib) => lib.name).sort(),
      'a library folder is missing from libs/config/src/app-registry.ts LIBS (or an entry has no folder)',
    ).toEqual(folders('libs'));
  });

  it('names each app and library once, and each port once', () => {
    const names = [...APPS, ...LIBS].map((entry) => entry.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    const ports = APPS.flatMap((app) => ('port' in app ? [app.port.default] : []));
    expect(ports.filter((port, i) => ports.indexOf(port) !== i)).toEqual([]);
    const variables = APPS.flatMap((app) => ('port' in app ? [app.port.variable] : []));
    expect(variables.filter((variable, i) => variables.indexOf(variable) !== i)).toEqual([]);
  });

  it('points at what exists: each library has its public surface, each Nest app its main.ts', () => {
    const missing = [
      ...LIBS.map((lib) => `libs/${lib.name}/src/index.ts`),
      ...APPS.filter((app) => app.kind !== 'console').map((app) => `apps/${app.name}/src/main.ts`),
    ].filter((path) => !existsSync(path));
    expect(missing).toEqual([]);
  });

  it('generates nest-cli.json and the path aliases of tsconfig.json and .swcrc: none has drifted (npm run registry:sync)', async () => {
    const stale = (await generatedFiles()).filter((file) => file.actual !== file.expected).map((file) => file.path);
    expect(stale, 'run `npm run registry:sync` and commit the result').toEqual([]);
    // Every Nest app and library is a project of nest-cli.json.
    const nest = JSON.parse(readFileSync('nest-cli.json', 'utf8')) as { projects: Record<string, { root: string }> };
    expect(Object.keys(nest.projects).sort()).toEqual(
      [...APPS.filter((app) => app.kind !== 'console'), ...LIBS].map((entry) => entry.name).sort(),
    );
  });

  it('notices a library missing from a paths block (the check that registry:check runs)', () => {
    const file =
      '{\n  "compilerOptions": {\n    "paths": {\n      "@hub/identifiers": ["./libs/identifiers/src/index.ts"]\n    }\n  }\n}\n';
    const expected = withPaths(file, libPaths(), 'tsconfig.json');
    expect(expected).not.toBe(file);
    expect(expected).toContain('      "@hub/working-days": ["./libs/working-days/src/index.ts"],\n');
    // Generating is stable: what it wrote is what it expects.
    expect(withPaths(expected, libPaths(), 'tsconfig.json')).toBe(expected);
    expect(() => withPaths('{}', libPaths(), 'x.json')).toThrow(/has no "paths"/);
  });

  it('is what the launcher starts: every subgraph, in its order, on its port', () => {
    expect(SUBGRAPHS.map((s) => [s.name, s.portVariable, s.defaultPort])).toEqual(
      SUBGRAPH_APPS.map((app) => [app.name, app.port.variable, app.port.default]),
    );
    for (const app of SUBGRAPH_APPS) {
      expect(
        readFileSync(`apps/${app.name}/src/main.ts`, 'utf8'),
        `apps/${app.name}/src/main.ts listens as another app`,
      ).toContain(`subgraphListen('${app.name}')`);
    }
    expect(new GatewayConfig().GATEWAY_PORT).toBe(APPS.find((app) => app.kind === 'gateway')?.port.default);
  });

  it('says which apps own a schema, and each has its migrations for it', () => {
    expect(Object.keys(LIBRARY_SCHEMAS)).toEqual(SCHEMA_OWNERS.map((app) => app.name));
    for (const app of SCHEMA_OWNERS) {
      expect(LIBRARY_SCHEMAS[app.name].schema, `${app.name}'s persistence options`).toBe(app.databaseSchema);
      expect(LIBRARY_SCHEMAS[app.name].migrations?.length, `${app.name} has no migrations`).toBeGreaterThan(0);
    }
    const withMigrations = APPS.filter((app) => existsSync(`apps/${app.name}/src/migrations`)).map((app) => app.name);
    expect(withMigrations, 'an app with a migrations folder but no databaseSchema in the registry').toEqual(
      SCHEMA_OWNERS.map((app) => app.name),
    );
  });

  it('is what the catalog governs: the base libraries and the other governed subgraphs of libs/policy', () => {
    // join__Graph's value of a subgraph: legal-entity → LEGAL_ENTITY.
    const graph = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
    const flagged = (flag: 'baseLibrary' | 'catalogGoverned') =>
      SUBGRAPH_APPS.filter((app: AppEntry) => app[flag] === true)
        .map((app) => graph(app.name))
        .sort();
    expect([...BASE_LIBRARY_GRAPHS].sort()).toEqual(flagged('baseLibrary'));
    expect([...GOVERNED_GRAPHS].sort()).toEqual(flagged('catalogGoverned'));
  });

  it('is what docker-compose.yml deploys: a service per app with a port, the gateway pointed at every subgraph', () => {
    const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
      services: Record<
        string,
        {
          command?: string[];
          environment?: Record<string, unknown>;
          healthcheck?: { test?: string[] };
          depends_on?: Record<string, unknown>;
        }
      >;
    };
    const hubServices = Object.entries(compose.services).filter(([, s]) =>
      s.command?.some((c) => c.startsWith('dist/apps/')),
    );
    const deployed = APPS.filter((app) => 'port' in app);
    expect(hubServices.map(([name]) => name).sort()).toEqual(deployed.map((app) => app.name).sort());
    for (const app of deployed) {
      const service = compose.services[app.name];
      expect(service.command, app.name).toContain(`dist/apps/${app.name}/src/main.js`);
      expect(service.environment?.[app.port.variable], `${app.name}: ${app.port.variable}`).toBe(app.port.default);
      expect(service.healthcheck?.test?.join(' '), `${app.name}'s healthcheck`).toContain(
        `:${app.port.default}/health`,
      );
    }
    const gateway = compose.services.gateway;
    for (const app of SUBGRAPH_APPS) {
      expect(
        gateway.environment?.[subgraphUrlVariable(app.name)],
        `the gateway's ${subgraphUrlVariable(app.name)}`,
      ).toBe(`http://${app.name}:${app.port.default}/graphql`);
      expect(gateway.depends_on?.[app.name], `the gateway waits for ${app.name}`).toEqual({
        condition: 'service_healthy',
      });
    }
  });

  it('is what the docs list: docs/architecture.md names every app and library, the README every @hub/<lib>', () => {
    const architecture = readFileSync('docs/architecture.md', 'utf8');
    const layout = [...APPS.map((app) => `apps/${app.name}`), ...LIBS.map((lib) => `libs/${lib.name}`)].filter(
      (path) => !new RegExp(`^${path}\\s`, 'm').test(architecture),
    );
    expect(layout, 'missing from the layout in docs/architecture.md "Processes and code layout"').toEqual([]);
    const readme = readFileSync('README.md', 'utf8');
    expect(
      LIBS.filter((lib) => !readme.includes(`\`@hub/${lib.name}\``)).map((lib) => lib.name),
      'missing from the README\'s "Architecture in brief"',
    ).toEqual([]);
  });

  it('docs/recipes.md names only files and scripts that exist (its checklists stay true)', () => {
    const recipes = readFileSync('docs/recipes.md', 'utf8');
    const paths = [...recipes.matchAll(/(?:`|\b)((?:apps|libs|scripts|test|docs|schemas)\/[\w./-]*\w)/g)]
      .map((m) => m[1])
      .filter((path) => !path.includes('<'));
    expect(paths.length).toBeGreaterThan(10);
    expect([...new Set(paths)].filter((path) => !existsSync(path))).toEqual([]);
    const scripts = Object.keys(
      (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts,
    );
    const named = [...recipes.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(named.filter((script) => !scripts.includes(script))).toEqual([]);
  });
});
