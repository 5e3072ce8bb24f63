import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Role } from '@hub/auth';
import { ObservabilityModule } from '@hub/observability';
import { Roles, accessRuleGaps } from '@hub/subgraph';
import { SUBGRAPHS } from '../../apps/hub/src/subgraphs.js';

/** Every class a Nest module brings in (providers and controllers, through imports and dynamic modules). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function classesOf(root: unknown, seen = new Set<unknown>(), found = new Set<Function>()): Set<Function> {
  if (!root || seen.has(root)) return found;
  seen.add(root);
  const dynamic =
    typeof root === 'object' && 'module' in root
      ? (root as Record<string, unknown[] | undefined> & { module: unknown })
      : null;
  const module = dynamic ? dynamic.module : root;
  const meta = (key: string): unknown[] => [
    ...((typeof module === 'function' ? (Reflect.getMetadata(key, module) as unknown[] | undefined) : undefined) ?? []),
    ...((dynamic?.[key] as unknown[] | undefined) ?? []),
  ];
  for (const provider of [...meta('providers'), ...meta('controllers')]) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    const type = typeof provider === 'function' ? provider : (provider as { useClass?: Function } | null)?.useClass;
    if (typeof type === 'function') found.add(type);
  }
  for (const imported of meta('imports')) classesOf(imported, seen, found);
  return found;
}

describe('below the gateway: every operation and route declares who may call it', () => {
  it.each(SUBGRAPHS.map((s) => [s.name, s.module] as const))(
    '%s: no query, mutation or route without an access rule',
    (_name, module) => {
      const classes = classesOf(module);
      expect([...classes].map((c) => c.name)).toEqual(
        expect.arrayContaining(['HealthController', 'MetricsController']),
      );
      expect(accessRuleGaps(classes)).toEqual([]);
    },
  );

  it('finds a query, a mutation or a route without a rule (so the check above can fail)', () => {
    @Resolver()
    class Careless {
      @Query(() => String)
      leaky(): string {
        return 'everything';
      }

      @Roles(Role.ADMIN)
      @Query(() => String)
      guarded(): string {
        return 'admins only';
      }
    }
    @Controller('open')
    class CarelessRoutes {
      @Get()
      door(): string {
        return 'come in';
      }
    }
    @Module({
      imports: [ObservabilityModule.forRoot('careless')],
      providers: [Careless],
      controllers: [CarelessRoutes],
    })
    class CarelessModule {}
    expect(accessRuleGaps(classesOf(CarelessModule))).toEqual(['Careless.leaky', 'CarelessRoutes.door']);
  });
});

describe('below the gateway: the production shape publishes the gateway alone', () => {
  /** The services of docker-compose.yml with their published ports and networks (a reading of its two-space layout). */
  const services = async () => {
    const text = await readFile('docker-compose.yml', 'utf8');
    const lines = text.split('\n');
    const start = lines.indexOf('services:');
    const found = new Map<string, { ports: boolean; networks: string }>();
    let current: string | undefined;
    for (const line of lines.slice(start + 1)) {
      if (/^\S/.test(line)) break;
      const service = /^ {2}([a-z-]+):\s*$/.exec(line);
      if (service) found.set((current = service[1]), { ports: false, networks: '' });
      else if (current && /^ {4}ports:/.test(line)) found.get(current)!.ports = true;
      else if (current && /^ {4}networks:/.test(line)) found.get(current)!.networks = line.trim();
    }
    return { text, found };
  };

  it('publishes only the gateway’s port, and keeps every other app, Postgres and Kafka on an internal network with no route out', async () => {
    const { text, found } = await services();
    expect([...found.keys()]).toEqual(
      expect.arrayContaining([
        'postgres',
        'kafka',
        'legal-entity',
        'population',
        'credit',
        'geospatial',
        'catalog',
        'once-only',
        'gateway',
      ]),
    );
    expect([...found].filter(([, s]) => s.ports).map(([name]) => name)).toEqual(['gateway']);
    // The apps take their networks from the shared x-app block; the infrastructure declares its own.
    expect(text).toMatch(/x-app: &app\n(?: {2}.*\n)*? {2}networks: \[internal\]/);
    for (const name of ['postgres', 'kafka']) expect(found.get(name)!.networks, name).toBe('networks: [internal]');
    expect(found.get('gateway')!.networks).toBe('networks: [internal, edge]');
    expect(text).toMatch(/\nnetworks:\n(?: {2}#.*\n)* {2}internal:\n {4}internal: true\n/);
  });
});
