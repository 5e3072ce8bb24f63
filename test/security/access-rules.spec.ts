import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
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
  const dynamic = typeof root === 'object' && 'module' in root ? (root as Record<string, unknown[] | undefined> & { module: unknown }) : null;
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
  it.each(SUBGRAPHS.map((s) => [s.name, s.module] as const))('%s: no query, mutation or route without an access rule', (_name, module) => {
    const classes = classesOf(module);
    expect([...classes].map((c) => c.name)).toEqual(expect.arrayContaining(['HealthController', 'MetricsController']));
    expect(accessRuleGaps(classes)).toEqual([]);
  });

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
    @Module({ imports: [ObservabilityModule.forRoot('careless')], providers: [Careless], controllers: [CarelessRoutes] })
    class CarelessModule {}
    expect(accessRuleGaps(classesOf(CarelessModule))).toEqual(['Careless.leaky', 'CarelessRoutes.door']);
  });
});
